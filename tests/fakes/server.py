"""What the fake Telegram and Zalo APIs share: an aiohttp server on 127.0.0.1 (port 0)
answering /bot<token>/<method>, a record of every call, queued updates, and webhook
deliveries to the bot with or without the secret header."""

from __future__ import annotations

import abc
import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientSession, web


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


class FakeBotApi(abc.ABC):
    # The header the platform puts our webhook secret in.
    secret_header: str

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self._new_update = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def __aenter__(self) -> Any:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self._endpoint)
        app.router.add_get("/bot{token}/{method}", self._endpoint)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return self

    async def __aexit__(self, *exc: Any) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @abc.abstractmethod
    async def _endpoint(self, request: web.Request) -> web.Response:
        """One API call, answered in the platform's own wire format."""

    def push(self, update: dict[str, Any]) -> None:
        """An update waiting for the bot's next poll."""
        self.updates.append(update)
        self._new_update.set()

    async def deliver_webhook(self, url: str, body: Any, secret: str | None) -> int:
        """POST an update to the bot's webhook, as the platform would; the HTTP status."""
        headers = {} if secret is None else {self.secret_header: secret}
        async with ClientSession() as http, http.post(url, json=body, headers=headers) as r:
            return r.status

    def sent(self, method: str = "sendMessage", chat_id: Any = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method
            and (chat_id is None or str(c.params.get("chat_id")) == str(chat_id))
        ]

    def texts(self, chat_id: Any) -> list[str]:
        return [c.params.get("text", "") for c in self.sent("sendMessage", chat_id)]
