"""The help desk's migration and storage on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from bot.text import fold
from storage import helpdesk, wards
from storage.db import Database
from tests.conftest import START
from tests.storage.migration_checks import upgrade_across

BEFORE_HELP_DESK = "87c45afe2738"


async def test_help_desk_migration_keeps_existing_follow_ups(database: Database) -> None:
    follow_up = (
        "INSERT INTO follow_ups (ward_id, due_on, status, created_at) "
        "VALUES (1, '2026-11-30', 'open', CURRENT_TIMESTAMP)"
    )
    new_tables = {"kb_entries", "resident_profiles", "unanswered_questions"}
    await upgrade_across(database, BEFORE_HELP_DESK, new_tables, [follow_up])
    async with database.engine.connect() as conn:
        kind = await conn.scalar(text("SELECT kind FROM follow_ups"))
    assert kind == "session"


async def test_a_ward_entry_is_replaced_not_duplicated(database: Database) -> None:
    async with database.sessions() as db, db.begin():
        ward = await wards.add_ward(db, "W1", "Phường Một")
        for body in ("7h-17h", "7h30-17h"):
            await helpdesk.set_entry(
                db,
                ward_id=ward.id,
                key="ward-hours",
                lang="vi",
                title="Giờ làm việc",
                body=body,
                reviewed_on=dt.date(2026, 11, 21),
            )
        rows = await helpdesk.ward_entries(db, ward.id)
        assert [(r.key, r.body) for r in rows] == [("ward-hours", "7h30-17h")]
        assert await helpdesk.remove_entry(db, ward.id, "ward-hours") == 1
        assert await helpdesk.ward_entries(db, ward.id) == []


async def test_top_unanswered_counts_within_the_period_and_the_ward(database: Database) -> None:
    now = START
    async with database.sessions() as db, db.begin():
        one = await wards.add_ward(db, "W1", "Phường Một")
        two = await wards.add_ward(db, "W2", "Phường Hai")
        for ward, question, days_ago in (
            (one, "gia vang", 1),
            (one, "Giá vàng", 2),
            (one, "xo so", 3),
            (one, "gia vang", 20),  # before the period
            (two, "gia vang", 1),  # another ward
        ):
            await helpdesk.record_unanswered(
                db, ward.id, question, fold(question), now - dt.timedelta(days=days_ago)
            )
    async with database.sessions() as db:
        top = await helpdesk.top_unanswered(db, one.id, now - dt.timedelta(days=7), now, 10)
        assert [t.count for t in top] == [2, 1]
        assert top[0].question in ("gia vang", "Giá vàng")
        assert (
            len(await helpdesk.top_unanswered(db, one.id, now - dt.timedelta(days=7), now, 1)) == 1
        )
