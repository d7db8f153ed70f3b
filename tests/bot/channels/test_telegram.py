"""Telegram end to end: the real python-telegram-bot against a fake Bot API on 127.0.0.1,
in polling and webhook mode, with the failures Telegram really produces."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy import func, select
from telegram.error import NetworkError, TimedOut

from bot.channels.telegram_request import AiohttpRequest
from bot.config import Settings
from bot.core import Attachment, Reply
from storage import outbox
from storage.db import Database
from storage.models import Member, OutboxMessage, Role, SupportSession
from storage.wards import DemoWard
from tests.bot.channels.conftest import eventually, running
from tests.conftest import START
from tests.fakes.telegram_api import BOT as BOT_USER
from tests.fakes.telegram_api import FakeTelegram

HOUR = dt.timedelta(hours=1)

TOKEN = "123456:TEST-token-abcdefghijklmnop"
SECRET = "webhook-secret-0123456789"
LAN = 5001


@pytest.fixture
async def fake() -> Any:
    async with FakeTelegram(TOKEN) as server:
        yield server


def telegram_settings(settings: Settings, fake: FakeTelegram, **more: Any) -> dict[str, Any]:
    return {
        "telegram_bot_token": TOKEN,
        "telegram_api_base_url": fake.url,
        "telegram_poll_timeout_seconds": 1,
        "telegram_rate_per_second": 100,
        "telegram_timeout_seconds": 2,
        "outbox_per_chat_interval_seconds": 0.05,
        "scheduler": False,
        **more,
    }


class Person:
    """Someone on Telegram: their messages reach the bot as updates (polling or webhook)."""

    def __init__(self, fake: FakeTelegram, user_id: int, webhook: str | None = None) -> None:
        self.fake, self.id, self.webhook = fake, user_id, webhook

    async def _deliver(self, update: dict[str, Any]) -> None:
        before = len(self.fake.texts(self.id))
        if self.webhook:
            assert await self.fake.deliver_webhook(self.webhook, update, SECRET) == 200
        else:
            self.fake.push(update)
        await self.fake.wait_for(lambda: len(self.fake.texts(self.id)) > before)
        await asyncio.sleep(0.15)  # the rest of a multi-message answer

    async def say(self, text: str) -> str:
        await self._deliver(self.fake.text_update(self.id, text))
        return self.fake.texts(self.id)[-1]

    async def press(self, label: str) -> str:
        await self._deliver(self.fake.press_update(self.id, label))
        return self.fake.texts(self.id)[-1]

    async def tick(self, label: str) -> list[str]:
        """A tap on a menu of several answers: the menu is redrawn in the same message (no
        new one); returns its buttons' labels."""

        def redraws() -> list[Any]:
            return [
                c
                for c in self.fake.sent("editMessageText")
                if c.params.get("reply_markup") and str(c.params.get("chat_id")) == str(self.id)
            ]

        before, texts = len(redraws()), len(self.fake.texts(self.id))
        self.fake.push(self.fake.press_update(self.id, label))
        await self.fake.wait_for(lambda: len(redraws()) > before)
        assert len(self.fake.texts(self.id)) == texts, "a tick sent a new message"
        markup = redraws()[-1].params["reply_markup"]
        return [b["text"] for row in markup["inline_keyboard"] for b in row]


async def join_and_log(person: Person, demo: DemoWard) -> None:
    code = demo.invites[Role.VOLUNTEER].code
    await person.say(f"/start {code}")
    await person.press("Đồng ý")
    for label in ("Ghi buổi", "VNeID", "1", "cao tuổi", "Đã xong", "Lưu"):
        await person.press(label)


async def test_join_and_log_a_session_by_polling(
    settings: Settings, database: Database, demo: DemoWard, fake: FakeTelegram
) -> None:
    async with running(settings, **telegram_settings(settings, fake)):
        lan = Person(fake, LAN)
        await join_and_log(lan, demo)
        await eventually(lambda: len(fake.sent("editMessageText")) >= 7)

    # Polling started from a clean slate and the commands menu is there in both languages.
    assert fake.sent("deleteWebhook")
    menus = {
        c.params.get("language_code"): c.params["commands"] for c in fake.sent("setMyCommands")
    }
    assert set(menus) == {None, "en"}
    assert {c["command"] for c in menus[None]} >= {"start", "log", "cancel", "lang"}
    assert menus[None][0]["description"] != menus["en"][0]["description"]
    # Every button press was answered; each pressed menu now shows the choice, no buttons.
    assert len(fake.sent("answerCallbackQuery")) == 7
    edits = [c.params for c in fake.sent("editMessageText")]
    chosen = [e["text"].splitlines()[-1] for e in edits]
    assert any(line.startswith("→") and "VNeID" in line for line in chosen), chosen
    assert all("reply_markup" not in e for e in edits)
    # Callback data fits Telegram's 64 bytes.
    markups = [c.params.get("reply_markup") for c in fake.sent("sendMessage")]
    data = [b["callback_data"] for m in markups if m for row in m["inline_keyboard"] for b in row]
    assert data and all(len(d.encode()) <= 64 for d in data)
    # No parse mode anywhere: what people typed can never be read as markup.
    assert all("parse_mode" not in c.params for c in fake.sent("sendMessage"))
    # Answers cite their sources as links, without a page preview under them.
    previews = [c.params.get("link_preview_options") for c in fake.sent("sendMessage")]
    previews = [json.loads(p) if isinstance(p, str) else p for p in previews]
    assert previews and all(p and p.get("is_disabled") for p in previews), previews[:2]
    async with database.sessions() as db:
        member = await db.scalar(select(Member).where(Member.channel == "telegram"))
        assert member is not None and member.display_name == "Lan"
        assert await db.scalar(select(func.count()).select_from(SupportSession)) == 1


async def test_typing_instead_of_pressing_closes_the_old_menu(
    settings: Settings, demo: DemoWard, fake: FakeTelegram
) -> None:
    async with running(settings, **telegram_settings(settings, fake)):
        lan = Person(fake, LAN)
        await lan.say(f"/start {demo.invites[Role.VOLUNTEER].code}")
        assert "Đồng ý" in " ".join(fake.buttons(LAN))
        await lan.say("1")  # the first choice, typed
        assert fake.sent("editMessageReplyMarkup")


async def test_people_are_answered_at_once_whatever_the_bulk_pace(
    settings: Settings, demo: DemoWard, fake: FakeTelegram
) -> None:
    """The rate setting paces what the bot sends on its own; answers to people are not held
    to it. At one message every 4 s, six people writing at once would wait up to 20 s."""
    slow = telegram_settings(settings, fake, telegram_rate_per_second=0.25)
    async with running(settings, **slow):
        people = [LAN + n for n in range(6)]
        for user in people:
            fake.push(fake.text_update(user, "/start"))
        # Well under the 4 s the first paced slot after the first would take.
        await fake.wait_for(lambda: all(fake.texts(u) for u in people), within=3)


async def test_the_same_update_twice_is_answered_once(
    settings: Settings, demo: DemoWard, fake: FakeTelegram
) -> None:
    async with running(settings, **telegram_settings(settings, fake)):
        update = fake.text_update(LAN, "/start")
        fake.push(update)
        await fake.wait_for(lambda: len(fake.texts(LAN)) >= 1)
        await asyncio.sleep(0.3)
        answered = len(fake.texts(LAN))
        # Telegram redelivers the same message (say, after our restart mid-way).
        fake.push({**update, "update_id": update["update_id"] + 50})
        await asyncio.sleep(1.0)
        assert len(fake.texts(LAN)) == answered


async def test_webhook_mode_checks_the_secret(
    settings: Settings, database: Database, demo: DemoWard, fake: FakeTelegram
) -> None:
    extra = telegram_settings(
        settings,
        fake,
        telegram_mode="webhook",
        telegram_webhook_secret=SECRET,
        public_base_url="https://ngoso.example.vn",
    )
    async with running(settings, **extra) as app:
        hook = f"http://127.0.0.1:{app.port}/telegram/webhook"
        (set_webhook,) = fake.sent("setWebhook")
        assert set_webhook.params["url"] == "https://ngoso.example.vn/telegram/webhook"
        assert set_webhook.params["secret_token"] == SECRET

        intruder = fake.text_update(LAN, "/start")
        assert await fake.deliver_webhook(hook, intruder, None) == 403
        assert await fake.deliver_webhook(hook, intruder, "wrong-secret-000000") == 403
        # Not an update: answered 200 (the platform would only retry it), and dropped.
        assert await fake.deliver_webhook(hook, [1, 2], SECRET) == 200
        await asyncio.sleep(0.3)
        assert fake.sent("sendMessage") == []  # nothing was processed

        await join_and_log(Person(fake, LAN, webhook=hook), demo)
    async with database.sessions() as db:
        assert await db.scalar(select(func.count()).select_from(SupportSession)) == 1


def test_webhook_mode_needs_a_public_https_address_and_a_secret() -> None:
    with pytest.raises(ValueError, match="PUBLIC_BASE_URL"):
        Settings(telegram_bot_token=TOKEN, telegram_mode="webhook", _env_file=None)
    with pytest.raises(ValueError, match="WEBHOOK_SECRET"):
        Settings(
            telegram_bot_token=TOKEN,
            telegram_mode="webhook",
            public_base_url="https://x.vn",
            _env_file=None,
        )


async def queue(database: Database, chat_ids: list[int], text: str = "Nhắc việc") -> None:
    async with database.sessions() as db, db.begin():
        for chat in chat_ids:
            outbox.enqueue(db, "telegram", str(chat), Reply(f"{text} {chat}").to_dict())


async def statuses(database: Database) -> dict[str, str]:
    async with database.sessions() as db:
        rows = await db.execute(select(OutboxMessage.chat_id, OutboxMessage.status))
        return dict(rows.all())


async def test_outbox_obeys_429_and_retries_5xx_and_timeouts(
    settings: Settings, database: Database, fake: FakeTelegram
) -> None:
    fake.fail("sendMessage", 429, retry_after=1, description="Too Many Requests: retry after 1")
    fake.fail("sendMessage", 502, description="Bad Gateway")
    # Slow: Telegram takes it, but answers after our 2 s timeout.
    fake.fail("sendMessage", 200, delay=3.0)
    await queue(database, [7001, 7002, 7003])
    extra = telegram_settings(settings, fake)
    async with running(settings, **extra):
        for _ in range(300):
            if set((await statuses(database)).values()) == {"sent"}:
                break
            await asyncio.sleep(0.1)
    assert set((await statuses(database)).values()) == {"sent"}
    delivered = [c.params["chat_id"] for c in fake.sent("sendMessage")]
    assert sorted(set(delivered)) == ["7001", "7002", "7003"]
    # Only the message whose answer timed out may arrive twice (at-least-once delivery).
    assert len(delivered) <= 4
    # The 429 paused the channel for the second it asked for.
    (limited,) = [c for c in fake.calls if c.method == "sendMessage!429"]
    later = [
        c.at for c in fake.sent("sendMessage") if c.params["chat_id"] == limited.params["chat_id"]
    ]
    assert later and min(later) - limited.at >= 0.95


async def test_a_person_who_blocked_the_bot_is_not_retried(
    settings: Settings, database: Database, demo: DemoWard, fake: FakeTelegram
) -> None:
    async with running(settings, **telegram_settings(settings, fake)):
        await Person(fake, LAN).say(f"/start {demo.invites[Role.VOLUNTEER].code}")
        await Person(fake, LAN).press("Đồng ý")
    fake.fail("sendMessage", 403, description="Forbidden: bot was blocked by the user")
    async with database.sessions() as db, db.begin():
        for n in range(3):
            outbox.enqueue(db, "telegram", str(LAN), Reply(f"tin {n}").to_dict())
    before = len(fake.sent("sendMessage"))
    async with running(settings, **telegram_settings(settings, fake)):
        await eventually(lambda: any(c.method == "sendMessage!403" for c in fake.calls))
        await asyncio.sleep(0.5)
    assert len(fake.sent("sendMessage")) == before  # the other two were not tried
    assert set((await statuses(database)).values()) == {"unreachable"}
    async with database.sessions() as db:
        member = await db.scalar(select(Member).where(Member.channel == "telegram"))
        assert member is not None and member.unreachable_at is not None


async def test_charts_and_files_go_as_photo_and_document(
    settings: Settings, database: Database, fake: FakeTelegram
) -> None:
    extra = telegram_settings(settings, fake)
    async with running(settings, **extra) as app:
        chart = app.core.files.save(b"\x89PNG chart", "chart.png")
        book = app.core.files.save(b"PK workbook", "tuan-47.xlsx")
        reply = Reply(
            "Tuần 47",
            attachments=[Attachment("image", chart, "Biểu đồ"), Attachment("file", book, "")],
        )
        async with database.sessions() as db, db.begin():
            outbox.enqueue(db, "telegram", "7001", reply.to_dict())
        await eventually(lambda: bool(fake.sent("sendDocument")))
    (photo,) = fake.sent("sendPhoto")
    assert photo.params["photo"]["bytes"] == b"\x89PNG chart"
    assert photo.params["caption"] == "Biểu đồ"
    (document,) = fake.sent("sendDocument")
    assert document.params["document"]["filename"] == "tuan-47.xlsx"


async def test_the_token_never_reaches_the_logs(
    settings: Settings, demo: DemoWard, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.fail("sendMessage", 500, times=2)
    async with running(settings, **telegram_settings(settings, fake)):
        await Person(fake, LAN).say("/start")
    assert TOKEN not in caplog.text
    assert "123456" not in caplog.text


async def test_blocking_the_bot_stops_the_queue_at_once(
    settings: Settings, database: Database, demo: DemoWard, fake: FakeTelegram
) -> None:
    async with running(settings, **telegram_settings(settings, fake)):
        lan = Person(fake, LAN)
        await lan.say(f"/start {demo.invites[Role.VOLUNTEER].code}")
        await lan.press("Đồng ý")
        async with database.sessions() as db, db.begin():
            outbox.enqueue(
                db, "telegram", str(LAN), Reply("nhắc").to_dict(), not_before=START + HOUR
            )
        kicked = {
            "update_id": 99_999,
            "my_chat_member": {
                "chat": {"id": LAN, "type": "private", "first_name": "Lan"},
                "from": fake.user(LAN),
                "date": 1_800_000_000,
                "old_chat_member": {"user": BOT_USER, "status": "member"},
                "new_chat_member": {"user": BOT_USER, "status": "kicked", "until_date": 0},
            },
        }
        fake.push(kicked)
        for _ in range(100):
            if set((await statuses(database)).values()) == {"unreachable"}:
                break
            await asyncio.sleep(0.05)
    assert set((await statuses(database)).values()) == {"unreachable"}
    async with database.sessions() as db:
        member = await db.scalar(select(Member).where(Member.channel == "telegram"))
        assert member is not None and member.unreachable_at is not None


async def test_a_telegram_that_cannot_be_reached_or_never_answers_is_a_network_error() -> None:
    """What the outbox retries (`Temporary`): nothing listening, or an answer that never
    comes within the read timeout; the request gives up on its own."""
    server = web.Application()

    async def never(request: web.Request) -> web.Response:
        await asyncio.sleep(1)  # well past the request's read timeout
        return web.json_response({"ok": True, "result": True})

    server.router.add_post("/{tail:.*}", never)
    runner = web.AppRunner(server)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    request = AiohttpRequest(read_timeout=0.2, connect_timeout=0.5, pool_timeout=0.5)
    try:
        await request.initialize()
        started = asyncio.get_running_loop().time()
        with pytest.raises(TimedOut):
            await request.post(f"http://127.0.0.1:{port}/botX/getMe")
        assert asyncio.get_running_loop().time() - started < 2
        await runner.cleanup()
        with pytest.raises(NetworkError):
            await request.post(f"http://127.0.0.1:{port}/botX/getMe")
    finally:
        await request.shutdown()
        await runner.cleanup()
