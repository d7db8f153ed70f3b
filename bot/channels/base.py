"""What the Telegram and Zalo adapters share: the webhook route and its secret check,
handing messages to the core in the background, and sending direct replies with a few quick
retries."""

from __future__ import annotations

import abc
import asyncio
import hmac
import logging
from collections.abc import Coroutine
from typing import Any

from aiohttp import web

from bot.channels import DeliveryError, RetryLater, Temporary, json_body
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.core import Incoming, Reply
from bot.delivery import RateLimiter

log = logging.getLogger(__name__)

DIRECT_TRIES = 3


class Adapter(abc.ABC):
    name: str
    # Where the platform calls us in webhook mode, and the header carrying our secret.
    webhook_path: str
    secret_header: str

    def __init__(self, core: ConversationCore, settings: Settings) -> None:
        self.core = core
        self.settings = settings
        self.mode: str = getattr(settings, f"{self.name}_mode")
        self.webhook_secret: str = getattr(settings, f"{self.name}_webhook_secret")
        self._tasks: set[asyncio.Task[Any]] = set()
        # Messages handled at once; a chat's own messages still go one by one (core lock).
        self._gate = asyncio.Semaphore(32)
        # The pace of what the bot sends on its own (the outbox). Direct replies are not
        # paced (a person is waiting: answer at once), but they keep a 429's pause, which
        # closes this one gate for both.
        self.limiter = RateLimiter(getattr(settings, f"{self.name}_rate_per_second"))

    @abc.abstractmethod
    async def send(self, chat_id: str, reply: Reply) -> None:
        """Deliver one reply or raise a DeliveryError."""

    @abc.abstractmethod
    async def start(self) -> None:
        """Begin polling, or register the webhook."""

    @abc.abstractmethod
    async def receive(self, body: Any) -> int:
        """Take a webhook body (already checked and parsed): every well-formed update in it
        is processed in the background; returns how many. A malformed one is dropped here,
        with one warning line, and never reaches the core."""

    @property
    def webhook_url(self) -> str:
        return self.settings.public_base_url.rstrip("/") + self.webhook_path

    def add_routes(self, app: web.Application) -> None:
        """The webhook route on our web server (webhook mode only)."""
        if self.mode == "webhook":
            app.router.add_post(self.webhook_path, self.webhook)

    async def webhook(self, request: web.Request) -> web.Response:
        """A call from the platform: refused unless it carries our secret (compared in
        constant time); answered at once, the update handled in the background."""
        given = request.headers.get(self.secret_header, "").encode()
        if not self.webhook_secret or not hmac.compare_digest(given, self.webhook_secret.encode()):
            return web.json_response({"error": "wrong secret token"}, status=403)
        try:
            body = json_body((await request.read()).decode("utf-8"))
        except ValueError as exc:  # UnicodeDecodeError included
            # Answered 200 all the same: the platform would only send it again and again.
            log.warning("%s webhook: body dropped (%s)", self.name, exc)
            return web.json_response({"ok": True, "taken": 0})
        return web.json_response({"ok": True, "taken": await self.receive(body)})

    def dropped(self, why: str) -> None:
        """One warning line for an update that is not what the platform sends."""
        log.warning("%s: malformed update dropped (%s)", self.name, why)

    async def settle(self) -> None:
        """Wait (10 s at most) until the updates received so far are handled."""
        tasks = list(self._tasks)
        if tasks:
            await asyncio.wait(tasks, timeout=10)

    async def stop(self) -> None:
        await self.settle()

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Run `coro` in the background (a webhook answers at once), keeping a reference."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def handle(self, incoming: Incoming) -> list[Reply]:
        async with self._gate:
            replies = await self.core.handle(incoming)
            for reply in replies:
                await self.send_direct(incoming.chat_id, reply)
            return replies

    async def send_direct(self, chat_id: str, reply: Reply) -> bool:
        """A direct answer: a person is waiting, so it goes at once (only a 429's pause holds
        it back); retried briefly, then given up and logged."""
        for attempt in range(1, DIRECT_TRIES + 1):
            try:
                await self.limiter.wait_if_paused()
                await self.send(chat_id, reply)
                return True
            except RetryLater as exc:
                # The whole channel waits (the outbox too), then this reply goes first.
                self.limiter.pause(exc.seconds)
                if exc.seconds > 30 or attempt == DIRECT_TRIES:
                    log.warning("%s reply dropped: rate limited for %.0fs", self.name, exc.seconds)
                    return False
            except Temporary as exc:
                if attempt == DIRECT_TRIES:
                    log.warning("%s reply dropped after %d tries: %s", self.name, attempt, exc)
                    return False
                await asyncio.sleep(0.5 * attempt)
            except DeliveryError as exc:
                log.warning("%s reply not delivered: %s", self.name, exc)
                return False
        return False
