"""Benchmark (not a test): many simulated volunteers logging sessions through the core.

Each volunteer joins with an invite, then logs sessions the five-tap way (log, topic, priority
group, outcome, save, back to the menu), pressing buttons like a phone would. Two runs:

- capacity: --volunteers tap without pause, all at once; prints the most messages per second
  the core handles (latency here is mostly queueing behind the others);
- load: messages arrive at --rate per second (random, Poisson arrivals) from a crowd of
  --crowd volunteers, as real taps arrive from many phones; each message's latency is
  counted from the moment it arrived, so time spent waiting behind others is included.

    .venv/bin/python bench/bench_core.py [--volunteers 50] [--sessions 20] [--rate 1000]
        [--seconds 10] [--crowd 500] [--database-url URL]

and, on SQLite, a third:

- storage floor: the four things every message does in storage (hold and read the chat and
  its member, write its new state, mark the message handled, commit) timed alone, as the
  core does them (SQLAlchemy's AsyncSession on this project's driver), side by side with the
  same statements on Python's sqlite3 directly; and what is left of a message's CPU for
  everything else (flows, menus, texts). It says how far any storage design can move the
  throughput.

Target on a 2-core machine, SQLite: >= 1,000 messages/s, p99 <= 20 ms."""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import itertools
import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.dialects import sqlite as sqlite_dialect

import handlers
from bot.app import freeze_start_up_objects
from bot.clock import Clock
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.core import Incoming, Kind, Reply
from storage import conversations, invites, migrate, wards
from storage.db import Database
from storage.models import Role


class Volunteer:
    def __init__(self, core: ConversationCore, user: str) -> None:
        self.core, self.user = core, user
        self.buttons: list = []
        self.seq = 0
        # The taps of one session, repeated: each call of tap() makes the next one.
        self.taps = itertools.cycle(
            [
                lambda: self.press_key("log"),  # "Log a support session" on the main menu
                lambda: self.press(random.randrange(8)),  # topic
                lambda: self.press(random.randrange(5)),  # priority group (not "several")
                lambda: self.press_key("resolved"),
                lambda: self.press_key("save"),
                lambda: self.press_key("menu"),  # back to the menu
            ]
        )

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
        replies = await self.core.handle(incoming)
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

    async def tap(self) -> None:
        keys = {b.id.partition(":")[2] for b in self.buttons}
        if {"0", "other"} <= keys:
            await self.press(random.randrange(4))  # the ward's counter after the topic: 0-3
            return
        await next(self.taps)()


def summary(latencies: list[float], elapsed: float) -> list[str]:
    latencies = sorted(latencies)
    n = len(latencies)
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(n - 1, int(n * 0.99))] * 1000
    return [
        f"  messages handled: {n:,} in {elapsed:.2f} s",
        f"  throughput:       {n / elapsed:,.0f} messages/s",
        f"  latency p50:      {p50:.2f} ms",
        f"  latency p99:      {p99:.2f} ms",
        f"  latency max:      {latencies[-1] * 1000:.2f} ms",
    ]


async def capacity(volunteers: list[Volunteer], sessions: int) -> tuple[list[float], float]:
    """Every volunteer taps without pause: the most the core can do."""
    latencies: list[float] = []

    async def work(v: Volunteer) -> None:
        for _ in range(sessions * 6):
            started = time.perf_counter()
            await v.tap()
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(work(v) for v in volunteers))
    return latencies, time.perf_counter() - started


async def load(crowd: list[Volunteer], rate: float, seconds: float) -> tuple[list[float], float]:
    """Messages arrive at `rate` per second; latency counts from arrival (a message that
    arrives while its sender's previous one is still being handled waits for it)."""
    # Phones are not in step: spread the crowd over the taps of a session (not measured).
    rng = random.Random(7)
    for v in crowd:
        for _ in range(rng.randrange(6)):
            await v.tap()
    latencies: list[float] = []
    idle: collections.deque[Volunteer] = collections.deque(crowd)
    ready = asyncio.Event()
    pending: set[asyncio.Task] = set()

    async def one(v: Volunteer, arrived: float) -> None:
        await v.tap()
        latencies.append(time.perf_counter() - arrived)
        idle.append(v)
        ready.set()

    started = time.perf_counter()
    due = started
    for _ in range(int(rate * seconds)):
        due += rng.expovariate(rate)
        wait = due - time.perf_counter()
        if wait > 0:
            await asyncio.sleep(wait)
        while not idle:  # every volunteer busy: the message waits (its clock is running)
            ready.clear()
            await ready.wait()
        task = asyncio.create_task(one(idle.popleft(), due))
        pending.add(task)
        task.add_done_callback(pending.discard)
    await asyncio.gather(*pending)
    return latencies, time.perf_counter() - started


def as_sqlite(statement: Any) -> tuple[str, Callable[[dict[str, Any]], list[Any]]]:
    """One of the core's own statements as SQLite text, and how to order its parameters."""
    compiled = statement.compile(dialect=sqlite_dialect.dialect())
    names, defaults = tuple(compiled.positiontup or ()), compiled.params
    return str(compiled), lambda values: [{**defaults, **values}[name] for name in names]


async def storage_floor(db: Database, path: Path, chats: list[str], rounds: int) -> float:
    """A message's storage work alone, through the core's session and on sqlite3 directly,
    taking turns; CPU microseconds a message (see the module's text)."""
    at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous=NORMAL")
    sequence = itertools.count()

    async def through_session(chat: str) -> None:
        async with db.transaction(at) as s:
            state, _member = await conversations.load(s, "telegram", chat, chat)
            state.step, state.updated_at = f"bench{next(sequence)}", at
            await conversations.save(s, state)
            await conversations.mark_handled(
                s, "telegram", chat, f"floor-s{next(sequence)}", at, [{"text": "ok"}]
            )

    # The statements `storage/conversations.py` runs for every message, compiled for SQLite.
    load_sql, load_args = as_sqlite(conversations._LOAD)
    save_sql, save_args = as_sqlite(conversations._UPDATE)
    mark_sql, mark_args = as_sqlite(conversations._MARK_HANDLED)

    def direct(chat: str) -> None:
        raw.execute("BEGIN")
        row = raw.execute(
            load_sql, load_args({"channel": "telegram", "chat_id": chat, "user_id": chat})
        ).fetchone()
        stamp = at.replace(tzinfo=None).isoformat(" ")
        state = {
            "flow": row[0],
            "step": f"bench{next(sequence)}",
            "data": json.dumps(json.loads(row[2] or "{}")),
            "menu": json.dumps(json.loads(row[3] or "{}")),
            "menu_seq": row[4],
            "language": row[5],
            "updated_at": stamp,
            "b_channel": "telegram",
            "b_chat_id": chat,
        }
        raw.execute(save_sql, save_args(state))
        handled = {
            "channel": "telegram",
            "chat_id": chat,
            "message_id": f"floor-r{next(sequence)}",
            "processed_at": stamp,
            "replies": json.dumps([{"text": "ok"}]),
        }
        raw.execute(mark_sql, mark_args(handled))
        raw.execute("COMMIT")

    session_us: list[float] = []
    direct_us: list[float] = []
    for _ in range(rounds):
        started = time.process_time()
        for chat in chats:
            await through_session(chat)
        session_us.append((time.process_time() - started) / len(chats) * 1e6)
        started = time.process_time()
        for chat in chats:
            direct(chat)
        direct_us.append((time.process_time() - started) / len(chats) * 1e6)
    raw.close()
    s, d = statistics.median(session_us), statistics.median(direct_us)
    print(f"storage floor: a message's storage work alone, {len(chats)} messages x {rounds}")
    print(f"  through the session (as the core): {s:7.0f} us CPU a message")
    print(f"  same statements on sqlite3:        {d:7.0f} us CPU a message (ratio {s / d:.1f})")
    return s


async def joined(url: str, people: int) -> tuple[Database, list[Volunteer]]:
    """A core on `url` and `people` volunteers who joined a ward of their own (so the
    benchmark can run on a database that has data already), as `ngoso run` is once up."""
    settings = Settings(database_url=url, seed_demo=False, _env_file=None)
    db = Database(url, Clock())
    async with db.sessions() as s, s.begin():
        ward = await wards.add_ward(s, f"BENCH{random.randrange(10**9)}", "Benchmark ward")
        group = await wards.add_group(s, ward, "Benchmark group")
        invite = await invites.create(
            s, role=Role.VOLUNTEER, ward_id=ward.id, group_id=group.id, max_uses=people, days=1
        )
    core = ConversationCore(db, settings, handlers.all_flows(), handlers.COMMANDS)
    everyone = [Volunteer(core, f"{ward.code}-{n}") for n in range(people)]
    for v in everyone:
        await v.join(invite.code)
    freeze_start_up_objects()
    return db, everyone


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--volunteers", type=int, default=50, help="capacity run: at once")
    parser.add_argument("--sessions", type=int, default=20, help="capacity run: per volunteer")
    parser.add_argument("--rate", type=float, default=1000, help="load run: messages/s offered")
    parser.add_argument("--seconds", type=float, default=10, help="load run: how long")
    parser.add_argument("--crowd", type=int, default=500, help="load run: volunteers")
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--floor-rounds", type=int, default=3, help="storage floor: rounds")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite+aiosqlite:///{Path(tmp.name) / 'bench.db'}"
    await asyncio.to_thread(migrate.upgrade, url)
    db, everyone = await joined(url, max(args.volunteers, args.crowd))

    statements = 0

    def count(*_: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    backend = "SQLite" if url.startswith("sqlite") else "PostgreSQL"
    print(f"backend: {backend}")

    cpu_started = time.process_time()
    latencies, elapsed = await capacity(everyone[: args.volunteers], args.sessions)
    cpu = time.process_time() - cpu_started
    n = len(latencies)
    print(f"capacity: {args.volunteers} volunteers tapping without pause, all at once")
    print("\n".join(summary(latencies, elapsed)))
    # CPU time of this process (all threads) per message: steadier than the wall-clock
    # figures when other programs share the machine.
    cpu_per_message = cpu / n * 1e6
    print(f"  CPU per message:  {cpu_per_message / 1000:.2f} ms")
    print(f"  SQL per message:  {statements / n:.1f} statements (commits not counted)")

    if args.rate > 0 and args.seconds > 0:
        latencies, elapsed = await load(everyone[: args.crowd], args.rate, args.seconds)
        print(
            f"load: {args.rate:,.0f} messages/s offered for {args.seconds:g} s "
            f"by {args.crowd} volunteers; latency from arrival"
        )
        print("\n".join(summary(latencies, elapsed)))

    # Last: it writes the first volunteers' chats over (a step of no flow).
    if url.startswith("sqlite") and args.floor_rounds > 0:
        path = Path(url.split("///", 1)[1])
        chats = [v.user for v in everyone[: args.volunteers]] * 20
        session_us = await storage_floor(db, path, chats, args.floor_rounds)
        rest = cpu_per_message - session_us
        print(f"  the rest of a message (flows, menus, texts): {rest:7.0f} us CPU")
        print(f"  storage free of cost, the core would do at most {1e6 / rest:,.0f} messages/s")
    await db.close()
    tmp.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
