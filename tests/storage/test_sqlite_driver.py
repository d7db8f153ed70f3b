"""The SQLite adapter that runs a statement in one trip to aiosqlite's thread: it returns what
the stock adapter returns, keeps transactions as they were, and really makes one trip."""

from __future__ import annotations

from pathlib import Path

import aiosqlite.core
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storage.db import Database
from storage.sqlite_driver import OneTripConnection


@pytest.fixture
async def db(tmp_path: Path):
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'driver.db'}")
    async with database.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)"))
    try:
        yield database
    finally:
        await database.close()


async def test_the_engine_uses_it(db: Database) -> None:
    async with db.engine.connect() as conn:
        raw = await conn.get_raw_connection()
        assert isinstance(raw.dbapi_connection, OneTripConnection)


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


async def test_one_trip_per_statement(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    trips = 0
    real = aiosqlite.core.Connection._execute

    async def counted(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal trips
        trips += 1
        return await real(self, fn, *args, **kwargs)

    async with db.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))  # the connection is open before counting
        await conn.commit()
        monkeypatch.setattr(aiosqlite.core.Connection, "_execute", counted)
        await conn.execute(text("INSERT INTO t (v) VALUES ('a')"))
        await conn.execute(text("SELECT * FROM t"))
        await conn.commit()
    # two statements and the commit; no rollback when the pool takes the connection back
    assert trips == 3
