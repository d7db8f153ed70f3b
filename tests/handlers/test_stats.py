"""Figures by role, and the wall between wards."""

from __future__ import annotations

import datetime as dt

from storage import invites, wards
from storage.models import Role
from tests.conftest import START


async def log(chat, topic: str, priority: str = "cao tuổi", count: int | None = None) -> None:
    await chat.press("Ghi buổi")
    await chat.press(topic)
    if "Số khác" in chat.labels():  # the ward's counter after this topic
        await chat.press("1")
    for label in (priority, "Đã xong"):
        await chat.press(label)
    if count is not None:
        await chat.press("Sửa số người")
        await chat.send(str(count))
    await chat.press("Lưu")
    await chat.press("Về màn hình")


async def other_ward(database) -> tuple[str, str]:
    """A second ward with a volunteer invite and a staff invite."""
    async with database.sessions() as db, db.begin():
        ward = await wards.add_ward(db, "LTN", "Phường Lê Thanh Nghị", "Hải Phòng")
        group = await wards.add_group(db, ward, "Tổ dân phố 5")
        vol = await invites.create(
            db, role=Role.VOLUNTEER, ward_id=ward.id, group_id=group.id, max_uses=5, now=START
        )
        staff = await invites.create(
            db, role=Role.STAFF, ward_id=ward.id, group_id=None, max_uses=5, now=START
        )
        return vol.code, staff.code


async def test_my_week_and_team_week(make_chat, demo):
    lan, tuan = make_chat("lan", name="Chị Lan"), make_chat("tuan", name="Anh Tuấn")
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await tuan.join(demo.invites[Role.LEADER].code)
    await log(lan, "VNeID", count=3)
    await log(lan, "Dịch vụ công")
    await log(tuan, "Thanh toán", priority="Hộ kinh doanh")
    await lan.press("Xem số liệu")
    text = await lan.press("Tuần này của tôi")
    assert "Số buổi hỗ trợ: 2" in text
    assert "Số người dân được hỗ trợ: 4" in text
    assert "Cài đặt / kích hoạt VNeID: 1" in text
    text = await lan.press("Tuần này của tổ")
    assert "Số buổi hỗ trợ: 3" in text
    assert "Hộ kinh doanh: 1" in text
    assert "Người cao tuổi: 2" in text
    text = await lan.press("Tuần trước của tôi")
    assert "Số buổi hỗ trợ: 0" in text
    assert "Theo thành viên" not in await lan.press("Tuần này của tổ")  # volunteers: totals only
    # The team leader's overview lists every member, the inactive ones too.
    newcomer = make_chat("minh", name="Anh Minh")
    await newcomer.join(demo.invites[Role.VOLUNTEER].code)
    await tuan.press("Xem số liệu")
    text = await tuan.press("Tuần này của tổ")
    assert "Theo thành viên" in text
    assert "• Chị Lan: 2 buổi, 4 người" in text
    assert "• Anh Tuấn: 1 buổi, 1 người" in text
    assert "• Anh Minh: 0 buổi, 0 người" in text


async def test_staff_see_ward_totals_by_group_and_only_their_ward(make_chat, demo, database):
    other_vol_code, other_staff_code = await other_ward(database)
    lan, staff = make_chat("lan"), make_chat("staff")
    outsider, outsider_staff = make_chat("out"), make_chat("outstaff")
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await staff.join(demo.invites[Role.STAFF].code)
    await outsider.join(other_vol_code)
    await outsider_staff.join(other_staff_code)
    await log(lan, "VNeID", count=2)
    await log(outsider, "VNeID", count=9)
    await log(outsider, "VNeID", count=9)

    await staff.press("Xem số liệu")
    assert "Tuần này của tôi" not in staff.labels()
    text = await staff.press("Tuần này của phường")
    assert "Số buổi hỗ trợ: 1" in text
    assert "Số người dân được hỗ trợ: 2" in text
    assert "Tổ dân phố số 1 (demo): 1 buổi, 2 người" in text
    assert "Tổ dân phố số 2 (demo): 0 buổi" in text
    assert "Số tổ có hoạt động: 1/3" in text
    assert "Tổ dân phố 5" not in text

    await outsider_staff.press("Xem số liệu")
    text = await outsider_staff.press("Tuần này của phường")
    assert "Số buổi hỗ trợ: 2" in text and "demo" not in text


async def test_volunteer_cannot_ask_for_ward_figures(make_chat, demo):
    lan = make_chat("lan")
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await lan.press("Xem số liệu")
    assert "Tuần này của phường" not in lan.labels()
    # Typing the staff choice's words does not open it either.
    text = await lan.send("tuan nay cua phuong")
    assert "Toàn phường" not in text


async def test_erased_volunteer_still_counts_in_the_ward(make_chat, demo):
    lan, staff = make_chat("lan"), make_chat("staff")
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await staff.join(demo.invites[Role.STAFF].code)
    await log(lan, "VNeID")
    await lan.send("/xoadulieu")
    await lan.press("Có, xoá")
    await staff.press("Xem số liệu")
    assert "Số buổi hỗ trợ: 1" in await staff.press("Tuần này của phường")


async def test_backdated_session_counts_in_its_own_week(make_chat, demo):
    lan = make_chat("lan")
    # A Monday morning, so yesterday is last week's Sunday.
    lan.now = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    for label in ("Ghi buổi", "VNeID", "1", "cao tuổi", "Đã xong", "Sửa ngày"):
        await lan.press(label)
    await lan.press("Hôm qua")
    await lan.press("Lưu")
    await lan.press("Về màn hình")
    await lan.press("Xem số liệu")
    assert "Số buổi hỗ trợ: 0" in await lan.press("Tuần này của tôi")
    text = await lan.press("Tuần trước của tôi")
    assert "Số buổi hỗ trợ: 1" in text and "16/11 – 22/11/2026" in text
