"""The ward's web pages beyond the overview, as staff and team leaders use them: groups,
members, invites and the period's files; forms that change something, and who may not."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from typing import Any

from aiohttp.test_utils import TestClient
from sqlalchemy import select

from bot.i18n import t
from storage import invites, wards
from storage.models import AuditEntry, Invite, Member, OutboxMessage, ResidentialGroup, Role
from tests.bot.test_dashboard import link_in_chat
from tests.bot.test_web import WebChat, join, make_client, server  # noqa: F401  (fixtures)

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


async def browser_of(new_client: Any, chat: WebChat) -> TestClient:
    """A browser signed in with the link `chat` asked for."""
    browser = await new_client()
    response = await browser.get(await link_in_chat(chat), allow_redirects=False)
    assert response.status == 303
    return browser


async def page(browser: TestClient, path: str, status: int = 200) -> str:
    response = await browser.get(path)
    text = await response.text()
    assert response.status == status, text[:500]
    return html_lib.unescape(text)


async def post(
    browser: TestClient, path: str, data: dict[str, str], *, token: str | None = None
) -> tuple[int, str]:
    """Send a form the way the page does (its CSRF token taken from `path`'s list page
    unless given); follows the redirect and returns the final status and page."""
    if token is None:
        found = CSRF.search(await page(browser, "/quan-ly/bao-cao"))
        assert found
        token = found.group(1)
    response = await browser.post(path, data={"csrf": token, **data})
    return response.status, html_lib.unescape(await response.text())


async def staff_browser(new_client: Any, demo: Any, name: str = "Chị Hà") -> TestClient:
    staff = WebChat(await new_client())
    await join(staff, demo, Role.STAFF, name)
    return await browser_of(new_client, staff)


async def test_staff_add_rename_and_archive_a_group_and_bad_names_change_nothing(
    make_client,  # noqa: F811
    demo,
    database,
):
    browser = await staff_browser(make_client, demo)
    html = await page(browser, "/quan-ly/to")
    async with database.sessions() as db:
        names = [g.name for g in await wards.groups_of(db, demo.ward.id)]
    for name in names:
        assert name in html
    # Nothing logged yet this month: every group is flagged.
    assert html.count(t("vi", "dash-idle-flag")) == len(names)

    status, html = await post(browser, "/quan-ly/to", {"name": "  Tổ   dân phố 12 "})
    assert status == 200 and t("vi", "dash-ok-group-added") in html
    assert "Tổ dân phố 12" in html

    for bad, message in (("", "dash-err-group-name"), ("tổ dân phố 12", "dash-err-group-exists")):
        status, html = await post(browser, "/quan-ly/to", {"name": bad})
        assert status == 200 and t("vi", message) in html
    async with database.sessions() as db:
        added = await wards.group_by_name(db, demo.ward.id, "Tổ dân phố 12")
        assert added is not None
        assert len(await wards.groups_of(db, demo.ward.id)) == len(names) + 1
    status, html = await post(
        browser, f"/quan-ly/to/{added.id}", {"action": "rename", "name": "Tổ 12 mới"}
    )
    assert t("vi", "dash-ok-group-renamed") in html and "Tổ 12 mới" in html
    status, html = await post(browser, f"/quan-ly/to/{added.id}", {"action": "archive"})
    assert t("vi", "dash-ok-group-archived") in html
    assert t("vi", "dash-archived") in html
    async with database.sessions() as db:
        live = [g.name for g in await wards.groups_of(db, demo.ward.id)]
        actions = list(
            await db.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.action.like("group.%"))
                .order_by(AuditEntry.id)
            )
        )
    assert "Tổ 12 mới" not in live  # no longer offered when people join or invite
    assert actions[-3:] == ["group.added", "group.renamed", "group.archived"]
    # Not a group of anyone's: nothing to find.
    for nobody in ("999999", "²", "9" * 40):
        status, html = await post(browser, f"/quan-ly/to/{nobody}", {"action": "archive"})
        assert status == 404 and t("vi", "dash-not-found") in html


async def test_a_form_without_its_token_or_from_another_site_changes_nothing(
    make_client,  # noqa: F811
    demo,
    database,
):
    browser = await staff_browser(make_client, demo)
    async with database.sessions() as db:
        group = (await wards.groups_of(db, demo.ward.id))[0]
    for token in ("", "forged"):
        status, html = await post(
            browser, f"/quan-ly/to/{group.id}", {"action": "archive"}, token=token
        )
        assert status == 403 and t("vi", "dash-forged") in html
    found = CSRF.search(await page(browser, "/quan-ly/bao-cao"))
    assert found
    response = await browser.post(
        f"/quan-ly/to/{group.id}",
        data={"csrf": found.group(1), "action": "archive"},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status == 403
    async with database.sessions() as db:
        assert len(await wards.groups_of(db, demo.ward.id)) == 3


async def test_staff_invite_a_leader_who_joins_and_revoke_an_unused_invite(
    make_client,  # noqa: F811
    demo,
    database,
):
    browser = await staff_browser(make_client, demo)
    async with database.sessions() as db:
        group = (await wards.groups_of(db, demo.ward.id))[1]
    html = await page(browser, "/quan-ly/loi-moi")
    assert t("vi", "role-leader") in html and group.name in html
    status, html = await post(
        browser,
        "/quan-ly/loi-moi",
        {"role": "leader", "group": str(group.id), "uses": "2", "days": "7"},
    )
    assert t("vi", "dash-ok-invite-made") in html
    code = re.search(r'data-testid="code">([A-Z0-9-]+)<', html)
    assert code and "<svg" in html  # the QR code, drawn on the server
    # The code works in chat: a new team leader of that group.
    newcomer = WebChat(await make_client())
    assert "Bạn có đồng ý không?" in await newcomer.send(code.group(1))
    await newcomer.press("Đồng ý")
    text = await newcomer.send("Anh Minh")
    assert t("vi", "role-leader") in text and group.name in text

    # Bad numbers and a role staff cannot invite here: refused, nothing made.
    async with database.sessions() as db:
        before = len(list(await db.scalars(select(Invite.id))))
    for bad in (
        {"role": "leader", "group": str(group.id), "uses": "0", "days": "7"},
        {"role": "leader", "group": str(group.id), "uses": "2", "days": "900"},
        {"role": "staff", "group": str(group.id), "uses": "1", "days": "7"},
        {"role": "leader", "group": "abc", "uses": "1", "days": "7"},
        {"role": "leader", "group": str(group.id), "uses": "²", "days": "7"},
        {"role": "leader", "group": "٣٣٣٣٣", "uses": "1", "days": "7"},
    ):
        status, html = await post(browser, "/quan-ly/loi-moi", bad)
        assert status == 200 and 'class="flash error"' in html
    async with database.sessions() as db:
        assert len(list(await db.scalars(select(Invite.id)))) == before

    # A second invite, withdrawn before anyone used it.
    await post(
        browser,
        "/quan-ly/loi-moi",
        {"role": "volunteer", "group": str(group.id), "uses": "1", "days": "3"},
    )
    async with database.sessions() as db:
        latest = await db.scalar(select(Invite).order_by(Invite.id.desc()).limit(1))
    assert latest is not None
    status, html = await post(browser, f"/quan-ly/loi-moi/{latest.id}", {"action": "revoke"})
    assert t("vi", "dash-ok-invite-revoked") in html and t("vi", "dash-invite-revoked") in html
    late = WebChat(await make_client())
    assert t("vi", "join-code-revoked") in await late.send(invites.display(latest.code))
    # The newcomer is on the members page, as a leader, without any phone number.
    html = await page(browser, "/quan-ly/thanh-vien")
    assert "Anh Minh" in html and t("vi", "role-leader") in html


async def test_staff_deactivate_a_volunteer_who_then_is_a_resident_to_the_bot(
    make_client,  # noqa: F811
    demo,
    database,
):
    volunteer = WebChat(await make_client())
    await join(volunteer, demo, Role.VOLUNTEER, "Chị Lan")
    browser = await staff_browser(make_client, demo)
    async with database.sessions() as db:
        lan = await db.scalar(select(Member).where(Member.display_name == "Chị Lan"))
        staff = await db.scalar(select(Member).where(Member.role == Role.STAFF))
    assert lan is not None and staff is not None
    html = await page(browser, "/quan-ly/thanh-vien")
    assert "Chị Lan" in html and t("vi", "dash-make-role", role=t("vi", "role-leader")) in html
    # Nobody deactivates themselves: staff have no button for it, and a crafted form fails.
    status, html = await post(browser, f"/quan-ly/thanh-vien/{staff.id}", {"action": "deactivate"})
    assert status == 404

    status, html = await post(browser, f"/quan-ly/thanh-vien/{lan.id}", {"action": "leader"})
    assert t("vi", "dash-ok-role-changed") in html
    status, html = await post(browser, f"/quan-ly/thanh-vien/{lan.id}", {"action": "deactivate"})
    assert t("vi", "dash-ok-deactivated") in html and t("vi", "dash-deactivated") in html
    text = await volunteer.send("/ghi")
    assert t("vi", "not-allowed-join-first") in text  # no longer a member
    async with database.sessions() as db:
        told = [m.payload["text"] for m in await db.scalars(select(OutboxMessage))]
    assert any("Chị Hà (cán bộ phường) đã đổi vai trò của bạn thành tổ trưởng" in x for x in told)
    assert any("Chị Hà (cán bộ phường) đã ngừng kích hoạt bạn" in x for x in told)
    status, html = await post(browser, f"/quan-ly/thanh-vien/{lan.id}", {"action": "activate"})
    assert t("vi", "dash-ok-activated") in html
    text = await volunteer.send("/menu")
    assert t("vi", "not-allowed-join-first") not in await volunteer.send("/ghi")


async def test_every_page_as_every_role_and_another_wards_staff(
    make_client,  # noqa: F811
    demo,
    database,
):
    leader_chat = WebChat(await make_client())
    await join(leader_chat, demo, Role.LEADER, "Anh Tuấn")
    volunteer_chat = WebChat(await make_client())
    await join(volunteer_chat, demo, Role.VOLUNTEER, "Chị Lan")
    staff = await staff_browser(make_client, demo)
    leader = await browser_of(make_client, leader_chat)
    nobody = await make_client()

    # Another ward, with its own staff member.
    async with database.sessions() as db, db.begin():
        other = await wards.add_ward(db, "KHAC", "Phường Khác")
        other_group = await wards.add_group(db, other, "Tổ Khác 1")
        code = (await invites.create(db, role=Role.STAFF, ward_id=other.id, group_id=None)).code
    other_chat = WebChat(await make_client())
    await other_chat.send(invites.display(code))
    await other_chat.press("Đồng ý")
    await other_chat.send("Anh Khác")
    stranger = await browser_of(make_client, other_chat)

    sections = ["/quan-ly", "/quan-ly/to", "/quan-ly/thanh-vien", "/quan-ly/loi-moi"]
    sections += ["/quan-ly/bao-cao", "/quan-ly/viec-can-lam", "/quan-ly/han-bao-cao"]
    sections.append("/quan-ly/phieu-ghi")
    for path in sections:
        assert "Anh Tuấn" in await page(staff, path) or path != "/quan-ly/thanh-vien"
        await page(leader, path)
        html = await page(stranger, path)
        assert "Anh Tuấn" not in html and "Chị Lan" not in html
        assert demo.ward.name not in html
        await page(nobody, path, status=403)
    for path in ("/quan-ly/cau-hoi", "/quan-ly/thong-bao"):  # ward staff's alone
        await page(staff, path)
        assert demo.ward.name not in await page(stranger, path)
        await page(leader, path, status=403)
        await page(nobody, path, status=403)
    status, _ = await post(leader, "/quan-ly/thong-bao", {"target": "ward", "text": "x"})
    assert status == 403
    # A team leader sees their own team only, and changes no group.
    html = await page(leader, "/quan-ly/to")
    async with database.sessions() as db:
        groups = await wards.groups_of(db, demo.ward.id)
        tuan = await db.scalar(select(Member).where(Member.display_name == "Anh Tuấn"))
    assert tuan is not None
    own = next(g for g in groups if g.id == tuan.group_id)
    assert own.name in html
    assert all(g.name not in html for g in groups if g.id != own.id)
    assert 'action="/quan-ly/to/' not in html
    status, _ = await post(leader, f"/quan-ly/to/{own.id}", {"action": "archive"})
    assert status == 404
    # The other ward's staff reach nothing of this ward, and this ward's staff nothing of it.
    status, _ = await post(stranger, f"/quan-ly/to/{own.id}", {"action": "rename", "name": "X"})
    assert status == 404
    status, _ = await post(stranger, f"/quan-ly/thanh-vien/{tuan.id}", {"action": "deactivate"})
    assert status == 404
    status, _ = await post(staff, f"/quan-ly/to/{other_group.id}", {"action": "archive"})
    assert status == 404
    async with database.sessions() as db:
        unchanged = await db.get(ResidentialGroup, own.id)
        assert unchanged is not None and unchanged.name == own.name
        assert unchanged.archived_at is None
        tuan = await db.get(Member, tuan.id)
        assert tuan is not None and tuan.deactivated_at is None


async def test_staff_download_a_months_workbook_and_annual_draft(
    make_client,  # noqa: F811
    demo,
    database,
):
    browser = await staff_browser(make_client, demo)
    html = await page(browser, "/quan-ly/bao-cao")
    status, html = await post(browser, "/quan-ly/bao-cao", {"ky": "this_month"})
    assert status == 200
    links = re.findall(r'href="(/files/[^"]+)"', html)
    assert any(".xlsx" in link for link in links) and any(".docx" in link for link in links)
    for link in links:
        response = await browser.get(link)
        assert response.status == 200 and len(await response.read()) > 1000
    for typed, message in (
        ("hello", t("vi", "report-period-invalid")),
        ("15/11/2026 - 01/11/2026", "Ngày đầu (15/11/2026) sau ngày cuối (01/11/2026)"),
        ("năm 2099", "2099"),
    ):
        status, html = await post(browser, "/quan-ly/bao-cao", {"typed": typed})
        assert status == 200 and message in html and "/files/" not in html


async def test_staff_answer_an_unanswered_question_from_the_page(
    make_client,  # noqa: F811
    demo,
    database,
):
    resident = WebChat(await make_client())
    await resident.send("xin chao")
    question = "bà Trần Thị Mai hỏi cái thẻ xanh của ông nhà đi viện dùng sao"
    await resident.send(question)
    assert t("vi", "hd-unknown") in resident.text
    browser = await staff_browser(make_client, demo)
    html = await page(browser, "/quan-ly/cau-hoi")
    assert "thẻ xanh" in html and "Trần Thị Mai" not in html  # the name was never kept
    kept = re.search(r'name="question" value="([^"]+)"', html)
    assert kept
    status, html = await post(
        browser,
        "/quan-ly/cau-hoi",
        {"question": kept.group(1), "key": "vneid-wallet", "action": "attach"},
    )
    assert t("vi", "dash-ok-question-attached") in html and "thẻ xanh" not in html
    # The next resident of the ward asking it gets the answer.
    other = WebChat(await make_client())
    await other.send("xin chao")
    text = await other.send("ba hoi cai the xanh cua ong nha di vien dung sao")
    assert "Thêm giấy tờ vào ví VNeID" in text
    # A question answered with a new ward entry; bad input changes nothing.
    await resident.send("phường có cho mượn xe lăn không ạ")
    for bad in (
        {"action": "write", "title": "x", "body": "y"},
        {"action": "attach", "key": "no-such-entry"},
        {"action": "attach", "key": "vneid-wallet", "question": ""},
    ):
        status, html = await post(
            browser, "/quan-ly/cau-hoi", {"question": "phường có cho mượn xe lăn không ạ", **bad}
        )
        assert status == 200 and 'class="flash error"' in html
    status, html = await post(
        browser,
        "/quan-ly/cau-hoi",
        {
            "question": "phường có cho mượn xe lăn không ạ",
            "action": "write",
            "title": "Mượn xe lăn",
            "body": "Phường cho mượn xe lăn tại trạm y tế, mang theo căn cước.",
        },
    )
    assert status == 200 and t("vi", "dash-ok-question-written") in html
    text = await other.send("phuong co cho muon xe lan khong")
    assert "trạm y tế" in text
    # Volunteers and team leaders have no such page.
    leader_chat = WebChat(await make_client())
    await join(leader_chat, demo, Role.LEADER, "Anh Tuấn")
    leader = await browser_of(make_client, leader_chat)
    await page(leader, "/quan-ly/cau-hoi", status=403)


async def test_open_requests_show_who_took_them_with_phones_masked(
    make_client,  # noqa: F811
    demo,
    database,
):
    resident = WebChat(await make_client())
    await resident.send("xin chao")
    await resident.send("nhờ người đến nhà chỉ giúp")
    async with database.sessions() as db:
        group = (await wards.groups_of(db, demo.ward.id))[0]
    await resident.press(group.name)
    await resident.press(t("vi", "hd-time-morning"))
    await resident.press(t("vi", "hd-visit-consent-yes"))
    await resident.send("0912345678")
    await resident.press(t("vi", "hd-visit-send"))
    browser = await staff_browser(make_client, demo)
    html = await page(browser, "/quan-ly/viec-can-lam")
    assert t("vi", "dash-follow-request") in html and group.name in html
    assert t("vi", "hd-time-morning") in html and t("vi", "dash-follow-nobody") in html
    assert "0912345678" not in html and "678" in html  # masked, the end kept to call back


async def test_staff_announce_from_the_page_and_see_it_delivered(
    make_client,  # noqa: F811
    demo,
    database,
):
    volunteer = WebChat(await make_client())
    await join(volunteer, demo, Role.VOLUNTEER, "Chị Lan")
    browser = await staff_browser(make_client, demo)
    for bad in ({"target": "ward", "text": ""}, {"target": "999999", "text": "Xin chào"}):
        status, html = await post(browser, "/quan-ly/thong-bao", bad)
        assert status == 200 and 'class="flash error"' in html
    status, html = await post(
        browser,
        "/quan-ly/thong-bao",
        {"target": "ward", "text": "Chủ nhật này tổ hỗ trợ cài VNeID tại nhà văn hoá."},
    )
    assert t("vi", "dash-ok-announcement-sent") in html
    sent = re.search(r'data-testid="sent"><li>([^<]+)<', html)
    assert (sent and "Cả phường" in sent.group(1)) or t("vi", "ann-to-ward") in html
    async with database.sessions() as db:
        queued = list(
            await db.scalars(
                select(AuditEntry.action).where(AuditEntry.action == "announcement.sent")
            )
        )
    assert queued == ["announcement.sent"]


async def test_deadlines_show_which_groups_have_not_handed_in(
    make_client,  # noqa: F811
    demo,
    database,
    clock,
):
    from storage import deadlines
    from storage.models import DeadlineKind

    leader_chat = WebChat(await make_client())
    await join(leader_chat, demo, Role.LEADER, "Anh Tuấn")
    today = clock().date()
    async with database.sessions() as db, db.begin():
        await deadlines.add(
            db,
            demo.ward.id,
            title="Báo cáo tháng",
            kind=DeadlineKind.ONCE,
            on_date=today + dt.timedelta(days=5),
            roles=["leader"],
            offsets=[3, 1, 0],
            member_id=None,
        )
        names = [g.name for g in await wards.groups_of(db, demo.ward.id)]
    staff = await staff_browser(make_client, demo)
    html = await page(staff, "/quan-ly/han-bao-cao")
    assert "Báo cáo tháng" in html and all(name in html for name in names)
    leader = await browser_of(make_client, leader_chat)
    html = await page(leader, "/quan-ly/han-bao-cao")
    assert "Báo cáo tháng" in html and "Tổ của bạn chưa nộp" in html
    assert not all(name in html for name in names)  # not the other groups' state


async def test_staff_shape_the_session_form_and_targets_from_the_page(
    make_client,  # noqa: F811
    demo,
    database,
):
    from storage import forms
    from storage.models import FormKind

    browser = await staff_browser(make_client, demo)
    html = await page(browser, "/quan-ly/phieu-ghi")
    assert t("vi", "counter-vneid_activated") in html and t("vi", "topic-vneid") in html
    status, html = await post(
        browser, "/quan-ly/phieu-ghi", {"action": "add", "kind": "topic", "name": "Cài app y tế"}
    )
    assert t("vi", "dash-ok-form-changed") in html and "Cài app y tế" in html
    for bad, message in (
        ({"action": "add", "kind": "topic", "name": "x"}, "dash-err-form-name"),
        ({"action": "add", "kind": "priority", "name": "cài APP y tế"}, "dash-err-form-taken"),
        ({"action": "add", "kind": "topic", "name": "gọi 0912345678"}, "dash-err-form-name"),
        ({"action": "target", "key": "sessions", "value": "9.5"}, "dash-err-form-target"),
        ({"action": "target", "key": "active_groups", "value": "120"}, "dash-err-form-target"),
        ({"action": "add", "kind": "nope", "name": "Mục"}, "dash-err-unknown-action"),
    ):
        status, html = await post(browser, "/quan-ly/phieu-ghi", bad)
        assert status == 200 and t("vi", message) in html, bad
    status, html = await post(
        browser, "/quan-ly/phieu-ghi", {"action": "target", "key": "sessions", "value": "1.200"}
    )
    assert t("vi", "dash-ok-form-changed") in html
    async with database.sessions() as db:
        form = await forms.load(db, demo.ward.id)
        own = [i for i in form.of(FormKind.TOPIC) if i.label == "Cài app y tế"]
        assert own and (await forms.targets(db, demo.ward.id))[forms.SESSIONS] == 1200
    status, html = await post(
        browser,
        "/quan-ly/phieu-ghi",
        {"action": "hide", "kind": "topic", "key": own[0].key},
    )
    assert t("vi", "dash-form-hidden") in html
    status, _ = await post(
        browser, "/quan-ly/phieu-ghi", {"action": "hide", "kind": "topic", "key": "x999"}
    )
    assert status == 404


async def test_the_city_administrator_sees_every_ward_and_runs_one_at_a_time(
    make_client,  # noqa: F811
    demo,
    database,
    clock,
):
    from storage import members, web_access

    async with database.sessions() as db, db.begin():
        other = await wards.add_ward(db, "KHAC", "Phường Khác")
        far = await wards.add_group(db, other, "Tổ Xa 1")
        person = await members.administrator(db, "Anh Quản trị", demo.ward.id, clock())
        token = await web_access.new_link(db, person, clock())
    browser = await make_client()
    response = await browser.get(f"/quan-ly/vao?t={token}", allow_redirects=False)
    assert response.status == 303
    html = await page(browser, "/quan-ly/thanh-pho")
    assert "Anh Quản trị (quản trị thành phố)" in html
    assert "Phường Khác" in html and demo.ward.name in html
    html = await page(browser, f"/quan-ly/thanh-pho/mo?phuong={other.id}")
    assert t("vi", "dash-viewing", ward="Phường Khác") in html
    assert "Tổ Xa 1" in await page(browser, "/quan-ly/to")
    status, html = await post(
        browser, f"/quan-ly/to/{far.id}", {"action": "rename", "name": "Tổ Gần 1"}
    )
    assert status == 200 and t("vi", "dash-ok-group-renamed") in html and "Tổ Gần 1" in html
    for bad in ("999999", "abc", "²"):
        await page(browser, f"/quan-ly/thanh-pho/mo?phuong={bad}", status=404)
    # Ward staff have no city page; the administrator is nobody's member and gets no message.
    staff = await staff_browser(make_client, demo)
    await page(staff, "/quan-ly/thanh-pho", status=403)
    assert "Anh Quản trị" not in await page(staff, "/quan-ly/thanh-vien")
    async with database.sessions() as db:
        from storage import schedule

        reached = await schedule.members_reached(db, demo.ward.id, None)
        assert all(m.role != Role.ADMIN for m in reached)


# -- found by a new user's review (2026-11-28) --------------------------------------------------


async def test_odd_group_names_are_cleaned_or_refused_and_reports_still_work(
    make_client,  # noqa: F811
    demo,
    database,
):
    browser = await staff_browser(make_client, demo)
    status, html = await post(browser, "/quan-ly/to", {"name": "a\u0000b\u200b c"})
    assert status == 200 and t("vi", "dash-ok-group-added") in html and "ab c" in html
    async with database.sessions() as db:
        existing = (await wards.groups_of(db, demo.ward.id))[0].name
    import unicodedata

    for bad, message in (
        ("\u200b\u200b", "dash-err-group-name"),
        (".", "dash-err-group-name"),
        (unicodedata.normalize("NFD", existing), "dash-err-group-exists"),
        ("AB  C", "dash-err-group-exists"),
    ):
        status, html = await post(browser, "/quan-ly/to", {"name": bad})
        assert status == 200 and t("vi", message) in html, bad
    status, html = await post(browser, "/quan-ly/bao-cao", {"ky": "this_month"})
    links = re.findall(r'href="(/files/[^"]+)"', html)
    assert any(".png" in link for link in links) and any(".xlsx" in link for link in links)


async def test_archiving_a_group_withdraws_its_invites_and_leaves_the_reports(
    make_client,  # noqa: F811
    demo,
    database,
):
    browser = await staff_browser(make_client, demo)
    async with database.sessions() as db:
        group = (await wards.groups_of(db, demo.ward.id))[2]
    await post(
        browser,
        "/quan-ly/loi-moi",
        {"role": "leader", "group": str(group.id), "uses": "1", "days": "7"},
    )
    async with database.sessions() as db:
        made = await db.scalar(select(Invite).order_by(Invite.id.desc()).limit(1))
    assert made is not None and made.group_id == group.id
    await post(browser, f"/quan-ly/to/{group.id}", {"action": "archive"})
    late = WebChat(await make_client())
    assert t("vi", "join-code-revoked") in await late.send(invites.display(made.code))
    status, html = await post(browser, "/quan-ly/bao-cao", {"ky": "this_month"})
    assert status == 200 and group.name not in html.split('data-testid="made"')[1]
    status, html = await post(browser, f"/quan-ly/to/{group.id}", {"action": "archive"})
    assert status == 200 and t("vi", "dash-ok-group-archived") not in html  # no change


async def test_a_leader_manages_only_volunteer_invites_of_the_team(
    make_client,  # noqa: F811
    demo,
    database,
):
    leader_chat = WebChat(await make_client())
    await join(leader_chat, demo, Role.LEADER, "Anh Tuấn")
    leader = await browser_of(make_client, leader_chat)
    html = await page(leader, "/quan-ly/loi-moi")
    assert invites.display(demo.invites[Role.LEADER].code) not in html
    status, _ = await post(
        leader, f"/quan-ly/loi-moi/{demo.invites[Role.LEADER].id}", {"action": "revoke"}
    )
    assert status == 404
    async with database.sessions() as db:
        kept = await db.get(Invite, demo.invites[Role.LEADER].id)
    assert kept is not None and kept.revoked_at is None


async def test_links_survive_a_preview_and_die_with_sign_out_and_unknown_pages_say_so(
    make_client,  # noqa: F811
    demo,
):
    staff = WebChat(await make_client())
    await join(staff, demo, Role.STAFF, "Chị Hà")
    link = await link_in_chat(staff)
    checker = await make_client()
    assert (await checker.head(link, allow_redirects=False)).status == 200
    await staff.press(t("vi", "web-sign-out"))
    browser = await make_client()
    assert (await browser.get(link, allow_redirects=False)).status == 403  # signed out
    for path in ("/quan-ly/xyz", "/quan-ly/to/1"):
        response = await browser.get(path)
        assert response.status == 404 and t("vi", "dash-not-found") in await response.text()
    # A leader on a staff page is told whom it is for.
    leader_chat = WebChat(await make_client())
    await join(leader_chat, demo, Role.LEADER, "Anh Tuấn")
    leader = await browser_of(make_client, leader_chat)
    html = await page(leader, "/quan-ly/cau-hoi", status=403)
    assert t("vi", "dash-not-allowed", who=t("vi", "who-staff")) in html
