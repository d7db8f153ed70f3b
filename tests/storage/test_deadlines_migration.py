"""The deadlines-and-nudges migration on SQLite and PostgreSQL: members who joined before it
keep their rows and get nudges on; it goes down and up again."""

from __future__ import annotations

import asyncio

from sqlalchemy import text

from storage import migrate
from storage.db import Database
from tests.storage.migration_checks import upgrade_across

BEFORE_DEADLINES = "633a9511bf9f"


async def test_existing_members_get_nudges_on(database: Database) -> None:
    member = (
        "INSERT INTO members (channel, channel_user_id, display_name, role, ward_id,"
        " language, consent_at, joined_at) VALUES ('telegram', '1', 'Lan', 'volunteer',"
        " 1, 'vi', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    )
    await upgrade_across(
        database, BEFORE_DEADLINES, {"deadlines", "deadline_submissions"}, [member]
    )
    async with database.engine.connect() as conn:
        row = (await conn.execute(text("SELECT nudges_off, nudged_at FROM members"))).one()
    assert not row[0] and row[1] is None
    await asyncio.to_thread(migrate.downgrade, database.url, BEFORE_DEADLINES)
    await asyncio.to_thread(migrate.upgrade, database.url)
