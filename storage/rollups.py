"""Running sums of each ward's sessions by month (`TallyMonth`), kept in the same transaction
as the sessions themselves: a session saved adds to them, a change takes the old values off
and adds the new ones, an undo takes them off. Reports of whole months (a month, a quarter, a
year, the movement) for a ward or the whole city read these few rows; the days of a period
that do not make a whole month are read from the sessions as before (`split`).

`rebuild` recomputes them from the sessions: the migration that adds them runs it, and so can
an operator (`ngoso db rollups`) after loading sessions by other means."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import add_up
from storage.models import (
    SessionCount,
    SessionPriorityGroup,
    SessionTopic,
    SupportSession,
    TallyMonth,
)

KEYS = ["ward_id", "month", "kind", "key"]
# The keyed kinds of a session's figures: where each is read from, and how it adds up.
KEYED: tuple[tuple[Any, Any, str, Any], ...] = (
    (SessionTopic, SessionTopic.topic, "topic", func.count()),
    (SessionPriorityGroup, SessionPriorityGroup.priority_group, "priority", func.count()),
    (SessionCount, SessionCount.counter, "counter", func.sum(SessionCount.value)),
)


@dataclass(frozen=True, slots=True)
class Facts:
    """What one session adds to its ward's month."""

    ward_id: int
    group_id: int
    day: dt.date
    residents: int
    topics: tuple[str, ...]
    priority_groups: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]

    def rows(self) -> Iterable[tuple[str, str, int]]:
        yield "sessions", "", 1
        yield "residents", "", self.residents
        yield "group", str(self.group_id), 1
        for topic in self.topics:
            yield "topic", topic, 1
        for group in self.priority_groups:
            yield "priority", group, 1
        for counter, value in self.counts:
            yield "counter", counter, value


async def add(db: AsyncSession, facts: Facts, sign: int = 1) -> None:
    """Add a session's figures to its month (or, with sign -1, take them off)."""
    month = facts.day.replace(day=1)
    await db.execute(
        add_up(db, TallyMonth, keys=KEYS, column="n"),
        [
            {"ward_id": facts.ward_id, "month": month, "kind": kind, "key": key, "n": sign * n}
            for kind, key, n in facts.rows()
        ],
    )


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def whole_months(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first days of the first and of the last whole month in [start, end], or None."""
    first = start if start.day == 1 else _next_month(start)
    if (end + dt.timedelta(days=1)).day == 1:
        last = end.replace(day=1)
    else:
        last = (end.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    return (first, last) if first <= last else None


Span = tuple[dt.date, dt.date]


def split(start: dt.date, end: dt.date) -> tuple[Span | None, list[Span]]:
    """The whole months of a period (read from the sums) and the days around them (read from
    the sessions)."""
    months = whole_months(start, end)
    if months is None:
        return None, [(start, end)]
    first, last = months
    last_day = _next_month(last) - dt.timedelta(days=1)
    edges = []
    if start < first:
        edges.append((start, first - dt.timedelta(days=1)))
    if end > last_day:
        edges.append((last_day + dt.timedelta(days=1), end))
    return months, edges


async def rebuild(db: AsyncSession, ward_id: int | None = None) -> None:
    """Recompute the sums from the sessions (all wards, or one)."""
    stmt = delete(TallyMonth)
    if ward_id is not None:
        stmt = stmt.where(TallyMonth.ward_id == ward_id)
    await db.execute(stmt)
    month_of: dict[dt.date, dt.date] = {}
    sums: dict[tuple[int, dt.date, str, str], int] = {}

    def put(ward: int, day: dt.date, kind: str, key: str, n: int) -> None:
        month = month_of.setdefault(day, day.replace(day=1))
        sums[(ward, month, kind, key)] = sums.get((ward, month, kind, key), 0) + n

    where = [] if ward_id is None else [SupportSession.ward_id == ward_id]
    rows = await db.execute(
        select(
            SupportSession.ward_id,
            SupportSession.occurred_on,
            SupportSession.group_id,
            func.count(),
            func.sum(SupportSession.residents_count),
        )
        .where(*where)
        .group_by(SupportSession.ward_id, SupportSession.occurred_on, SupportSession.group_id)
    )
    for ward, day, group, sessions, residents in rows:
        put(ward, day, "sessions", "", sessions)
        put(ward, day, "residents", "", int(residents or 0))
        put(ward, day, "group", str(group), sessions)
    for model, column, kind, measure in KEYED:
        keyed = await db.execute(
            select(SupportSession.ward_id, SupportSession.occurred_on, column, measure)
            .join(SupportSession, SupportSession.id == model.session_id)
            .where(*where)
            .group_by(SupportSession.ward_id, SupportSession.occurred_on, column)
        )
        for ward, day, key, n in keyed:
            put(ward, day, kind, key, int(n or 0))
    values = [
        {"ward_id": w, "month": m, "kind": k, "key": key, "n": n}
        for (w, m, k, key), n in sums.items()
    ]
    for at in range(0, len(values), 5000):
        await db.execute(TallyMonth.__table__.insert(), values[at : at + 5000])  # type: ignore[attr-defined]
