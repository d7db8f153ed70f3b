"""Members: finding them, joining them, erasing them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit, outbox
from storage.db import rows_changed
from storage.models import (
    CodeAttempt,
    Conversation,
    FollowUp,
    Invite,
    Member,
    ProcessedMessage,
    ResidentialGroup,
    Role,
    SupportSession,
    Ward,
)


async def join(
    db: AsyncSession,
    *,
    invite: Invite,
    channel: str,
    user_id: str,
    display_name: str,
    language: str,
    group_id: int | None,
    now: dt.datetime,
) -> Member:
    """Create the member from an invite the person consented to, and use up one invite use."""
    member = Member(
        channel=channel,
        channel_user_id=user_id,
        display_name=display_name[:100],
        role=invite.role,
        ward_id=invite.ward_id,
        group_id=group_id if invite.role != Role.STAFF else None,
        language=language,
        consent_at=now,
        joined_at=now,
        invite_id=invite.id,
    )
    db.add(member)
    invite.used_count += 1
    await db.flush()
    audit.record(
        db,
        "member.joined",
        actor_member_id=member.id,
        ward_id=member.ward_id,
        role=member.role,
        invite_id=invite.id,
    )
    return member


async def erase(db: AsyncSession, member: Member, chat_id: str) -> int:
    """Erase a person: their identity goes; their sessions stay as anonymous counts so the
    ward's totals do not change. Returns how many sessions were kept anonymously."""
    kept = await db.scalar(
        select(func.count())
        .select_from(SupportSession)
        .where(SupportSession.member_id == member.id)
    )
    # Notes are free text written by the person: they go too.
    await db.execute(
        update(SupportSession)
        .where(SupportSession.member_id == member.id)
        .values(member_id=None, note=None)
    )
    await db.execute(
        update(FollowUp).where(FollowUp.owner_member_id == member.id).values(owner_member_id=None)
    )
    await outbox.withdraw_for(db, member.id, member.channel, member.channel_user_id)
    for table in (Conversation, ProcessedMessage, CodeAttempt):
        await db.execute(
            delete(table).where(table.channel == member.channel, table.chat_id == chat_id)
        )
    audit.record(db, "member.erased", actor_member_id=member.id, ward_id=member.ward_id)
    await db.delete(member)
    return kept or 0


async def get(db: AsyncSession, member_id: int) -> Member | None:
    return await db.get(Member, member_id)


async def group_and_ward(db: AsyncSession, member: Member) -> tuple[ResidentialGroup | None, Ward]:
    ward = await db.get(Ward, member.ward_id)
    group = await db.get(ResidentialGroup, member.group_id) if member.group_id else None
    assert ward is not None
    return group, ward


async def leaders_of_group(db: AsyncSession, group_id: int) -> list[Member]:
    rows = await db.scalars(
        select(Member).where(Member.group_id == group_id, Member.role == Role.LEADER)
    )
    return list(rows)


async def sessions_logged(db: AsyncSession, member_id: int) -> int:
    return (
        await db.scalar(
            select(func.count())
            .select_from(SupportSession)
            .where(SupportSession.member_id == member_id)
        )
        or 0
    )


async def forget_processed_messages(db: AsyncSession, before: dt.datetime) -> int:
    """Drop the record of messages handled before `before`: channels redeliver within
    minutes, so a week of history is plenty to catch duplicates."""
    return await rows_changed(
        db, delete(ProcessedMessage).where(ProcessedMessage.processed_at < before)
    )
