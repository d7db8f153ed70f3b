"""A fake Telegram Bot API on 127.0.0.1: enough of the wire format for python-telegram-bot
(form or multipart requests, {"ok", "result"} answers, errors with error_code and
parameters.retry_after), with people typing and pressing buttons, and injected faults."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakes.server import Call, FakeBotApi

BOT = {
    "id": 999000,
    "is_bot": True,
    "first_name": "Ngõ Số",
    "username": "NgoSoTestBot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
JSON_FIELDS = {"reply_markup", "allowed_updates", "commands"}


@dataclass
class Fault:
    status: int
    description: str = ""
    retry_after: int | None = None
    delay: float = 0.0


class FakeTelegram(FakeBotApi):
    secret_header = "X-Telegram-Bot-Api-Secret-Token"

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.faults: dict[str, list[Fault | None]] = {}
        self.messages: dict[int, dict[str, Any]] = {}  # our message id -> message
        self._ids = itertools.count(1)
        self._update_ids = itertools.count(1000)

    # -- what the test does ------------------------------------------------------------

    def fail(self, method: str, status: int, times: int = 1, **kwargs: Any) -> None:
        self.faults.setdefault(method, []).extend(Fault(status, **kwargs) for _ in range(times))

    def user(self, user_id: int, name: str = "Lan", lang: str = "vi") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": name, "language_code": lang}

    def text_update(self, user_id: int, text: str, name: str = "Lan") -> dict[str, Any]:
        message = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": name},
            "from": self.user(user_id, name),
            "text": text,
        }
        return {"update_id": next(self._update_ids), "message": message}

    def press_update(self, user_id: int, label: str) -> dict[str, Any]:
        """Pressing the button `label` on the latest message that shows it."""
        for message in sorted(self.messages.values(), key=lambda m: -m["message_id"]):
            if message["chat"]["id"] != user_id:
                continue
            for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if label.casefold() in button["text"].casefold():
                        query = {
                            "id": str(next(self._ids)),
                            "from": self.user(user_id),
                            "chat_instance": "1",
                            "message": message,
                            "data": button["callback_data"],
                        }
                        return {"update_id": next(self._update_ids), "callback_query": query}
        raise AssertionError(f"no button {label!r} in chat {user_id}: {self.texts(user_id)}")

    def buttons(self, chat_id: int) -> list[str]:
        """Labels on the latest message of the chat that still has buttons."""
        for message in sorted(self.messages.values(), key=lambda m: -m["message_id"]):
            if message["chat"]["id"] == chat_id and message.get("reply_markup"):
                rows = message["reply_markup"].get("inline_keyboard", [])
                return [b["text"] for row in rows for b in row]
        return []

    async def wait_for(self, predicate: Any, within: float = 10.0) -> None:
        deadline = time.monotonic() + within
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for the bot")
            await asyncio.sleep(0.02)

    # -- the Bot API -------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return await request.json()
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            if hasattr(value, "file"):
                params[key] = {"filename": value.filename, "bytes": value.file.read()}
            elif key in JSON_FIELDS:
                params[key] = json.loads(value)
            else:
                params[key] = value
        return params

    async def _endpoint(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        faults = self.faults.get(method)
        fault = faults.pop(0) if faults else None  # None in the list: this call goes through
        if fault is not None:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.status != 200:
                self.calls.append(Call(f"{method}!{fault.status}", params))
                body: dict[str, Any] = {
                    "ok": False,
                    "error_code": fault.status,
                    "description": fault.description or f"error {fault.status}",
                }
                if fault.retry_after is not None:
                    body["parameters"] = {"retry_after": fault.retry_after}
                return web.json_response(body, status=fault.status)
        if method != "getUpdates":
            self.calls.append(Call(method, params))
        handler = getattr(self, f"_m_{method}", None)
        try:
            result = await handler(params) if handler else True
        except (KeyError, ValueError):
            # What Telegram answers to a chat that does not exist.
            body = {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
            return web.json_response(body, status=400)
        return web.json_response({"ok": True, "result": result})

    async def _m_getMe(self, params: dict[str, Any]) -> Any:
        return BOT

    async def _m_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if not self.updates:
            self._new_update.clear()
            try:
                await asyncio.wait_for(
                    self._new_update.wait(), min(float(params.get("timeout") or 0), 0.5)
                )
            except TimeoutError:
                return []
        return list(self.updates)

    def _message(self, params: dict[str, Any], **extra: Any) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": BOT,
            **extra,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[message["message_id"]] = message
        return message

    async def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        return self._message(params, text=params["text"])

    async def _m_sendPhoto(self, params: dict[str, Any]) -> Any:
        photo = [{"file_id": "p1", "file_unique_id": "u1", "width": 10, "height": 10}]
        return self._message(params, photo=photo, caption=params.get("caption", ""))

    async def _m_sendDocument(self, params: dict[str, Any]) -> Any:
        document = {
            "file_id": "d1",
            "file_unique_id": "u2",
            "file_name": params["document"]["filename"],
        }
        return self._message(params, document=document)

    async def _m_editMessageText(self, params: dict[str, Any]) -> Any:
        message = self.messages[int(params["message_id"])]
        message["text"] = params["text"]
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        message = self.messages[int(params["message_id"])]
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message
