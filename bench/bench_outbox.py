"""Benchmark (not a test): drain queued messages into a fake Telegram Bot API at the
configured rate, with and without injected 429s, through the real python-telegram-bot and
our outbox sender.

    .venv/bin/python bench/bench_outbox.py [--messages 10000] [--rate 200] [--chats 2000]
        [--database-url URL]

Prints, for each run: achieved rate / configured rate (target >= 0.95), messages lost (0)
and sent twice (0). With 429s the platform tells us to stop for retry_after seconds; the
ratio is printed both over the whole run and over the time we were allowed to send."""

from __future__ import annotations

import argparse
import asyncio
import collections
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import handlers
from bot.channels import RetryLater
from bot.channels.telegram import TelegramChannel
from bot.clock import Clock
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.core import Reply
from bot.delivery import OutboxSender, Pacing
from storage import migrate, outbox
from storage.db import Database
from storage.models import OutboxMessage
from tests.fakes.telegram_api import FakeTelegram

TOKEN = "1:bench"


class Timed(TelegramChannel):
    """The real Telegram channel, noting when each send left and when each 429 came back."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.started: list[float] = []
        self.paused: list[tuple[float, float]] = []

    async def send(self, chat_id: str, reply: Reply) -> None:
        self.started.append(time.monotonic())
        try:
            await super().send(chat_id, reply)
        except RetryLater as exc:
            self.paused.append((time.monotonic(), exc.seconds))
            raise


async def run(
    url: str, messages: int, rate: float, chats: int, with_429: bool, storm: bool = False
) -> None:
    async with FakeTelegram(TOKEN) as fake, Database(url, Clock()) as db:
        async with db.engine.begin() as conn:
            await conn.execute(OutboxMessage.__table__.delete())
        async with db.sessions() as session, session.begin():
            for n in range(messages):
                outbox.enqueue(
                    session, "telegram", str(10_000 + n % chats), Reply(f"m{n}").to_dict()
                )
        retry_after = 2 if storm else 1
        if storm:
            # The storm of the trust issue: three 429s asking for 2 s, early in the run.
            for n in range(1, 151):
                if n in (40, 90, 150):
                    fake.fail("sendMessage", 429, retry_after=retry_after)
                else:
                    fake.faults.setdefault("sendMessage", []).append(None)
        elif with_429:
            # One 429 every 1,000 messages, each asking for a second's pause.
            for _ in range(messages // 1000):
                fake.fail("sendMessage", 429, retry_after=retry_after)
                fake.faults["sendMessage"] += [None] * 999
        settings = Settings(
            database_url=url,
            telegram_bot_token=TOKEN,
            telegram_api_base_url=fake.url,
            files_dir=Path(tempfile.mkdtemp()),
            link_secret="bench",
            _env_file=None,
        )
        core = ConversationCore(db, settings, handlers.all_flows(), handlers.COMMANDS)
        channel = Timed(core, settings)
        await channel.bot.initialize()
        sender = OutboxSender(db, channel, Pacing(rate_per_second=rate, batch_size=500))
        started = time.monotonic()
        await sender.drain()
        elapsed = time.monotonic() - started
        await channel.bot.shutdown()

    texts = collections.Counter(c.params["text"] for c in fake.sent("sendMessage"))
    lost = sum(1 for n in range(messages) if texts[f"m{n}"] == 0)
    twice = sum(1 for count in texts.values() if count > 1)
    limited = sum(1 for c in fake.calls if c.method == "sendMessage!429")
    # Sends that left us while we knew the channel was paused (must be 0), and requests
    # that reached the platform inside a pause window but had left before the 429 came back.
    paused_sends = sum(
        1 for at in channel.started for got, wait in channel.paused if got < at < got + wait
    )
    pauses = [c.at for c in fake.calls if c.method == "sendMessage!429"]
    in_flight = sum(
        1 for c in fake.sent("sendMessage") for at in pauses if at < c.at < at + retry_after
    )
    achieved = sum(texts.values()) / elapsed
    allowed = elapsed - limited * retry_after
    label = "storm    " if storm else ("with 429s" if with_429 else "no 429s  ")
    print(
        f"{label}: {sum(texts.values())} sent in {elapsed:.1f}s = {achieved:.1f}/s; "
        f"achieved/configured = {achieved / rate:.3f}"
        + (
            f" (over the time allowed to send: {sum(texts.values()) / allowed / rate:.3f}; "
            f"{limited} x 429)"
            if with_429
            else ""
        )
        + f"; lost {lost}; sent twice {twice}; sent during a pause {paused_sends}"
        + (f" (in flight when the 429 came: {in_flight})" if with_429 else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--chats", type=int, default=2_000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    url = args.database_url or f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/bench.db"
    migrate.upgrade(url)
    print(
        f"{args.messages} messages to {args.chats} chats at {args.rate:g}/s on {url.split(':')[0]}"
    )
    for with_429 in (False, True):
        asyncio.run(run(url, args.messages, args.rate, args.chats, with_429))
    # 200 recipients, three 429s (retry_after 2 s): nothing may reach a paused channel.
    asyncio.run(run(url, 200, args.rate, 200, True, storm=True))


if __name__ == "__main__":
    main()
