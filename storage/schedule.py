"""What the scheduler keeps in the database: the single-scheduler lease, the work already
done per period, each ward's tally time, and the people scheduled messages go to."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import insert_or_skip, rows_changed
from storage.models import (
    Member,
    Role,
    ScheduledRun,
    SchedulerLease,
    SupportSession,
    Ward,
    WardSchedule,
)

LEASE = "scheduler"


async def hold_lease(db: AsyncSession, holder: str, now: dt.datetime, ttl: dt.timedelta) -> bool:
    """Take or renew the scheduler lease; False while another process holds a live one.
    One conditional UPDATE, so two processes asking at once cannot both win."""
    await db.execute(
        insert_or_skip(
            db,
            SchedulerLease,
            unique=["name"],
            name=LEASE,
            holder=holder,
            expires_at=now - dt.timedelta(seconds=1),
        )
    )
    taken = await rows_changed(
        db,
        update(SchedulerLease)
        .where(
            SchedulerLease.name == LEASE,
            or_(SchedulerLease.holder == holder, SchedulerLease.expires_at < now),
        )
        .values(holder=holder, expires_at=now + ttl),
    )
    return bool(taken)


async def release_lease(db: AsyncSession, holder: str) -> None:
    """Give the lease up at a clean stop, so another process may take over at once."""
    await db.execute(
        update(SchedulerLease)
        .where(SchedulerLease.name == LEASE, SchedulerLease.holder == holder)
        .values(expires_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    )


async def claim_run(db: AsyncSession, key: str, now: dt.datetime, **detail: Any) -> bool:
    """Mark the work `key` done in the caller's transaction; False when it was done
    already (or is being done by another process, which then wins)."""
    inserted = await rows_changed(
        db, insert_or_skip(db, ScheduledRun, unique=["key"], key=key, done_at=now, detail=detail)
    )
    return bool(inserted)


async def release_run(db: AsyncSession, key: str) -> None:
    """Forget a claimed run that failed, so that the next tick does it again."""
    await db.execute(delete(ScheduledRun).where(ScheduledRun.key == key))


async def finish_run(db: AsyncSession, key: str) -> None:
    """A run claimed in one transaction and done in a later one is finished."""
    run = await db.get(ScheduledRun, key)
    if run is not None:
        run.detail = {**(run.detail or {}), "state": "done"}


async def unfinished_runs(db: AsyncSession, keys: list[str], before: dt.datetime) -> set[str]:
    """Runs claimed before `before` and never finished: the process died half-way."""
    if not keys:
        return set()
    rows = await db.execute(
        select(ScheduledRun.key, ScheduledRun.detail).where(
            ScheduledRun.key.in_(keys), ScheduledRun.done_at < before
        )
    )
    return {key for key, detail in rows.all() if (detail or {}).get("state") == "claimed"}


async def done_runs(db: AsyncSession, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    return set(await db.scalars(select(ScheduledRun.key).where(ScheduledRun.key.in_(keys))))


async def wards_with_schedule(db: AsyncSession) -> list[tuple[Ward, WardSchedule | None]]:
    rows = await db.execute(
        select(Ward, WardSchedule)
        .outerjoin(WardSchedule, WardSchedule.ward_id == Ward.id)
        .order_by(Ward.id)
    )
    return [(ward, schedule) for ward, schedule in rows.all()]


async def set_tally_time(db: AsyncSession, ward_id: int, weekday: int, time: str) -> None:
    """When the ward's weekly tally goes out: `weekday` 0 (Monday) to 6, `time` "HH:MM"."""
    found = await db.get(WardSchedule, ward_id)
    if found is None:
        db.add(WardSchedule(ward_id=ward_id, tally_weekday=weekday, tally_time=time))
    else:
        found.tally_weekday, found.tally_time = weekday, time


async def set_monthly(
    db: AsyncSession, ward_id: int, on: bool, default_weekday: int, default_time: str
) -> None:
    """Whether the ward's staff and leaders also get last month's report on the 1st."""
    found = await db.get(WardSchedule, ward_id)
    if found is None:
        found = WardSchedule(
            ward_id=ward_id, tally_weekday=default_weekday, tally_time=default_time
        )
        db.add(found)
    found.monthly = on
    await db.flush()  # read again in the same message


async def monthly(db: AsyncSession, ward_id: int) -> bool:
    found = await db.get(WardSchedule, ward_id)
    return bool(found and found.monthly)


def reachable(stmt: Any) -> Any:
    """Members the bot may still write to (not blocked by them, not deactivated; never the
    city's administrator, who has no chat)."""
    return stmt.where(
        Member.unreachable_at.is_(None),
        Member.deactivated_at.is_(None),
        Member.role != Role.ADMIN,
    )


async def members_reached(
    db: AsyncSession, ward_id: int, group_id: int | None, *, leaving_out: int | None = None
) -> list[Member]:
    """The members an announcement reaches: the ward's (or one group's), except its author
    and those who blocked the bot."""
    stmt = select(Member).where(Member.ward_id == ward_id)
    if leaving_out is not None:
        stmt = stmt.where(Member.id != leaving_out)
    if group_id is not None:
        stmt = stmt.where(Member.group_id == group_id)
    return list(await db.scalars(reachable(stmt).order_by(Member.id)))


async def ward_staff(db: AsyncSession, ward_id: int) -> list[Member]:
    stmt = select(Member).where(Member.ward_id == ward_id, Member.role == Role.STAFF)
    return list(await db.scalars(reachable(stmt).order_by(Member.id)))


async def team_leaders(db: AsyncSession, ward_id: int, group_id: int | None = None) -> list[Member]:
    stmt = select(Member).where(
        Member.ward_id == ward_id, Member.role == Role.LEADER, Member.group_id.is_not(None)
    )
    if group_id is not None:
        stmt = stmt.where(Member.group_id == group_id)
    return list(await db.scalars(reachable(stmt).order_by(Member.id)))


async def inactive_members(db: AsyncSession, now: dt.datetime, days: int) -> list[Member]:
    """Volunteers and team leaders who joined `days` ago or more, have logged no session
    since (or in the last `days`), want nudges, and were not nudged in this quiet spell."""
    cutoff = now - dt.timedelta(days=days)
    last = (
        select(SupportSession.member_id, func.max(SupportSession.created_at).label("last"))
        .group_by(SupportSession.member_id)
        .subquery()
    )
    rows = await db.execute(
        reachable(
            select(Member, last.c.last)
            .outerjoin(last, last.c.member_id == Member.id)
            .where(
                Member.role.in_([Role.VOLUNTEER.value, Role.LEADER.value]),
                Member.nudges_off.is_(False),
                Member.joined_at <= cutoff,
            )
        ).order_by(Member.id)
    )
    found = []
    for member, last_logged in rows.all():
        # SQLite hands a max() of the column back as text or naive: make it aware UTC.
        if isinstance(last_logged, str):
            last_logged = dt.datetime.fromisoformat(last_logged)
        if last_logged is not None and last_logged.tzinfo is None:
            last_logged = last_logged.replace(tzinfo=dt.UTC)
        active = max(member.joined_at, last_logged) if last_logged else member.joined_at
        if active > cutoff:
            continue
        if member.nudged_at is not None and member.nudged_at >= active:
            continue  # nudged already in this spell
        found.append(member)
    return found


async def mark_nudged(db: AsyncSession, members: list[Member], now: dt.datetime) -> None:
    """They were nudged at `now`: not again until they log a session and go quiet again."""
    for member in members:
        member.nudged_at = now
    await db.flush()


async def set_nudges(db: AsyncSession, member: Member, on: bool) -> None:
    member.nudges_off = not on
    await db.flush()


async def tally_time(
    db: AsyncSession, ward_id: int, default_weekday: int, default_time: str
) -> tuple[int, str]:
    """The ward's weekly tally weekday and time, or the defaults when it set none."""
    found = await db.get(WardSchedule, ward_id)
    if found is None:
        return default_weekday, default_time
    return found.tally_weekday, found.tally_time
