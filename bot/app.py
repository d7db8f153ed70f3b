"""Putting the pieces together: database, conversation core, web server."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from typing import Any

from aiohttp import web

import handlers
from bot.channels import RedactSecrets
from bot.channels.base import Adapter
from bot.clock import Clock
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.delivery import OutboxSender, Pacing
from bot.flow import check_flows
from bot.knowledge import built_in
from bot.web import make_app
from scheduler.runner import Scheduler
from storage import wards
from storage.db import Database
from storage.wards import DemoWard

log = logging.getLogger(__name__)


class Application:
    """The running bot. `async with Application(settings) as app: await app.serve()`."""

    def __init__(self, settings: Settings, clock: Clock | None = None) -> None:
        self.settings = settings
        # The one clock: every part below is handed it (tests hand a set one).
        self.clock = clock or Clock()
        self.port = settings.port
        # Set once the web server, the channels and the outbox senders are running.
        self.ready = asyncio.Event()
        _keep_tokens_out_of_logs(settings)
        self.db = Database(settings.database_url, self.clock)
        flows = handlers.all_flows()
        check_flows(flows)  # a flow declared wrong stops start-up here, saying where
        self.core = ConversationCore(self.db, settings, flows, handlers.COMMANDS)
        self.web = make_app(self.core, self.db)
        self.channels = self._channels()
        for channel in self.channels:
            channel.add_routes(self.web)
        self.senders = [
            OutboxSender(self.db, c, self._pacing(c.name), c.limiter) for c in self.channels
        ]

    def _channels(self) -> list[Adapter]:
        """Telegram and Zalo, each when its token is set (the web chat is always on)."""
        channels: list[Adapter] = []
        if self.settings.telegram_bot_token:
            from bot.channels.telegram import TelegramChannel

            channels.append(TelegramChannel(self.core, self.settings))
        if self.settings.zalo_bot_token:
            from bot.channels.zalo import ZaloChannel

            channels.append(ZaloChannel(self.core, self.settings))
        return channels

    def _pacing(self, channel: str) -> Pacing:
        s = self.settings
        return Pacing(
            rate_per_second=getattr(s, f"{channel}_rate_per_second"),
            per_chat_interval=s.outbox_per_chat_interval_seconds,
            group_chat_interval=s.outbox_group_chat_interval_seconds,
            max_attempts=s.outbox_max_attempts,
        )

    async def __aenter__(self) -> Application:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.db.close()

    async def seed_demo_if_empty(self) -> DemoWard | None:
        """On an empty database, make the demo ward (unless seeding is turned off); when it
        exists already, find it again so its invite codes can be shown at every start."""
        if not self.settings.seed_demo:
            return None
        async with self.db.sessions() as db, db.begin():
            if await wards.count_wards(db) > 0:
                return await wards.find_demo(db, self.clock.now())
            return await wards.seed_demo(db, self.clock.now())

    async def serve(self, stop: asyncio.Event | None = None) -> None:
        """Serve the web chat until `stop` is set or the process gets SIGINT/SIGTERM."""
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):
                # No signal handlers on this platform or outside the main thread (tests):
                # the caller's `stop` event still ends serving.
                continue
        runner = web.AppRunner(self.web, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.host, self.settings.port)
        await site.start()
        self.port = _bound_port(runner) or self.settings.port
        log.info("web chat ready: open http://%s:%s/", self.settings.host, self.port)
        started: list[Adapter] = []
        senders: list[asyncio.Task[None]] = []
        scheduler = self.start_scheduler()
        try:
            for channel in self.channels:
                await channel.start()
                started.append(channel)
            senders = [asyncio.create_task(s.run(stop)) for s in self.senders]
            # The help desk's index (0.2-0.6 s to build) is made now, not on the first
            # resident's question.
            await asyncio.to_thread(built_in)
            freeze_start_up_objects()
            self.ready.set()
            await stop.wait()
        finally:
            stop.set()
            gc.unfreeze()  # what was frozen may be collected again once serving ends
            if scheduler is not None:
                await scheduler.stop()
            if senders:
                await asyncio.gather(*senders, return_exceptions=True)
            for channel in reversed(started):
                try:
                    await channel.stop()
                except Exception:
                    log.exception("%s did not stop cleanly", channel.name)
            await runner.cleanup()

    def start_scheduler(self) -> Scheduler | None:
        """Weekly tallies and reminders, unless this process is an extra web worker
        (`ngoso run --no-scheduler`); a lease in the database keeps it to one process."""
        if not self.settings.scheduler:
            log.info("scheduler off in this process (--no-scheduler)")
            return None
        scheduler = Scheduler(self.db, self.core.files, self.settings, clock=self.clock)
        scheduler.start()
        return scheduler


def freeze_start_up_objects() -> None:
    """Keep Python's occasional full garbage collection short while the bot serves.

    What start-up made (modules, mappers, compiled texts, the help desk's index) lives as long
    as the process, yet a full collection walks through all of it every few seconds on a busy
    bot: about 100 ms during which no chat is answered. Frozen, those objects are left out
    of every collection; a full one then takes 1-2 ms (bench/bench_core.py)."""
    gc.collect()
    gc.freeze()


def _bound_port(runner: web.AppRunner) -> int | None:
    """The port the web server listens on (the one the system chose, for port 0)."""
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return None


def _keep_tokens_out_of_logs(settings: Settings) -> None:
    """Bot tokens are part of API URLs: filter them out of every log line, and keep the HTTP
    client's request log (which prints URLs) quiet."""
    tokens = [settings.telegram_bot_token, settings.zalo_bot_token]
    if not any(tokens):
        return
    redact = RedactSecrets(tokens)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactSecrets) for f in handler.filters):
            handler.addFilter(redact)
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
