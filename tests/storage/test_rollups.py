"""The monthly running sums always equal what the sessions say: after sessions are saved,
changed and undone in any order, a report of any period (whole months, a week, a range
across months) reads the same figures as counting the sessions one by one, on SQLite and
PostgreSQL; a rebuild gives the same sums; and the migration fills them from sessions saved
before it."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert, select
from sqlalchemy.orm import selectinload

from storage import rollups, sessions, stats, wards
from storage.models import Member, ResidentialGroup, Role, SupportSession, TallyMonth, Ward
from storage.sessions import SessionDraft

TOPICS = ["vneid", "public_services", "cashless", "online_safety", "other"]
GROUPS = ["elderly", "household_business", "disability"]
COUNTERS = {"vneid": "vneid_activated", "public_services": "dossiers_online"}
FIRST = dt.date(2026, 1, 1)


def draft(rng: random.Random) -> SessionDraft:
    topics = rng.sample(TOPICS, rng.randint(1, 3))
    return SessionDraft(
        topics=topics,
        residents_count=rng.randint(1, 6),
        priority_groups=rng.sample(GROUPS, rng.randint(0, 2)),
        occurred_on=FIRST + dt.timedelta(days=rng.randrange(200)),
        counts={COUNTERS[t]: rng.randint(0, 4) for t in topics if t in COUNTERS},
    )


def counted(found: list[SupportSession], start: dt.date, end: dt.date) -> stats.Figures:
    """The figures counted session by session."""
    figures = stats.Figures()
    for s in found:
        if start <= s.occurred_on <= end:
            for kind, key, n in sessions.facts_of(s).rows():
                figures.add(kind, key, n)
    return figures


def same(a: stats.Figures, b: stats.Figures) -> bool:
    def clean(d: dict[str, int]) -> dict[str, int]:
        return {k: v for k, v in d.items() if v}

    return (
        (a.sessions, a.residents, a.active_groups) == (b.sessions, b.residents, b.active_groups)
        and clean(a.by_topic) == clean(b.by_topic)
        and clean(a.by_priority) == clean(b.by_priority)
        and clean(a.by_counter) == clean(b.by_counter)
    )


async def test_running_sums_match_the_sessions_through_saves_edits_and_undos(database, demo):
    rng = random.Random(12)
    now = dt.datetime(2026, 8, 1, 3, tzinfo=dt.UTC)
    async with database.sessions() as db, db.begin():
        groups = await wards.groups_of(db, demo.ward.id)
        people = []
        for n, group in enumerate(groups):
            person = Member(
                channel="telegram",
                channel_user_id=f"p{n}",
                display_name=f"TV {n}",
                role=Role.VOLUNTEER,
                ward_id=demo.ward.id,
                group_id=group.id,
                consent_at=now,
            )
            db.add(person)
            people.append(person)
        await db.flush()
        saved: list[tuple[Member, int]] = []
        for _ in range(120):
            roll = rng.random()
            if saved and roll < 0.2:  # a change to one already saved
                person, sid = rng.choice(saved)
                await sessions.save(db, person, draft(rng), today=FIRST, now=now, session_id=sid)
            elif saved and roll < 0.3:  # an undo
                person, sid = saved.pop(rng.randrange(len(saved)))
                found = await sessions.get_with_details(db, sid)
                assert found is not None
                await sessions.undo(db, person, found)
            else:
                person = rng.choice(people)
                saved.append(
                    (person, await sessions.save(db, person, draft(rng), today=FIRST, now=now))
                )
            await db.flush()

    async with database.sessions() as db:
        found = list(
            await db.scalars(
                select(SupportSession).options(
                    selectinload(SupportSession.topics),
                    selectinload(SupportSession.priority_groups),
                    selectinload(SupportSession.counts),
                )
            )
        )
        periods = [
            (dt.date(2026, 1, 1), dt.date(2026, 12, 31)),  # a year: sums only
            (dt.date(2026, 3, 1), dt.date(2026, 3, 31)),  # a month
            (dt.date(2026, 2, 16), dt.date(2026, 2, 22)),  # a week: sessions only
            (dt.date(2026, 1, 20), dt.date(2026, 5, 10)),  # months with days around them
        ]
        periods += [
            (a, a + dt.timedelta(days=rng.randrange(1, 150)))
            for a in (FIRST + dt.timedelta(days=rng.randrange(200)) for _ in range(20))
        ]
        for start, end in periods:
            read = (await stats.ward_figures(db, [demo.ward.id], start, end))[demo.ward.id]
            assert same(read, counted(found, start, end)), (start, end)
        before = sorted(
            (r.month, r.kind, r.key, r.n) for r in await db.scalars(select(TallyMonth)) if r.n
        )
    async with database.sessions() as db, db.begin():
        await rollups.rebuild(db)
    async with database.sessions() as db:
        after = sorted(
            (r.month, r.kind, r.key, r.n) for r in await db.scalars(select(TallyMonth)) if r.n
        )
    assert after == before and after


async def test_the_migration_fills_the_sums_from_sessions_saved_before_it(tmp_path):
    """A database at the revision before the sums, with sessions: upgraded, it reads the
    same year as before."""
    import asyncio

    from bot.clock import Clock
    from storage import migrate
    from storage.db import Database

    url = f"sqlite+aiosqlite:///{tmp_path}/old.db"
    await asyncio.to_thread(migrate.upgrade, url, "b7e3f1a9c2d5")
    rng = random.Random(3)
    joined = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    async with Database(url, Clock()) as old, old.sessions() as db, db.begin():
        # Rows written column by column, as the schema of that revision has them (today's
        # classes have columns added since).
        ward_id = await db.scalar(
            insert(Ward.__table__)
            .values(code="LTN", name="Phường Lê Thanh Nghị", created_at=joined)
            .returning(Ward.__table__.c.id)
        )
        group_id = await db.scalar(
            insert(ResidentialGroup.__table__)
            .values(ward_id=ward_id, name="Tổ 1", kind="to_dan_pho", created_at=joined)
            .returning(ResidentialGroup.__table__.c.id)
        )
        person_id = await db.scalar(
            insert(Member.__table__)
            .values(
                channel="zalo",
                channel_user_id="z1",
                display_name="Cô Hoa",
                role=Role.VOLUNTEER,
                ward_id=ward_id,
                group_id=group_id,
                language="vi",
                consent_at=joined,
                joined_at=joined,
            )
            .returning(Member.__table__.c.id)
        )
        drafts = [draft(rng) for _ in range(30)]
        # Saved as the old code did: no sums (the table does not exist yet).
        for d in drafts:
            db.add(
                SupportSession(
                    ward_id=ward_id,
                    group_id=group_id,
                    member_id=person_id,
                    occurred_on=d.occurred_on,
                    residents_count=d.residents_count,
                    place="home",
                    outcome="resolved",
                )
            )
    await asyncio.to_thread(migrate.upgrade, url)
    async with Database(url, Clock()) as new, new.sessions() as db:
        read = (await stats.ward_figures(db, [ward_id], FIRST, dt.date(2026, 12, 31)))[ward_id]
    assert read.sessions == 30
    assert read.residents == sum(d.residents_count for d in drafts)
    assert read.active_groups == {group_id}
