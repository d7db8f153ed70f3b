"""Tallies of support sessions. Every query takes a `Scope` from storage.access.

A tally may read a ward's or a city's whole week of sessions: on SQLite these run in the
driver's thread (`long_running`), so the event loop keeps serving web pages and channels
while a report is made."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, null, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql import Select

from storage import rollups
from storage.access import Scope
from storage.forms import is_own_key
from storage.models import (
    FollowUp,
    Member,
    ResidentialGroup,
    SessionCount,
    SessionPriorityGroup,
    SessionTopic,
    SupportSession,
    TallyMonth,
    Ward,
)
from storage.sqlite_driver import long_running
from storage.wards import natural_key

# Vietnam's offset from UTC (no daylight saving): the day a member joined, as they saw it.
VIETNAM = dt.timezone(dt.timedelta(hours=7))


@dataclass(slots=True)
class GroupLine:
    name: str
    sessions: int
    residents: int
    # The ward's counters summed over the period ("vneid_activated": 12).
    counts: dict[str, int] = field(default_factory=dict)
    # Weeks of the period with at least one session, and weeks the line could have been
    # active (a member who joined in the middle of the period is counted from then on).
    active_weeks: int = 0
    weeks: int = 0
    # Its place among the most active (equal figures share a place).
    rank: int = 0
    id: int = 0

    @property
    def per_week(self) -> float:
        return self.sessions / self.weeks if self.weeks else 0.0


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
    by_counter: dict[str, int] = field(default_factory=dict)


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


@dataclass(slots=True)
class Figures:
    """A ward's figures for a period: what reports read from the monthly sums."""

    sessions: int = 0
    residents: int = 0
    by_topic: dict[str, int] = field(default_factory=dict)
    by_priority: dict[str, int] = field(default_factory=dict)
    by_counter: dict[str, int] = field(default_factory=dict)
    active_groups: set[int] = field(default_factory=set)

    def add(self, kind: str, key: str, n: int) -> None:
        if kind == "sessions":
            self.sessions += n
        elif kind == "residents":
            self.residents += n
        elif kind == "group":
            if n > 0:
                self.active_groups.add(int(key))
        else:
            part = {"topic": self.by_topic, "priority": self.by_priority}.get(kind)
            part = self.by_counter if part is None else part
            part[key] = part.get(key, 0) + n


async def ward_figures(
    db: AsyncSession, ward_ids: list[int], start: dt.date, end: dt.date
) -> dict[int, Figures]:
    """Sessions, residents, topics, priority groups, counters and active groups of each
    ward, from `start` to `end`: whole months from the running sums (storage/rollups.py), the
    days around them from the sessions. Naming the wards lets both backends seek the
    (ward_id, occurred_on) index once per ward and read only the period's rows."""
    found = {ward: Figures() for ward in ward_ids}
    if not ward_ids:
        return found
    months, edges = rollups.split(start, end)
    if months is not None:
        rows = await db.execute(
            select(TallyMonth.ward_id, TallyMonth.kind, TallyMonth.key, func.sum(TallyMonth.n))
            .where(
                TallyMonth.ward_id.in_(ward_ids),
                TallyMonth.month >= months[0],
                TallyMonth.month <= months[1],
            )
            .group_by(TallyMonth.ward_id, TallyMonth.kind, TallyMonth.key)
        )
        for ward, kind, key, n in rows:
            found[ward].add(kind, key, int(n or 0))
    for first, last in edges:
        in_period = (
            SupportSession.ward_id.in_(ward_ids),
            SupportSession.occurred_on >= first,
            SupportSession.occurred_on <= last,
        )
        counted = await db.execute(
            select(
                SupportSession.ward_id,
                SupportSession.group_id,
                func.count(SupportSession.id),
                func.coalesce(func.sum(SupportSession.residents_count), 0),
            )
            .where(*in_period)
            .group_by(SupportSession.ward_id, SupportSession.group_id)
        )
        for ward, group, sessions, residents in counted:
            found[ward].add("sessions", "", sessions)
            found[ward].add("residents", "", int(residents))
            found[ward].add("group", str(group), sessions)
        for model, column, kind, measure in rollups.KEYED:
            keyed = await db.execute(
                select(SupportSession.ward_id, column, measure)
                .join(SupportSession, SupportSession.id == model.session_id)
                .where(*in_period)
                .group_by(SupportSession.ward_id, column)
            )
            for ward, key, n in keyed:
                found[ward].add(kind, key, int(n or 0))
    return found


def _whole_ward(scope: Scope) -> bool:
    return scope.group_id is None and scope.member_id is None


@long_running
async def tally(
    db: AsyncSession,
    scope: Scope,
    start: dt.date,
    end: dt.date,
    *,
    by_group: bool = False,
    by_member: bool = False,
    today: dt.date | None = None,
) -> Tally:
    """Sessions, residents, topics, priority groups and counters of a period; with
    `by_group` / `by_member`, the same per residential group / per member, with their
    active weeks out of the weeks they could have been active (up to `today`)."""
    result = Tally(start=start, end=end)
    until = min(end, today) if today is not None else end
    if _whole_ward(scope):
        figures = (await ward_figures(db, [scope.ward_id], start, end))[scope.ward_id]
        result.sessions, result.residents = figures.sessions, figures.residents
        result.by_topic, result.by_priority = figures.by_topic, figures.by_priority
        result.by_counter = figures.by_counter
    else:
        result.sessions, result.residents = await totals(db, scope, start, end)
        result.by_topic = await _count_by(db, SessionTopic, SessionTopic.topic, scope, start, end)
        result.by_priority = await _count_by(
            db, SessionPriorityGroup, SessionPriorityGroup.priority_group, scope, start, end
        )
        result.by_counter = await counter_totals(db, scope, start, end)
    if by_group or by_member:
        per_group, per_member = await _line_stats(db, scope, start, end, by_member=by_member)
        if by_group:
            rows = await db.execute(
                select(ResidentialGroup.id, ResidentialGroup.name).where(
                    ResidentialGroup.ward_id == scope.ward_id,
                    # An archived group only where it has sessions in the period.
                    ResidentialGroup.archived_at.is_(None)
                    | ResidentialGroup.id.in_(list(per_group)),
                )
            )
            weeks = _weeks_between(start, until)
            lines = [per_group.get(gid, _Line()).line(gid, name, weeks) for gid, name in rows]
            result.by_group = sorted(lines, key=lambda line: natural_key(line.name))
        if by_member:
            # Every member of the team (or of the ward's teams), those with no session too.
            members_of = (
                and_(Member.group_id == scope.group_id, Member.ward_id == scope.ward_id)
                if scope.group_id is not None
                else and_(Member.ward_id == scope.ward_id, Member.group_id.is_not(None))
            )
            people = await db.execute(
                select(Member.id, Member.display_name, Member.joined_at).where(members_of)
            )
            lines = []
            for mid, name, since in people:
                first = max(start, since.astimezone(VIETNAM).date()) if since else start
                lines.append(
                    per_member.get(mid, _Line()).line(mid, name, _weeks_between(first, until))
                )
            result.by_member = sorted(lines, key=lambda line: (-line.sessions, line.name))
    return result


async def _count_by(
    db: AsyncSession,
    entity: type[SessionTopic] | type[SessionPriorityGroup],
    column: InstrumentedAttribute[str],
    scope: Scope,
    start: dt.date,
    end: dt.date,
) -> dict[str, int]:
    """Sessions of the period per topic, or per priority group."""
    rows = await db.execute(
        _within(
            select(column, func.count())
            .join(SupportSession, SupportSession.id == entity.session_id)
            .group_by(column),
            scope,
            start,
            end,
        )
    )
    return {value: n for value, n in rows}


@dataclass(slots=True)
class _Line:
    sessions: int = 0
    residents: int = 0
    weeks: set[dt.date] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)

    def line(self, line_id: int, name: str, weeks: int) -> GroupLine:
        active = len(self.weeks)
        return GroupLine(
            name,
            self.sessions,
            self.residents,
            counts=self.counts,
            active_weeks=active,
            weeks=max(weeks, active),
            id=line_id,
        )


async def _line_stats(
    db: AsyncSession, scope: Scope, start: dt.date, end: dt.date, *, by_member: bool = True
) -> tuple[dict[int, _Line], dict[int, _Line]]:
    """Per residential group and (with `by_member`) per member: sessions, residents, active
    weeks and counters, in two grouped reads of the period's sessions."""
    groups: dict[int, _Line] = {}
    members: dict[int, _Line] = {}
    week_of_day: dict[dt.date, dt.date] = {}
    # Without members, the rows are per group and day: fewer to read.
    member = SupportSession.member_id if by_member else null()
    apart = [SupportSession.group_id, *([SupportSession.member_id] if by_member else [])]
    rows = await db.execute(
        _within(
            select(
                SupportSession.group_id,
                member,
                SupportSession.occurred_on,
                func.count(SupportSession.id),
                func.sum(SupportSession.residents_count),
            ).group_by(*apart, SupportSession.occurred_on),
            scope,
            start,
            end,
        )
    )
    for group, member, day, sessions, residents in rows:
        monday = week_of_day.get(day)
        if monday is None:
            monday = week_of_day[day] = week_of(day)[0]
        for found in (groups.setdefault(group, _Line()),) + (
            (members.setdefault(member, _Line()),) if member is not None else ()
        ):
            found.sessions += sessions
            found.residents += int(residents or 0)
            found.weeks.add(monday)
    counted = await db.execute(
        _within(
            select(
                SupportSession.group_id,
                member,
                SessionCount.counter,
                func.sum(SessionCount.value),
            )
            .join(SupportSession, SupportSession.id == SessionCount.session_id)
            .group_by(*apart, SessionCount.counter),
            scope,
            start,
            end,
        )
    )
    for group, member, counter, n in counted:
        targets = [groups.setdefault(group, _Line())]
        if member is not None:
            targets.append(members.setdefault(member, _Line()))
        for found in targets:
            found.counts[counter] = found.counts.get(counter, 0) + int(n or 0)
    return groups, members


async def counter_totals(
    db: AsyncSession, scope: Scope, start: dt.date, end: dt.date
) -> dict[str, int]:
    """The ward's counters summed over the period's sessions."""
    if _whole_ward(scope):
        return (await ward_figures(db, [scope.ward_id], start, end))[scope.ward_id].by_counter
    rows = await db.execute(
        _within(
            select(SessionCount.counter, func.sum(SessionCount.value))
            .join(SupportSession, SupportSession.id == SessionCount.session_id)
            .group_by(SessionCount.counter),
            scope,
            start,
            end,
        )
    )
    return {counter: int(n or 0) for counter, n in rows}


def _weeks_between(start: dt.date, end: dt.date) -> int:
    """How many weeks (Monday to Sunday) the days from `start` to `end` touch."""
    if end < start:
        return 0
    return (week_of(end)[0] - week_of(start)[0]).days // 7 + 1


# -- The weekly report: the tally above, plus what ward staff and team leaders act on. ------


@dataclass(slots=True)
class WeeklyReport:
    """A week's tally for a ward or a team, with the week before it, the residential groups
    that did nothing, the follow-ups still open, and the most active teams and members."""

    tally: Tally
    previous_sessions: int
    previous_residents: int
    idle_groups: list[str]
    open_follow_ups: int
    overdue_follow_ups: int
    top_groups: list[GroupLine]
    top_members: list[GroupLine]
    # The counters of the period before, and whether there is a period before to compare.
    previous_counts: dict[str, int] = field(default_factory=dict)
    compared: bool = True


@dataclass(slots=True)
class SessionRow:
    """One session as exported: categories and counts, no names and no free-text note."""

    occurred_on: dt.date
    group: str
    residents: int
    topics: list[str]
    priority_groups: list[str]
    place: str
    outcome: str
    counts: dict[str, int] = field(default_factory=dict)


def iso_week(day: dt.date) -> str:
    """The ISO week holding `day`, as people write it: 2026-W47."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@long_running
async def weekly_report(
    db: AsyncSession, scope: Scope, start: dt.date, today: dt.date, *, top: int = 5
) -> WeeklyReport:
    """The report for the week starting on Monday `start`; follow-ups as they stand `today`."""
    before = (start - dt.timedelta(days=7), start - dt.timedelta(days=1))
    return await period_report(
        db, scope, start, start + dt.timedelta(days=6), today, before=before, top=top
    )


def ranked(lines: list[GroupLine], top: int) -> list[GroupLine]:
    """The most active lines, fairly: by sessions per week they could have been active (a
    member who joined last month is not measured against a whole year), then residents per
    week. Equal figures share a place, and a tie at the last place keeps everyone in it."""

    def score(line: GroupLine) -> tuple[float, float]:
        weeks = line.weeks or 1
        return (line.sessions / weeks, line.residents / weeks)

    active = sorted(
        (line for line in lines if line.sessions > 0),
        key=lambda line: (-score(line)[0], -score(line)[1], line.name),
    )
    shown: list[GroupLine] = []
    for n, line in enumerate(active, 1):
        line.rank = shown[-1].rank if shown and score(shown[-1]) == score(line) else n
        if line.rank > top:
            break
        shown.append(line)
    return shown


@long_running
async def period_report(
    db: AsyncSession,
    scope: Scope,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    *,
    before: tuple[dt.date, dt.date] | None,
    top: int = 5,
    members: bool = True,
) -> WeeklyReport:
    """The report of any period, compared with `before` (the period just before it, when
    there is one); follow-ups as they stand `today`. Without `members`: no per-member lines
    (a page that shows none)."""
    whole_ward = scope.group_id is None
    period = await tally(db, scope, start, end, by_group=whole_ward, by_member=members, today=today)
    previous = (0, 0) if before is None else await totals(db, scope, *before)
    previous_counts = {} if before is None else await counter_totals(db, scope, *before)
    open_n, overdue_n = await follow_up_counts(db, scope, today)
    return WeeklyReport(
        tally=period,
        previous_sessions=previous[0],
        previous_residents=previous[1],
        idle_groups=[g.name for g in period.by_group if g.sessions == 0],
        open_follow_ups=open_n,
        overdue_follow_ups=overdue_n,
        top_groups=ranked(period.by_group, top),
        top_members=ranked(period.by_member, top),
        previous_counts=previous_counts,
        compared=before is not None,
    )


@long_running
async def totals(db: AsyncSession, scope: Scope, start: dt.date, end: dt.date) -> tuple[int, int]:
    """Sessions and residents helped in a period."""
    if _whole_ward(scope):
        figures = (await ward_figures(db, [scope.ward_id], start, end))[scope.ward_id]
        return figures.sessions, figures.residents
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
    return sessions or 0, residents or 0


@long_running
async def follow_up_counts(db: AsyncSession, scope: Scope, today: dt.date) -> tuple[int, int]:
    """Open follow-ups, and how many of them are past their due date."""
    stmt = select(
        func.count(FollowUp.id),
        func.coalesce(func.sum(case((FollowUp.due_on < today, 1), else_=0)), 0),
    ).where(FollowUp.ward_id == scope.ward_id, FollowUp.status == "open")
    if scope.group_id is not None:
        stmt = stmt.where(FollowUp.group_id == scope.group_id)
    if scope.member_id is not None:
        stmt = stmt.where(FollowUp.owner_member_id == scope.member_id)
    open_n, overdue_n = (await db.execute(stmt)).one()
    return int(open_n or 0), int(overdue_n or 0)


@dataclass(slots=True)
class MonthLine:
    """One month of a long period: sessions, residents and counters."""

    month: dt.date  # its first day
    sessions: int = 0
    residents: int = 0
    counts: dict[str, int] = field(default_factory=dict)


@long_running
async def by_month(db: AsyncSession, scope: Scope, start: dt.date, end: dt.date) -> list[MonthLine]:
    """The period month by month (grouped by day in SQL, the same on every backend, then
    folded into months: at most a few hundred rows come back)."""
    months: dict[dt.date, MonthLine] = {}
    day = start.replace(day=1)
    while day <= end:
        months[day] = MonthLine(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    whole, edges = rollups.split(start, end) if _whole_ward(scope) else (None, [(start, end)])
    if whole is not None:
        summed = await db.execute(
            select(TallyMonth.month, TallyMonth.kind, TallyMonth.key, func.sum(TallyMonth.n))
            .where(
                TallyMonth.ward_id == scope.ward_id,
                TallyMonth.month >= whole[0],
                TallyMonth.month <= whole[1],
                TallyMonth.kind.in_(("sessions", "residents", "counter")),
            )
            .group_by(TallyMonth.month, TallyMonth.kind, TallyMonth.key)
        )
        for month, kind, key, n in summed:
            line = months[month]
            if kind == "sessions":
                line.sessions += int(n or 0)
            elif kind == "residents":
                line.residents += int(n or 0)
            else:
                line.counts[key] = line.counts.get(key, 0) + int(n or 0)
    for first, last in edges:
        await _months_from_sessions(db, scope, first, last, months)
    return list(months.values())


async def _months_from_sessions(
    db: AsyncSession, scope: Scope, start: dt.date, end: dt.date, months: dict[dt.date, MonthLine]
) -> None:
    days = await db.execute(
        _within(
            select(
                SupportSession.occurred_on,
                func.count(SupportSession.id),
                func.sum(SupportSession.residents_count),
            ).group_by(SupportSession.occurred_on),
            scope,
            start,
            end,
        )
    )
    for on, sessions, residents in days:
        line = months[on.replace(day=1)]
        line.sessions += sessions
        line.residents += int(residents or 0)
    counted = await db.execute(
        _within(
            select(SupportSession.occurred_on, SessionCount.counter, func.sum(SessionCount.value))
            .join(SupportSession, SupportSession.id == SessionCount.session_id)
            .group_by(SupportSession.occurred_on, SessionCount.counter),
            scope,
            start,
            end,
        )
    )
    for on, counter, n in counted:
        line = months[on.replace(day=1)]
        line.counts[counter] = line.counts.get(counter, 0) + int(n or 0)


@long_running
async def session_rows(
    db: AsyncSession, scope: Scope, start: dt.date, end: dt.date
) -> list[SessionRow]:
    """The period's sessions for an export, oldest first, without personal data."""
    rows = await db.execute(
        _within(
            select(
                SupportSession.id,
                SupportSession.occurred_on,
                ResidentialGroup.name,
                SupportSession.residents_count,
                SupportSession.place,
                SupportSession.outcome,
            ).join(ResidentialGroup, ResidentialGroup.id == SupportSession.group_id),
            scope,
            start,
            end,
        ).order_by(SupportSession.occurred_on, SupportSession.id)
    )
    by_id = {
        sid: SessionRow(day, group, n, [], [], place, outcome)
        for sid, day, group, n, place, outcome in rows
    }
    if not by_id:
        return []
    for model, column, attr in (
        (SessionTopic, SessionTopic.topic, "topics"),
        (SessionPriorityGroup, SessionPriorityGroup.priority_group, "priority_groups"),
    ):
        pairs = await db.execute(
            _within(
                select(model.session_id, column).join(
                    SupportSession, SupportSession.id == model.session_id
                ),
                scope,
                start,
                end,
            )
        )
        for sid, value in pairs:
            if sid in by_id:
                getattr(by_id[sid], attr).append(value)
    counted = await db.execute(
        _within(
            select(SessionCount.session_id, SessionCount.counter, SessionCount.value).join(
                SupportSession, SupportSession.id == SessionCount.session_id
            ),
            scope,
            start,
            end,
        )
    )
    for sid, counter, value in counted:
        if sid in by_id:
            by_id[sid].counts[counter] = value
    return list(by_id.values())


# -- The whole city: every ward's week side by side, for the city's own staff. ---------------


@dataclass(slots=True)
class WardLine:
    """One ward's week in the city tally."""

    ward_id: int
    code: str
    name: str
    groups: int
    active_groups: int = 0
    sessions: int = 0
    residents: int = 0
    by_topic: dict[str, int] = field(default_factory=dict)
    by_priority: dict[str, int] = field(default_factory=dict)
    by_counter: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class CityTally:
    """Every ward's tally for a period, and the sums over them. Crosses the wall between
    wards, so it takes no `Scope`: it is for the operator's command line
    (`ngoso report city`), never for a chat."""

    start: dt.date
    end: dt.date
    wards: list[WardLine]
    sessions: int = 0
    residents: int = 0
    groups: int = 0
    active_groups: int = 0
    by_topic: dict[str, int] = field(default_factory=dict)
    by_priority: dict[str, int] = field(default_factory=dict)
    by_counter: dict[str, int] = field(default_factory=dict)


@long_running
async def city_tally(
    db: AsyncSession,
    start: dt.date,
    end: dt.date,
    *,
    province: str | None = None,
    demo: bool = False,
) -> CityTally:
    """Sessions, residents, active residential groups, topics, priority groups and counters
    per ward, from `start` to `end` inclusive: whole months read from the running sums, the
    days around them from the sessions, in a few grouped queries whatever the number of wards.
    Demo wards are left out (unless `demo`); `province` keeps only the wards of that
    province."""
    ward_stmt = (
        select(Ward.id, Ward.code, Ward.name, func.count(ResidentialGroup.id))
        .outerjoin(
            ResidentialGroup,
            and_(ResidentialGroup.ward_id == Ward.id, ResidentialGroup.archived_at.is_(None)),
        )
        .where(Ward.archived_at.is_(None), *(() if demo else (Ward.is_demo.is_(False),)))
        .group_by(Ward.id, Ward.code, Ward.name)
    )
    if province is not None:
        ward_stmt = ward_stmt.where(Ward.province == province)
    lines = {
        ward_id: WardLine(ward_id, code, name, groups)
        for ward_id, code, name, groups in await db.execute(ward_stmt)
    }
    if not lines:
        return CityTally(start=start, end=end, wards=[])
    # Whole months from the running sums, the days around them from the sessions.
    figures = await ward_figures(db, list(lines), start, end)
    for ward_id, found in figures.items():
        line = lines[ward_id]
        line.sessions, line.residents = found.sessions, found.residents
        line.active_groups = len(found.active_groups)
        line.by_topic, line.by_priority = found.by_topic, found.by_priority
        line.by_counter = found.by_counter
    city = CityTally(
        start=start, end=end, wards=sorted(lines.values(), key=lambda w: natural_key(w.name))
    )
    for line in city.wards:
        city.sessions += line.sessions
        city.residents += line.residents
        city.groups += line.groups
        city.active_groups += line.active_groups
        for total, part in (
            (city.by_topic, line.by_topic),
            (city.by_priority, line.by_priority),
            # A ward's own counters ("x1") mean something different in every ward: only the
            # built-in ones add up across the city.
            (city.by_counter, {k: n for k, n in line.by_counter.items() if not is_own_key(k)}),
        ):
            for key, n in part.items():
                total[key] = total.get(key, 0) + n
    return city


async def group_activity(
    db: AsyncSession, ward_id: int, start: dt.date, end: dt.date
) -> dict[int, tuple[int, dt.date | None]]:
    """Each group of the ward: its sessions from `start` to `end` (included) and the day of
    its last session ever (None: never)."""
    in_period = func.sum(
        case(
            (and_(SupportSession.occurred_on >= start, SupportSession.occurred_on <= end), 1),
            else_=0,
        )
    )
    rows = await db.execute(
        select(SupportSession.group_id, in_period, func.max(SupportSession.occurred_on))
        .where(SupportSession.ward_id == ward_id, SupportSession.group_id.is_not(None))
        .group_by(SupportSession.group_id)
    )
    found: dict[int, tuple[int, dt.date | None]] = {}
    for group_id, n, last in rows.all():
        if isinstance(last, str):  # SQLite hands a max() of a date back as text
            last = dt.date.fromisoformat(last)
        found[group_id] = (int(n or 0), last)
    return found
