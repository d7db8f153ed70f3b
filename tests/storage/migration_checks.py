"""Running a migration over a database that already holds rows, as a real upgrade does."""

from __future__ import annotations

import asyncio

from sqlalchemy import inspect, text

from storage import migrate
from storage.db import Database

A_WARD = (
    "INSERT INTO wards (id, code, name, is_demo, created_at) "
    "VALUES (1, 'W', 'Ward', false, CURRENT_TIMESTAMP)"
)


async def upgrade_across(
    database: Database, before: str, new_tables: set[str], rows: list[str]
) -> None:
    """Go down to `before` (where `new_tables` do not exist), write ward 1 and `rows` with
    plain SQL, then migrate to the head, which must have made `new_tables`."""
    await asyncio.to_thread(migrate.downgrade, database.url, before)
    async with database.engine.begin() as conn:
        tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
        assert new_tables.isdisjoint(tables)
        for statement in [A_WARD, *rows]:
            await conn.execute(text(statement))
    await asyncio.to_thread(migrate.upgrade, database.url)
    async with database.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
    assert new_tables <= set(tables)
