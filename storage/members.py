"""Members: finding them, joining them, erasing them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
    WebSession,
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
    """Create the member from an invite the person consented to, and use up one invite use.
    Someone deactivated before joins again in the same row: their past sessions stay theirs."""
    member = await former(db, channel, user_id) or Member(channel=channel, channel_user_id=user_id)
    member.display_name = display_name[:100]
    member.role = invite.role
    member.ward_id = invite.ward_id
    member.group_id = group_id if invite.role != Role.STAFF else None
    member.language = language
    member.consent_at = member.joined_at = now
    member.invite_id = invite.id
    member.deactivated_at = member.unreachable_at = None
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


async def former(db: AsyncSession, channel: str, user_id: str) -> Member | None:
    """The member this person was before ward staff deactivated them, if so."""
    return await db.scalar(
        select(Member).where(
            Member.channel == channel,
            Member.channel_user_id == user_id,
            Member.deactivated_at.is_not(None),
        )
    )


async def group_and_ward(db: AsyncSession, member: Member) -> tuple[ResidentialGroup | None, Ward]:
    ward = await db.get(Ward, member.ward_id)
    group = await db.get(ResidentialGroup, member.group_id) if member.group_id else None
    assert ward is not None
    return group, ward


async def leaders_of_group(db: AsyncSession, group_id: int) -> list[Member]:
    rows = await db.scalars(
        select(Member).where(
            Member.group_id == group_id,
            Member.role == Role.LEADER,
            Member.deactivated_at.is_(None),
        )
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


@dataclass(frozen=True, slots=True)
class Roster:
    """One member as the ward's pages list them: no phone, no chat id."""

    member: Member
    group: str | None
    sessions: int
    last_session: dt.date | None


async def roster(db: AsyncSession, ward_id: int, group_id: int | None = None) -> list[Roster]:
    """The ward's members (or one group's), each with their sessions and last session's
    day; active members first, then by name."""
    last = (
        select(
            SupportSession.member_id,
            func.count().label("n"),
            func.max(SupportSession.occurred_on).label("last"),
        )
        .where(SupportSession.ward_id == ward_id)
        .group_by(SupportSession.member_id)
        .subquery()
    )
    stmt = (
        select(Member, ResidentialGroup.name, last.c.n, last.c.last)
        .outerjoin(ResidentialGroup, ResidentialGroup.id == Member.group_id)
        .outerjoin(last, last.c.member_id == Member.id)
        .where(Member.ward_id == ward_id, Member.role != Role.ADMIN)
    )
    if group_id is not None:
        stmt = stmt.where(Member.group_id == group_id)
    found = []
    for member, group, n, day in (await db.execute(stmt)).all():
        if isinstance(day, str):  # SQLite hands a max() of a date back as text
            day = dt.date.fromisoformat(day)
        found.append(Roster(member, group, int(n or 0), day))
    found.sort(
        key=lambda r: (r.member.deactivated_at is not None, r.member.display_name.casefold())
    )
    return found


# The administrator's "channel": none (no chat ever reaches or leaves it).
ADMIN_CHANNEL = "admin"


class CannotChange(ValueError):
    """A change to a member that makes no sense (the message says why, for the log)."""


async def set_role(db: AsyncSession, member: Member, role: Role, *, actor: Member) -> bool:
    """Make a volunteer a team leader or a leader a volunteer (ward staff are made with an
    invite); False when the member had that role already."""
    if role not in (Role.VOLUNTEER, Role.LEADER) or member.role == Role.STAFF:
        raise CannotChange("only volunteers and team leaders change role here")
    if member.group_id is None:
        raise CannotChange("the member has no residential group")
    if member.role == role:
        return False
    old, member.role = member.role, role.value
    audit.record(
        db,
        "member.role_changed",
        actor_member_id=actor.id,
        ward_id=member.ward_id,
        member_id=member.id,
        old=old,
        new=role.value,
    )
    return True


async def set_active(
    db: AsyncSession, member: Member, active: bool, now: dt.datetime, *, actor: Member
) -> bool:
    """Deactivate a member (they become a resident to the bot; their sessions stay) or
    bring them back; False when nothing changed. Nobody deactivates themselves."""
    if member.id == actor.id:
        raise CannotChange("nobody deactivates themselves")
    if (member.deactivated_at is None) == active:
        return False
    member.deactivated_at = None if active else now
    if not active:
        await db.execute(
            update(WebSession)
            .where(WebSession.member_id == member.id, WebSession.revoked_at.is_(None))
            .values(revoked_at=now)
        )
    audit.record(
        db,
        "member.activated" if active else "member.deactivated",
        actor_member_id=actor.id,
        ward_id=member.ward_id,
        member_id=member.id,
    )
    return True


async def administrator(db: AsyncSession, name: str, ward_id: int, now: dt.datetime) -> Member:
    """The city's administrator (one, made the first time): a member with no chat who signs
    in to the ward's web pages with a link from `ngoso admin link`."""
    found = await db.scalar(
        select(Member).where(Member.channel == ADMIN_CHANNEL, Member.role == Role.ADMIN)
    )
    if found is None:
        found = Member(
            channel=ADMIN_CHANNEL,
            channel_user_id="admin",
            display_name=name[:100],
            role=Role.ADMIN.value,
            ward_id=ward_id,
            language="vi",
            consent_at=now,
            joined_at=now,
        )
        db.add(found)
        await db.flush()
        audit.record(db, "member.admin_made", actor_member_id=found.id)
    return found
