"""Running the whole bot (web server, channels, outbox senders) against fake platforms."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from bot.app import Application
from bot.clock import ShiftedClock
from bot.config import Settings
from tests.conftest import START


@asynccontextmanager
async def running(settings: Settings, **changes: Any) -> AsyncIterator[Application]:
    """The bot serving on a free port until the block ends."""
    values = settings.model_dump()
    values.update(host="127.0.0.1", port=0, **changes)
    app = Application(Settings(**values, _env_file=None), ShiftedClock(START))
    stop = asyncio.Event()
    task = asyncio.create_task(app.serve(stop))
    ready = asyncio.create_task(app.ready.wait())
    done, _ = await asyncio.wait({task, ready}, timeout=20, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        ready.cancel()
        await task  # raises what went wrong at start-up
    assert ready in done, "the bot did not start"
    try:
        yield app
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        await app.db.close()


async def eventually(predicate: Callable[[], bool], within: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not predicate():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.02)
