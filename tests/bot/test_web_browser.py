"""The web chat in a real headless Chromium on a phone-sized screen, used like a person would:
type the invite code, tap the buttons, log a session. SQLite only (the API tests cover both
databases); skipped without a Chromium binary, except in CI where that is a failure."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.conversation import ConversationCore
from bot.i18n import t
from bot.web import make_app
from storage import wards
from storage.db import Database
from storage.invites import display
from storage.models import Role
from storage.wards import DemoWard

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
WAIT_MS = 10_000
SCREENSHOT = Path("/tmp/ngoso-web.png")


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    found = shutil.which(path)
    if found is None:
        message = f"no Chromium at {path} (set CHROMIUM_PATH)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


async def use_the_chat(page: Any, port: int, demo: DemoWard) -> None:
    """What a volunteer does on their phone, step by step."""
    from playwright.async_api import expect

    log = page.get_by_test_id("log")
    newest_menu = page.locator(".choices").last

    async def tap(label: str) -> None:
        """Tap a button of the newest menu, by its exact label."""
        button = newest_menu.get_by_role("button", name=label, exact=True)
        await expect(button).to_be_enabled(timeout=WAIT_MS)
        await button.click()

    async def type_and_send(text: str) -> None:
        await page.get_by_test_id("input").fill(text)
        await page.get_by_test_id("send").click()

    async def sees(text: str) -> None:
        await expect(log).to_contain_text(text, timeout=WAIT_MS)

    async def enabled_buttons_outside_newest_menu() -> int:
        return await page.evaluate(
            """() => {
                const menus = [...document.querySelectorAll('.choices')];
                return menus.slice(0, -1)
                    .flatMap(m => [...m.querySelectorAll('button')])
                    .filter(b => !b.disabled).length;
            }"""
        )

    # The page loads in Vietnamese and greets.
    await page.goto(f"http://127.0.0.1:{port}/", timeout=WAIT_MS)
    await expect(page).to_have_title(t("vi", "web-title"), timeout=WAIT_MS)
    await sees("Xin chào! Mình là Ngõ Số")
    await expect(newest_menu.get_by_role("button", name=t("vi", "menu-join"))).to_be_visible(
        timeout=WAIT_MS
    )
    await expect(page.get_by_test_id("input")).to_have_attribute(
        "placeholder", t("vi", "web-placeholder")
    )
    await expect(page.get_by_test_id("send")).to_have_text(t("vi", "web-send"))

    # Type the invite code and press Send.
    await type_and_send(display(demo.invites[Role.VOLUNTEER].code))
    await sees("Bạn có đồng ý không?")
    await expect(page.get_by_test_id("input")).to_have_value("")
    assert await enabled_buttons_outside_newest_menu() == 0  # the welcome menu's
    # Buttons a thumb can hit, apart from each other; the main answer told apart.
    agree_button = newest_menu.get_by_role("button", name=t("vi", "consent-agree"), exact=True)
    decline_button = newest_menu.get_by_role("button", name=t("vi", "consent-decline"), exact=True)
    boxes = [await b.bounding_box() for b in (agree_button, decline_button)]
    assert all(box is not None and box["height"] >= 48 for box in boxes), boxes

    def colour(locator):  # type: ignore[no-untyped-def]
        return locator.evaluate("b => getComputedStyle(b).backgroundColor")

    assert await colour(agree_button) != await colour(decline_button)

    await tap(t("vi", "consent-agree"))
    await sees(t("vi", "join-ask-name"))
    # The name question has no buttons, but it is a new question: the consent buttons are
    # no longer answers (the bot would call them an old question's buttons).
    decline = page.get_by_role("button", name=t("vi", "consent-decline"), exact=True)
    await expect(decline).to_be_disabled()
    await page.reload(timeout=WAIT_MS)  # and stay so when the page is opened again
    await sees(t("vi", "join-ask-name"))
    await expect(decline).to_be_disabled()
    # What the person typed or tapped, and nothing else: no "/start" bubble, none on reload.
    await expect(page.get_by_test_id("me")).to_have_count(2)
    await type_and_send("Chị Lan")
    await sees("Chào mừng bạn!")
    await sees("Chào Chị Lan! Bạn muốn làm gì?")
    assert await enabled_buttons_outside_newest_menu() == 0
    agree = page.get_by_role("button", name=t("vi", "consent-agree"), exact=True)
    await expect(agree).to_be_disabled()

    # Log a session: one tap per question, the ward's counter after VNeID, and two priority
    # groups ticked.
    await tap(t("vi", "menu-log"))
    await sees("Bạn đã hỗ trợ việc gì?")
    await tap(t("vi", "topic-vneid"))
    await sees(t("vi", "counter-vneid_activated"))
    await tap("1")
    await sees("Người được hỗ trợ thuộc nhóm nào?")
    await tap(t("vi", "btn-pick-several"))
    await sees(t("vi", "pick-hint"))
    await tap(t("vi", "priority-elderly"))
    await tap("✅ " + t("vi", "priority-elderly"))
    await tap(t("vi", "priority-elderly"))
    await tap(t("vi", "priority-household_business"))
    await expect(newest_menu.get_by_role("button", name="✅ ", exact=False)).to_have_count(2)
    await tap(t("vi", "btn-pick-done", n=2))
    await sees("Kết quả thế nào?")
    await tap(t("vi", "outcome-resolved"))
    await sees("Kiểm tra lại trước khi lưu")
    await tap(t("vi", "btn-save"))
    await sees("Đã lưu buổi hỗ trợ")
    await sees(f"{t('vi', 'counter-vneid_activated')}: 1")
    await sees(f"{t('vi', 'priority-elderly')}; {t('vi', 'priority-household_business')}")
    await expect(newest_menu.get_by_role("button", name=t("vi", "btn-log-another"))).to_be_enabled()
    assert await enabled_buttons_outside_newest_menu() == 0
    old_topic = page.get_by_role("button", name=t("vi", "topic-vneid"), exact=True)
    await expect(old_topic).to_be_disabled()

    # It fits a phone: nothing wider than the screen, the input bar on screen.
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    form = await page.locator("#form").bounding_box()
    assert form is not None
    assert form["y"] + form["height"] <= PHONE["height"] + 1
    await expect(page.get_by_test_id("input")).to_be_in_viewport()
    # The newest message is scrolled into view.
    await expect(log.get_by_test_id("bot").last).to_be_in_viewport()

    await page.screenshot(path=str(SCREENSHOT))

    # Reloading keeps the conversation, with only the newest menu usable.
    await page.reload(timeout=WAIT_MS)
    await sees("Đã lưu buổi hỗ trợ")
    await expect(newest_menu.get_by_role("button", name=t("vi", "btn-log-another"))).to_be_enabled()
    assert await enabled_buttons_outside_newest_menu() == 0


@asynccontextmanager
async def phone(core: ConversationCore, database: Database) -> AsyncIterator[tuple[Any, int]]:
    """A phone-sized headless Chromium page and the port of a running web chat."""
    executable = chromium_path()
    from playwright.async_api import async_playwright

    runner = web.AppRunner(make_app(core, database), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=True, timeout=WAIT_MS * 3
            )
            try:
                context = await browser.new_context(
                    viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
                )
                page = await context.new_page()
                page.set_default_timeout(WAIT_MS)
                js_errors: list[str] = []
                page.on("pageerror", lambda exc: js_errors.append(str(exc)))
                yield page, port
                assert js_errors == []
            finally:
                await browser.close()
    finally:
        await runner.cleanup()


# Only the SQLite variant of the `database` fixture.
@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
async def test_phone_user_joins_and_logs_a_session(
    database: Database, core: ConversationCore, demo: DemoWard
):
    async with phone(core, database) as (page, port):
        await use_the_chat(page, port, demo)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
async def test_staff_see_the_weekly_chart_and_download_the_workbook(
    database: Database, core: ConversationCore, demo: DemoWard
):
    from playwright.async_api import expect

    async with phone(core, database) as (page, port):
        await staff_join(page, port, demo)
        newest_menu = page.locator(".choices").last
        await newest_menu.get_by_role("button", name="Báo cáo (tuần", exact=False).click()
        week = newest_menu.get_by_role("button", name=re.compile("–")).first  # the latest week
        await expect(week).to_be_enabled(timeout=WAIT_MS)
        await week.click()
        chart = page.locator(".attachment img").last
        await expect(chart).to_be_visible(timeout=WAIT_MS)
        # The image really loaded through its signed link.
        assert await chart.evaluate("img => img.complete && img.naturalWidth > 0")
        link = page.locator("a.attachment[download]").last
        await expect(link).to_contain_text("Bảng tính")
        async with page.expect_download() as info:
            await link.click()
        download = await info.value
        assert re.fullmatch(
            r"Bao-cao-Phuong-Mau-demo-Tuan-[\d-]+\.xlsx", download.suggested_filename
        )
        saved = await download.path()
        assert (await asyncio.to_thread(Path(saved).read_bytes))[:2] == b"PK"
        href = await link.get_attribute("href")
        assert href is not None
        response = await page.request.get(f"http://127.0.0.1:{port}{href}")
        assert response.headers["content-type"] == (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        # The report stays on screen with a short menu; the annual draft is one tap away.
        await newest_menu.get_by_role("button", name=t("vi", "annual-button")).click()
        draft = page.locator("a.attachment[download]").last
        await expect(draft).to_contain_text("Dự thảo báo cáo")
        async with page.expect_download() as info:
            await draft.click()
        assert (await info.value).suggested_filename.endswith(".docx")
        await newest_menu.get_by_role("button", name=t("vi", "btn-short-menu")).click()
        await expect(newest_menu.get_by_role("button", name="Phiếu ghi")).to_be_visible()
        # /lang in the chat turns the page's own labels to English as well.
        await page.get_by_test_id("input").fill("/lang")
        await page.get_by_test_id("send").click()
        await newest_menu.get_by_role("button", name="English", exact=True).click()
        await expect(page.get_by_test_id("send")).to_have_text(t("en", "web-send"))
        assert await page.get_by_test_id("input").get_attribute("placeholder") == t(
            "en", "web-placeholder"
        )
        assert await page.title() == t("en", "web-title")


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
async def test_a_tab_closed_and_opened_again_goes_on_where_it_was(
    database: Database, core: ConversationCore, demo: DemoWard
):
    """A phone's browser closes tabs: the chat opened again continues (here, the name
    question after consent) instead of starting over and taking the name for a question."""
    from playwright.async_api import expect

    async with phone(core, database) as (page, port):
        await page.goto(f"http://127.0.0.1:{port}/", timeout=WAIT_MS)
        await page.get_by_test_id("input").fill(display(demo.invites[Role.VOLUNTEER].code))
        await page.get_by_test_id("send").click()
        agree = page.locator(".choices").last.get_by_role(
            "button", name=t("vi", "consent-agree"), exact=True
        )
        await agree.click()
        await expect(page.get_by_test_id("log")).to_contain_text(t("vi", "join-ask-name"))
        context = page.context
        await page.close()

        again = await context.new_page()  # a new tab: the same cookie, no tab history
        await again.goto(f"http://127.0.0.1:{port}/", timeout=WAIT_MS)
        log = again.get_by_test_id("log")
        await expect(log).to_contain_text(t("vi", "join-ask-name"), timeout=WAIT_MS)
        await expect(log).not_to_contain_text("Xin chào! Mình là Ngõ Số")
        await again.get_by_test_id("input").fill("Chị Lan")
        await again.get_by_test_id("send").click()
        await expect(log).to_contain_text("Chào mừng bạn!", timeout=WAIT_MS)


async def staff_join(page: Any, port: int, demo: DemoWard) -> None:
    """In the phone's web chat: join with the ward staff's invite, agree, and give the name
    "Anh Minh"."""
    await page.goto(f"http://127.0.0.1:{port}/", timeout=WAIT_MS)
    await page.get_by_test_id("input").fill(display(demo.invites[Role.STAFF].code))
    await page.get_by_test_id("send").click()
    newest_menu = page.locator(".choices").last
    await newest_menu.get_by_role("button", name=t("vi", "consent-agree"), exact=True).click()
    await page.get_by_test_id("input").fill("Anh Minh")
    await page.get_by_test_id("send").click()


async def staff_open_the_pages(page: Any, port: int, demo: DemoWard) -> None:
    """In the phone's web chat: join as ward staff, ask for the pages' link, and open it at
    360 px wide (a cheap Android phone)."""
    from playwright.async_api import expect

    await staff_join(page, port, demo)
    newest_menu = page.locator(".choices").last
    await newest_menu.get_by_role("button", name=t("vi", "web-menu")).click()
    log = page.get_by_test_id("log")
    await expect(log).to_contain_text("/quan-ly/vao?t=", timeout=WAIT_MS)
    found = re.search(r"/quan-ly/vao\?t=[\w-]+", await log.inner_text())
    assert found is not None
    await page.set_viewport_size({"width": 360, "height": 740})
    await page.goto(f"http://127.0.0.1:{port}{found.group(0)}", timeout=WAIT_MS)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
async def test_staff_open_the_ward_pages_on_a_phone(
    database: Database, core: ConversationCore, demo: DemoWard
):
    """The link from the chat opens the ward's overview in the same phone browser, readable
    at 360 px wide without scrolling sideways."""
    from playwright.async_api import expect

    async with phone(core, database) as (page, port):
        await staff_open_the_pages(page, port, demo)
        await expect(page.get_by_test_id("who")).to_contain_text("Anh Minh (cán bộ phường)")
        await page.get_by_role("link", name=t("vi", "dash-period-quarter")).click()
        await expect(page.get_by_test_id("period")).to_contain_text("Quý IV/2026")
        await expect(page.get_by_test_id("indicators")).to_contain_text(
            t("vi", "counter-vneid_activated")
        )
        wide = await page.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= 360


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
async def test_staff_run_the_ward_from_its_pages_on_a_phone(
    database: Database, core: ConversationCore, demo: DemoWard
):
    """Every page of the ward's side at 360 px without scrolling sideways; a group renamed
    and an invite made and withdrawn through the pages' own forms; a form posted from
    another page (no token) refused with nothing changed."""
    from playwright.async_api import expect

    async with phone(core, database) as (page, port):
        base = f"http://127.0.0.1:{port}"
        await staff_open_the_pages(page, port, demo)
        sections = ("groups", "people", "invites", "follow", "deadlines", "form", "files")
        for section in (*sections, "questions", "announce", "overview"):
            await page.get_by_role("link", name=t("vi", f"dash-nav-{section}")).click()
            await expect(page.locator("h1")).to_be_visible()
            wide = await page.evaluate("() => document.documentElement.scrollWidth")
            assert wide <= 360, section

        # Rename the first group through its form.
        await page.get_by_role("link", name=t("vi", "dash-nav-groups")).click()
        async with database.sessions() as db:
            first = (await wards.groups_of(db, demo.ward.id))[0]
        row = page.locator(f'tr[data-group="{first.name}"]')
        await row.locator("summary").click()
        await row.get_by_role("textbox").fill("Tổ dân phố Hoa Sen")
        await row.get_by_role("button", name=t("vi", "dash-rename")).click()
        await expect(page.get_by_test_id("flash")).to_have_text(t("vi", "dash-ok-group-renamed"))
        await expect(page.get_by_test_id("groups")).to_contain_text("Tổ dân phố Hoa Sen")

        # Make an invite for a team leader: its code and QR code show; then withdraw it.
        await page.get_by_role("link", name=t("vi", "dash-nav-invites")).click()
        await page.get_by_label(t("vi", "dash-role")).select_option("leader")
        await page.get_by_role("button", name=t("vi", "dash-invite-create")).click()
        await expect(page.get_by_test_id("new-invite").locator("svg")).to_be_visible()
        code = await page.get_by_test_id("code").inner_text()
        assert await page.evaluate("() => document.documentElement.scrollWidth") <= 360
        row = page.locator(f'tr[data-code="{code}"]')
        await row.get_by_role("button", name=t("vi", "dash-invite-revoke")).click()
        await expect(page.get_by_test_id("flash")).to_have_text(t("vi", "dash-ok-invite-revoked"))
        await expect(page.locator(f'tr[data-code="{code}"]')).to_contain_text(
            t("vi", "dash-invite-revoked")
        )

        # A page elsewhere posting to the ward's pages (it cannot know the token).
        await page.set_content(
            f'<form method="post" action="{base}/quan-ly/to/{first.id}">'
            '<input name="action" value="archive"><button>Go</button></form>'
        )
        async with page.expect_navigation():
            await page.get_by_role("button", name="Go").click()
        assert "quan-ly/to" in page.url
        async with database.sessions() as db:
            after = await wards.get_group(db, first.id)
        assert after is not None and after.archived_at is None
        assert after.name == "Tổ dân phố Hoa Sen"

        # Another ward's group, with this session's own token: not found, unchanged.
        async with database.sessions() as db, db.begin():
            elsewhere = await wards.add_ward(db, "KHAC", "Phường Khác")
            theirs = await wards.add_group(db, elsewhere, "Tổ của phường khác")
        await page.goto(f"{base}/quan-ly/to", timeout=WAIT_MS)
        status = await page.evaluate(
            """async (path) => {
                const token = document.querySelector('input[name=csrf]').value;
                const body = new URLSearchParams({csrf: token, action: "archive"});
                return (await fetch(path, {method: "POST", body})).status;
            }""",
            f"/quan-ly/to/{theirs.id}",
        )
        assert status == 404
        async with database.sessions() as db:
            untouched = await wards.get_group(db, theirs.id)
        assert untouched is not None and untouched.archived_at is None


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
async def test_an_answers_source_is_a_link_to_tap(
    database: Database, core: ConversationCore, demo: DemoWard
):
    from playwright.async_api import expect

    async with phone(core, database) as (page, port):
        await page.goto(f"http://127.0.0.1:{port}/", timeout=WAIT_MS)
        await page.get_by_test_id("input").fill("kich hoat vneid the nao")
        await page.get_by_test_id("send").click()
        log = page.get_by_test_id("log")
        await expect(log).to_contain_text("Nguồn:", timeout=WAIT_MS)
        link = log.locator('a[href^="https://"]').last
        await expect(link).to_be_visible()
        href = await link.get_attribute("href")
        assert href is not None and href.startswith("https://") and not href.endswith(".")
        assert await link.get_attribute("rel") == "noopener noreferrer"


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
async def test_the_pages_open_inside_telegram_signed_in_by_telegram(
    database: Database, core: ConversationCore, demo: DemoWard
):
    """Telegram opens /quan-ly/telegram with its signed launch data in the address's
    fragment: the page's script hands it over and lands on the overview, no link needed."""
    from urllib.parse import quote

    from playwright.async_api import expect

    import handlers
    from storage.models import Member
    from tests.bot.test_mini_app import TOKEN, signed

    settings = core.settings.model_copy(update={"telegram_bot_token": TOKEN})
    in_telegram = ConversationCore(database, settings, handlers.all_flows(), handlers.COMMANDS)
    async with database.sessions() as db, db.begin():
        db.add(
            Member(
                channel="telegram",
                channel_user_id="7001",
                display_name="Chị Hà",
                role=Role.STAFF,
                ward_id=demo.ward.id,
                consent_at=database.clock(),
            )
        )
    async with phone(in_telegram, database) as (page, port):
        launch = quote(signed(7001, database.clock()), safe="")
        await page.goto(
            f"http://127.0.0.1:{port}/quan-ly/telegram#tgWebAppData={launch}&tgWebAppVersion=8.0",
            timeout=WAIT_MS,
        )
        await expect(page.get_by_test_id("who")).to_contain_text("Chị Hà (cán bộ phường)")
        assert page.url.endswith("/quan-ly")
        # Opened outside Telegram (no launch data): it says so, and signs nobody in.
        await page.goto(f"http://127.0.0.1:{port}/quan-ly/telegram", timeout=WAIT_MS)
        await expect(page.get_by_test_id("mini-status")).to_have_text(t("vi", "dash-mini-failed"))
