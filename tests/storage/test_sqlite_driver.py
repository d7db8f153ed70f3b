"""The SQLite adapter that runs statements on the event loop: it returns what a DB-API driver
returns, keeps transactions as they were, makes no trip to a thread for ordinary statements,
waits for another writer without blocking the loop, and sends marked long reads to a thread."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.clock import SetClock
from storage import sqlite_driver
from storage.db import Database
from storage.sqlite_driver import Connection, in_thread
from tests.conftest import START


@pytest.fixture
async def db(tmp_path: Path):
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'driver.db'}", SetClock(START))
    async with database.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)"))
    try:
        yield database
    finally:
        await database.close()


async def test_the_engine_uses_it(db: Database) -> None:
    async with db.engine.connect() as conn:
        raw = await conn.get_raw_connection()
        assert isinstance(raw.dbapi_connection, Connection)


async def test_rows_counts_ids_and_returning(db: Database) -> None:
    async with db.engine.begin() as conn:
        inserted = await conn.execute(text("INSERT INTO t (v) VALUES ('a')"))
        assert inserted.lastrowid == 1
        await conn.execute(text("INSERT INTO t (v) VALUES (:v)"), [{"v": "b"}, {"v": "c"}])
        updated = await conn.execute(text("UPDATE t SET v = v || '!' WHERE id > 1"))
        assert updated.rowcount == 2
        returned = await conn.execute(text("UPDATE t SET v = 'z' WHERE id = 1 RETURNING id, v"))
        assert returned.all() == [(1, "z")]
        rows = await conn.execute(text("SELECT id, v FROM t ORDER BY id"))
        assert rows.keys() == ["id", "v"]
        assert rows.fetchone() == (1, "z")
        assert rows.fetchall() == [(2, "b!"), (3, "c!")]


async def test_a_failed_transaction_is_rolled_back_and_errors_keep_their_type(
    db: Database,
) -> None:
    with pytest.raises(IntegrityError):
        async with db.engine.begin() as conn:
            await conn.execute(text("INSERT INTO t (v) VALUES ('x')"))
            await conn.execute(text("INSERT INTO t (v) VALUES ('x')"))
    async with db.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar() == 0


class Trips:
    """Counts the statements sent to a worker thread."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = sqlite_driver.read_apart

        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(sqlite_driver, "read_apart", counted)


async def test_statements_and_commits_make_no_trip_to_the_thread(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with db.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))  # the connection is open before counting
        await conn.commit()
        trips = Trips(monkeypatch)
        await conn.execute(text("INSERT INTO t (v) VALUES ('a')"))
        await conn.execute(text("SELECT * FROM t"))
        await conn.commit()
        await conn.execute(text("INSERT INTO t (v) VALUES ('b')"))
        await conn.rollback()
    assert trips.count == 0
    async with db.engine.connect() as conn:
        assert (await conn.execute(text("SELECT v FROM t"))).scalars().all() == ["a"]


async def test_marked_statements_run_in_the_thread(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with db.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))
        trips = Trips(monkeypatch)
        async with in_thread():
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar() == 0
        assert trips.count == 1
        await conn.execute(text("SELECT count(*) FROM t"))
        assert trips.count == 1  # only inside the block


async def test_a_marked_read_inside_a_write_sees_the_writes_on_the_loop(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with db.engine.connect() as conn:
        await conn.execute(text("INSERT INTO t (v) VALUES ('kept')"))
        await conn.commit()
        trips = Trips(monkeypatch)
        await conn.execute(text("INSERT INTO t (v) VALUES ('not yet committed')"))
        async with in_thread():
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar() == 2
        assert trips.count == 0  # a reader apart would not have seen the second row
        await conn.rollback()
        async with in_thread():
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar() == 1
        assert trips.count == 1


def _other_writer(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    return other


async def test_a_busy_database_is_waited_for_while_the_loop_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holds the write lock for a while: our write waits for it without
    blocking the event loop, then succeeds."""
    path = tmp_path / "busy.db"
    other = _other_writer(path)
    database = Database(f"sqlite+aiosqlite:///{path}", SetClock(START))
    try:
        async with database.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
            await conn.commit()
            other.execute("BEGIN IMMEDIATE")  # the other writer takes the lock
            other.execute("INSERT INTO t (v) VALUES ('theirs')")
            ticks = 0

            async def ticker() -> None:
                nonlocal ticks
                while True:
                    ticks += 1
                    await asyncio.sleep(0.01)

            async def release_later() -> None:
                await asyncio.sleep(0.3)
                other.execute("COMMIT")

            ticking = asyncio.create_task(ticker())
            releasing = asyncio.create_task(release_later())
            started = time.perf_counter()
            await conn.execute(text("INSERT INTO t (v) VALUES ('ours')"))
            await conn.commit()
            waited = time.perf_counter() - started
            ticking.cancel()
            await releasing
        assert waited >= 0.25  # it really waited for the other writer...
        assert ticks >= 10  # ...and the loop kept running meanwhile
        rows = other.execute("SELECT v FROM t ORDER BY id").fetchall()
        assert rows == [("theirs",), ("ours",)]
    finally:
        other.close()
        await database.close()


async def test_a_writer_that_never_lets_go_gives_database_is_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_driver, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "busy.db"
    other = _other_writer(path)
    database = Database(f"sqlite+aiosqlite:///{path}", SetClock(START))
    try:
        other.execute("BEGIN IMMEDIATE")
        started = time.perf_counter()
        with pytest.raises(OperationalError, match="locked"):
            async with database.engine.begin() as conn:
                await conn.execute(text("INSERT INTO t (v) VALUES ('ours')"))
        assert 0.19 <= time.perf_counter() - started < 2
        other.execute("COMMIT")
        assert other.execute("SELECT v FROM t").fetchall() == []
    finally:
        other.close()
        await database.close()
