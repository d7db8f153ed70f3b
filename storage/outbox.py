"""The outbox: messages the bot sends on its own, kept until a channel delivers them.

Flows and scheduled jobs only queue here, in the same transaction as the change that
caused the message; the senders in bot/delivery.py drain it channel by channel.

A message's text is kept only until it is delivered or given up: then its payload is
emptied, and only the status, times and batch (for delivered counts) stay. A notice may
carry a volunteer's name or a resident's phone number; once on the person's phone, it has
no reason to stay in our database, where erasing the volunteer or the resident could not
find it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import insert_or_skip, now_of, rows_changed
from storage.models import Member, OutboxMessage, OutboxStatus

# The payload of a message that was delivered or given up.
_DONE: dict[str, Any] = {}


def enqueue(
    db: AsyncSession,
    channel: str,
    chat_id: str,
    payload: dict[str, Any],
    *,
    batch: str | None = None,
    not_before: dt.datetime | None = None,
    about_member_id: int | None = None,
) -> None:
    """Queue one message (a `Reply.to_dict()`); it leaves with the transaction's commit.
    `about_member_id`: the member it names, if any (see `withdraw_for`)."""
    db.add(
        OutboxMessage(
            channel=channel,
            chat_id=chat_id,
            payload=payload,
            batch=batch,
            not_before=not_before or now_of(db),
            status=OutboxStatus.PENDING,
            attempts=0,
            about_member_id=about_member_id,
        )
    )


async def withdraw_for(db: AsyncSession, member_id: int, channel: str, chat_id: str) -> int:
    """A person erased their data: messages still waiting that name them, or that were
    going to them, are withdrawn with their text. Returns how many."""
    return await rows_changed(
        db,
        update(OutboxMessage)
        .where(
            OutboxMessage.status == OutboxStatus.PENDING,
            (OutboxMessage.about_member_id == member_id)
            | ((OutboxMessage.channel == channel) & (OutboxMessage.chat_id == chat_id)),
        )
        .values(status=OutboxStatus.WITHDRAWN, payload=_DONE, claimed_until=None),
    )


async def enqueue_once(
    db: AsyncSession,
    channel: str,
    chat_id: str,
    payload: dict[str, Any],
    key: str,
    *,
    batch: str | None = None,
    not_before: dt.datetime | None = None,
) -> bool:
    """Queue a message unless one with the same `key` was ever queued (by this process,
    another one, or before a restart). Returns whether it was queued."""
    values = {
        "channel": channel,
        "chat_id": chat_id,
        "payload": payload,
        "key": key,
        "batch": batch,
        "not_before": not_before or now_of(db),
        "created_at": now_of(db),
        "status": OutboxStatus.PENDING.value,
        "attempts": 0,
    }
    return bool(await rows_changed(db, insert_or_skip(db, OutboxMessage, unique=["key"], **values)))


async def queued_keys(db: AsyncSession, keys: list[str]) -> set[str]:
    """Which of `keys` were ever queued (see `enqueue_once`)."""
    return set(await db.scalars(select(OutboxMessage.key).where(OutboxMessage.key.in_(keys))))


async def batch_counts(db: AsyncSession, batch: str) -> dict[str, int]:
    """How many messages of one batch are sent, pending, unreachable or failed."""
    rows = await db.execute(
        select(OutboxMessage.status, func.count())
        .where(OutboxMessage.batch == batch)
        .group_by(OutboxMessage.status)
    )
    counts = {status.value: 0 for status in OutboxStatus}
    counts.update({status: n for status, n in rows.all()})
    return counts


async def take_for_chat(
    db: AsyncSession, channel: str, chat_id: str, now: dt.datetime | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Pending messages of one chat, oldest first, marked delivered (the web chat fetches
    its own messages, so fetching is delivering)."""
    now = now or now_of(db)
    rows = list(
        await db.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.channel == channel,
                OutboxMessage.chat_id == chat_id,
                OutboxMessage.delivered_at.is_(None),
                OutboxMessage.status == OutboxStatus.PENDING,
                OutboxMessage.not_before <= now,
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
    )
    payloads = [r.payload for r in rows]
    if rows:
        await db.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_([r.id for r in rows]))
            .values(delivered_at=now, status=OutboxStatus.SENT, payload=_DONE)
        )
    return payloads


# -- For the senders (bot/delivery.py) ---------------------------------------------------------


def _unclaimed(now: dt.datetime) -> Any:
    return (OutboxMessage.claimed_until.is_(None)) | (OutboxMessage.claimed_until < now)


async def claim(
    db: AsyncSession,
    channel: str,
    now: dt.datetime,
    lease: dt.timedelta,
    limit: int,
    holder: str = "",
) -> list[tuple[int, str, dict[str, Any], int]]:
    """Claim up to `limit` due messages of a channel, oldest first, for `lease`, in the
    name of `holder`: (id, chat, payload, attempts). Rows another sender holds are skipped
    (SKIP LOCKED on PostgreSQL)."""
    due = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.channel == channel,
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.not_before <= now,
            _unclaimed(now),
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    ids = list(await db.scalars(due))
    if not ids:
        return []
    # The same conditions again: on SQLite another sender may have claimed, sent and
    # released a row between our read and this write.
    result = await db.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id.in_(ids),
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.not_before <= now,
            _unclaimed(now),
        )
        .values(claimed_until=now + lease, claimed_by=holder)
        .returning(
            OutboxMessage.id, OutboxMessage.chat_id, OutboxMessage.payload, OutboxMessage.attempts
        )
    )
    return sorted((tuple(r) for r in result.all()), key=lambda r: r[0])  # type: ignore[misc]


async def renew(db: AsyncSession, ids: list[int], until: dt.datetime, holder: str = "") -> set[int]:
    """Keep holding claimed messages that are still waiting their turn; returns the ids
    `holder` still holds (a claim that ran out and was taken by another sender is lost)."""
    result = await db.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id.in_(ids),
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.claimed_by == holder,
        )
        .values(claimed_until=until)
        .returning(OutboxMessage.id)
    )
    return set(result.scalars())


async def mark(db: AsyncSession, ids: list[int], **values: Any) -> None:
    """Record what happened to messages (status, attempts, next try, error). A message
    delivered or given up loses its text (see the top of this module)."""
    if values.get("status", OutboxStatus.PENDING) != OutboxStatus.PENDING:
        values["payload"] = _DONE
    # Only messages still waiting: one withdrawn meanwhile (its person erased) stays so.
    await db.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.status == OutboxStatus.PENDING)
        .values(**values)
    )


async def still_ours(db: AsyncSession, message_id: int, holder: str, now: dt.datetime) -> bool:
    """Whether a claimed message may still go from `holder`: still waiting (not withdrawn
    since), and still held by it (its claim did not run out into another sender's hands)."""
    row = (
        await db.execute(
            select(
                OutboxMessage.status, OutboxMessage.claimed_by, OutboxMessage.claimed_until
            ).where(OutboxMessage.id == message_id)
        )
    ).one_or_none()
    if row is None:
        return False
    status, claimed_by, claimed_until = row
    return (
        status == OutboxStatus.PENDING
        and claimed_by == holder
        and claimed_until is not None
        and claimed_until > now
    )


async def stop_chat(db: AsyncSession, channel: str, chat_id: str, reason: str) -> None:
    """The person blocked the bot: their waiting messages stop, and as a member they are
    unreachable until they write again."""
    await db.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.channel == channel,
            OutboxMessage.chat_id == chat_id,
            OutboxMessage.status == OutboxStatus.PENDING,
        )
        .values(
            status=OutboxStatus.UNREACHABLE, claimed_until=None, last_error=reason, payload=_DONE
        )
    )
    await db.execute(
        update(Member)
        .where(Member.channel == channel, Member.channel_user_id == chat_id)
        .values(unreachable_at=now_of(db))
    )
