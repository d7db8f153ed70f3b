"""Where each chat is in its conversation, and which messages were handled: the statements
run for every message, built once so SQLAlchemy reuses their compiled form."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, func, insert, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import is_postgresql, rows_changed
from storage.models import (
    CodeAttempt,
    Conversation,
    FollowUp,
    Member,
    OutboxMessage,
    ProcessedMessage,
    ResidentProfile,
)


class AlreadyHandled(Exception):
    """This message was handled before (a duplicate delivery, or the same message reaching
    two workers): what it did in this transaction must be rolled back."""


@dataclass(slots=True)
class ChatState:
    """Where one chat is in its conversation: a row of `conversations`, read and written with
    plain statements (no ORM object: the core reads and writes it on every message)."""

    channel: str
    chat_id: str
    flow: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    menu: dict[str, Any] = field(default_factory=dict)
    menu_seq: int = 0
    language: str | None = None
    updated_at: dt.datetime | None = None
    stored: bool = False  # whether the row exists yet


# Declared as a FromClause on every mapped class; a class mapped to one table has a Table.
_TABLE = cast(Table, Conversation.__table__)
_COLUMNS = ("flow", "step", "data", "menu", "menu_seq", "language", "updated_at")
# The conversation and the member (either may not exist) in one statement.
_LOAD = (
    select(*(_TABLE.c[name] for name in _COLUMNS), _TABLE.c.chat_id, Member)
    .select_from(select(literal(1).label("one")).subquery("one"))
    .outerjoin(
        _TABLE,
        and_(_TABLE.c.channel == bindparam("channel"), _TABLE.c.chat_id == bindparam("chat_id")),
    )
    .outerjoin(
        Member,
        and_(
            Member.channel == bindparam("channel"),
            Member.channel_user_id == bindparam("user_id"),
            # Deactivated by ward staff: the person is no longer a member.
            Member.deactivated_at.is_(None),
        ),
    )
)
_MARK_HANDLED = insert(cast(Table, ProcessedMessage.__table__))
# Waits until no other transaction holds the chat, then holds it until this one ends.
_HOLD = select(func.pg_advisory_xact_lock(bindparam("key")))
_INSERT = insert(_TABLE)
# The new state of a chat already in the table.
_UPDATE = (
    update(_TABLE)
    .where(_TABLE.c.channel == bindparam("b_channel"), _TABLE.c.chat_id == bindparam("b_chat_id"))
    .values({name: bindparam(name) for name in _COLUMNS})
)


def chat_key(channel: str, chat_id: str) -> int:
    """A chat's number for PostgreSQL's advisory locks (a signed 64-bit integer)."""
    digest = hashlib.blake2b(f"{channel}\0{chat_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


async def hold(db: AsyncSession, channel: str, chat_id: str) -> None:
    """Take the chat for the rest of this transaction: another worker handling a message of
    the same chat waits here until this transaction ends, then reads what it left. On
    PostgreSQL an advisory lock (any number of workers); SQLite has one writer at a time and
    is served by one process, whose core keeps a chat's messages in order itself."""
    if is_postgresql(db):
        await db.execute(_HOLD, {"key": chat_key(channel, chat_id)})


async def load(
    db: AsyncSession, channel: str, chat_id: str, user_id: str
) -> tuple[ChatState, Member | None]:
    """The chat's state (a fresh one, not yet stored, for a new chat) and the person's
    membership, if any, for handling a message: the chat is held until the transaction ends
    (see `hold`)."""
    await hold(db, channel, chat_id)
    return await _read(db, channel, chat_id, user_id)


async def _read(
    db: AsyncSession, channel: str, chat_id: str, user_id: str
) -> tuple[ChatState, Member | None]:
    row = (
        await db.execute(_LOAD, {"channel": channel, "chat_id": chat_id, "user_id": user_id})
    ).one()
    flow, step, data, menu, menu_seq, language, updated_at, found, member = tuple(row)
    if found is None:
        return ChatState(channel, chat_id), member
    return (
        ChatState(
            channel,
            chat_id,
            flow,
            step,
            data or {},
            menu or {},
            menu_seq or 0,
            language,
            updated_at,
            stored=True,
        ),
        member,
    )


async def standing(db: AsyncSession, channel: str, chat_id: str) -> tuple[str | None, bool]:
    """The language a chat whose person is the chat itself (the web chat) is held in (its
    member's, else the one chosen in the chat) and whether it is a member's: the core's own
    one-statement load, without holding the chat (it only reads)."""
    state, member = await _read(db, channel, chat_id, chat_id)
    return (member.language if member else None) or state.language, member is not None


async def language_of(db: AsyncSession, channel: str, chat_id: str) -> str | None:
    """The language a chat is held in (see `standing`)."""
    return (await standing(db, channel, chat_id))[0]


async def move_chat(db: AsyncSession, channel: str, old: str, new: str) -> bool:
    """Give a chat a new id, with everything that belongs to it: a web chat gets a fresh
    id when it joins a role, so an id known to someone else before is worth nothing after.
    Returns whether there was a conversation to move."""
    moved = False
    for model, column in (
        (Conversation, Conversation.chat_id),
        (ProcessedMessage, ProcessedMessage.chat_id),
        (CodeAttempt, CodeAttempt.chat_id),
        (ResidentProfile, ResidentProfile.chat_id),
        (OutboxMessage, OutboxMessage.chat_id),
    ):
        changed = await rows_changed(
            db, update(model).where(model.channel == channel, column == old).values({column: new})
        )
        moved = moved or (model is Conversation and bool(changed))
    await db.execute(
        update(Member)
        .where(Member.channel == channel, Member.channel_user_id == old)
        .values(channel_user_id=new)
    )
    await db.execute(
        update(FollowUp)
        .where(FollowUp.resident_channel == channel, FollowUp.resident_chat_id == old)
        .values(resident_chat_id=new)
    )
    return moved


async def save(db: AsyncSession, state: ChatState) -> None:
    """Write the chat's new state. A chat erased during the message (/forgetme) has no row
    any more: the UPDATE finds nothing and the chat stays erased."""
    values = {name: getattr(state, name) for name in _COLUMNS}
    if state.stored:
        values["b_channel"], values["b_chat_id"] = state.channel, state.chat_id
        await db.execute(_UPDATE, values)
    else:
        await db.execute(_INSERT, {"channel": state.channel, "chat_id": state.chat_id, **values})
        state.stored = True


async def mark_handled(
    db: AsyncSession,
    channel: str,
    chat_id: str,
    message_id: str,
    at: dt.datetime,
    replies: list[dict[str, Any]],
    *,
    again: bool = False,
) -> None:
    """Record the message as handled, with its answer. Done last in the message's
    transaction: a message handled before raises AlreadyHandled here, and everything it did
    is rolled back. With `again` (after an error) the answer recorded replaces any other."""
    row = ProcessedMessage(
        channel=channel, chat_id=chat_id, message_id=message_id, processed_at=at, replies=replies
    )
    if again:
        await db.merge(row)
        return
    try:
        await db.execute(
            _MARK_HANDLED,
            {
                "channel": channel,
                "chat_id": chat_id,
                "message_id": message_id,
                "processed_at": at,
                "replies": replies,
            },
        )
    except IntegrityError as exc:
        raise AlreadyHandled(message_id) from exc


async def answered(
    db: AsyncSession, channel: str, chat_id: str, message_id: str
) -> list[dict[str, Any]] | None:
    """The answer given to a message the first time, or None if it was never handled."""
    done = await db.get(ProcessedMessage, (channel, chat_id, message_id))
    return None if done is None else list(done.replies or [])


async def start_over(db: AsyncSession, channel: str, chat_id: str) -> str | None:
    """After an unexpected error the chat starts over; returns its language, if known."""
    convo = await db.get(Conversation, (channel, chat_id))
    if convo is None:
        return None
    convo.flow = convo.step = None
    convo.data, convo.menu = {}, {}
    return convo.language
