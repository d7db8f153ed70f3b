"""The outbox: messages the bot sends on its own, kept until a channel delivers them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxMessage, utcnow


def enqueue(db: AsyncSession, channel: str, chat_id: str, payload: dict[str, Any]) -> None:
    db.add(OutboxMessage(channel=channel, chat_id=chat_id, payload=payload))


async def take_for_chat(
    db: AsyncSession, channel: str, chat_id: str, now: dt.datetime | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Pending messages of one chat, oldest first, marked delivered (the web chat fetches
    its own messages, so fetching is delivering)."""
    rows = list(
        await db.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.channel == channel,
                OutboxMessage.chat_id == chat_id,
                OutboxMessage.delivered_at.is_(None),
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
    )
    if rows:
        await db.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_([r.id for r in rows]))
            .values(delivered_at=now or utcnow())
        )
    return [r.payload for r in rows]
