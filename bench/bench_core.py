"""Benchmark (not a test): many simulated volunteers logging sessions through the core.

Each volunteer joins with the demo invite, then logs sessions the five-tap way (log, topic,
priority group, outcome, save, back to the menu), pressing buttons like a phone would. Prints
messages handled per second and per-message latency percentiles.

    .venv/bin/python bench/bench_core.py [--volunteers 50] [--sessions 20] [--database-url URL]

Target on a 2-core machine, SQLite: >= 1,000 messages/s, p99 <= 20 ms."""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

import handlers
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.core import Incoming, Kind, Reply
from storage import invites, migrate, wards
from storage.db import Database
from storage.models import Role

PATH = ["menu-log", "topic", "priority", "outcome", "save", "menu"]


class Volunteer:
    def __init__(self, core: ConversationCore, user: str, latencies: list[float]) -> None:
        self.core, self.user, self.latencies = core, user, latencies
        self.buttons: list = []
        self.seq = 0

    async def send(self, *, text: str | None = None, choice: str | None = None) -> list[Reply]:
        self.seq += 1
        incoming = Incoming(
            channel="telegram",
            chat_id=self.user,
            user_id=self.user,
            message_id=str(self.seq),
            display_name=self.user,
            text=text,
            choice_id=choice,
            kind=Kind.CHOICE if choice else Kind.TEXT,
        )
        started = time.perf_counter()
        replies = await self.core.handle(incoming)
        self.latencies.append(time.perf_counter() - started)
        shown = [b for r in replies for b in r.buttons]
        if shown:
            self.buttons = shown
        return replies

    async def press(self, index: int) -> None:
        await self.send(choice=self.buttons[index].id)

    async def press_key(self, key: str) -> None:
        """Press the button for `key` wherever the menu puts it (ids are "<seq>:<key>")."""
        await self.send(choice=next(b.id for b in self.buttons if b.id.endswith(f":{key}")))

    async def join(self, code: str) -> None:
        await self.send(text=code)
        await self.press(0)  # agree

    async def log_session(self) -> None:
        await self.press_key("log")  # "Log a support session" on the main menu
        await self.press(random.randrange(8))  # topic
        await self.press(random.randrange(5))  # priority group
        await self.press_key("resolved")
        await self.press_key("save")
        await self.press_key("menu")  # back to the menu


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--volunteers", type=int, default=50)
    parser.add_argument("--sessions", type=int, default=20, help="sessions per volunteer")
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite+aiosqlite:///{Path(tmp.name) / 'bench.db'}"
    await asyncio.to_thread(migrate.upgrade, url)
    settings = Settings(database_url=url, seed_demo=False, _env_file=None)
    db = Database(url)
    async with db.sessions() as s, s.begin():
        # A ward of its own, so the benchmark can run on a database that has data already.
        ward = await wards.add_ward(s, f"BENCH{random.randrange(10**6)}", "Benchmark ward")
        group = await wards.add_group(s, ward, "Benchmark group")
        invite = await invites.create(
            s,
            role=Role.VOLUNTEER,
            ward_id=ward.id,
            group_id=group.id,
            max_uses=args.volunteers,
            days=1,
        )
    core = ConversationCore(db, settings, handlers.all_flows(), handlers.COMMANDS)

    join_latencies: list[float] = []
    volunteers = [
        Volunteer(core, f"{ward.code}-{n}", join_latencies) for n in range(args.volunteers)
    ]
    await asyncio.gather(*(v.join(invite.code) for v in volunteers))

    latencies: list[float] = []
    for v in volunteers:
        v.latencies = latencies

    async def work(v: Volunteer) -> None:
        for _ in range(args.sessions):
            await v.log_session()

    statements = 0

    def count(*_: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    started, cpu_started = time.perf_counter(), time.process_time()
    await asyncio.gather(*(work(v) for v in volunteers))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    await db.close()
    tmp.cleanup()

    latencies.sort()
    n = len(latencies)
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(n - 1, int(n * 0.99))] * 1000
    backend = "SQLite" if url.startswith("sqlite") else "PostgreSQL"
    print(f"backend:            {backend}")
    print(f"volunteers:         {args.volunteers} concurrent, {args.sessions} sessions each")
    print(f"messages handled:   {n} in {elapsed:.2f} s")
    print(f"throughput:         {n / elapsed:,.0f} messages/s")
    print(f"latency p50:        {p50:.2f} ms")
    print(f"latency p99:        {p99:.2f} ms")
    # CPU time of this process (all threads) per message: steadier than the wall-clock
    # figures when other programs share the machine.
    print(f"CPU per message:    {cpu / n * 1000:.2f} ms")
    print(f"SQL per message:    {statements / n:.1f} statements (commits not counted)")
    print(f"sessions saved:     {args.volunteers * args.sessions}")


if __name__ == "__main__":
    asyncio.run(main())
