"""Ward staff shape their ward's session form in chat; volunteers then log with it."""

from __future__ import annotations

import io

from sqlalchemy import select

from storage import forms
from storage.models import AuditEntry, Role, SessionCount, SupportSession, Ward
from tests.handlers.test_stats import other_ward


async def test_staff_add_a_counter_and_a_volunteer_logs_with_it(make_chat, demo, database):
    staff = make_chat("staff", name="Chị Hà")
    await staff.join(demo.invites[Role.STAFF].code)
    text = await staff.press("Phiếu ghi của phường")
    assert "phiên bản 0" in text
    assert '"Số tài khoản VNeID đã kích hoạt" được hỏi sau việc "Cài đặt / kích hoạt VNeID"' in text
    await staff.press("Số liệu đếm")
    await staff.press("Thêm số liệu đếm")
    # Bad names first: empty, too long, a phone number, a name already taken.
    assert "ít nhất 2 ký tự" in await staff.send("   ")
    assert "ít nhất 2 ký tự" in await staff.send("a")
    assert "tối đa 60" in await staff.send("x" * 61)
    assert "số điện thoại" in await staff.send("Gọi 0912345678")
    assert "Đã có một mục" in await staff.send("so tai khoan vneid da kich hoat")
    assert "được hỏi sau việc hỗ trợ nào" in await staff.send("Số người cài ứng dụng ngân hàng")
    text = await staff.press("Thanh toán không dùng tiền mặt")
    assert "Đã thêm" in text and "phiên bản 1" in text

    # The volunteer is asked both counters after the cashless topic, in the form's order.
    lan = make_chat("lan", name="Chị Lan")
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await lan.press("Ghi buổi")
    assert "Số tài khoản thanh toán đã mở?" in await lan.press("Thanh toán")
    assert "Số người cài ứng dụng ngân hàng?" in await lan.press("1")
    await lan.press("Số khác")
    await lan.send("4")
    await lan.press("Hộ kinh doanh")
    text = await lan.press("Đã xong")
    assert "Số người cài ứng dụng ngân hàng: 4" in text
    await lan.press("Lưu")
    async with database.sessions() as db:
        counts = dict((await db.execute(select(SessionCount.counter, SessionCount.value))).all())
        form = await forms.load(db, demo.ward.id)
        audited = list(
            await db.scalars(select(AuditEntry.action).where(AuditEntry.action.like("form.%")))
        )
    assert counts == {"payment_accounts": 1, "x1": 4}
    assert (
        form.version == 1 and form.get("counter", "x1").label == "Số người cài ứng dụng ngân hàng"
    )
    assert audited == ["form.added"]


async def test_hidden_and_renamed_items_keep_their_past(make_chat, demo, database):
    lan = make_chat("lan", name="Chị Lan")
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await lan.log_session(topic="Việc khác", priority="cao tuổi")

    staff = make_chat("staff")
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.press("Phiếu ghi của phường")
    await staff.press("Việc hỗ trợ")
    await staff.press("Việc khác")
    await staff.press("Đổi tên")
    text = await staff.send("Việc khác (ghi rõ ở ghi chú)")
    assert 'Đã đổi "Việc khác" thành "Việc khác (ghi rõ ở ghi chú)"' in text
    # The same name again changes nothing; a counter's name cannot go to a topic.
    await staff.press("Việc khác (ghi rõ")
    await staff.press("Đổi tên")
    assert "không có gì thay đổi" in await staff.send("Việc khác (ghi rõ ở ghi chú)")
    await staff.press("VNeID mức 2")
    await staff.press("Đổi tên")
    text = await staff.send("so tai khoan thanh toan da mo")
    assert 'Đã có một mục tên "Số tài khoản thanh toán đã mở"' in text
    await staff.press("Quay lại")
    await staff.press("Quay lại")
    await staff.press("Ví giấy tờ VNeID")
    text = await staff.press("Ẩn khỏi phiếu ghi")
    assert "Đã ẩn" in text
    assert "Ví giấy tờ VNeID (đang ẩn)" in staff.labels(), text
    await staff.press("Thêm việc hỗ trợ")
    assert "Đã thêm" in await staff.send("Hướng dẫn nộp thuế điện tử")

    await lan.press("Ghi buổi")
    topics = lan.labels()
    assert "Ví giấy tờ VNeID" not in topics
    assert "Việc khác (ghi rõ ở ghi chú)" in topics and "Hướng dẫn nộp thuế điện tử" in topics
    await lan.send("huong dan nop thue")  # the ward's own topic, typed without diacritics
    await lan.press("cao tuổi")
    await lan.press("Đã xong")
    assert "Hướng dẫn nộp thuế điện tử" in await lan.press("Lưu")

    # The first session keeps its key: it is the renamed item, nothing was rewritten.
    async with database.sessions() as db:
        ward = await db.get(Ward, demo.ward.id)
        saved = list(await db.scalars(select(SupportSession.id)))
        form = await forms.load(db, demo.ward.id)
    assert len(saved) == 2 and ward is not None and ward.form_version == 3  # no version for X->X
    assert form.get("topic", "other").label == "Việc khác (ghi rõ ở ghi chú)"
    assert form.get("topic", "vneid_wallet").hidden


async def test_only_staff_shape_the_form_and_only_their_ward(make_chat, demo, database):
    lan = make_chat("lan")
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    assert "chỉ dành cho cán bộ phường" in await lan.send("/phieughi")
    _, other_staff = await other_ward(database)
    staff = make_chat("other-staff")
    await staff.join(other_staff)
    await staff.send("/phieughi")
    await staff.press("Nhóm ưu tiên")
    await staff.press("Thêm nhóm ưu tiên")
    await staff.send("Học sinh, sinh viên")
    # The other ward's volunteer does not see it.
    await lan.press("Ghi buổi")
    await lan.press("VNeID")
    await lan.press("1")
    assert "Học sinh, sinh viên" not in lan.labels()


async def test_yearly_targets_and_the_progress_reports_show(make_chat, demo, database, core):
    lan = make_chat("lan", name="Chị Lan")
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await lan.log_session(counter="3")
    staff = make_chat("staff")
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.send("/phieughi")
    await staff.press("Mục tiêu năm")
    await staff.press("Số tài khoản VNeID đã kích hoạt: chưa đặt")
    assert "Cần một số nguyên" in await staff.send("nhiều")
    assert "Cần một số nguyên" in await staff.send("1,5")  # a decimal is not 15
    assert "Đã lưu mục tiêu: Số tài khoản VNeID đã kích hoạt: 1.000/năm" in await staff.send(
        "1.000"
    )
    await staff.press("Tỷ lệ tổ có hoạt động")
    assert "từ 0 đến 100, ví dụ 80" in await staff.send("120")
    assert "từ 0 đến 100" in await staff.send("9.5")
    await staff.send("80%")
    assert "Số tài khoản VNeID đã kích hoạt: 1.000/năm" in staff.labels()
    assert "Tỷ lệ tổ có hoạt động: 80%" in staff.labels()

    await staff.send("/baocao")
    text = await staff.press("Năm nay")
    assert "🎯 Số tài khoản VNeID đã kích hoạt: 3/1.000 mục tiêu năm 2026 (0%)" in text
    assert "Tổ có hoạt động: 1/3 (33%, mục tiêu 80%)" in text
    await staff.press("Dự thảo báo cáo")
    from docx import Document

    name = staff.replies[0].attachments[0].name
    draft = "\n".join(p.text for p in Document(io.BytesIO(core.files.read(name))).paragraphs)
    assert "(33%; mục tiêu 80%)" in draft
    assert "Số tài khoản VNeID đã kích hoạt: 3/1.000 (mục tiêu năm 2026, đạt 0%)" in draft
    # A team leader's report is the team's: the ward's targets are not shown there.
    async with database.sessions() as db:
        audited = list(
            await db.scalars(select(AuditEntry.detail).where(AuditEntry.action == "target.set"))
        )
    assert [d["indicator"] for d in audited] == ["counter:vneid_activated", "active_groups"]

    # Removing a target.
    await staff.send("/phieughi")
    await staff.press("Mục tiêu năm")
    await staff.press("Số tài khoản VNeID đã kích hoạt: 1.000/năm")
    assert "Đã bỏ mục tiêu" in await staff.send("0")
    assert "Số tài khoản VNeID đã kích hoạt: chưa đặt" in staff.labels()
