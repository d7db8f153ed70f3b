"""The schema, its migrations, and storage behaviour on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy import inspect, select, text

from storage import invites, migrate
from storage.db import Database
from storage.models import AuditEntry, Ward


async def test_migrations_go_down_and_up_again(database: Database) -> None:
    await asyncio.to_thread(migrate.downgrade, database.url, "base")
    async with database.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
    assert "support_sessions" not in tables
    await asyncio.to_thread(migrate.upgrade, database.url)
    async with database.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
    for table in (
        "wards",
        "residential_groups",
        "members",
        "invites",
        "support_sessions",
        "conversations",
        "processed_messages",
        "audit_log",
        "follow_ups",
        "outbox",
    ):
        assert table in tables


async def test_timestamps_are_utc(database: Database) -> None:
    local = dt.datetime(2026, 11, 21, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    async with database.sessions() as db, db.begin():
        db.add(AuditEntry(action="test", at=local, detail={}))
    async with database.sessions() as db:
        entry = await db.scalar(select(AuditEntry))
    assert entry.at == local
    assert entry.at.utcoffset() == dt.timedelta(0)
    assert entry.at.hour == 1


async def test_sqlite_runs_with_wal_and_foreign_keys(database: Database) -> None:
    if not database.is_sqlite:
        pytest.skip("SQLite settings")
    async with database.engine.connect() as conn:
        assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await conn.execute(text("PRAGMA foreign_keys"))).scalar() == 1


async def test_invite_codes_are_unambiguous_and_forgiving() -> None:
    code = invites.new_code()
    assert len(code) == 8 and not set(code) & set("01OIL")
    assert invites.canonical(f" {code[:4].lower()}-{code[4:]} ") == code
    assert invites.canonical("hello") is None


async def test_ward_codes_are_unique(database: Database) -> None:
    from storage import wards

    async with database.sessions() as db, db.begin():
        await wards.add_ward(db, "abc", "Phường A")
    async with database.sessions() as db, db.begin():
        with pytest.raises(wards.AlreadyExists):
            await wards.add_ward(db, "ABC", "Phường A khác")
    async with database.sessions() as db:
        assert [w.code for w in await db.scalars(select(Ward))] == ["ABC"]


def test_groups_sort_by_their_numbers() -> None:
    from storage.wards import natural_key

    names = ["Tổ dân phố số 10", "Thôn Đông", "Tổ dân phố số 2", "Tổ dân phố số 1"]
    assert sorted(names, key=natural_key) == [
        "Thôn Đông",
        "Tổ dân phố số 1",
        "Tổ dân phố số 2",
        "Tổ dân phố số 10",
    ]
