"""Where each chat is in its conversation, and which messages were handled: the statements
run for every message, built once so SQLAlchemy reuses their compiled form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, bindparam, insert, inspect, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Conversation, Member, ProcessedMessage

# The conversation and the member (either may not exist) in one statement.
_LOAD = (
    select(Conversation, Member)
    .select_from(select(literal(1).label("one")).subquery("one"))
    .outerjoin(
        Conversation,
        and_(
            Conversation.channel == bindparam("channel"),
            Conversation.chat_id == bindparam("chat_id"),
        ),
    )
    .outerjoin(
        Member,
        and_(
            Member.channel == bindparam("channel"),
            Member.channel_user_id == bindparam("user_id"),
        ),
    )
)
_MARK_HANDLED = insert(ProcessedMessage.__table__)
_TABLE = Conversation.__table__
# The new state of a chat already in the table, written without the ORM's change tracking.
_SAVE = (
    update(_TABLE)
    .where(_TABLE.c.channel == bindparam("b_channel"), _TABLE.c.chat_id == bindparam("b_chat_id"))
    .values(
        flow=bindparam("flow"),
        step=bindparam("step"),
        data=bindparam("data"),
        menu=bindparam("menu"),
        menu_seq=bindparam("menu_seq"),
        language=bindparam("language"),
        updated_at=bindparam("updated_at"),
    )
)


async def load(
    db: AsyncSession, channel: str, chat_id: str, user_id: str
) -> tuple[Conversation | None, Member | None]:
    """The chat's conversation and the person's membership, whichever exist."""
    row = await db.execute(_LOAD, {"channel": channel, "chat_id": chat_id, "user_id": user_id})
    convo, member = row.one()
    return convo, member


async def save(db: AsyncSession, convo: Conversation) -> None:
    """Write the chat's new state. A chat already in the table gets a plain UPDATE and the
    ORM forgets the object (its flush would write the same); a new chat is inserted by the
    ORM; a chat erased during the message is gone from the session and stays erased."""
    if not inspect(convo).persistent:
        return
    connection = await db.connection()
    await connection.execute(
        _SAVE,
        {
            "b_channel": convo.channel,
            "b_chat_id": convo.chat_id,
            "flow": convo.flow,
            "step": convo.step,
            "data": convo.data,
            "menu": convo.menu,
            "menu_seq": convo.menu_seq,
            "language": convo.language,
            "updated_at": convo.updated_at,
        },
    )
    db.expunge(convo)


async def mark_handled(
    db: AsyncSession,
    channel: str,
    chat_id: str,
    message_id: str,
    at: dt.datetime,
    replies: list[dict[str, Any]],
) -> None:
    """Record the message as handled, with its answer. Done last in the message's
    transaction: a duplicate fails here and everything it did is rolled back."""
    connection = await db.connection()
    await connection.execute(
        _MARK_HANDLED,
        {
            "channel": channel,
            "chat_id": chat_id,
            "message_id": message_id,
            "processed_at": at,
            "replies": replies,
        },
    )


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


async def remember_answer(
    db: AsyncSession,
    channel: str,
    chat_id: str,
    message_id: str,
    at: dt.datetime,
    replies: list[dict[str, Any]],
) -> None:
    """Record a message as handled with `replies`, whether or not it was recorded before."""
    await db.merge(
        ProcessedMessage(
            channel=channel,
            chat_id=chat_id,
            message_id=message_id,
            processed_at=at,
            replies=replies,
        )
    )
