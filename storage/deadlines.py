"""Reporting deadlines: when each falls due (one date, weekly, monthly, yearly), which
residential groups have handed in the report of a period, and the people reminded."""

from __future__ import annotations

import calendar
import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.models import Deadline, DeadlineKind, DeadlineSubmission, ResidentialGroup, Role
from storage.wards import groups_of

DEFAULT_OFFSETS = (3, 1, 0)
MAX_OFFSET = 60
# A due date that passed less than this long ago is still the "current" one: a team that is
# late can still hand it in, and staff still see who is missing.
GRACE_DAYS = 3


def _clamped(year: int, month: int, day: int) -> dt.date:
    """Day `day` of the month, or the month's last day when it is shorter (31 -> 30/11)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def falls_on(deadline: Deadline, day: dt.date) -> bool:
    """Whether one of the deadline's due dates is `day`."""
    kind = DeadlineKind(deadline.kind)
    if kind is DeadlineKind.ONCE:
        return deadline.on_date == day
    if kind is DeadlineKind.WEEKLY:
        return day.weekday() == deadline.weekday
    assert deadline.day is not None
    if kind is DeadlineKind.MONTHLY:
        return day == _clamped(day.year, day.month, deadline.day)
    return day.month == deadline.month and day == _clamped(day.year, day.month, deadline.day)


def next_due(deadline: Deadline, on_or_after: dt.date) -> dt.date | None:
    """The first due date on or after the day given; None for a date that has passed."""
    kind = DeadlineKind(deadline.kind)
    if kind is DeadlineKind.ONCE:
        return deadline.on_date if deadline.on_date and deadline.on_date >= on_or_after else None
    if kind is DeadlineKind.WEEKLY:
        assert deadline.weekday is not None
        return on_or_after + dt.timedelta(days=(deadline.weekday - on_or_after.weekday()) % 7)
    assert deadline.day is not None
    year, month = on_or_after.year, on_or_after.month
    for _ in range(25):
        if kind is DeadlineKind.MONTHLY or month == deadline.month:
            due = _clamped(year, month, deadline.day)
            if due >= on_or_after:
                return due
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def current_period(deadline: Deadline, today: dt.date) -> dt.date | None:
    """The due date a team works towards today: the next one, or one that passed less than
    GRACE_DAYS ago (late reports still count for it)."""
    return next_due(deadline, today - dt.timedelta(days=GRACE_DAYS))


def offsets_of(deadline: Deadline) -> list[int]:
    return sorted({int(n) for n in deadline.offsets.split(",") if n.strip()}, reverse=True)


def parse_offsets(text: str) -> list[int]:
    """ "7 3 0", "7,3,0", "7, 3 va 0" -> [7, 3, 0]; ValueError when it is not that."""
    words = text.replace(",", " ").replace(";", " ").replace("+", " ").split()
    words = [w for w in words if w not in ("va", "và", "and")]
    if not words or not all(w.isdecimal() for w in words):
        raise ValueError(text)
    numbers = sorted({int(w) for w in words}, reverse=True)
    if numbers[0] > MAX_OFFSET or len(numbers) > 6:
        raise ValueError(text)
    return numbers


def roles_of(deadline: Deadline) -> set[str]:
    return set(deadline.roles.split(","))


async def add(
    db: AsyncSession,
    ward_id: int,
    *,
    title: str,
    kind: DeadlineKind,
    on_date: dt.date | None = None,
    weekday: int | None = None,
    day: int | None = None,
    month: int | None = None,
    roles: list[str],
    offsets: list[int],
    member_id: int | None,
) -> Deadline:
    made = Deadline(
        ward_id=ward_id,
        title=title,
        kind=kind.value,
        on_date=on_date,
        weekday=weekday,
        day=day,
        month=month,
        roles=",".join(sorted(roles)),
        offsets=",".join(str(n) for n in sorted(set(offsets), reverse=True)),
        created_by_member_id=member_id,
    )
    db.add(made)
    await db.flush()
    audit.record(db, "deadline.added", actor_member_id=member_id, ward_id=ward_id, id=made.id)
    return made


async def of_ward(db: AsyncSession, ward_id: int) -> list[Deadline]:
    return list(
        await db.scalars(select(Deadline).where(Deadline.ward_id == ward_id).order_by(Deadline.id))
    )


async def every(db: AsyncSession) -> list[Deadline]:
    return list(await db.scalars(select(Deadline).order_by(Deadline.id)))


async def get(db: AsyncSession, ward_id: int, deadline_id: int) -> Deadline | None:
    found = await db.get(Deadline, deadline_id)
    return found if found is not None and found.ward_id == ward_id else None


async def remove(db: AsyncSession, ward_id: int, deadline_id: int, member_id: int) -> bool:
    found = await get(db, ward_id, deadline_id)
    if found is None:
        return False
    await db.execute(delete(DeadlineSubmission).where(DeadlineSubmission.deadline_id == found.id))
    await db.delete(found)
    await db.flush()
    audit.record(db, "deadline.removed", actor_member_id=member_id, ward_id=ward_id, id=found.id)
    return True


async def submitted_groups(db: AsyncSession, deadline_id: int, period: dt.date) -> set[int]:
    return set(
        await db.scalars(
            select(DeadlineSubmission.group_id).where(
                DeadlineSubmission.deadline_id == deadline_id, DeadlineSubmission.period == period
            )
        )
    )


async def submit(
    db: AsyncSession,
    deadline: Deadline,
    period: dt.date,
    group_id: int,
    member_id: int,
    now: dt.datetime,
) -> bool:
    """Record that the group handed the period's report in; False if it had already."""
    if group_id in await submitted_groups(db, deadline.id, period):
        return False
    db.add(
        DeadlineSubmission(
            deadline_id=deadline.id,
            period=period,
            group_id=group_id,
            member_id=member_id,
            submitted_at=now,
        )
    )
    await db.flush()
    audit.record(
        db,
        "deadline.submitted",
        actor_member_id=member_id,
        ward_id=deadline.ward_id,
        id=deadline.id,
        period=period.isoformat(),
        group_id=group_id,
    )
    return True


async def missing_groups(
    db: AsyncSession, deadline: Deadline, period: dt.date
) -> list[ResidentialGroup]:
    """The ward's residential groups that have not handed in the period's report."""
    done = await submitted_groups(db, deadline.id, period)
    return [g for g in await groups_of(db, deadline.ward_id) if g.id not in done]


async def open_for_group(
    db: AsyncSession, ward_id: int, group_id: int, today: dt.date
) -> list[tuple[Deadline, dt.date]]:
    """Deadlines for team leaders whose current period the group has not handed in yet."""
    found = []
    for deadline in await of_ward(db, ward_id):
        if Role.LEADER.value not in roles_of(deadline):
            continue
        period = current_period(deadline, today)
        if period is None:
            continue
        if group_id not in await submitted_groups(db, deadline.id, period):
            found.append((deadline, period))
    return sorted(found, key=lambda pair: pair[1])
