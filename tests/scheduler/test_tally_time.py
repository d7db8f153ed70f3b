"""Staff set when their ward's weekly report goes out, in chat or with `ngoso ward schedule`;
the scheduler follows it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from bot.clock import SetClock
from bot.core import Reply
from storage import schedule
from tests.scheduler.test_report_cli import runner  # noqa: F401  (the fixture)
from tests.scheduler.test_weekly import (
    at,
    make_scheduler,
    messages,
    tallies,
    ward_with_people,  # noqa: F401  (a fixture)
)


async def test_staff_set_the_report_time_in_chat(
    database,
    settings,
    ward_with_people,  # noqa: F811
    demo,
):
    staff = ward_with_people["staff"]
    staff.now = at(20, 9).astimezone(dt.UTC)
    assert "Thứ Hai lúc 08:00" in await staff.send("/giobaocao")
    await staff.send("thu 6")
    assert "Không đọc được giờ" in await staff.send("25:00")
    assert "Không đọc được giờ" in await staff.send("tam gio")
    assert "Thứ Sáu hằng tuần lúc 17:30" in await staff.send("17h30")
    assert "không dành cho vai trò" in await ward_with_people["lan"].send("/giobaocao")
    async with database.sessions() as db:
        assert await schedule.tally_time(db, demo.ward.id, 0, "08:00") == (4, "17:30")

    clock = SetClock(at(20, 17, 0))  # Friday, before the new time
    sched = make_scheduler(database, settings, clock)
    assert tallies(await sched.tick()) == []
    clock.set(at(20, 17, 31))
    assert tallies(await sched.tick()) == ["tally:1:2026-W46"]  # the last whole week
    clock.set(at(23, 8, 5))  # Monday 08:05: not this ward's time any more
    assert tallies(await sched.tick()) == []
    clock.set(at(27, 17, 30))
    assert tallies(await sched.tick()) == ["tally:1:2026-W47"]
    sent = await messages(database)
    assert sorted(chat for chat, _ in sent) == ["staff", "staff", "tuan", "tuan"]
    assert "Tuần 16/11–22/11/2026" in Reply.from_dict(sent[-1][1]).text


def test_cli_sets_the_report_time(runner: CliRunner, tmp_path: Path) -> None:  # noqa: F811
    runner.invoke(main, ["ward", "add", "LTN", "Phường Lê Thanh Nghị"])
    ok = runner.invoke(
        main, ["ward", "schedule", "--ward", "ltn", "--weekday", "fri", "--time", "7:30"]
    )
    assert ok.exit_code == 0, ok.output
    assert "LTN: weekly report every fri at 07:30" in ok.output
    bad = runner.invoke(
        main, ["ward", "schedule", "--ward", "LTN", "--weekday", "fri", "--time", "7h"]
    )
    assert bad.exit_code != 0 and "HH:MM" in bad.output
    missing = runner.invoke(
        main, ["ward", "schedule", "--ward", "XX", "--weekday", "mon", "--time", "08:00"]
    )
    assert missing.exit_code != 0 and "no ward with code XX" in missing.output


async def test_staff_choose_a_monthly_report_and_it_goes_out_on_the_first(
    database,
    settings,
    ward_with_people,  # noqa: F811
):
    staff = ward_with_people["staff"]
    staff.now = at(20, 9).astimezone(dt.UTC)
    assert "Báo cáo tháng: đang tắt" in await staff.send("/giobaocao")
    assert "Đã bật" in await staff.press("Bật báo cáo tháng")
    assert "Báo cáo tháng: đang bật (ngày 1 hằng tháng lúc 08:00" in staff.text

    clock = SetClock(at(30, 23, 0))  # Monday 30/11, late: nothing monthly yet
    sched = make_scheduler(database, settings, clock)
    assert "tally:1:2026-11" not in tallies(await sched.tick())
    clock.set(dt.datetime(2026, 12, 1, 8, 5, tzinfo=at(20, 9).tzinfo))
    assert tallies(await sched.tick()) == ["tally:1:2026-11"]
    assert tallies(await sched.tick()) == []  # once
    sent = [Reply.from_dict(p).text for _, p in await messages(database)]
    monthly = [text for text in sent if "Báo cáo tháng tự động" in text]
    assert len(monthly) == 2  # the staff member (whole ward) and the team leader (team)
    assert all("Tháng 11/2026" in text for text in monthly)

    # Turned off: December's does not come.
    await staff.send("/giobaocao")
    assert "Đã tắt báo cáo tháng" in await staff.press("Tắt báo cáo tháng")
    clock.set(dt.datetime(2027, 1, 1, 8, 5, tzinfo=at(20, 9).tzinfo))
    assert "tally:1:2026-12" not in tallies(await sched.tick())
