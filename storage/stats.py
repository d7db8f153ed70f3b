"""Tallies of support sessions. Every query takes a `Scope` from storage.access."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Select

from storage.access import Scope
from storage.models import (
    Member,
    ResidentialGroup,
    SessionPriorityGroup,
    SessionTopic,
    SupportSession,
)
from storage.wards import natural_key


@dataclass(slots=True)
class GroupLine:
    name: str
    sessions: int
    residents: int


@dataclass(slots=True)
class Tally:
    start: dt.date
    end: dt.date
    sessions: int = 0
    residents: int = 0
    by_topic: dict[str, int] = field(default_factory=dict)
    by_priority: dict[str, int] = field(default_factory=dict)
    by_group: list[GroupLine] = field(default_factory=list)
    by_member: list[GroupLine] = field(default_factory=list)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday..Sunday of the week holding `day`."""
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)


def _within(stmt: Select, scope: Scope, start: dt.date, end: dt.date) -> Select:
    stmt = stmt.where(
        SupportSession.ward_id == scope.ward_id,
        SupportSession.occurred_on >= start,
        SupportSession.occurred_on <= end,
    )
    if scope.group_id is not None:
        stmt = stmt.where(SupportSession.group_id == scope.group_id)
    if scope.member_id is not None:
        stmt = stmt.where(SupportSession.member_id == scope.member_id)
    return stmt


async def tally(
    db: AsyncSession,
    scope: Scope,
    start: dt.date,
    end: dt.date,
    *,
    by_group: bool = False,
    by_member: bool = False,
) -> Tally:
    result = Tally(start=start, end=end)
    sessions, residents = (
        await db.execute(
            _within(
                select(func.count(SupportSession.id), func.sum(SupportSession.residents_count)),
                scope,
                start,
                end,
            )
        )
    ).one()
    result.sessions, result.residents = sessions or 0, residents or 0
    topic_rows = await db.execute(
        _within(
            select(SessionTopic.topic, func.count())
            .join(SupportSession, SupportSession.id == SessionTopic.session_id)
            .group_by(SessionTopic.topic),
            scope,
            start,
            end,
        )
    )
    result.by_topic = {topic: n for topic, n in topic_rows}
    priority_rows = await db.execute(
        _within(
            select(SessionPriorityGroup.priority_group, func.count())
            .join(SupportSession, SupportSession.id == SessionPriorityGroup.session_id)
            .group_by(SessionPriorityGroup.priority_group),
            scope,
            start,
            end,
        )
    )
    result.by_priority = {group: n for group, n in priority_rows}
    if by_group:
        lines = await _lines(
            db,
            ResidentialGroup,
            ResidentialGroup.name,
            SupportSession.group_id == ResidentialGroup.id,
            ResidentialGroup.ward_id == scope.ward_id,
            start,
            end,
        )
        result.by_group = sorted(lines, key=lambda line: natural_key(line.name))
    if by_member and scope.group_id is not None:
        # Every member of the team, those with no session this week included.
        lines = await _lines(
            db,
            Member,
            Member.display_name,
            SupportSession.member_id == Member.id,
            and_(Member.group_id == scope.group_id, Member.ward_id == scope.ward_id),
            start,
            end,
        )
        result.by_member = sorted(lines, key=lambda line: (-line.sessions, line.name))
    return result


async def _lines(
    db: AsyncSession,
    entity: type[ResidentialGroup] | type[Member],
    name: Any,
    joins: Any,
    where: Any,
    start: dt.date,
    end: dt.date,
) -> list[GroupLine]:
    """Sessions and residents per group or per member, rows with nothing included."""
    join_on = and_(joins, SupportSession.occurred_on >= start, SupportSession.occurred_on <= end)
    rows = await db.execute(
        select(
            name,
            func.count(SupportSession.id),
            func.coalesce(func.sum(SupportSession.residents_count), 0),
        )
        .select_from(entity)
        .outerjoin(SupportSession, join_on)
        .where(where)
        .group_by(entity.id, name)
    )
    return [GroupLine(n, sessions, residents) for n, sessions, residents in rows]
