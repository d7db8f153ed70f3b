"""Support sessions: saving, editing within the edit window, undoing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage import audit, rollups
from storage.models import (
    FollowUp,
    Member,
    Outcome,
    SessionCount,
    SessionPriorityGroup,
    SessionTopic,
    SupportSession,
)

# The largest number a counter takes for one session.
MAX_COUNT = 500

# Core inserts (no ORM objects to track); `__table__` is declared a FromClause, it is a Table.
_INSERT_SESSION = insert(cast(Table, SupportSession.__table__))
_INSERT_TOPIC = insert(cast(Table, SessionTopic.__table__))
_INSERT_PRIORITY = insert(cast(Table, SessionPriorityGroup.__table__))
_INSERT_COUNT = insert(cast(Table, SessionCount.__table__))


@dataclass(slots=True)
class SessionDraft:
    """What the volunteer is entering, before it is saved."""

    topics: list[str] = field(default_factory=list)
    residents_count: int = 1
    priority_groups: list[str] = field(default_factory=list)
    place: str = "home"
    outcome: str = Outcome.RESOLVED.value
    follow_up_due: dt.date | None = None
    occurred_on: dt.date | None = None
    note: str | None = None
    # The ward's counters asked after the chosen topics: {"vneid_activated": 2}.
    counts: dict[str, int] = field(default_factory=dict)

    def to_state(self) -> dict[str, object]:
        return {
            "topics": self.topics,
            "residents_count": self.residents_count,
            "priority_groups": self.priority_groups,
            "place": self.place,
            "outcome": self.outcome,
            "follow_up_due": self.follow_up_due.isoformat() if self.follow_up_due else None,
            "occurred_on": self.occurred_on.isoformat() if self.occurred_on else None,
            "note": self.note,
            "counts": dict(self.counts),
        }

    @classmethod
    def from_state(cls, data: dict[str, object]) -> SessionDraft:
        def day(value: object) -> dt.date | None:
            return dt.date.fromisoformat(value) if isinstance(value, str) else None

        return cls(
            topics=list(data.get("topics") or []),  # type: ignore[call-overload]
            residents_count=int(data.get("residents_count") or 1),  # type: ignore[call-overload]
            priority_groups=list(data.get("priority_groups") or []),  # type: ignore[call-overload]
            place=str(data.get("place") or "home"),
            outcome=str(data.get("outcome") or Outcome.RESOLVED.value),
            follow_up_due=day(data.get("follow_up_due")),
            occurred_on=day(data.get("occurred_on")),
            note=data.get("note") or None,  # type: ignore[arg-type]
            counts={
                str(k): int(v)
                for k, v in dict(data.get("counts") or {}).items()  # type: ignore[call-overload]
            },
        )

    @classmethod
    def from_session(cls, s: SupportSession, follow_up: FollowUp | None) -> SessionDraft:
        return cls(
            topics=[t.topic for t in s.topics],
            residents_count=s.residents_count,
            priority_groups=[p.priority_group for p in s.priority_groups],
            place=s.place,
            outcome=s.outcome,
            follow_up_due=follow_up.due_on if follow_up else None,
            occurred_on=s.occurred_on,
            note=s.note,
            counts={c.counter: c.value for c in s.counts},
        )


async def save(
    db: AsyncSession,
    member: Member,
    draft: SessionDraft,
    *,
    today: dt.date,
    now: dt.datetime,
    session_id: int | None = None,
) -> int:
    """Save a new session, or replace the fields of `session_id` (an edit); returns its id.

    A new session (the common case, once every few messages) is written with plain INSERTs
    rather than through the ORM's unit of work."""
    if not draft.topics:
        raise ValueError("a session needs at least one topic")
    if member.group_id is None:
        raise ValueError("only team members log sessions")
    fields = {
        "occurred_on": draft.occurred_on or today,
        "residents_count": draft.residents_count,
        "place": draft.place,
        "outcome": draft.outcome,
        "note": draft.note,
        "updated_at": now,
    }
    topics = list(dict.fromkeys(draft.topics))
    priority_groups = list(dict.fromkeys(draft.priority_groups or ["none"]))
    if any(not 0 <= v <= MAX_COUNT for v in draft.counts.values()):
        raise ValueError("a counter holds a number from 0 to MAX_COUNT")
    counts = dict(draft.counts)
    group_id = member.group_id
    if session_id is None:
        inserted = cast(
            CursorResult[Any],
            await db.execute(
                _INSERT_SESSION,
                {
                    "ward_id": member.ward_id,
                    "group_id": member.group_id,
                    "member_id": member.id,
                    "created_at": now,
                    **fields,
                },
            ),
        )
        key = inserted.inserted_primary_key
        assert key is not None  # a single-row insert always has one
        saved_id: int = key[0]
        await db.execute(_INSERT_TOPIC, [{"session_id": saved_id, "topic": t} for t in topics])
        await db.execute(
            _INSERT_PRIORITY,
            [{"session_id": saved_id, "priority_group": p} for p in priority_groups],
        )
        if counts:
            await db.execute(
                _INSERT_COUNT,
                [{"session_id": saved_id, "counter": k, "value": v} for k, v in counts.items()],
            )
    else:
        found = await get_with_details(db, session_id)
        if found is None or found.member_id != member.id:
            raise LookupError(session_id)
        await rollups.add(db, facts_of(found), -1)
        group_id = found.group_id
        found.topics.clear()
        found.priority_groups.clear()
        found.counts.clear()
        await db.execute(delete(FollowUp).where(FollowUp.session_id == session_id))
        for name, value in fields.items():
            setattr(found, name, value)
        found.topics.extend(SessionTopic(topic=t) for t in topics)
        found.priority_groups.extend(
            SessionPriorityGroup(priority_group=p) for p in priority_groups
        )
        found.counts.extend(SessionCount(counter=k, value=v) for k, v in counts.items())
        saved_id = found.id
    await rollups.add(
        db,
        rollups.Facts(
            member.ward_id,
            group_id,
            fields["occurred_on"],  # type: ignore[arg-type]
            draft.residents_count,
            tuple(topics),
            tuple(priority_groups),
            tuple(counts.items()),
        ),
    )
    if draft.outcome == Outcome.FOLLOW_UP and draft.follow_up_due:
        db.add(
            FollowUp(
                session_id=saved_id,
                ward_id=member.ward_id,
                group_id=member.group_id,
                owner_member_id=member.id,
                due_on=draft.follow_up_due,
                created_at=now,
            )
        )
    audit.record(
        db,
        "session.logged" if session_id is None else "session.edited",
        actor_member_id=member.id,
        ward_id=member.ward_id,
        session_id=saved_id,
    )
    return saved_id


def facts_of(s: SupportSession) -> rollups.Facts:
    """What a saved session (loaded with its details) adds to its ward's monthly sums."""
    return rollups.Facts(
        s.ward_id,
        s.group_id,
        s.occurred_on,
        s.residents_count,
        tuple(t.topic for t in s.topics),
        tuple(p.priority_group for p in s.priority_groups),
        tuple((c.counter, c.value) for c in s.counts),
    )


async def get_with_details(db: AsyncSession, session_id: int) -> SupportSession | None:
    return await db.scalar(
        select(SupportSession)
        .where(SupportSession.id == session_id)
        .options(
            selectinload(SupportSession.topics),
            selectinload(SupportSession.priority_groups),
            selectinload(SupportSession.counts),
        )
    )


# Built once: the main menu asks this on every showing.
_LATEST = (
    select(SupportSession.id)
    .where(
        SupportSession.member_id == bindparam("member_id"),
        SupportSession.created_at > bindparam("since"),
    )
    .order_by(SupportSession.created_at.desc(), SupportSession.id.desc())
    .limit(1)
)


async def last_editable_id(
    db: AsyncSession, member: Member, now: dt.datetime, window: dt.timedelta
) -> int | None:
    """The id of the member's most recent session if it was saved less than `window` ago."""
    return await db.scalar(_LATEST, {"member_id": member.id, "since": now - window})


async def last_editable(
    db: AsyncSession, member: Member, now: dt.datetime, window: dt.timedelta
) -> SupportSession | None:
    """The member's most recent session, with its details, if it can still be changed."""
    session_id = await last_editable_id(db, member, now, window)
    return None if session_id is None else await get_with_details(db, session_id)


async def recent_of(db: AsyncSession, member: Member, limit: int = 10) -> list[SupportSession]:
    """The member's latest sessions with their details, newest first."""
    return list(
        await db.scalars(
            select(SupportSession)
            .where(SupportSession.member_id == member.id)
            .order_by(SupportSession.occurred_on.desc(), SupportSession.id.desc())
            .limit(limit)
            .options(
                selectinload(SupportSession.topics),
                selectinload(SupportSession.priority_groups),
                selectinload(SupportSession.counts),
            )
        )
    )


async def follow_up_of(db: AsyncSession, session_id: int) -> FollowUp | None:
    return await db.scalar(select(FollowUp).where(FollowUp.session_id == session_id))


async def undo(db: AsyncSession, member: Member, session: SupportSession) -> None:
    if session.member_id != member.id:
        raise LookupError(session.id)
    audit.record(
        db,
        "session.undone",
        actor_member_id=member.id,
        ward_id=member.ward_id,
        session_id=session.id,
    )
    await rollups.add(db, facts_of(session), -1)
    await db.delete(session)
