"""Zalo end to end: our Zalo client against a fake Zalo Bot Platform on 127.0.0.1, in
polling and webhook mode: numbered menus, long text cut below 2,000 characters, images and
files as signed links, and the platform's errors."""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import urlsplit

import pytest
from aiohttp import ClientSession
from sqlalchemy import func, select

from bot.channels import split_text
from bot.config import Settings
from bot.core import Attachment, Reply
from bot.i18n import t
from storage import outbox
from storage.db import Database
from storage.models import (
    Member,
    OutboxMessage,
    Role,
    SessionCount,
    SessionPriorityGroup,
    SupportSession,
)
from storage.wards import DemoWard
from tests.bot.channels.conftest import eventually, running
from tests.fakes.zalo_api import FakeZalo

TOKEN = "3712345678:zalo-TEST-token-xyz"
SECRET = "zalo-webhook-secret-0123"
HOA = "zu-hoa"


@pytest.fixture
async def fake() -> Any:
    async with FakeZalo(TOKEN) as server:
        yield server


def zalo_settings(fake: FakeZalo, **more: Any) -> dict[str, Any]:
    return {
        "zalo_bot_token": TOKEN,
        "zalo_api_base_url": fake.url,
        "zalo_poll_timeout_seconds": 1,
        "zalo_timeout_seconds": 3,
        "zalo_retry_after_seconds": 1,
        "zalo_rate_per_second": 100,
        "outbox_per_chat_interval_seconds": 0.05,
        "scheduler": False,
        **more,
    }


class Person:
    def __init__(self, fake: FakeZalo, user: str, webhook: str | None = None) -> None:
        self.fake, self.user, self.webhook = fake, user, webhook

    async def say(self, text: str) -> str:
        before = len(self.fake.texts(self.user))
        update = self.fake.update(self.user, text)
        if self.webhook:
            assert await self.fake.deliver_webhook(self.webhook, update, SECRET) == 200
        else:
            self.fake.push(update)
        await eventually(lambda: len(self.fake.texts(self.user)) > before)
        await asyncio.sleep(0.15)
        return "\n".join(self.fake.texts(self.user)[before:])

    async def choose(self, label: str) -> str:
        """Type the number the latest list gives `label` (Zalo has no buttons)."""
        last = self.fake.texts(self.user)[-1]
        for line in last.splitlines():
            number, _, text = line.partition(". ")
            if number.isdigit() and label.casefold() in text.casefold():
                return await self.say(number)
        raise AssertionError(f"no {label!r} in {last!r}")


async def join_and_log(person: Person, demo: DemoWard) -> None:
    await person.say(demo.invites[Role.VOLUNTEER].code)
    await person.choose("Đồng ý")
    await person.choose("Ghi buổi")
    # No "choose several" button on Zalo: several are typed ("1 4", or names with commas).
    assert "Chọn nhiều" not in person.fake.texts(person.user)[-1]
    await person.choose("VNeID")
    # The ward's counter is asked as a number to type, not as a numbered list of numbers.
    assert "Số tài khoản VNeID đã kích hoạt: gõ một số" in person.fake.texts(person.user)[-1]
    await person.say("2")
    await person.say("nguoi cao tuoi, ho kinh doanh")
    for label in ("Đã xong", "Lưu"):
        await person.choose(label)


async def test_join_and_log_a_session_by_polling(
    settings: Settings, database: Database, demo: DemoWard, fake: FakeZalo
) -> None:
    async with running(settings, **zalo_settings(fake)):
        await join_and_log(Person(fake, HOA), demo)
    # Polling began by removing any webhook, and menus came as numbered lists.
    assert fake.calls[1].method == "deleteWebhook"
    assert any("\n1. " in text for text in fake.texts(HOA))
    async with database.sessions() as db:
        member = await db.scalar(select(Member).where(Member.channel == "zalo"))
        assert member is not None and member.display_name == "Cô Hoa"
        assert await db.scalar(select(func.count()).select_from(SupportSession)) == 1
        assert (await db.execute(select(SessionCount.counter, SessionCount.value))).all() == [
            ("vneid_activated", 2)
        ]
        assert await db.scalar(select(func.count()).select_from(SessionPriorityGroup)) == 2


async def test_bots_images_and_duplicates(
    settings: Settings, demo: DemoWard, fake: FakeZalo
) -> None:
    async with running(settings, **zalo_settings(fake)):
        hoa = Person(fake, HOA)
        await hoa.say(demo.invites[Role.VOLUNTEER].code)
        # A photo where an answer is expected gets a polite text answer.
        before = len(fake.texts(HOA))
        fake.push(fake.update(HOA, event="message.image.received", photo_url="https://x/y.jpg"))
        await eventually(lambda: len(fake.texts(HOA)) > before)
        assert t("vi", "only-text") in fake.texts(HOA)[before]
        # Another bot's message is ignored; the same message delivered twice is answered once.
        robot = fake.update("zu-robot", "xin chao")
        robot["message"]["from"]["is_bot"] = True
        fake.push(robot)
        again = fake.update(HOA, "1")
        fake.push(again)
        await eventually(lambda: len(fake.texts(HOA)) > before + 1)
        await asyncio.sleep(0.5)
        answered = len(fake.texts(HOA))
        fake.push(again)
        await asyncio.sleep(1.5)
        assert len(fake.texts(HOA)) == answered
    assert fake.texts("zu-robot") == []


async def test_webhook_checks_the_secret_and_takes_bare_or_wrapped_bodies(
    settings: Settings, database: Database, demo: DemoWard, fake: FakeZalo
) -> None:
    extra = zalo_settings(
        fake,
        zalo_mode="webhook",
        zalo_webhook_secret=SECRET,
        public_base_url="https://ngoso.example.vn",
    )
    async with running(settings, **extra) as app:
        hook = f"http://127.0.0.1:{app.port}/zalo/webhook"
        (set_webhook,) = fake.sent("setWebhook")
        assert set_webhook.params == {
            "url": "https://ngoso.example.vn/zalo/webhook",
            "secret_token": SECRET,
        }
        update = fake.update(HOA, "xin chao")
        assert await fake.deliver_webhook(hook, update, None) == 403
        assert await fake.deliver_webhook(hook, update, "zalo-webhook-secret-0124") == 403
        # Not an update: answered 200 (Zalo would only retry it), and dropped.
        assert await fake.deliver_webhook(hook, "hello", SECRET) == 200
        await asyncio.sleep(0.3)
        assert fake.sent("sendMessage") == []
        # Wrapped in {"ok": true, "result": ...} as some platform versions send it.
        wrapped = {"ok": True, "result": fake.update(HOA, "xin chao")}
        assert await fake.deliver_webhook(hook, wrapped, SECRET) == 200
        # The whole welcome, down to its numbered menu, before Cô Hoa types again.
        await eventually(lambda: any("Tham gia tổ" in text for text in fake.texts(HOA)))
        await join_and_log(Person(fake, HOA, webhook=hook), demo)
    async with database.sessions() as db:
        assert await db.scalar(select(func.count()).select_from(SupportSession)) == 1


def test_long_text_is_cut_below_2000_at_line_boundaries() -> None:
    lines = [f"Dòng {n}: " + "chữ " * 30 for n in range(60)]
    pieces = split_text("\n".join(lines), 1990)
    assert len(pieces) > 1 and all(len(p) <= 1990 for p in pieces)
    assert "\n".join(pieces) == "\n".join(lines)  # nothing lost, cut only between lines
    assert all(len(p) <= 100 for p in split_text("x" * 250, 100))


async def test_outbox_on_zalo_429_5xx_files_as_links_and_no_token_in_logs(
    settings: Settings,
    database: Database,
    fake: FakeZalo,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.fail("sendMessage", 429)  # quota, with HTTP 200
    fake.fail("sendMessage", 502, http_status=502)
    extra = zalo_settings(fake, public_base_url="http://127.0.0.1:1")
    async with running(settings, **extra) as app:
        chart = app.core.files.save(b"\x89PNG chart", "chart.png")
        book = app.core.files.save(b"PK book", "tuan-47.xlsx")
        long_text = "\n".join(f"Tổ {n}: 3 buổi, 5 người dân" for n in range(150))
        reply = Reply(
            long_text,
            attachments=[
                Attachment("image", chart, "Biểu đồ"),
                Attachment("file", book, "Bảng tính"),
            ],
        )
        async with database.sessions() as db, db.begin():
            outbox.enqueue(db, "zalo", HOA, reply.to_dict())
            outbox.enqueue(db, "zalo", "zu-lan", Reply("Nhắc việc").to_dict())
        for _ in range(200):
            async with database.sessions() as db:
                pending = await db.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.status != "sent")
                )
            if not pending:
                break
            await asyncio.sleep(0.1)
        assert pending == 0
        texts = fake.texts(HOA)
        assert all(len(x) < 2000 for x in texts)
        (photo,) = fake.sent("sendPhoto")
        link = photo.params["photo"]
        # The links are signed and open from our own server.
        async with ClientSession() as http:
            parts = urlsplit(link)
            local = f"http://127.0.0.1:{app.port}{parts.path}?{parts.query}"
            async with http.get(local) as response:
                assert response.status == 200 and await response.read() == b"\x89PNG chart"
        assert any("Bảng tính" in x and "/files/" in x for x in texts)
    assert fake.texts("zu-lan") == ["Nhắc việc"]
    assert TOKEN not in caplog.text


async def test_a_send_that_times_out_is_tried_again(
    settings: Settings, database: Database, fake: FakeZalo
) -> None:
    fake.fail("sendMessage", 200, delay=2.0)  # answers after our 1 s timeout
    async with database.sessions() as db, db.begin():
        outbox.enqueue(db, "zalo", HOA, Reply("Nhắc việc").to_dict())
    async with running(settings, **zalo_settings(fake, zalo_timeout_seconds=1)):
        for _ in range(100):
            async with database.sessions() as db:
                status = await db.scalar(select(OutboxMessage.status))
                attempts = await db.scalar(select(OutboxMessage.attempts))
            if status == "sent":
                break
            await asyncio.sleep(0.1)
    assert status == "sent" and attempts == 2
    # The slow first try did reach Zalo: at-least-once means it may arrive twice.
    assert 1 <= len(fake.texts(HOA)) <= 2


async def test_get_updates_takes_one_a_list_or_nothing() -> None:
    from aiohttp import web

    from bot.channels.zalo_client import ZaloClient, ZaloError

    answers = [
        {"ok": True, "result": {"event_name": "message.text.received", "message": {}}},
        {"ok": True, "result": [{"event_name": "a"}, {"event_name": "b"}]},
        {"ok": True, "result": None},
        {"ok": False, "error_code": 408, "description": "no update"},
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    ]

    async def endpoint(request: web.Request) -> web.Response:
        return web.json_response(answers.pop(0))

    app = web.Application()
    app.router.add_post("/bot{token}/{method}", endpoint)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    client = ZaloClient(TOKEN, f"http://127.0.0.1:{runner.addresses[0][1]}")
    try:
        assert len(await client.get_updates(1)) == 1
        assert [u["event_name"] for u in await client.get_updates(1)] == ["a", "b"]
        assert await client.get_updates(1) == []
        assert await client.get_updates(1) == []  # 408: nothing came
        with pytest.raises(ZaloError) as failed:
            await client.get_updates(1)
        assert failed.value.code == 401 and TOKEN not in str(failed.value)
    finally:
        await client.close()
        await runner.cleanup()
