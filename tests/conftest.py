"""Shared fixtures. Storage and flow tests run on SQLite always, and on PostgreSQL too when
TEST_DATABASE_URL points at a server (CI starts one)."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text

import handlers
from bot.clock import SetClock
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.core import Button, Incoming, Kind, Reply
from storage import migrate, wards
from storage.db import Database
from storage.invites import display
from storage.models import Base

# The instant every test starts at, unless it sets its own: a Wednesday, 10:00 in Hà Nội.
# Tests never read the real clock, so they pass at any date and hour.
START = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC)

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test (migrating is slower than copying)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    migrate.upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_migrated() -> str:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the suite on PostgreSQL too: set TEST_DATABASE_URL")
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL tests skipped")

    async def reset_schema() -> None:
        async with Database(PG_URL, SetClock(START)) as db, db.engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))

    def prepare() -> None:
        asyncio.run(reset_schema())
        migrate.upgrade(PG_URL)

    # Asked for from inside a running event loop: prepare the schema in a thread of its own.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(prepare).result()
    return PG_URL


@pytest.fixture
def clock() -> SetClock:
    """The application's clock in a test: set at START, moved only by the test."""
    return SetClock(START)


@pytest.fixture(params=BACKENDS)
async def database(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path, clock: SetClock
) -> AsyncIterator[Database]:
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(sqlite_template, path)
        db = Database(f"sqlite+aiosqlite:///{path}", clock)
    else:
        url = request.getfixturevalue("pg_migrated")
        db = Database(url, clock)
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        async with db.engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    try:
        yield db
    finally:
        await db.close()


@pytest.fixture
def settings(database: Database, tmp_path: Path) -> Settings:
    return Settings(
        database_url=database.url,
        seed_demo=False,
        files_dir=tmp_path / "files",
        # Never the checkout's data/backups: a test's backups stay in its own folder.
        backup_dir=tmp_path / "backups",
        link_secret="test-secret",
        _env_file=None,
    )


@pytest.fixture
def core(database: Database, settings: Settings) -> ConversationCore:
    return ConversationCore(database, settings, handlers.all_flows(), handlers.COMMANDS)


@pytest.fixture
async def demo(database: Database) -> wards.DemoWard:
    async with database.sessions() as db, db.begin():
        return await wards.seed_demo(db, database.clock())


class Chat:
    """One person talking to the core, the way a channel would pass their messages on."""

    def __init__(
        self,
        core: ConversationCore,
        user: str = "u1",
        name: str = "Chị Lan",
        channel: str = "telegram",
        now: dt.datetime | None = None,
    ) -> None:
        self.core = core
        self.user = user
        self.name = name
        self.channel = channel
        self.now = now or core.db.clock()
        self.replies: list[Reply] = []
        self.buttons: list[Button] = []
        self._n = 0

    @property
    def text(self) -> str:
        """All text of the last answer, menus included."""
        return "\n".join(r.as_plain_text() for r in self.replies)

    def _incoming(self, **kw: object) -> Incoming:
        self._n += 1
        self.now += dt.timedelta(seconds=2)
        fields = {
            "channel": self.channel,
            "chat_id": self.user,
            "user_id": self.user,
            "message_id": f"m{self._n}",
            "display_name": self.name,
            "at": self.now,
        }
        fields.update(kw)
        return Incoming(**fields)  # type: ignore[arg-type]

    async def deliver(self, incoming: Incoming) -> list[Reply]:
        self.replies = await self.core.handle(incoming)
        shown = [b for r in self.replies for b in r.buttons]
        if shown:
            self.buttons = shown
        return self.replies

    async def send(self, text: str, **kw: object) -> str:
        await self.deliver(self._incoming(text=text, **kw))
        return self.text

    async def press(self, label: str) -> str:
        """Press the button of the latest menu whose label contains `label`."""
        matches = [b for b in self.buttons if label.casefold() in b.label.casefold()]
        assert matches, f"no button {label!r} in {[b.label for b in self.buttons]}"
        await self.deliver(self._incoming(choice_id=matches[0].id, kind=Kind.CHOICE, text=None))
        return self.text

    async def send_kind(self, kind: Kind) -> str:
        await self.deliver(self._incoming(kind=kind, text=None))
        return self.text

    def labels(self) -> list[str]:
        return [b.label for b in self.buttons]

    async def join(self, code: str) -> str:
        """Type an invite code and agree to the consent text."""
        await self.send(display(code))
        return await self.press("Đồng ý")

    async def log_session(
        self,
        topic: str = "VNeID",
        priority: str = "cao tuổi",
        outcome: str = "Đã xong",
        counter: str = "1",
    ) -> str:
        """The taps of the common case, from the main menu to the saved summary: five, and
        one more (`counter`) when the ward counts something after the topic."""
        await self.press("Ghi buổi")
        await self.press(topic)
        if "Số khác" in self.labels():
            await self.press(counter)
        for label in (priority, outcome, "Lưu"):
            await self.press(label)
        return self.text


@pytest.fixture
def chat(core: ConversationCore) -> Chat:
    return Chat(core)


@pytest.fixture
def make_chat(core: ConversationCore):  # type: ignore[no-untyped-def]
    def make(user: str, **kw: object) -> Chat:
        return Chat(core, user=user, **kw)  # type: ignore[arg-type]

    return make
