"""Several `ngoso run` processes on one PostgreSQL, serving the same chats at once: every tap
of a session reaches two workers (a duplicate delivery), and "Lưu" is double-tapped with the
two taps landing on different workers. No session is saved twice and no chat is derailed.

Real processes, the real web chat API over HTTP on 127.0.0.1, a real PostgreSQL (CI starts
one; without TEST_DATABASE_URL the test is skipped)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import signal
import socket
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, BinaryIO

import aiohttp
from sqlalchemy import func, select, text

from bot.clock import Clock
from bot.i18n import t
from storage import wards
from storage.db import Database
from storage.models import Base, Member, Role, SupportSession

WORKERS = 3
CHATS = 12
SESSIONS_EACH = 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def open_log(path: Path) -> BinaryIO:
    return path.open("wb")  # closed when the worker has stopped


@contextlib.asynccontextmanager
async def workers(url: str, tmp_path: Path, count: int) -> AsyncIterator[list[str]]:
    """`count` workers serving the web chat; the first one runs the scheduler too, the way
    the README tells operators to run them."""
    ngoso = Path(sys.executable).parent / "ngoso"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SEED_DEMO": "false",
        "LINK_SECRET": "one-secret-for-every-worker",
        "FILES_DIR": str(tmp_path / "files"),
        "TELEGRAM_BOT_TOKEN": "",
        "ZALO_BOT_TOKEN": "",
        "LOG_LEVEL": "WARNING",
    }
    ports = [free_port() for _ in range(count)]
    procs = []
    for i, port in enumerate(ports):
        args = [str(ngoso), "run", "--host", "127.0.0.1", "--port", str(port)]
        if i > 0:
            args.append("--no-scheduler")
        log = open_log(tmp_path / f"worker-{i}.log")
        procs.append(
            (await asyncio.create_subprocess_exec(*args, env=env, stdout=log, stderr=log), log)
        )
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        async with aiohttp.ClientSession() as http:
            for base in bases:
                for _ in range(300):  # up to 30 s for start-up (migrations included)
                    with contextlib.suppress(aiohttp.ClientError):
                        async with http.get(f"{base}/healthz") as response:
                            if response.status == 200:
                                break
                    await asyncio.sleep(0.1)
                else:
                    raise AssertionError(f"worker at {base} did not start")
        yield bases
    finally:
        for proc, _ in procs:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
        for proc, log in procs:
            try:
                await asyncio.wait_for(proc.wait(), 15)
            except TimeoutError:
                proc.kill()
                await proc.wait()
            log.close()


class Phone:
    """One volunteer's browser, whose taps reach whichever worker the proxy picks."""

    def __init__(self, http: aiohttp.ClientSession, bases: list[str], rng: random.Random):
        self.http, self.bases, self.rng = http, bases, rng
        self.buttons: list[dict[str, str]] = []
        self.texts: list[str] = []

    async def post(self, base: str, path: str, body: dict[str, Any]) -> list[dict[str, Any]]:
        async with self.http.post(f"{base}{path}", json=body) as response:
            assert response.status == 200, await response.text()
            replies: list[dict[str, Any]] = (await response.json())["replies"]
        self.texts += [r["text"] for r in replies]
        return replies

    def take(self, replies: list[dict[str, Any]]) -> None:
        shown = [b for r in replies for b in r["buttons"]]
        if shown:
            self.buttons = shown

    def button(self, key: str | int) -> str:
        if isinstance(key, int):
            return self.buttons[key]["id"]
        found = [b["id"] for b in self.buttons if b["id"].endswith(f":{key}")]
        assert found, f"no {key!r} button; the chat said: {self.texts[-3:]} {self.buttons}"
        return found[0]

    async def send_twice(self, **body: Any) -> None:
        """One message delivered to two workers at once (the same message id)."""
        body["id"] = uuid.uuid4().hex
        two = self.rng.sample(self.bases, 2)
        answers = await asyncio.gather(*(self.post(b, "/api/messages", body) for b in two))
        # Both get the answer the message had (the second worker replays it).
        assert answers[0] == answers[1]
        self.take(answers[0])

    async def double_tap(self, key: str) -> None:
        """The same button pressed twice quickly, the two taps on two workers."""
        choice = self.button(key)
        two = self.rng.sample(self.bases, 2)
        await asyncio.gather(
            *(
                self.post(b, "/api/messages", {"choice": choice, "id": uuid.uuid4().hex})
                for b in two
            )
        )
        # Which of the two was handled last is not known here: ask where the chat is now.
        self.take(await self.post(self.rng.choice(self.bases), "/api/resume", {}))

    async def join(self, code: str) -> None:
        self.take(await self.post(self.bases[0], "/api/messages", {"text": code}))
        self.take(await self.post(self.bases[0], "/api/messages", {"choice": self.button(0)}))
        self.take(await self.post(self.bases[0], "/api/messages", {"text": "Chị Lan"}))

    async def log_session(self) -> None:
        await self.send_twice(choice=self.button("log"))
        await self.send_twice(choice=self.button(self.rng.randrange(8)))  # topic
        while {"0", "other"} <= {b["id"].partition(":")[2] for b in self.buttons}:  # counters
            await self.send_twice(choice=self.button(self.rng.randrange(4)))
        await self.send_twice(choice=self.button(self.rng.randrange(5)))  # priority group
        await self.send_twice(choice=self.button("resolved"))
        await self.double_tap("save")
        await self.send_twice(choice=self.button("menu"))


async def test_postgresql_workers_share_chats_without_double_saves(
    pg_migrated: str, tmp_path: Path
) -> None:
    db = Database(pg_migrated, Clock())
    try:
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        async with db.engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        async with db.sessions() as s, s.begin():
            demo = await wards.seed_demo(s, db.clock())
        code = demo.invites[Role.VOLUNTEER].code

        async with workers(pg_migrated, tmp_path, WORKERS) as bases:

            async def volunteer(n: int) -> Phone:
                jar = aiohttp.CookieJar(unsafe=True)  # one browser: its cookie on every worker
                async with aiohttp.ClientSession(cookie_jar=jar) as http:
                    phone = Phone(http, bases, random.Random(n))
                    await phone.join(code)
                    for _ in range(SESSIONS_EACH):
                        await phone.log_session()
                    return phone

            phones = await asyncio.wait_for(
                asyncio.gather(*(volunteer(n) for n in range(CHATS))), 120
            )

        async with db.sessions() as s:
            per_member = (
                await s.execute(
                    select(Member.id, func.count(SupportSession.id))
                    .outerjoin(SupportSession, SupportSession.member_id == Member.id)
                    .where(Member.role == Role.VOLUNTEER)
                    .group_by(Member.id)
                )
            ).all()
    finally:
        await db.close()

    # Every volunteer joined once and saved exactly the sessions they logged.
    assert len(per_member) == CHATS
    assert sorted(n for _, n in per_member) == [SESSIONS_EACH] * CHATS
    # No chat was derailed: no error, no "start over", and each is back at its main menu.
    errors = {
        t(lang, key) for lang in ("vi", "en") for key in ("error-generic", "conversation-expired")
    }
    for phone in phones:
        assert not errors & set(phone.texts)
        assert any(b["id"].endswith(":log") for b in phone.buttons)
