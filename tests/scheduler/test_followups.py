"""Follow-ups: the owner is reminded on the due date, overdue items go to the team leader
once, and anyone concerned can close them in chat."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.clock import SetClock
from bot.core import Reply
from storage import followups, outbox
from storage.models import FollowUp, Member, Role
from tests.conftest import START
from tests.scheduler.test_weekly import at, make_scheduler


async def follow_up(chat, due: str) -> None:
    for label in ("Ghi buổi", "VNeID", "1", "cao tuổi", "Cần hỗ trợ tiếp"):
        await chat.press(label)
    await chat.send(due)
    await chat.press("Lưu")
    await chat.press("Về màn hình")


async def inbox(database, chat_id: str, now: dt.datetime) -> list[str]:
    async with database.sessions() as db, db.begin():
        payloads = await outbox.take_for_chat(db, "telegram", chat_id, now=now.astimezone(dt.UTC))
    texts = [Reply.from_dict(p).text for p in payloads]
    return [text for text in texts if "Báo cáo tuần" not in text]  # the Monday tally aside


async def test_due_reminder_escalation_and_closing(make_chat, demo, database, settings):
    lan = make_chat("lan", name="Chị Lan", now=at(20, 9).astimezone(dt.UTC))
    tuan = make_chat("tuan", name="Anh Tuấn", now=at(20, 9).astimezone(dt.UTC))
    staff = make_chat("staff", now=at(20, 9).astimezone(dt.UTC))
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await tuan.join(demo.invites[Role.LEADER].code)
    await staff.join(demo.invites[Role.STAFF].code)
    await follow_up(lan, "23/11")
    await follow_up(lan, "24/11")

    clock = SetClock(at(23, 6, 30))  # before the 08:00 reminders
    sched = make_scheduler(database, settings, clock)
    await sched.tick()
    assert await inbox(database, "lan", at(23, 6, 31)) == []
    clock.set(at(23, 8, 0))
    assert "daily:2026-11-23" in await sched.tick()
    (msg,) = await inbox(database, "lan", at(23, 8, 1))
    assert "Hôm nay đến hạn quay lại 1 việc" in msg and "Hạn 23/11" in msg
    assert "Hạn 24/11" not in msg and "/viec" in msg
    assert await inbox(database, "tuan", at(23, 8, 1)) == []  # nothing overdue yet
    await sched.tick()
    assert await inbox(database, "lan", at(23, 9)) == []  # once a day

    # Down all of Tuesday; started again on Wednesday at 23:00, in quiet hours.
    await sched.stop()
    clock.set(at(25, 23, 0))
    again = make_scheduler(database, settings, clock, name="b")
    assert "daily:2026-11-25" in await again.tick()
    assert await inbox(database, "tuan", at(25, 23, 1)) == []  # held for the morning
    (msg,) = await inbox(database, "tuan", at(26, 7, 0))
    assert "2 việc cần quay lại đã quá hạn" in msg and "(Chị Lan)" in msg
    assert await inbox(database, "lan", at(26, 7, 0)) == []  # due days passed unseen
    clock.set(at(26, 8, 0))
    await again.tick()
    assert await inbox(database, "tuan", at(26, 8, 1)) == []  # told once per item

    # Closing in chat: the volunteer closes one, the leader sees the other.
    lan.now = at(26, 9).astimezone(dt.UTC)
    text = await lan.send("/viec")
    assert "Có 2 việc cần quay lại đang mở (2 quá hạn)" in text
    assert "Đã đóng" in await lan.press("Hạn 23/11")
    assert "Hạn 23/11" not in "\n".join(lan.labels())
    tuan.now = at(26, 9).astimezone(dt.UTC)
    text = await tuan.send("/viec")
    assert "Có 1 việc" in text and "Chị Lan" in text
    await tuan.press("Hạn 24/11")
    assert "Không có việc cần quay lại nào" in tuan.text
    assert "Không có việc cần quay lại nào" in await staff.send("/viec")


async def test_volunteers_cannot_close_others_items(make_chat, demo, database):
    lan, minh = make_chat("lan", name="Chị Lan"), make_chat("minh", name="Anh Minh")
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await minh.join(demo.invites[Role.VOLUNTEER].code)
    await follow_up(lan, "3")
    assert "Không có việc cần quay lại nào" in await minh.send("/viec")
    async with database.sessions() as db, db.begin():
        item = await db.scalar(select(FollowUp))
        other = await db.scalar(select(Member).where(Member.channel_user_id == "minh"))
        assert not await followups.close(db, other, item.id, START)
        assert item.status == "open"
    await lan.send("/viec")
    assert "1 việc" in lan.text
