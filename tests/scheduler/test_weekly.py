"""The weekly tally as the scheduler sends it: a controllable clock, APScheduler's real
cron triggers, restarts across the due time, and two processes that must not both send."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy import select

from bot.clock import SetClock
from bot.core import Reply
from bot.files import FileStore
from scheduler.runner import Scheduler
from storage import outbox, schedule
from storage.models import Member, OutboxMessage, Role, SchedulerLease, Ward
from tests.handlers.test_stats import log

HCM = dt.timezone(dt.timedelta(hours=7))


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment of November 2026, Vietnam time."""
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=HCM)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now.astimezone(dt.UTC)


@pytest.fixture
async def ward_with_people(make_chat, demo, database):
    """Staff, a leader and a volunteer of the demo ward; sessions in the week 16-22/11."""
    lan = make_chat("lan", name="Chị Lan", now=at(18, 9).astimezone(dt.UTC))
    tuan = make_chat("tuan", name="Anh Tuấn", now=at(18, 9).astimezone(dt.UTC))
    staff = make_chat("staff", name="Cán bộ Hoa", now=at(18, 9).astimezone(dt.UTC))
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await tuan.join(demo.invites[Role.LEADER].code)
    await staff.join(demo.invites[Role.STAFF].code)
    await log(lan, "VNeID", count=3)
    await log(tuan, "Thanh toán")
    async with database.sessions() as db, db.begin():
        ward = await db.get(Ward, demo.ward.id)
        ward.created_at = at(17, 0).astimezone(dt.UTC)  # after Monday 16/11 08:00
    return {"lan": lan, "tuan": tuan, "staff": staff}


def tallies(done: list[str]) -> list[str]:
    """The weekly tallies among the work a tick did (daily reminders run too)."""
    return [key for key in done if key.startswith("tally:")]


def make_scheduler(database, settings, clock, name="a") -> Scheduler:
    files = FileStore(settings.files_dir, settings.link_secret, clock=clock)
    return Scheduler(database, files, settings, clock=clock, holder=name)


async def messages(database) -> list[tuple[str, dict]]:
    async with database.sessions() as db:
        rows = await db.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
        return [(r.chat_id, r.payload) for r in rows]


async def test_sent_once_after_a_restart_across_the_due_time(database, settings, ward_with_people):
    clock = SetClock(at(22, 20))  # Sunday evening: nothing due yet
    first = make_scheduler(database, settings, clock)
    assert tallies(await first.tick()) == []
    await first.stop()  # the process is down over Monday 08:00

    clock.set(at(23, 10, 30))
    second = make_scheduler(database, settings, clock, name="b")
    assert tallies(await second.tick()) != []
    sent = await messages(database)
    assert sorted(chat for chat, _ in sent) == ["staff", "tuan"]  # not the volunteer
    by_chat = dict(sent)
    ward_report = Reply.from_dict(by_chat["staff"])
    assert "Tuần 16/11–22/11/2026" in ward_report.text
    assert "Số buổi hỗ trợ: 2" in ward_report.text
    assert "Tổ chưa có hoạt động (2)" in ward_report.text
    assert [a.kind for a in ward_report.attachments] == ["image", "file"]
    team_report = Reply.from_dict(by_chat["tuan"])
    assert "Tổ dân phố số 1 (demo)" in team_report.text
    assert "1. Chị Lan: 1 buổi, 3 người" in team_report.text

    # Later ticks and another restart the same day send nothing more.
    clock.set(at(23, 10, 31))
    assert tallies(await second.tick()) == []
    await second.stop()
    clock.set(at(23, 18))
    third = make_scheduler(database, settings, clock, name="c")
    assert tallies(await third.tick()) == []
    assert len(await messages(database)) == 2

    # The next Monday brings the next week, whose figures are empty.
    clock.set(at(30, 8, 1))
    assert tallies(await third.tick()) != []
    sent = await messages(database)
    assert len(sent) == 4
    assert "Tuần 23/11–29/11/2026" in Reply.from_dict(sent[-1][1]).text


async def test_two_processes_never_both_send(database, settings, ward_with_people):
    clock = SetClock(at(23, 9))
    one, two = (
        make_scheduler(database, settings, clock),
        make_scheduler(database, settings, clock, name="two"),
    )
    results = await asyncio.gather(one.tick(), two.tick())
    assert sorted(len(tallies(r)) > 0 for r in results) == [False, True]
    assert len(await messages(database)) == 2
    # Either may win the race; the other takes over only once the winner's lease has run
    # out without renewal.
    won, other, lost = ("a", two, "two") if tallies(results[0]) else ("two", one, "a")
    clock.set(at(23, 9, 1))
    assert tallies(await other.tick()) == [] and await _holder(database, clock) == won
    clock.set(at(23, 9, 10))
    await other.tick()
    assert await _holder(database, clock) == lost
    assert len(await messages(database)) == 2


async def _holder(database, clock) -> str | None:
    """Who holds a live scheduler lease (read straight from its table)."""
    async with database.sessions() as db:
        lease = await db.get(SchedulerLease, schedule.LEASE)
        return lease.holder if lease is not None and lease.expires_at >= clock() else None


async def test_each_ward_sets_its_time_and_quiet_hours_hold_it(
    database, settings, ward_with_people, demo
):
    async with database.sessions() as db, db.begin():
        await schedule.set_tally_time(db, demo.ward.id, 0, "22:00")  # Mondays at 22:00
    clock = SetClock(at(23, 8, 5))  # Monday 08:05: the default time, not this ward's
    sched = make_scheduler(database, settings, clock)
    assert tallies(await sched.tick()) == []
    clock.set(at(23, 22, 1))
    assert tallies(await sched.tick()) != []
    async with database.sessions() as db:
        row = await db.scalar(select(OutboxMessage).limit(1))
        assert row.not_before == at(24, 7).astimezone(dt.UTC)  # held until 07:00
        assert await outbox.take_for_chat(db, "telegram", "staff", now=at(23, 23)) == []
        taken = await outbox.take_for_chat(db, "telegram", "staff", now=at(24, 7, 1))
    assert "Tuần 16/11–22/11/2026" in Reply.from_dict(taken[0]).text


async def test_blocked_members_and_new_wards_get_nothing(database, settings, ward_with_people):
    async with database.sessions() as db, db.begin():
        staff = await db.scalar(select(Member).where(Member.channel_user_id == "staff"))
        staff.unreachable_at = at(20, 0).astimezone(dt.UTC)
        ward = await db.get(Ward, staff.ward_id)
        ward.created_at = at(23, 9).astimezone(dt.UTC)  # added after this Monday's tally time
    sched = make_scheduler(database, settings, SetClock(at(23, 10)))
    assert tallies(await sched.tick()) == []
    async with database.sessions() as db, db.begin():
        (await db.get(Ward, staff.ward_id)).created_at = at(17, 0).astimezone(dt.UTC)
    assert tallies(await sched.tick()) != []
    assert [chat for chat, _ in await messages(database)] == ["tuan"]


async def test_real_apscheduler_ticks_on_start(database, settings, ward_with_people):
    settings.scheduler_tick_seconds = 3600
    sched = make_scheduler(database, settings, SetClock(at(23, 9)))
    sched.start()
    try:
        for _ in range(100):
            if await messages(database):
                break
            await asyncio.sleep(0.05)
    finally:
        await sched.stop()
    assert sorted(chat for chat, _ in await messages(database)) == ["staff", "tuan"]


async def test_extra_web_workers_run_no_scheduler(database, settings):
    from bot.app import Application

    settings.scheduler = False
    async with Application(settings, database.clock) as app:
        assert app.start_scheduler() is None
    settings.scheduler = True
    async with Application(settings, database.clock) as app:
        running = app.start_scheduler()
        assert running is not None
        await running.stop()


async def test_rendering_holds_no_transaction_and_a_failure_is_retried(
    database, settings, ward_with_people, monkeypatch
):
    from scheduler import weekly
    from storage import audit

    real, calls = weekly.render, []

    async def render(files, drafts, when):
        # A chat writing while the chart is drawn is not held up (SQLite: one connection).
        async with asyncio.timeout(10), database.sessions() as db, db.begin():
            audit.record(db, "test.write_during_render")
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("disk full")
        return await real(files, drafts, when)

    monkeypatch.setattr(weekly, "render", render)
    sched = make_scheduler(database, settings, SetClock(at(23, 9)))
    assert tallies(await sched.tick()) == []  # failed: nothing sent, claim given back
    assert await messages(database) == []
    assert tallies(await sched.tick()) == ["tally:1:2026-W47"]
    assert sorted(chat for chat, _ in await messages(database)) == ["staff", "tuan"]
    assert tallies(await sched.tick()) == []


async def test_a_crash_between_claim_and_queue_is_made_good_after_restart(
    database, settings, ward_with_people, monkeypatch
):
    from scheduler import weekly

    real = weekly.render

    async def crash(files, drafts, when):
        raise asyncio.CancelledError  # the process dies while drawing the chart

    monkeypatch.setattr(weekly, "render", crash)
    clock = SetClock(at(23, 9))
    first = make_scheduler(database, settings, clock)
    with pytest.raises(asyncio.CancelledError):
        await first.tick()
    assert await messages(database) == []
    monkeypatch.setattr(weekly, "render", real)
    # Restarted soon after: the claim may still belong to a run under way elsewhere.
    clock.set(at(23, 9, 5))
    second = make_scheduler(database, settings, clock, name="b")
    assert tallies(await second.tick()) == []
    # Later the unfinished run is done once.
    clock.set(at(23, 9, 30))
    assert tallies(await second.tick()) == ["tally:1:2026-W47"]
    assert sorted(chat for chat, _ in await messages(database)) == ["staff", "tuan"]
    clock.set(at(23, 10, 30))
    assert tallies(await second.tick()) == []
    assert len(await messages(database)) == 2
