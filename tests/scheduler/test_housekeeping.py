"""Daily housekeeping: the records of handled messages (each with the answer it got, which
may name someone) are forgotten after a week, once a day, by the scheduler."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.clock import SetClock
from storage.models import ProcessedMessage
from tests.scheduler.test_weekly import at, make_scheduler


async def test_handled_messages_are_forgotten_after_a_week(database, settings) -> None:
    now = at(23, 9)  # Monday 09:00, after the daily run time
    async with database.sessions() as db, db.begin():
        for name, age in (("old", dt.timedelta(days=8)), ("recent", dt.timedelta(days=6))):
            db.add(
                ProcessedMessage(
                    channel="web",
                    chat_id="c",
                    message_id=name,
                    processed_at=now.astimezone(dt.UTC) - age,
                    replies=[{"text": "Chào Chị Lan"}],
                )
            )
    clock = SetClock(now)
    sched = make_scheduler(database, settings, clock)
    assert "housekeeping:2026-11-23" in await sched.tick()
    assert "housekeeping:2026-11-23" not in await sched.tick()  # once a day
    async with database.sessions() as db:
        kept = list(await db.scalars(select(ProcessedMessage.message_id)))
    assert kept == ["recent"]
