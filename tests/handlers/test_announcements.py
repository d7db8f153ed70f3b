"""Ward staff announce to the ward or to one group and see how many were delivered."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.core import Reply
from storage import outbox
from storage.models import Member, Role
from tests.handlers.test_stats import other_ward

AFTERNOON = dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC)  # 14:00 in Hà Nội


async def inbox(database, chat_id: str, now: dt.datetime) -> list[str]:
    async with database.sessions() as db, db.begin():
        payloads = await outbox.take_for_chat(db, "telegram", chat_id, now=now)
    return [Reply.from_dict(p).text for p in payloads]


async def test_announcement_to_the_ward_with_delivered_counts(make_chat, demo, database):
    other_vol, _ = await other_ward(database)
    people = {name: make_chat(name, now=AFTERNOON) for name in ("lan", "tuan", "blocked", "out")}
    await people["lan"].join(demo.invites[Role.VOLUNTEER].code)
    await people["tuan"].join(demo.invites[Role.LEADER].code)
    await people["blocked"].join(demo.invites[Role.VOLUNTEER].code)
    await people["out"].join(other_vol)
    async with database.sessions() as db, db.begin():
        blocked = await db.scalar(select(Member).where(Member.channel_user_id == "blocked"))
        blocked.unreachable_at = AFTERNOON
    staff = make_chat("staff", now=AFTERNOON)
    await staff.join(demo.invites[Role.STAFF].code)

    await staff.press("Gửi thông báo")
    await staff.press("Viết thông báo mới")
    await staff.press("Cả phường")
    assert "cần từ 1 đến 1.000 ký tự" in await staff.send("x" * 1001)
    # The ward's hotline is what an announcement is for: no personal-data refusal here.
    text = await staff.send(
        "Cảnh báo: có người giả công an gọi điện đòi chuyển tiền. Gọi 156 hoặc "
        "đường dây nóng của phường 0225 3123 456."
    )
    assert "gửi tới 2 người (Cả phường)" in text
    assert "Đã xếp 2 tin" in await staff.press("Gửi")

    (msg,) = await inbox(database, "lan", staff.now)
    assert "Thông báo của" in msg and "giả công an" in msg and "0225 3123 456" in msg
    assert await inbox(database, "out", staff.now) == []  # another ward
    assert await inbox(database, "blocked", staff.now) == []
    await staff.press("Gửi thông báo")
    text = await staff.press("Xem đã gửi tới đâu")
    assert "Cả phường: 1/2 đã gửi, 1 đang chờ" in text


async def test_announcement_to_one_group_and_cancel_and_quiet_hours(make_chat, demo, database):
    night = dt.datetime(2026, 11, 23, 16, 0, tzinfo=dt.UTC)  # 23:00 in Hà Nội
    lan = make_chat("lan", now=night)
    await lan.join(demo.invites[Role.VOLUNTEER].code)  # Tổ dân phố số 1
    staff = make_chat("staff", now=night)
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.send("/thongbao")
    await staff.press("Viết thông báo mới")
    await staff.press("Tổ dân phố số 2")
    assert "gửi tới 0 người" in await staff.send("Họp tổ tối thứ Sáu")
    await staff.press("Huỷ")
    await staff.send("/thongbao")
    await staff.press("Viết thông báo mới")
    await staff.press("Tổ dân phố số 1")
    await staff.send("Ngày hội cài VNeID sáng Chủ nhật")
    await staff.press("Gửi")
    assert await inbox(database, "lan", night) == []  # held in quiet hours
    assert len(await inbox(database, "lan", night + dt.timedelta(hours=8))) == 1
    assert "Gửi thông báo" not in "\n".join(lan.labels())  # volunteers cannot announce


async def test_residents_who_subscribed_get_the_ward_announcement(make_chat, demo, database):
    resident = make_chat("resident", now=AFTERNOON)
    await resident.send("xin chao")
    await resident.press("Nhận thông báo")
    await resident.press("Nhận thông báo")
    assert "Đã đăng ký" in resident.text
    bystander = make_chat("bystander", now=AFTERNOON)
    await bystander.send("xin chao")  # never subscribed
    staff = make_chat("staff", now=AFTERNOON)
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.send("/thongbao")  # for staff, "thông báo" is writing one
    await staff.press("Viết thông báo mới")
    await staff.press("Cả phường")
    assert "gửi tới 1 người" in await staff.send(
        "Ngày 30/11 tổ công nghệ số hỗ trợ tại nhà văn hoá."
    )
    await staff.press("Gửi")
    (msg,) = await inbox(database, "resident", staff.now)
    assert "nhà văn hoá" in msg
    assert await inbox(database, "bystander", staff.now) == []


async def test_a_text_that_holds_a_button_label_is_the_text_not_the_button(make_chat, demo):
    """The announcement step has a Back button ("Quay lại"); a sentence that merely contains
    those words is the announcement, not a press of Back."""
    staff = make_chat("staff", now=AFTERNOON)
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.press("Gửi thông báo")
    await staff.press("Viết thông báo mới")
    await staff.press("Cả phường")
    text = await staff.send(
        "Kính mời bà con quay lại UBND phường nhận kết quả hồ sơ từ thứ Hai tuần sau."
    )
    assert "gửi tới" in text and "quay lại UBND" in text
