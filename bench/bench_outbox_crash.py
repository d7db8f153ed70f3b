"""Benchmark (not a test): how long messages wait after the process sending them dies.

A sender process claims a batch of outbox messages and is killed with SIGKILL in the middle of
sending them (it never marks them). A second sender, started at once as a restarted bot
would be, sends them when the dead one's claims run out. Prints the seconds from the kill to
the last message delivered, and how many went twice.

    .venv/bin/python bench/bench_outbox_crash.py [--messages 50] [--runs 3]"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.clock import Clock
from bot.core import Reply
from bot.delivery import OutboxSender, Pacing
from storage import migrate, outbox
from storage.db import Database


class Recorder:
    name = "telegram"

    def __init__(self, expected: int = 0) -> None:
        self.got: list[str] = []
        self.expected = expected
        self.all_in = asyncio.Event()

    async def send(self, chat_id: str, reply: Reply) -> None:
        self.got.append(reply.text)
        if len(set(self.got)) >= self.expected:
            self.all_in.set()


class Hanging(Recorder):
    async def send(self, chat_id: str, reply: Reply) -> None:
        await asyncio.sleep(3600)  # the platform never answers before the process dies


async def claim_and_hang(url: str) -> None:
    """The doomed sender: claim everything due, say so, and hang in the first sends."""
    async with Database(url, Clock()) as db:
        sender = OutboxSender(db, Hanging(), Pacing(per_chat_interval=0.0))
        rows = await sender.claim()
        print(f"claimed {len(rows)}", flush=True)
        await sender.deliver(rows)


async def one_run(url: str, messages: int) -> tuple[float, int, int]:
    async with Database(url, Clock()) as db:
        async with db.sessions() as session, session.begin():
            for n in range(messages):
                outbox.enqueue(session, "telegram", f"c{n}", Reply(f"m{n}").to_dict())
        doomed = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--claim-and-hang", url, stdout=asyncio.subprocess.PIPE
        )
        assert doomed.stdout is not None
        line = (await doomed.stdout.readline()).decode()
        assert line.startswith("claimed"), line
        await asyncio.sleep(0.5)  # sends under way
        os.kill(doomed.pid, signal.SIGKILL)
        killed = time.monotonic()
        await doomed.wait()

        channel = Recorder(messages)
        stop = asyncio.Event()
        restarted = OutboxSender(db, channel, Pacing(per_chat_interval=0.0, rate_per_second=500))
        runner = asyncio.create_task(restarted.run(stop))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(channel.all_in.wait(), 300)
        waited = time.monotonic() - killed
        stop.set()
        await runner
    counts = collections.Counter(channel.got)
    return waited, len(counts), sum(1 for c in counts.values() if c > 1)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--claim-and-hang":
        asyncio.run(claim_and_hang(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    lease = Pacing().lease_seconds
    print(f"outbox claim lease {lease:g}s, renewed every {lease / 3:.1f}s while the sender lives")
    for run in range(1, args.runs + 1):
        url = f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/crash.db"
        migrate.upgrade(url)
        waited, sent, twice = asyncio.run(one_run(url, args.messages))
        print(
            f"run {run}: {sent}/{args.messages} delivered {waited:.1f}s after the kill; "
            f"sent twice {twice}"
        )


if __name__ == "__main__":
    main()
