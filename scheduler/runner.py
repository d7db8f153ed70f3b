"""The scheduler: APScheduler wakes it every minute; it takes the single-scheduler lease
and does whatever is due and not yet done.

Why a tick rather than one APScheduler job per ward: APScheduler 3 keeps its jobs in memory,
so a job that fell due while the process was down is lost. Here the triggers (APScheduler's
own cron triggers, in Vietnam's time zone) only say *when* something falls due; what was
done is recorded in `scheduled_runs`, so after a restart the missed run is done once, and two
processes cannot both do it."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot import dates
from bot.config import Settings
from bot.dates import When
from bot.files import FileStore
from bot.flow import LOCAL_TZ
from handlers.periods import period_key
from scheduler import deadlines, followups, nudges, timing, weekly
from storage import backup, members, schedule, stats
from storage.db import Database, Session

log = logging.getLogger(__name__)

# How far back a missed weekly run is still caught up (the latest one only).
WEEKLY_LOOKBACK = dt.timedelta(days=8)
MONTHLY_LOOKBACK = dt.timedelta(days=32)
DAILY_LOOKBACK = dt.timedelta(days=2)
# A weekly run claimed this long ago and not finished was cut short by a crash.
UNFINISHED_AFTER = dt.timedelta(minutes=15)
# Handled-message ids (and the answers kept for a replay) are forgotten after this: channels
# redeliver within minutes, so a week is plenty to catch duplicates.
HANDLED_KEPT = dt.timedelta(days=7)

DailyWork = Callable[[Session, dt.date, dt.datetime], Awaitable[int]]


class Scheduler:
    """`start()` inside a running event loop, `await stop()` at the end. `clock` gives the
    current time (tests pass a controllable one)."""

    def __init__(
        self,
        db: Database,
        files: FileStore,
        settings: Settings,
        *,
        clock: Callable[[], dt.datetime],
        holder: str | None = None,
    ) -> None:
        self.db = db
        self.files = files
        self.settings = settings
        self.clock = clock
        self.holder = holder or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self._aps: AsyncIOScheduler | None = None
        self._first: asyncio.Task[list[str]] | None = None

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        """Tick now (catching up what fell due while the process was down), then every
        `scheduler_tick_seconds`."""
        self._aps = AsyncIOScheduler(timezone=LOCAL_TZ)
        self._aps.add_job(
            self.tick,
            IntervalTrigger(seconds=self.settings.scheduler_tick_seconds, timezone=LOCAL_TZ),
            id="tick",
            max_instances=1,
            coalesce=True,
        )
        self._aps.start()
        # The first tick at once (APScheduler's own first run is one interval away).
        self._first = asyncio.get_running_loop().create_task(self.tick())
        log.info("scheduler started (%s)", self.holder)

    async def stop(self) -> None:
        if self._aps is not None:
            self._aps.shutdown(wait=False)
            self._aps = None
        if self._first is not None:
            await asyncio.gather(self._first, return_exceptions=True)
            self._first = None
        async with self.db.sessions() as db, db.begin():
            await schedule.release_lease(db, self.holder)

    # -- one tick -------------------------------------------------------------------------

    async def tick(self) -> list[str]:
        """Do what is due, if this process holds the lease. Returns the work done."""
        now = self.clock()
        ttl = dt.timedelta(seconds=self.settings.scheduler_lease_seconds)
        async with self.db.sessions() as db, db.begin():
            leading = await schedule.hold_lease(db, self.holder, now, ttl)
        if not leading:
            log.debug("another process holds the scheduler lease")
            return []
        return await self.run_due(now)

    async def run_due(self, now: dt.datetime) -> list[str]:
        done: list[str] = []
        done += await self.weekly_tallies(now)
        done += await self.daily_reminders(now)
        done += await self.deadline_reminders(now)
        done += await self.inactivity_nudges(now)
        done += await self.housekeeping(now)
        done += await self.nightly_backup(now)
        return done

    async def nightly_backup(self, now: dt.datetime) -> list[str]:
        """Once a night at `backup_time`: a consistent copy of the SQLite database, the
        oldest beyond `backup_keep` pruned. Made outside any transaction (the backup reads
        while the bot writes); a failed one is tried again at the next tick."""
        if not self.db.is_sqlite:
            return []
        trigger = timing.daily_trigger(self.settings.backup_time)
        fire = timing.latest_fire(trigger, now, DAILY_LOOKBACK)
        if fire is None:
            return []
        key = f"backup:{timing.local_day(fire).isoformat()}"
        async with self.db.sessions() as db, db.begin():
            if not await schedule.claim_run(db, key, now, due=fire.isoformat()):
                return []
        try:
            made = await asyncio.to_thread(
                backup.make,
                self.db.url,
                self.settings.backup_dir,
                now,
                self.settings.backup_keep,
            )
        except Exception:
            log.exception("%s failed; trying again at the next tick", key)
            async with self.db.sessions() as db, db.begin():
                await schedule.release_run(db, key)
            return []
        log.info("%s: %s (%d bytes)", key, made.path, made.size)
        return [key]

    async def _daily(self, now: dt.datetime, prefix: str, work: DailyWork) -> list[str]:
        """Once a day at `reminders_time` (or at the first tick after it, if the process
        was down then): `work(db, day, not_before)` in the transaction that claims the day."""
        trigger = timing.daily_trigger(self.settings.reminders_time)
        fire = timing.latest_fire(trigger, now, DAILY_LOOKBACK)
        if fire is None:
            return []
        day = timing.local_day(fire)
        key = f"{prefix}:{day.isoformat()}"
        try:
            async with self.db.sessions() as db, db.begin():
                if not await schedule.claim_run(db, key, now, due=fire.isoformat()):
                    return []
                # Held until morning in quiet hours; otherwise due at the scheduler's now.
                held = timing.quiet_until(now, self.settings.quiet_hours) or now
                queued = await work(db, day, held)
        except Exception:
            log.exception("%s failed", key)
            return []
        log.info("%s: done (%d)", key, queued)
        return [key]

    async def daily_reminders(self, now: dt.datetime) -> list[str]:
        """Follow-ups due today and newly overdue."""

        async def work(db: Session, day: dt.date, held: dt.datetime) -> int:
            return await followups.remind(db, day, not_before=held)

        return await self._daily(now, "daily", work)

    async def deadline_reminders(self, now: dt.datetime) -> list[str]:
        """Reports that fall due soon, to the teams that have not handed them in."""

        async def work(db: Session, day: dt.date, held: dt.datetime) -> int:
            return await deadlines.remind(db, day, not_before=held)

        return await self._daily(now, "deadlines", work)

    async def inactivity_nudges(self, now: dt.datetime) -> list[str]:
        """One friendly word to members who have logged nothing for `inactive_days`."""
        if self.settings.inactive_days <= 0:
            return []

        async def work(db: Session, day: dt.date, held: dt.datetime) -> int:
            return await nudges.nudge(db, now, self.settings.inactive_days, not_before=held)

        return await self._daily(now, "nudges", work)

    async def housekeeping(self, now: dt.datetime) -> list[str]:
        """Once a day: forget the handled-message records older than HANDLED_KEPT (each
        holds the answer given, which may name someone)."""

        async def work(db: Session, day: dt.date, held: dt.datetime) -> int:
            return await members.forget_processed_messages(db, now - HANDLED_KEPT)

        return await self._daily(now, "housekeeping", work)

    async def weekly_tallies(self, now: dt.datetime) -> list[str]:
        """Each ward's last due weekly tally, unless it went out already."""
        due: list[tuple[str, int, When, dt.datetime]] = []
        async with self.db.sessions() as db:
            wards = await schedule.wards_with_schedule(db)
            for ward, own in wards:
                trigger = timing.weekly_trigger(
                    own.tally_weekday if own else self.settings.tally_weekday,
                    own.tally_time if own else self.settings.tally_time,
                )
                fire = timing.latest_fire(trigger, now, WEEKLY_LOOKBACK)
                # A ward added after its tally time waits for the next one.
                if fire is None or fire < ward.created_at:
                    continue
                when = dates.week_of(weekly.report_week(timing.local_day(fire)))
                due.append((f"tally:{ward.id}:{stats.iso_week(when.start)}", ward.id, when, fire))
                if own is None or not own.monthly:
                    continue
                monthly = timing.monthly_trigger(own.tally_time)
                fire = timing.latest_fire(monthly, now, MONTHLY_LOOKBACK)
                if fire is None or fire < ward.created_at:
                    continue
                month = weekly.report_month(timing.local_day(fire))
                due.append((f"tally:{ward.id}:{period_key(month)}", ward.id, month, fire))
            keys = [key for key, *_ in due]
            done = await schedule.done_runs(db, keys)
            # A run claimed by a process that died before queueing: do it again (the outbox
            # keys still keep it to one message per person).
            done -= await schedule.unfinished_runs(db, keys, now - UNFINISHED_AFTER)
        finished = []
        for key, ward_id, when, fire in due:
            if key in done:
                continue
            if await self._weekly_one(now, key, ward_id, when, fire):
                finished.append(key)
        return finished

    async def _weekly_one(
        self, now: dt.datetime, key: str, ward_id: int, when: When, fire: dt.datetime
    ) -> bool:
        """One ward's tally in three steps, so that no write transaction is held while the
        chart and workbook are rendered (on SQLite that would hold up every chat): claim the
        run and list the recipients; read the figures and render, outside any transaction;
        queue in a short transaction. If rendering or queueing fails, the claim is given
        back and the next tick tries again; the outbox keys keep it to one per person."""
        try:
            async with self.db.sessions() as db, db.begin():
                if key in await schedule.unfinished_runs(db, [key], now - UNFINISHED_AFTER):
                    await schedule.release_run(db, key)
                if not await schedule.claim_run(
                    db, key, now, due=fire.isoformat(), state="claimed"
                ):
                    return False
                recipients, already = await weekly.plan(db, ward_id, when)
        except Exception:
            log.exception("weekly tally %s failed", key)
            return False
        try:
            async with self.db.sessions() as db:
                drafts = await weekly.gather(db, recipients, when, timing.local_day(now))
                await db.rollback()  # reads only: hand the connection back before rendering
            payloads = await weekly.render(self.files, drafts, when)
            async with self.db.sessions() as db, db.begin():
                sent = await weekly.queue(
                    db,
                    ward_id,
                    when,
                    recipients,
                    payloads,
                    already,
                    not_before=timing.quiet_until(now, self.settings.quiet_hours),
                )
                await schedule.finish_run(db, key)
        except Exception:
            # One ward's failure must not hold back the others; it is retried next tick.
            log.exception("weekly tally %s failed", key)
            async with self.db.sessions() as db, db.begin():
                await schedule.release_run(db, key)
            return False
        log.info("%s: %d queued, %d had it already", key, sent.queued, sent.already)
        return True
