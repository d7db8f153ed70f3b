"""Follow-ups: a session that needs a second visit, with an owner and a due date. Described
by date, kind of help and number of residents, never by who the residents are."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.access import Scope
from storage.models import (
    FOLLOW_UP_HOME_VISIT,
    FOLLOW_UP_SESSION,
    FollowUp,
    Member,
    ResidentialGroup,
    Role,
    SessionTopic,
    SupportSession,
)

OPEN, DONE = "open", "done"


@dataclass(slots=True)
class FollowUpItem:
    id: int
    ward_id: int
    group_id: int | None
    group: str
    owner_id: int | None
    owner: str
    due_on: dt.date
    occurred_on: dt.date | None
    residents: int
    topics: list[str] = field(default_factory=list)
    kind: str = FOLLOW_UP_SESSION
    preferred_time: str | None = None
    phone: str | None = None  # a home-visit request's, given with consent: show it masked


async def _items(db: AsyncSession, *where: ColumnElement[bool]) -> list[FollowUpItem]:
    rows = await db.execute(
        select(
            FollowUp,
            ResidentialGroup.name,
            Member.display_name,
            SupportSession.occurred_on,
            SupportSession.residents_count,
        )
        .outerjoin(ResidentialGroup, ResidentialGroup.id == FollowUp.group_id)
        .outerjoin(Member, Member.id == FollowUp.owner_member_id)
        .outerjoin(SupportSession, SupportSession.id == FollowUp.session_id)
        .where(FollowUp.status == OPEN, *where)
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    items = {
        fu.id: FollowUpItem(
            fu.id,
            fu.ward_id,
            fu.group_id,
            group or "",
            fu.owner_member_id,
            owner or "",
            fu.due_on,
            day,
            residents or 0,
            kind=fu.kind or FOLLOW_UP_SESSION,
            preferred_time=fu.preferred_time,
            phone=fu.phone,
        )
        for fu, group, owner, day, residents in rows
    }
    by_session: dict[int, list[str]] = {}
    if items:
        pairs = await db.execute(
            select(FollowUp.id, SessionTopic.topic)
            .join(SessionTopic, SessionTopic.session_id == FollowUp.session_id)
            .where(FollowUp.id.in_(list(items)))
        )
        for fu_id, topic in pairs:
            by_session.setdefault(fu_id, []).append(topic)
    for fu_id, topics in by_session.items():
        items[fu_id].topics = sorted(topics)
    return list(items.values())


async def open_items(db: AsyncSession, scope: Scope) -> list[FollowUpItem]:
    """Open follow-ups a member may see: their own, their team's, or the ward's."""
    where = [FollowUp.ward_id == scope.ward_id]
    if scope.group_id is not None:
        where.append(FollowUp.group_id == scope.group_id)
    if scope.member_id is not None:
        where.append(FollowUp.owner_member_id == scope.member_id)
    return await _items(db, *where)


async def due_on(db: AsyncSession, day: dt.date) -> list[FollowUpItem]:
    """Open follow-ups due on `day`, every ward (the scheduler's daily run)."""
    return await _items(db, FollowUp.due_on == day)


async def newly_overdue(db: AsyncSession, today: dt.date) -> list[FollowUpItem]:
    """Open follow-ups past their due date that no team leader has been told about."""
    return await _items(db, FollowUp.due_on < today, FollowUp.escalated_on.is_(None))


async def mark_escalated(db: AsyncSession, ids: list[int], today: dt.date) -> None:
    for fu in await db.scalars(select(FollowUp).where(FollowUp.id.in_(ids))):
        fu.escalated_on = today
    await db.flush()


def can_close(member: Member, fu: FollowUp) -> bool:
    """The owner, a leader of the team, or staff of the ward."""
    if fu.ward_id != member.ward_id:
        return False
    if member.role == Role.STAFF:
        return True
    if member.role == Role.LEADER and member.group_id == fu.group_id:
        return True
    return fu.owner_member_id == member.id


async def close(db: AsyncSession, member: Member, follow_up_id: int, now: dt.datetime) -> bool:
    """Close an open follow-up; False when it is not there, not open, or not theirs."""
    fu = await db.get(FollowUp, follow_up_id)
    if fu is None or fu.status != OPEN or not can_close(member, fu):
        return False
    fu.status, fu.closed_at = DONE, now
    if fu.kind == FOLLOW_UP_HOME_VISIT:
        fu.phone = None  # a resident's phone number was for this visit only
    await db.flush()  # sessions do not autoflush; the list shown next must not hold it
    audit.record(
        db, "follow_up.closed", actor_member_id=member.id, ward_id=fu.ward_id, follow_up_id=fu.id
    )
    return True
