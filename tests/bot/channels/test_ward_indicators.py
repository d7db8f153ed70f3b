"""The ward's own indicator, end to end on the real bot: ward staff set up a counter in the web
chat, volunteers log sessions with it on Telegram, Zalo and the web, and the month's report,
workbook and annual draft show it."""

from __future__ import annotations

import io
from typing import Any

import aiohttp
from docx import Document
from openpyxl import load_workbook

from bot.config import Settings
from storage.db import Database
from storage.models import Role
from storage.wards import DemoWard
from tests.bot.channels import test_telegram as tg
from tests.bot.channels import test_zalo as zl
from tests.bot.channels.conftest import running
from tests.conftest import display
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import FakeZalo

COUNTER = "Số người cài ứng dụng ngân hàng"


class Browser:
    """The web chat's API, as its page uses it, with the page's cookie."""

    def __init__(self, http: aiohttp.ClientSession, base: str) -> None:
        self.http, self.base = http, base
        self.replies: list[dict[str, Any]] = []
        self.buttons: list[dict[str, str]] = []

    @property
    def text(self) -> str:
        return "\n".join(r["text"] for r in self.replies)

    async def post(self, payload: dict[str, Any]) -> str:
        async with self.http.post(f"{self.base}/api/messages", json=payload) as response:
            assert response.status == 200, await response.text()
            self.replies = (await response.json())["replies"]
        shown = [b for r in self.replies for b in r["buttons"]]
        if shown:
            self.buttons = shown
        return self.text

    async def send(self, text: str) -> str:
        return await self.post({"text": text})

    async def press(self, label: str) -> str:
        found = [b for b in self.buttons if label.casefold() in b["label"].casefold()]
        assert found, f"no button {label!r} in {[b['label'] for b in self.buttons]}"
        return await self.post({"choice": found[0]["id"]})

    async def download(self, url: str) -> tuple[str, bytes]:
        async with self.http.get(f"{self.base}{url}") as response:
            assert response.status == 200
            return response.headers["Content-Type"], await response.read()

    def attachment(self, suffix: str) -> dict[str, Any]:
        return next(
            a for r in self.replies for a in r.get("attachments", []) if a["name"].endswith(suffix)
        )


async def join_web(browser: Browser, code: str, name: str) -> None:
    assert "Bạn có đồng ý không?" in await browser.send(display(code))
    await browser.press("Đồng ý")
    assert "Chào mừng" in await browser.send(name)


async def test_a_counter_set_up_in_chat_reaches_the_month_report(
    settings: Settings, database: Database, demo: DemoWard
) -> None:
    async with (
        FakeTelegram(tg.TOKEN) as telegram,
        FakeZalo(zl.TOKEN) as zalo,
        running(
            settings, **{**tg.telegram_settings(settings, telegram), **zl.zalo_settings(zalo)}
        ) as app,
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as staff_http,
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as volunteer_http,
    ):
        base = f"http://127.0.0.1:{app.port}"
        # Ward staff, new, set up their counter in the web chat.
        staff = Browser(staff_http, base)
        await join_web(staff, demo.invites[Role.STAFF].code, "Chị Hà")
        await staff.press("Phiếu ghi của phường")
        await staff.press("Số liệu đếm")
        await staff.press("Thêm số liệu đếm")
        await staff.send(COUNTER)
        assert "Đã thêm" in await staff.press("Thanh toán không dùng tiền mặt")

        # A volunteer on Telegram: two counters after the cashless topic, then two groups
        # ticked.
        lan = tg.Person(telegram, tg.LAN)
        await lan.say(f"/start {demo.invites[Role.VOLUNTEER].code}")
        await lan.press("Đồng ý")
        for label in ("Ghi buổi", "Thanh toán", "1", "3"):
            await lan.press(label)
        # Ticking redraws the same message: its ticks and the count on "Xong".
        assert "✔️ Xong (đã chọn 0)" in await lan.tick("Chọn nhiều")
        await lan.tick("cao tuổi")
        shown = await lan.tick("Hộ kinh doanh")
        assert "✅ Người cao tuổi" in shown and "✅ Hộ kinh doanh" in shown
        assert "✔️ Xong (đã chọn 2)" in shown
        for label in ("Xong", "Đã xong", "Lưu"):
            await lan.press(label)
        assert f"{COUNTER}: 3" in telegram.texts(tg.LAN)[-2]

        # On Zalo, the numbers are typed.
        hoa = zl.Person(zalo, zl.HOA)
        await hoa.say(demo.invites[Role.VOLUNTEER].code)
        await hoa.choose("Đồng ý")
        await hoa.choose("Ghi buổi")
        await hoa.choose("Thanh toán")
        await hoa.say("0")
        assert COUNTER in zalo.texts(zl.HOA)[-1]
        await hoa.say("2")
        await hoa.say("nguoi cao tuoi")
        await hoa.choose("Đã xong")
        assert f"{COUNTER}: 2" in await hoa.choose("Lưu")

        # On the web.
        minh = Browser(volunteer_http, base)
        await join_web(minh, demo.invites[Role.VOLUNTEER].code, "Anh Minh")
        await minh.press("Ghi buổi")
        await minh.press("Thanh toán")
        await minh.press("0")
        await minh.press("Số khác")
        await minh.send("5")
        await minh.press("Không thuộc")
        await minh.press("Đã xong")
        assert f"{COUNTER}: 5" in await minh.press("Lưu")

        # The month's report, its workbook and the annual draft show 3 + 2 + 5 = 10.
        await staff.send("/baocao")
        text = await staff.press("Tháng này")
        assert f"• {COUNTER}: 10" in text
        assert "Số buổi hỗ trợ: 3" in text
        kind, body = await staff.download(staff.attachment(".xlsx")["url"])
        assert kind == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        assert staff.attachment(".xlsx")["name"].endswith("-Thang-11-2026.xlsx")
        summary = load_workbook(io.BytesIO(body))["Tổng hợp"]
        rows = {r[0]: r[1] for r in summary.iter_rows(min_row=5, values_only=True)}
        assert rows[COUNTER] == 10 and rows["Số buổi"] == 3
        kind, png = await staff.download(staff.attachment(".png")["url"])
        assert kind == "image/png" and png.startswith(b"\x89PNG")

        await staff.press("Dự thảo báo cáo")
        kind, body = await staff.download(staff.attachment(".docx")["url"])
        assert kind.endswith("wordprocessingml.document")
        draft = Document(io.BytesIO(body))
        cells = [c.text for table in draft.tables for row in table.rows for c in row.cells]
        assert COUNTER in cells and "10" in cells
        everything = "\n".join(p.text for p in draft.paragraphs) + "\n".join(cells)
        assert "Phường Mẫu (demo)".upper() in everything
        # Recognition names volunteers, never residents; no free text from sessions.
        assert "Anh Minh" in everything
        # The report stays on screen, followed by a short menu, not the whole main menu.
        assert staff.buttons[0]["label"] == "☰ Menu"
        assert len(staff.buttons) <= 3
