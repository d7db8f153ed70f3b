"""Zalo through our own client (bot/channels/zalo_client.py).

Zalo has no buttons: menus are numbered lists, which the core resolves from "2", "dịch vụ
công" or "dich vu cong". Text is cut below 2,000 characters at line boundaries. Photos go by
URL and files as links, both signed and expiring, served by our web server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from bot.channels import Refused, RetryLater, Temporary, Unreachable, split_text
from bot.channels.base import Adapter
from bot.channels.zalo_client import ZaloClient, ZaloError
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.core import Incoming, Kind, Reply
from bot.i18n import t

log = logging.getLogger(__name__)

NAME = "zalo"
WEBHOOK_PATH = "/zalo/webhook"
SECRET_HEADER = "X-Bot-Api-Secret-Token"
MAX_TEXT = 1990  # Zalo's limit is 2,000 characters
KINDS = {
    "message.text.received": Kind.TEXT,
    "message.image.received": Kind.IMAGE,
    "message.sticker.received": Kind.STICKER,
}


def to_incoming(update: dict[str, Any]) -> Incoming | None:
    """The core's view of an update; None for bots' messages and events the bot ignores;
    ValueError for an update that is not what Zalo sends."""
    message = update.get("message")
    if not isinstance(message, dict):
        raise ValueError("an update without a message")
    sender = message.get("from") or {}
    chat = message.get("chat") or {}
    if not isinstance(sender, dict) or not isinstance(chat, dict):
        raise ValueError("a message whose sender or chat is not an object")
    if not _is_id(chat.get("id")) or not _is_id(message.get("message_id")):
        raise ValueError("a message without its chat or id")
    if sender.get("id") is not None and not _is_id(sender.get("id")):
        raise ValueError("a sender id that is not an id")
    if sender.get("is_bot"):
        return None
    kind = KINDS.get(str(update.get("event_name", "")), Kind.OTHER)
    text = message.get("text") if kind is Kind.TEXT else None
    if kind is Kind.TEXT and not isinstance(text, str):
        kind, text = Kind.OTHER, None
    return Incoming(
        channel=NAME,
        chat_id=str(chat["id"]),
        user_id=str(sender.get("id") or chat["id"]),
        message_id=str(message["message_id"]),
        display_name=str(sender.get("display_name") or ""),
        text=text,
        kind=kind,
        buttons=False,
    )


def _is_id(value: Any) -> bool:
    return (isinstance(value, str) and 0 < len(value) <= 64) or (
        isinstance(value, int) and not isinstance(value, bool)
    )


def as_delivery_error(exc: ZaloError, retry_after: float) -> Exception:
    if exc.code == 429:
        return RetryLater(retry_after, str(exc))
    if exc.code == 403:
        return Unreachable(str(exc))
    if exc.code in (400, 404):
        return Refused(str(exc))
    return Temporary(str(exc))


class ZaloChannel(Adapter):
    name = NAME
    webhook_path = WEBHOOK_PATH
    secret_header = SECRET_HEADER

    def __init__(self, core: ConversationCore, settings: Settings) -> None:
        super().__init__(core, settings)
        self.client = ZaloClient(
            settings.zalo_bot_token, settings.zalo_api_base_url, settings.zalo_timeout_seconds
        )
        self._stop = asyncio.Event()
        self._poller: asyncio.Task[None] | None = None

    async def start(self) -> None:
        me = await self.client.get_me()
        if self.mode == "webhook":
            await self.client.set_webhook(self.webhook_url, self.webhook_secret)
            log.info("zalo: webhook set for %s", me.get("account_name") or me.get("id", "bot"))
        else:
            # getUpdates does not work while a webhook is set.
            await self.client.delete_webhook()
            self._poller = asyncio.create_task(self._poll())
            log.info("zalo: polling as %s", me.get("account_name") or me.get("id", "bot"))

    async def stop(self) -> None:
        self._stop.set()
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
        await super().stop()
        await self.client.close()

    async def _poll(self) -> None:
        delay = 1.0
        while not self._stop.is_set():
            try:
                updates = await self.client.get_updates(
                    int(self.settings.zalo_poll_timeout_seconds)
                )
                delay = 1.0
            except ZaloError as exc:
                wait = self.settings.zalo_retry_after_seconds if exc.code == 429 else delay
                log.warning("zalo polling: %s; again in %.0fs", exc, wait)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), wait)
                delay = min(delay * 2, 30.0)
                continue
            for update in updates:
                incoming = self.read(update)
                if incoming is not None:
                    self.spawn(self.process(incoming))

    # -- receiving -----------------------------------------------------------------------

    async def receive(self, body: Any) -> int:
        """The body bare or wrapped in {"ok": true, "result": ...}; one update or a list."""
        if isinstance(body, dict) and "result" in body and "message" not in body:
            body = body["result"]
        taken = 0
        for update in body if isinstance(body, list) else [body]:
            incoming = self.read(update)
            if incoming is not None:
                self.spawn(self.process(incoming))
                taken += 1
        return taken

    def read(self, update: Any) -> Incoming | None:
        """The update checked and read, or None (dropped with one warning if malformed)."""
        try:
            if not isinstance(update, dict):
                raise ValueError("an update that is not an object")
            return to_incoming(update)
        except Exception as exc:
            self.dropped(f"{type(exc).__name__}: {str(exc)[:80]}")
            return None

    async def process(self, incoming: Incoming) -> None:
        try:
            await self.handle(incoming)
        except Exception:
            log.exception("zalo: failed to process an update")

    # -- sending -------------------------------------------------------------------------

    async def _call(self, coro: Any) -> Any:
        try:
            return await coro
        except ZaloError as exc:
            raise as_delivery_error(exc, self.settings.zalo_retry_after_seconds) from None

    async def send(self, chat_id: str, reply: Reply) -> None:
        text = reply.as_plain_text()
        if text.strip():
            for piece in split_text(text, MAX_TEXT):
                await self._call(self.client.send_message(chat_id, piece))
        base = self.settings.public_base_url
        for attachment in reply.attachments:
            if not base:
                # Without a public address Zalo cannot fetch anything from us.
                note = t(self.settings.default_language, "file-needs-public-url")
                await self._call(self.client.send_message(chat_id, note))
                continue
            link = self.core.files.link(attachment.name, base)
            if attachment.kind == "image":
                await self._call(self.client.send_photo(chat_id, link, attachment.caption[:500]))
            else:
                caption = attachment.caption or attachment.filename
                await self._call(self.client.send_message(chat_id, f"{caption}\n{link}"))
