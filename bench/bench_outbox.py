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
from bot.channels.telegram import TelegramChannel
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.core import Reply
from bot.delivery import OutboxSender, Pacing
from storage import migrate, outbox
from storage.db import Database
from storage.models import OutboxMessage
from tests.fakes.telegram_api import FakeTelegram

TOKEN = "1:bench"


async def run(url: str, messages: int, rate: float, chats: int, with_429: bool) -> None:
    async with FakeTelegram(TOKEN) as fake, Database(url) as db:
        async with db.engine.begin() as conn:
            await conn.execute(OutboxMessage.__table__.delete())
        async with db.sessions() as session, session.begin():
            for n in range(messages):
                outbox.enqueue(
                    session, "telegram", str(10_000 + n % chats), Reply(f"m{n}").to_dict()
                )
        retry_after = 1
        if with_429:
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
        channel = TelegramChannel(core, settings)
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
    achieved = sum(texts.values()) / elapsed
    allowed = elapsed - limited * retry_after
    label = "with 429s" if with_429 else "no 429s  "
    print(
        f"{label}: {sum(texts.values())} sent in {elapsed:.1f}s = {achieved:.1f}/s; "
        f"achieved/configured = {achieved / rate:.3f}"
        + (
            f" (over the time allowed to send: {sum(texts.values()) / allowed / rate:.3f}; "
            f"{limited} x 429)"
            if with_429
            else ""
        )
        + f"; lost {lost}; sent twice {twice}"
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


if __name__ == "__main__":
    main()
