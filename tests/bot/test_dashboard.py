"""The ward's web pages: signing in with a one-time link from chat, the overview, and who
may not get in."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.i18n import t
from storage.models import AuditEntry, Role
from tests.bot.test_web import WebChat, join, make_client, server  # noqa: F401  (fixtures)

LINK = re.compile(r"http://[^\s]+/quan-ly/vao\?t=([\w-]+)")


async def link_in_chat(chat: WebChat) -> str:
    text = await chat.send("/trangquanly")
    found = LINK.search(text)
    assert found, text
    return f"/quan-ly/vao?t={found.group(1)}"


async def test_staff_open_the_ward_pages_from_chat_once(
    make_client,  # noqa: F811
    demo,
    database,
):
    phone = await make_client()
    staff = WebChat(phone)
    await join(staff, demo, Role.STAFF, "Chị Hà")
    link = await link_in_chat(staff)
    assert "một lần, trong 10 phút" in staff.text

    laptop = await make_client()  # the link opened on another device
    response = await laptop.get(link, allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/quan-ly"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    page = await laptop.get("/quan-ly?ky=year")
    html = await page.text()
    assert page.status == 200
    assert "Trang quản lý · Phường Mẫu (demo)" in html and "Chị Hà (cán bộ phường)" in html
    assert "Năm 2026" in html and "Số tài khoản VNeID đã kích hoạt" in html
    assert "Tổ có hoạt động: 0/3 (0%, mục tiêu 100%)" in html
    # The trend, drawn on the server: twelve months, none with a session yet.
    assert 'data-testid="trend"' in html and html.count("<rect ") == 12
    assert html.count("<title>") >= 12 and "Số buổi hỗ trợ mỗi tháng" in html
    assert page.headers["Cache-Control"] == "no-store"

    # Used once: a second browser gets nothing.
    stranger = await make_client()
    again = await stranger.get(link, allow_redirects=False)
    assert again.status == 403 and t("vi", "dash-expired") in await again.text()
    assert (await stranger.get("/quan-ly")).status == 403

    # Signing out from chat ends the browser session.
    await staff.press(t("vi", "web-sign-out"))
    assert "Đã đăng xuất 1 trình duyệt" in staff.text
    assert (await laptop.get("/quan-ly")).status == 403
    async with database.sessions() as db:
        actions = list(
            await db.scalars(select(AuditEntry.action).where(AuditEntry.action.like("web.%")))
        )
    assert actions == ["web.link", "web.sign_in", "web.sign_out"]


async def test_volunteers_get_no_link_and_forged_or_old_links_fail(
    make_client,  # noqa: F811
    demo,
    database,
    clock,
):
    volunteer = WebChat(await make_client())
    await join(volunteer, demo, Role.VOLUNTEER, "Chị Lan")
    text = await volunteer.send("/trangquanly")
    assert "tổ trưởng và cán bộ phường" in text and "/quan-ly/vao" not in text

    leader = WebChat(await make_client())
    await join(leader, demo, Role.LEADER, "Anh Tuấn")
    # A team leader sees the team's figures, not the ward's groups.
    own = await make_client()
    assert (await own.get(await link_in_chat(leader), allow_redirects=False)).status == 303
    html = await (await own.get("/quan-ly?ky=week")).text()
    assert "Anh Tuấn (tổ trưởng)" in html and "Tuần " in html
    assert t("vi", "dash-idle") not in html
    await leader.press("Menu")
    link = await link_in_chat(leader)
    browser = await make_client()
    for bad in ("/quan-ly/vao", "/quan-ly/vao?t=", "/quan-ly/vao?t=" + "x" * 500):
        assert (await browser.get(bad, allow_redirects=False)).status == 403
    clock.advance(minutes=11)  # the link was good for ten minutes
    assert (await browser.get(link, allow_redirects=False)).status == 403


async def test_sign_in_links_are_limited_to_five_an_hour(
    make_client,  # noqa: F811
    demo,
    database,
    clock,
):
    staff = WebChat(await make_client())
    await join(staff, demo, Role.STAFF, "Chị Hà")
    for _ in range(5):
        await link_in_chat(staff)
        await staff.press("Menu")
    text = await staff.send("/trangquanly")
    assert "5 liên kết trong một giờ" in text and "/quan-ly/vao" not in text
    clock.advance(minutes=61)
    await staff.press("Menu")
    assert "/quan-ly/vao" in await staff.send("/trangquanly")
    async with database.sessions() as db:
        refused = await db.scalar(
            select(AuditEntry.action).where(AuditEntry.action == "web.link_refused")
        )
    assert refused == "web.link_refused"
