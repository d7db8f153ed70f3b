"""The migration that empties the texts of messages delivered before it (on SQLite and
PostgreSQL): a waiting message keeps its text, a delivered one loses it."""

from __future__ import annotations

import asyncio
import json

from sqlalchemy import text

from storage import migrate
from storage.db import Database
from tests.storage.migration_checks import upgrade_across

BEFORE = "78a2604fd2fc"


def _message(chat: str, status: str, words: str) -> str:
    payload = json.dumps({"text": words}, ensure_ascii=False)
    return (
        "INSERT INTO outbox (channel, chat_id, payload, created_at, status, not_before,"
        f" attempts) VALUES ('telegram', '{chat}', '{payload}', CURRENT_TIMESTAMP, '{status}',"
        " CURRENT_TIMESTAMP, 0)"
    )


async def test_delivered_texts_are_emptied_and_waiting_ones_kept(database: Database) -> None:
    rows = [
        _message("leader", "sent", "Anh Tuấn vừa tham gia tổ 3"),
        _message("gone", "unreachable", "Chị Lan, 0912 345 678"),
        _message("later", "pending", "Báo cáo tuần"),
    ]
    await upgrade_across(database, BEFORE, set(), rows)
    async with database.engine.connect() as conn:
        stored = dict((await conn.execute(text("SELECT chat_id, payload FROM outbox"))).all())
    texts = {chat: json.loads(p) if isinstance(p, str) else p for chat, p in stored.items()}
    assert texts == {"leader": {}, "gone": {}, "later": {"text": "Báo cáo tuần"}}
    await asyncio.to_thread(migrate.downgrade, database.url, BEFORE)
    await asyncio.to_thread(migrate.upgrade, database.url)
