"""The outbox's queueing rules: idempotent keys, batches, held-back messages."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from storage import outbox
from storage.db import Database
from storage.models import OutboxMessage
from tests.conftest import START


async def test_a_keyed_message_is_queued_once_even_across_transactions(database: Database) -> None:
    for _ in range(2):
        async with database.sessions() as db, db.begin():
            queued = await outbox.enqueue_once(db, "web", "c1", {"text": "tally"}, "tally:1:W47:7")
    assert queued is False  # the second time
    async with database.sessions() as db, db.begin():
        assert await outbox.take_for_chat(db, "web", "c1") == [{"text": "tally"}]
        assert await outbox.take_for_chat(db, "web", "c1") == []


async def test_batch_counts_follow_delivery(database: Database) -> None:
    async with database.sessions() as db, db.begin():
        for chat in ("a", "b", "c"):
            outbox.enqueue(db, "web", chat, {"text": "hi"}, batch="ann-1")
        outbox.enqueue(db, "web", "a", {"text": "other"})
    async with database.sessions() as db, db.begin():
        await outbox.take_for_chat(db, "web", "a")
        counts = await outbox.batch_counts(db, "ann-1")
    assert counts["sent"] == 1 and counts["pending"] == 2


async def test_a_held_back_message_waits_for_its_time(database: Database) -> None:
    morning = START + dt.timedelta(hours=8)
    async with database.sessions() as db, db.begin():
        outbox.enqueue(db, "web", "a", {"text": "later"}, not_before=morning)
    async with database.sessions() as db, db.begin():
        assert await outbox.take_for_chat(db, "web", "a") == []
        assert await outbox.take_for_chat(db, "web", "a", now=morning) == [{"text": "later"}]


async def test_a_message_fetched_by_the_web_chat_keeps_no_text(database: Database) -> None:
    async with database.sessions() as db, db.begin():
        outbox.enqueue(db, "web", "a", {"text": "Chị Lan, 0912 345 678"})
    async with database.sessions() as db, db.begin():
        assert await outbox.take_for_chat(db, "web", "a") == [{"text": "Chị Lan, 0912 345 678"}]
    async with database.sessions() as db:
        stored = await db.scalar(select(OutboxMessage.payload))
    assert stored == {}
