"""Reporting deadlines: staff set them in chat, team leaders are reminded 3 days and 1 day
before and on the day until their group marks the report handed in, staff see who is
missing; a restart across the reminder time sends the reminder once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from bot.clock import SetClock
from storage import deadlines, invites, wards
from storage.models import Deadline, DeadlineKind, Role
from tests.scheduler.test_followups import inbox
from tests.scheduler.test_weekly import at, make_scheduler

TITLE = "Báo cáo phong trào thi đua năm"


async def second_leader(make_chat, demo, database):
    """A team leader of Tổ dân phố số 2."""
    async with database.sessions() as db, db.begin():
        group = await wards.group_by_name(db, demo.ward.id, "Tổ dân phố số 2 (demo)")
        made = await invites.create(db, role=Role.LEADER, ward_id=demo.ward.id, group_id=group.id)
    hai = make_chat("hai", name="Anh Hải", now=at(20, 9).astimezone(dt.UTC))
    await hai.join(made.code)
    return hai


async def add_deadline(staff, kind: str, when: str, offsets: str = "Mặc định") -> str:
    await staff.send("/hanbaocao")
    await staff.press("Thêm hạn")
    await staff.send(TITLE)
    await staff.press(kind)
    await staff.send(when)
    await staff.press("Tổ trưởng")
    await staff.send(offsets)
    text = staff.text
    await staff.press("Lưu")
    return text


async def count_deadlines(database) -> int:
    async with database.sessions() as db:
        return await db.scalar(select(func.count()).select_from(Deadline)) or 0


async def test_leaders_reminded_until_they_hand_in(make_chat, demo, database, settings):
    staff = make_chat("staff", name="Cán bộ Hoa", now=at(20, 9).astimezone(dt.UTC))
    tuan = make_chat("tuan", name="Anh Tuấn", now=at(20, 9).astimezone(dt.UTC))
    lan = make_chat("lan", name="Chị Lan", now=at(20, 9).astimezone(dt.UTC))
    await staff.join(demo.invites[Role.STAFF].code)
    await tuan.join(demo.invites[Role.LEADER].code)
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await second_leader(make_chat, demo, database)
    await inbox(database, "tuan", at(22, 0))  # "Chị Lan joined your team"

    # A yearly report due on 26/11 (a Thursday), like the plans' annual reports.
    summary = await add_deadline(staff, "Hằng năm", "26/11")
    assert "ngày 26/11 hằng năm" in summary and "Hạn gần nhất: 26/11/2026" in summary
    assert "trước 3 ngày, trước 1 ngày, đúng ngày" in summary
    assert "Đã lưu" in staff.text and TITLE in staff.text

    clock = SetClock(at(23, 7, 30))
    sched = make_scheduler(database, settings, clock)
    await sched.tick()
    assert await inbox(database, "tuan", at(23, 7, 31)) == []
    clock.set(at(23, 8, 0))
    assert "deadlines:2026-11-23" in await sched.tick()
    (msg,) = await inbox(database, "tuan", at(23, 8, 1))
    assert "Còn 3 ngày đến hạn nộp (26/11/2026)" in msg and TITLE in msg and "/nopbaocao" in msg
    assert len(await inbox(database, "hai", at(23, 8, 1))) == 1
    assert await inbox(database, "lan", at(23, 8, 1)) == []  # volunteers are not asked
    assert await inbox(database, "staff", at(23, 8, 1)) == []  # for team leaders only
    await sched.tick()
    clock.set(at(24, 8, 0))
    await sched.tick()  # 2 days before: no reminder is set for it
    assert await inbox(database, "tuan", at(24, 9)) == []

    # Tổ 1 hands it in; staff see Tổ 2 and Tổ 3 still missing.
    tuan.now = at(24, 10).astimezone(dt.UTC)
    text = await tuan.send("/nopbaocao")
    assert "Báo cáo tổ còn phải nộp (1)" in text
    assert "Đã ghi nhận" in await tuan.press(TITLE)
    assert "không còn báo cáo nào" in tuan.text
    staff.now = at(24, 10).astimezone(dt.UTC)
    await staff.send("/hanbaocao")
    text = await staff.press(TITLE)
    assert "Chưa nộp cho hạn 26/11/2026 (2)" in text
    assert "Tổ dân phố số 2 (demo), Tổ dân phố số 3 (demo)" in text
    assert "số 1" not in text.split("Chưa nộp")[1]

    # Down over Wednesday 08:00, started again at 23:00: sent once, held for the morning,
    # and worded for the day it arrives (the due day), not for the evening it was queued.
    await sched.stop()
    clock.set(at(25, 23, 0))
    again = make_scheduler(database, settings, clock, name="b")
    assert "deadlines:2026-11-25" in await again.tick()
    assert await inbox(database, "hai", at(25, 23, 1)) == []
    (msg,) = await inbox(database, "hai", at(26, 7, 0))
    assert "Hôm nay là hạn nộp (26/11/2026)" in msg and "Ngày mai" not in msg
    assert await inbox(database, "tuan", at(26, 7, 0)) == []  # handed in: no more
    await again.tick()
    clock.set(at(26, 8, 0))
    await again.tick()
    assert await inbox(database, "hai", at(26, 8, 1)) == []  # the day's reminder came already
    clock.set(at(26, 12, 0))
    await again.tick()
    assert await inbox(database, "hai", at(26, 12, 1)) == []  # never twice

    # Staff delete it: no more reminders next year, the list is empty.
    await staff.send("/hanbaocao")
    await staff.press(TITLE)
    await staff.press("Xoá hạn này")
    assert "Đã xoá" in await staff.press("Xoá")
    assert "chưa có hạn báo cáo nào" in staff.text
    assert await count_deadlines(database) == 0


async def test_bad_input_saves_nothing(make_chat, demo, database):
    staff = make_chat("staff", now=at(20, 9).astimezone(dt.UTC))
    lan = make_chat("lan", now=at(20, 9).astimezone(dt.UTC))
    await staff.join(demo.invites[Role.STAFF].code)
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    assert "không dành cho vai trò" in await lan.send("/hanbaocao")

    await staff.send("/hanbaocao")
    await staff.press("Thêm hạn")
    await staff.send("x" * 201)
    assert "từ 1 đến 200 ký tự" in staff.text
    await staff.send("Bao cao thang")
    await staff.send("hang thang")
    assert "1 đến 31" in await staff.send("32")
    await staff.send("31")
    await staff.send("to truong")
    assert "từ 0 đến 60" in await staff.send("ba ngay")
    assert "từ 0 đến 60" in await staff.send("90")
    text = await staff.send("7 3 0")
    assert "ngày 31 hằng tháng" in text and "Hạn gần nhất: 30/11/2026" in text
    assert "trước 7 ngày" in text
    assert "Đã huỷ việc đang làm" in await staff.press("Huỷ")
    assert await count_deadlines(database) == 0

    # A one-off date: impossible and past dates are refused.
    await staff.press("Thêm hạn")
    await staff.send("Bao cao chuyen doi so")
    await staff.press("Một ngày")
    assert "Không đọc được ngày" in await staff.send("31/02/2027")
    assert "đã qua" in await staff.send("10/11/2026")
    assert "Không đọc được ngày" in await staff.send("sau khi hop")
    await staff.send("thu sau")  # words work too: next Friday (today is Friday 20/11)
    await staff.press("Tổ trưởng")
    assert "Hạn gần nhất: 27/11/2026" in await staff.send("Mặc định")
    assert "Đã huỷ việc đang làm" in await staff.send("/huy")
    assert await count_deadlines(database) == 0

    # From the main menu, typed without diacritics.
    assert "Phường chưa có hạn báo cáo nào" in await staff.send("han bao cao")
    await staff.send("menu")
    assert "Gửi vào thứ mấy" in await staff.send("gio bao cao")
    await staff.send("menu")
    assert "Báo cáo kỳ nào" in await staff.send("bao cao tuan")


def test_due_dates_clamp_to_the_month():
    monthly = Deadline(kind=DeadlineKind.MONTHLY.value, day=31, offsets="3,1,0")
    assert deadlines.next_due(monthly, dt.date(2027, 2, 1)) == dt.date(2027, 2, 28)
    assert deadlines.next_due(monthly, dt.date(2027, 3, 1)) == dt.date(2027, 3, 31)
    yearly = Deadline(kind=DeadlineKind.YEARLY.value, day=29, month=2, offsets="0")
    assert deadlines.next_due(yearly, dt.date(2026, 11, 21)) == dt.date(2027, 2, 28)
    assert deadlines.next_due(yearly, dt.date(2027, 3, 1)) == dt.date(2028, 2, 29)
    weekly = Deadline(kind=DeadlineKind.WEEKLY.value, weekday=4, offsets="0")
    assert deadlines.next_due(weekly, dt.date(2026, 11, 21)) == dt.date(2026, 11, 27)
    once = Deadline(kind=DeadlineKind.ONCE.value, on_date=dt.date(2026, 12, 12), offsets="0")
    assert deadlines.next_due(once, dt.date(2026, 12, 13)) is None
    assert deadlines.parse_offsets("7, 3 va 0") == [7, 3, 0]
