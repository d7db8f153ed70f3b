"""A thin async client of the Zalo Bot Platform (https://bot.zaloplatforms.com/docs).

Only the few methods the bot needs. Success is read from the body's `ok`, not the HTTP
status; a failure becomes `ZaloError` with the platform's error code. The token is part of
every URL, so no URL, and no exception text that could hold one, leaves this module."""

from __future__ import annotations

import json
import logging
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com"
NO_UPDATE = 408


class ZaloError(Exception):
    """A call failed. `code` is the platform's error code, or 0 for a network failure."""

    def __init__(self, code: int, description: str) -> None:
        super().__init__(f"Zalo error {code}: {description}")
        self.code = code
        self.description = description


class ZaloClient:
    def __init__(self, token: str, base_url: str = DEFAULT_BASE_URL, timeout: float = 10.0) -> None:
        self._token = token
        self._base = base_url.rstrip("/")
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _redact(self, text: str) -> str:
        return text.replace(self._token, "<token>") if self._token else text

    async def call(
        self, method: str, params: dict[str, Any] | None = None, wait: float | None = None
    ) -> Any:
        """POST one method; the `result` on success, ZaloError otherwise."""
        if self._session is None:
            self._session = aiohttp.ClientSession()
        url = f"{self._base}/bot{self._token}/{method}"
        limit = aiohttp.ClientTimeout(total=wait or self._timeout)
        try:
            async with self._session.post(url, json=params or {}, timeout=limit) as response:
                raw = await response.read()
                status = response.status
        except TimeoutError:
            raise ZaloError(0, f"{method}: timed out") from None
        except aiohttp.ClientError as exc:
            raise ZaloError(0, f"{method}: {self._redact(type(exc).__name__)}") from None
        try:
            body = json.loads(raw)
        except ValueError:
            raise ZaloError(status if status >= 400 else 502, f"{method}: not JSON") from None
        if not isinstance(body, dict):
            raise ZaloError(502, f"{method}: unexpected answer")
        if not body.get("ok"):
            code = int(body.get("error_code") or (status if status >= 400 else 500))
            raise ZaloError(code, self._redact(str(body.get("description") or "")))
        return body.get("result")

    async def get_me(self) -> dict[str, Any]:
        return await self.call("getMe") or {}

    async def get_updates(self, poll_seconds: int = 30) -> list[dict[str, Any]]:
        """Waits up to `poll_seconds` for updates. The answer may be one update, a list
        or nothing; 408 means "nothing came"."""
        try:
            result = await self.call(
                "getUpdates", {"timeout": poll_seconds}, wait=poll_seconds + 10
            )
        except ZaloError as exc:
            if exc.code == NO_UPDATE:
                return []
            raise
        if result is None:
            return []
        if isinstance(result, list):
            return [u for u in result if isinstance(u, dict)]
        return [result] if isinstance(result, dict) else []

    async def set_webhook(self, url: str, secret_token: str) -> Any:
        return await self.call("setWebhook", {"url": url, "secret_token": secret_token})

    async def delete_webhook(self) -> Any:
        return await self.call("deleteWebhook")

    async def get_webhook_info(self) -> Any:
        return await self.call("getWebhookInfo")

    async def send_message(self, chat_id: str, text: str) -> Any:
        return await self.call("sendMessage", {"chat_id": chat_id, "text": text})

    async def send_photo(self, chat_id: str, photo_url: str, caption: str = "") -> Any:
        params = {"chat_id": chat_id, "photo": photo_url}
        if caption:
            params["caption"] = caption
        return await self.call("sendPhoto", params)

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> Any:
        return await self.call("sendChatAction", {"chat_id": chat_id, "action": action})
