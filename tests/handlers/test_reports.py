"""The weekly report asked for in chat: text, chart, workbook, audit; no personal data."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook
from sqlalchemy import select

from storage.models import AuditEntry, Role
from tests.handlers.test_stats import log, other_ward

# Wednesday 25/11/2026, 10:00 in Hà Nội: "last week" is 16/11 – 22/11.
WEDNESDAY = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC)
LAST_WEEK = dt.datetime(2026, 11, 18, 3, 0, tzinfo=dt.UTC)


def sheets(core, reply) -> dict[str, list[tuple]]:
    """Each sheet's rows under its header (the title, the period and the date come first)."""
    name = next(a.name for a in reply.attachments if a.kind == "file")
    book = load_workbook(io.BytesIO(core.files.read(name)))
    return {ws.title: list(ws.iter_rows(min_row=5, values_only=True)) for ws in book.worksheets}


def line(rows: list[tuple], name: str) -> tuple:
    """The row of one name: (name, sessions, residents, counters..., active weeks, weeks)."""
    return next(r for r in rows if r[0] == name)


async def test_staff_get_any_past_week_with_chart_and_workbook(make_chat, demo, core, database):
    other_vol, _ = await other_ward(database)
    lan = make_chat("lan", name="Chị Lan", now=LAST_WEEK)
    outsider = make_chat("out", now=LAST_WEEK)
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await outsider.join(other_vol)
    await log(lan, "VNeID", count=3)
    for label in ("Ghi buổi", "Dịch vụ công", "1", "cao tuổi", "Đã xong", "ghi chú"):
        await lan.press(label)
    await lan.send("nhà cuối ngõ 12, cần quay lại")
    await lan.press("Lưu")
    await log(outsider, "VNeID", count=9)

    staff = make_chat("staff", now=WEDNESDAY)
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.press("Báo cáo (tuần")
    text = await staff.press("16/11 – 22/11")
    assert "Số buổi hỗ trợ: 2" in text and "Số người dân được hỗ trợ: 4" in text
    assert "So với tuần trước (0 buổi)" in text
    assert "Tổ chưa có hoạt động (2)" in text
    assert "1. Tổ dân phố số 1 (demo): 2 buổi, 4 người" in text
    assert "1. Chị Lan: 2 buổi, 4 người" in text
    reply = staff.replies[0]
    assert [a.kind for a in reply.attachments] == ["image", "file"]
    image = next(a.name for a in reply.attachments if a.kind == "image")
    assert core.files.read(image).startswith(b"\x89PNG")

    book = sheets(core, reply)
    rows = book["Các buổi hỗ trợ"]
    assert len(rows) == 3  # 2 sessions and the totals row, the other ward's absent
    assert rows[-1][0] == "Tổng cộng" and rows[-1][2] == 4
    flat = repr(book)
    assert "cuối ngõ" not in flat  # free-text notes never leave the database
    assert "Chị Lan" not in repr(rows)  # sessions are not tied to a volunteer
    assert line(book["Theo thành viên"], "Chị Lan")[:3] == ("Chị Lan", 2, 4)
    assert line(book["Theo tổ"], "Tổ dân phố số 2 (demo)")[:3] == ("Tổ dân phố số 2 (demo)", 0, 0)

    async with database.sessions() as db:
        entry = await db.scalar(select(AuditEntry).where(AuditEntry.action == "report.exported"))
    assert entry is not None and entry.detail["week"] == "2026-W47"


async def test_typed_week_and_bad_input(make_chat, demo):
    staff = make_chat("staff", now=WEDNESDAY)
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.send("/baocao")
    assert "chưa hiểu kỳ nào" in await staff.send("tuần trước nữa")
    assert "chưa bắt đầu" in await staff.send("2026-W50")
    assert "chưa bắt đầu" in await staff.send("2026-W53")  # no such week: read as future
    text = await staff.send("2026-W45")
    assert "Tuần 02/11–08/11/2026" in text
    await staff.send("/baocao")
    assert "Tuần 09/11–15/11/2026" in await staff.send("12/11")


async def test_leaders_get_their_team_and_volunteers_cannot_ask(make_chat, demo):
    leader = make_chat("tuan", name="Anh Tuấn", now=LAST_WEEK)
    lan = make_chat("lan", name="Chị Lan", now=LAST_WEEK)
    await leader.join(demo.invites[Role.LEADER].code)
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await log(lan, "VNeID")
    leader.now = WEDNESDAY
    await leader.send("/baocao")
    text = await leader.press("16/11 – 22/11")
    assert "Tổ dân phố số 1 (demo)" in text and "1. Chị Lan: 1 buổi" in text
    assert "Tổ chưa có hoạt động" not in text
    assert "Báo cáo (tuần" not in "\n".join(lan.labels())
    assert "16/11" not in await lan.send("/baocao")


async def test_the_ward_report_lists_what_residents_asked_in_vain(make_chat, demo):
    resident = make_chat("resident", now=LAST_WEEK)
    await resident.send("xin chao")
    for _ in range(2):
        await resident.send("gia vang hom nay bao nhieu, goi 0912345678")
    staff = make_chat("staff", now=WEDNESDAY)
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.press("Báo cáo (tuần")
    text = await staff.press("16/11 – 22/11")
    assert "chưa trả lời được" in text
    line = next(x for x in text.splitlines() if "gia vang" in x)
    assert "(2 lần)" in line and "0912345678" not in line
    # The week before had none: no such list.
    text = await staff.send("2026-W46")
    assert "chưa trả lời được" not in text


async def test_reports_naming_an_erased_volunteer_are_withdrawn(make_chat, demo, core):
    """The workbook lists members by name: when one of them erases themselves, the ward's
    report files made before go (the figures stay; a new report no longer names them)."""
    lan = make_chat("lan", name="Chị Lan", now=LAST_WEEK)
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await log(lan, "VNeID")
    staff = make_chat("staff", now=WEDNESDAY)
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.press("Báo cáo (tuần")
    await staff.press("16/11 – 22/11")
    before = staff.replies[0]
    assert line(sheets(core, before)["Theo thành viên"], "Chị Lan")[:3] == ("Chị Lan", 1, 1)
    unrelated = core.files.save(b"x", "other-ward.xlsx", ward_id=demo.ward.id + 1000)

    lan.now = WEDNESDAY
    await lan.send("/xoadulieu")
    await lan.press("Xoá")
    for attachment in before.attachments:
        assert not core.files.path(attachment.name).exists()
    assert core.files.path(unrelated).exists()  # another ward's files stay

    await staff.send("/baocao")
    await staff.press("16/11 – 22/11")
    again = sheets(core, staff.replies[0])
    assert "Chị Lan" not in repr(again)
    assert "Số buổi hỗ trợ: 1" in staff.replies[0].text


async def test_any_period_in_chat_with_counters_workbook_and_annual_draft(
    make_chat, demo, core, database
):
    from docx import Document

    lan = make_chat("lan", name="Chị Lan", now=dt.datetime(2026, 10, 20, 3, tzinfo=dt.UTC))
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    await lan.log_session(counter="2")  # October: 2 VNeID accounts
    await lan.press("Về màn hình")
    lan.now = LAST_WEEK
    await lan.log_session(counter="3")  # November: 3
    await lan.press("Về màn hình")
    await lan.log_session(topic="Dịch vụ công", counter="1")

    staff = make_chat("staff", now=WEDNESDAY)
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.press("Báo cáo (tuần")
    text = await staff.press("Tháng này")
    assert "Tháng 11/2026" in text and "Từ 01/11/2026 đến 30/11/2026" in text
    assert "So với tháng trước (1 buổi): +1 buổi (+100%)" in text
    assert "• Số tài khoản VNeID đã kích hoạt: 3 (+1 so với kỳ trước)" in text
    assert "• Số hồ sơ dịch vụ công đã nộp trực tuyến: 1 (+1 so với kỳ trước)" in text
    assert "Tổ có hoạt động: 1/3 (33%, mục tiêu 100%)" in text
    assert "1. Chị Lan: 2 buổi, 2 người, hoạt động 1/" in text
    # The result stays on screen with a short menu.
    assert staff.labels() == ["☰ Menu", "📄 Dự thảo báo cáo (.docx)", "Báo cáo kỳ khác"]
    reply = staff.replies[0]
    sheet_name = next(a.name for a in reply.attachments if a.kind == "file")
    assert sheet_name.endswith("/Bao-cao-Phuong-Mau-demo-Thang-11-2026.xlsx")
    book = load_workbook(io.BytesIO(core.files.read(sheet_name)))
    sessions = book["Các buổi hỗ trợ"]
    assert sessions["A1"].value == "Phường Mẫu (demo) · Các buổi hỗ trợ"
    assert sessions["A4"].font.b and sessions.freeze_panes == "A5"
    assert sessions.auto_filter.ref.startswith("A4:")
    assert sessions["A5"].number_format == "DD/MM/YYYY"
    assert isinstance(sessions["C5"].value, int)  # residents: a number, not text
    assert sessions.page_setup.orientation == "landscape" and sessions.page_setup.fitToWidth == 1
    assert sessions.column_dimensions["B"].width >= 12
    groups = sheets(core, reply)["Theo tổ"]
    assert groups[-1][:3] == ("Tổng cộng", 2, 2)

    text = await staff.press("Dự thảo báo cáo")
    draft_name = staff.replies[0].attachments[0].name
    assert draft_name.endswith("/Du-thao-bao-cao-Phuong-Mau-demo-Thang-11-2026.docx")
    draft = Document(io.BytesIO(core.files.read(draft_name)))
    paragraphs = "\n".join(p.text for p in draft.paragraphs)
    cells = [c.text for table in draft.tables for row in table.rows for c in row.cells]
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in "\n".join(cells)
    assert "Số:" in "\n".join(cells) and "ngày      tháng" in "\n".join(cells)
    assert "II. ĐỀ XUẤT KHEN THƯỞNG" in paragraphs and "1. Chị Lan" in paragraphs
    assert paragraphs.count("[Cán bộ phường viết nội dung tại đây]") == 2
    assert "Số tài khoản VNeID đã kích hoạt" in cells
    rows = [[c.text for c in row.cells] for table in draft.tables for row in table.rows]
    assert ["Tổng cộng", "2", "2", "3", "1", "0"] in rows  # by group: sessions, residents, ...
    async with database.sessions() as db:
        actions = list(
            await db.scalars(select(AuditEntry.action).where(AuditEntry.action.like("report.%")))
        )
    assert actions == ["report.exported", "report.annual_draft"]

    # Any period typed straight after: a quarter, a range; and bad ones.
    assert "Quý IV/2026" in await staff.send("quy 4/2026")
    assert "Từ 01/10/2026 đến 31/10/2026" in await staff.send("1/10/2026 - 31/10/2026")
    text = await staff.send("31/10/2026 - 1/10/2026")
    assert "Ngày đầu (31/10/2026) sau ngày cuối (01/10/2026)" in text
    assert "Từ 01/10/2026 đến 15/10/2026" in await staff.send("1/10-15/10")
    assert "Tháng 10/2026" in await staff.send("tháng 10")
    assert "chưa bắt đầu" in await staff.send("nam 2027")
    assert "Năm 2026" in await staff.send("nam nay")
    # A year goes month by month in the workbook, not session by session.
    year = sheets(core, staff.replies[0])
    assert "Các buổi hỗ trợ" not in year
    months = year["Theo tháng"]
    assert [m[0] for m in months[:2]] == ["Tháng 1/2026", "Tháng 2/2026"]
    assert line(months, "Tháng 10/2026")[1:4] == (1, 1, 2)  # 1 session, 1 resident, 2 accounts
    assert line(months, "Tổng cộng")[1] == 3
    # The menu button goes back to the main menu.
    await staff.press("Menu")
    assert "Phiếu ghi của phường" in staff.labels()


async def test_an_empty_period_says_so(make_chat, demo, core):
    staff = make_chat("staff", now=WEDNESDAY)
    await staff.join(demo.invites[Role.STAFF].code)
    await staff.send("/baocao")
    text = await staff.send("2026-W40")
    assert "Số buổi hỗ trợ: 0" in text
    image = next(a.name for a in staff.replies[0].attachments if a.kind == "image")
    empty = core.files.read(image)
    await staff.press("Báo cáo kỳ khác")
    await staff.press("Tháng này")
    assert "Số buổi hỗ trợ: 0" in staff.text
    assert empty.startswith(b"\x89PNG")
