"""Putting the pieces together: database, conversation core, web server."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import signal
from typing import Any

from aiohttp import web

import handlers
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.web import make_app
from scheduler.runner import Scheduler
from storage import members, wards
from storage.db import Database
from storage.models import utcnow
from storage.wards import DemoWard

log = logging.getLogger(__name__)


class Application:
    """The running bot. `async with Application(settings) as app: await app.serve()`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.db = Database(settings.database_url)
        self.core = ConversationCore(self.db, settings, handlers.all_flows(), handlers.COMMANDS)
        self.web = make_app(self.core, self.db, secure_cookie=settings.web_cookie_secure)

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
                return await wards.find_demo(db, utcnow())
            return await wards.seed_demo(db, utcnow())

    async def tidy(self) -> None:
        """Start-up housekeeping: forget handled-message ids older than a week."""
        async with self.db.sessions() as db, db.begin():
            week_ago = utcnow() - dt.timedelta(days=7)
            dropped = await members.forget_processed_messages(db, week_ago)
        if dropped:
            log.info("forgot %d handled-message ids older than a week", dropped)

    async def serve(self, stop: asyncio.Event | None = None) -> None:
        """Serve the web chat until `stop` is set or the process gets SIGINT/SIGTERM."""
        stop = stop or asyncio.Event()
        await self.tidy()
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
        log.info("web chat ready: open http://%s:%s/", self.settings.host, self.settings.port)
        scheduler = self.start_scheduler()
        try:
            await stop.wait()
        finally:
            if scheduler is not None:
                await scheduler.stop()
            await runner.cleanup()

    def start_scheduler(self) -> Scheduler | None:
        """Weekly tallies and reminders, unless this process is an extra web worker
        (`ngoso run --no-scheduler`); a lease in the database keeps it to one process."""
        if not self.settings.scheduler:
            log.info("scheduler off in this process (--no-scheduler)")
            return None
        scheduler = Scheduler(self.db, self.core.files, self.settings)
        scheduler.start()
        return scheduler
