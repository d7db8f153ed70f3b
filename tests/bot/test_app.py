"""The running application as `make run` starts it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.app import Application
from bot.config import Settings
from storage.models import ProcessedMessage, Role, utcnow


async def test_demo_ward_on_empty_database_and_again_at_each_start(database) -> None:
    settings = Settings(database_url=database.url, seed_demo=True, _env_file=None)
    async with Application(settings) as app:
        first = await app.seed_demo_if_empty()
    assert first is not None and set(first.invites) == set(Role)
    async with Application(settings) as app:
        again = await app.seed_demo_if_empty()
    assert again is not None
    assert {r: i.code for r, i in again.invites.items()} == {
        r: i.code for r, i in first.invites.items()
    }


async def test_no_demo_when_seeding_is_off(database) -> None:
    settings = Settings(database_url=database.url, seed_demo=False, _env_file=None)
    async with Application(settings) as app:
        assert await app.seed_demo_if_empty() is None


async def test_start_up_forgets_old_message_ids(database) -> None:
    old = utcnow() - dt.timedelta(days=8)
    async with database.sessions() as db, db.begin():
        db.add(ProcessedMessage(channel="web", chat_id="c", message_id="old", processed_at=old))
        db.add(ProcessedMessage(channel="web", chat_id="c", message_id="new"))
    settings = Settings(database_url=database.url, seed_demo=False, _env_file=None)
    async with Application(settings) as app:
        await app.tidy()
    async with database.sessions() as db:
        kept = list(await db.scalars(select(ProcessedMessage.message_id)))
    assert kept == ["new"]
