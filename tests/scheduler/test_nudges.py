"""Inactivity nudges: one friendly word after `inactive_days` without a logged session, once
per quiet spell, never to newcomers, held in quiet hours, and a chat command to opt out."""

from __future__ import annotations

import datetime as dt

from bot.clock import SetClock
from storage.models import Role
from tests.handlers.test_stats import log
from tests.scheduler.test_followups import inbox
from tests.scheduler.test_weekly import HCM, make_scheduler


def on(month: int, day: int, hour: int = 8, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=HCM)


def utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


async def test_one_nudge_per_quiet_spell_and_opting_out(make_chat, demo, database, settings):
    lan = make_chat("lan", name="Chị Lan", now=utc(on(11, 1, 9)))
    staff = make_chat("staff", now=utc(on(11, 1, 9)))
    minh = make_chat("minh", name="Anh Minh", now=utc(on(11, 10, 9)))
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await staff.join(demo.invites[Role.STAFF].code)
    await minh.join(demo.invites[Role.VOLUNTEER].code)
    lan.now = utc(on(11, 2, 9))
    await log(lan, "VNeID")

    clock = SetClock(on(11, 16))  # 13 days and 23 hours after Lan's session
    sched = make_scheduler(database, settings, clock)
    assert "nudges:2026-11-16" in await sched.tick()
    assert await inbox(database, "lan", on(11, 16, 9)) == []
    clock.set(on(11, 17))
    assert "nudges:2026-11-17" in await sched.tick()
    (msg,) = await inbox(database, "lan", on(11, 17, 9))
    assert "Chào Chị Lan" in msg and "14 ngày" in msg and "/tatnhac" in msg
    assert await inbox(database, "minh", on(11, 17, 9)) == []  # joined a week ago
    assert await inbox(database, "staff", on(11, 17, 9)) == []  # staff log no sessions
    clock.set(on(11, 18))
    await sched.tick()
    assert await inbox(database, "lan", on(11, 18, 9)) == []  # once per spell

    # Minh turns nudges off; Lan logs a session, then goes quiet again.
    minh.now = utc(on(11, 19, 9))
    assert "Tắt nhắc" in await minh.send("/tatnhac")
    assert "Đã tắt" in await minh.press("Tắt nhắc")
    lan.now = utc(on(11, 19, 9))
    await log(lan, "VNeID")

    # Down over 3/12 08:00, started again at 23:00: the nudge waits for the morning.
    await sched.stop()
    clock.set(on(12, 3, 23))
    again = make_scheduler(database, settings, clock, name="b")
    assert "nudges:2026-12-03" in await again.tick()
    assert await inbox(database, "lan", on(12, 3, 23, 30)) == []
    (msg,) = await inbox(database, "lan", on(12, 4, 7))
    assert "Chào Chị Lan" in msg
    assert await inbox(database, "minh", on(12, 4, 7)) == []  # opted out

    # Back on: the next daily run nudges him.
    minh.now = utc(on(12, 4, 9))
    await minh.send("/batnhac")
    assert "Đã bật lại" in await minh.press("Bật lại")
    clock.set(on(12, 5))
    await again.tick()
    (msg,) = await inbox(database, "minh", on(12, 5, 9))
    assert "Chào Anh Minh" in msg
    assert await inbox(database, "lan", on(12, 5, 9)) == []
    assert "không dành cho vai trò" in await staff.send("/tatnhac")
