"""Benchmark (not a test): reports at the size of Hải Phòng.

Seeds 114 wards, about 3,800 residential groups, three volunteers per group and 2 million
support sessions spread over one year (1-3 topics, 0-2 priority groups and 1-5 residents
each, busy and quiet wards), then times, for one week:

- the weekly tally of the busiest ward (`stats.weekly_report`, what the scheduler sends);
- the city-wide tally (`stats.city_tally`, every ward side by side);
- the busiest ward's report with its chart and workbook (`handlers.reports.build_weekly`);

and for the year 2026 (the sessions carry the three built-in counters):

- the busiest ward's year: report, chart, workbook and annual draft (.docx) together;
- the city's year by indicator (`stats.city_tally`, counters included).

    .venv/bin/python bench/bench_reports.py [--sessions 2000000] [--repeat 5]
        [--database-url URL] [--reuse]

The SQLite file defaults to /tmp/ngoso-bench-reports.db. Seeding bypasses the ORM: plain
sqlite3 `executemany` on SQLite, COPY (asyncpg) on PostgreSQL. `--reuse` keeps a database
already seeded with the same number of sessions. On PostgreSQL the script DROPS the `public`
schema of the database it is given before seeding: use a database of its own.
Targets: city-wide week < 1 s; chart plus workbook for one ward < 2 s; the busiest ward's
year with chart, workbook and annual draft < 2 s; the city's year by indicator < 1 s."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiohttp.test_utils import make_mocked_request
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from bot import dashboard_pages as pages
from bot import dates
from bot.clock import Clock
from bot.config import Settings
from bot.dashboard import Dashboard, Page
from bot.files import FileStore
from bot.i18n import Translator
from bot.web import DB_KEY
from handlers.reports import build_report, build_weekly
from storage import migrate, rollups, stats
from storage.access import Scope
from storage.db import Database
from storage.forms import BUILT_IN_COUNTERS
from storage.models import (
    Member,
    Outcome,
    Place,
    PriorityGroup,
    SupportSession,
    Topic,
    Ward,
)

WARDS = 114
GROUPS = 3_800
VOLUNTEERS_PER_GROUP = 3
LAST_DAY = dt.date(2026, 11, 29)  # a Sunday: the benchmarked week is the last full one
DAYS = 365
CHUNK = 50_000
TOPICS = [t.value for t in Topic]
PRIORITIES = [p.value for p in PriorityGroup if p is not PriorityGroup.NONE]
PLACES = [p.value for p in Place]
OUTCOMES = [o.value for o in Outcome]
NOW = dt.datetime(2026, 11, 30, 1, 0)  # naive UTC, as the columns store it


def plan(sessions: int, rng: random.Random) -> dict[str, Any]:
    """Wards, groups, members, and each ward's share of the sessions."""
    # Ward sizes vary (inner-city wards have 15 groups, merged rural communes 60+).
    raw = [rng.uniform(0.4, 1.8) for _ in range(WARDS)]
    scale = GROUPS / sum(raw)
    per_ward = [max(5, round(r * scale)) for r in raw]
    groups: list[tuple[int, int, str]] = []  # id, ward_id, name
    members: list[tuple[int, int, int, str]] = []  # id, ward_id, group_id, name
    for w, n in enumerate(per_ward, start=1):
        for g in range(1, n + 1):
            gid = len(groups) + 1
            groups.append((gid, w, f"Tổ dân phố {g}"))
            for v in range(VOLUNTEERS_PER_GROUP):
                members.append((len(members) + 1, w, gid, f"TV {gid}-{v + 1}"))
    # Activity per group also varies: some teams log far more than others.
    group_weight = [rng.paretovariate(2.5) for _ in groups]
    return {"per_ward": per_ward, "groups": groups, "members": members, "weight": group_weight}


def session_rows(sessions: int, layout: dict[str, Any], rng: random.Random) -> Iterator[tuple]:
    """(id, ward, group, member, day, residents, place, outcome, topics, priorities), oldest
    first, as volunteers would have logged them."""
    groups, weight = layout["groups"], layout["weight"]
    first = LAST_DAY - dt.timedelta(days=DAYS - 1)
    per_day = [sessions // DAYS + (1 if d < sessions % DAYS else 0) for d in range(DAYS)]
    sid = 0
    for d, n in enumerate(per_day):
        day = first + dt.timedelta(days=d)
        for gid, ward_id, _ in rng.choices(groups, weights=weight, k=n) if n else []:
            sid += 1
            member = (gid - 1) * VOLUNTEERS_PER_GROUP + 1 + rng.randrange(VOLUNTEERS_PER_GROUP)
            yield (
                sid,
                ward_id,
                gid,
                member,
                day,
                rng.choices((1, 2, 3, 4, 5), weights=(50, 25, 12, 8, 5))[0],
                rng.choice(PLACES),
                rng.choices(OUTCOMES, weights=(80, 12, 8))[0],
                rng.sample(TOPICS, rng.choices((1, 2, 3), weights=(60, 30, 10))[0]),
                rng.sample(PRIORITIES, rng.choices((0, 1, 2), weights=(40, 45, 15))[0]),
            )


COUNTER_OF_TOPIC = {topic: counter for counter, topic in BUILT_IN_COUNTERS.items()}


def counts(row: tuple) -> list[tuple[int, str, int]]:
    """The counters a volunteer gave for the session's topics (0 to its residents)."""
    return [
        (row[0], COUNTER_OF_TOPIC[t], row[0] % (row[5] + 1))
        for t in row[8]
        if t in COUNTER_OF_TOPIC
    ]


def chunks(rows: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def seed_sqlite(path: str, sessions: int, layout: dict[str, Any], rng: random.Random) -> None:
    import sqlite3

    def stamp(t: dt.datetime) -> str:  # SQLAlchemy's SQLite DATETIME format
        return t.strftime("%Y-%m-%d %H:%M:%S.%f")

    now = stamp(NOW)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")
    with conn:
        conn.executemany(
            "INSERT INTO wards (id, code, name, province, is_demo, created_at) "
            "VALUES (?, ?, ?, 'Hải Phòng', 0, ?)",
            [(w, f"HP{w:03d}", f"Phường {w:03d}", now) for w in range(1, WARDS + 1)],
        )
        conn.executemany(
            "INSERT INTO residential_groups (id, ward_id, name, kind, created_at) "
            "VALUES (?, ?, ?, 'to_dan_pho', ?)",
            [(*g, now) for g in layout["groups"]],
        )
        conn.executemany(
            "INSERT INTO members (id, channel, channel_user_id, display_name, role, ward_id, "
            "group_id, language, consent_at, joined_at) "
            "VALUES (?, 'telegram', ?, ?, 'volunteer', ?, ?, 'vi', ?, ?)",
            [(m, f"b{m}", name, w, g, now, now) for m, w, g, name in layout["members"]],
        )
    for batch in chunks(session_rows(sessions, layout, rng), CHUNK):
        with conn:
            conn.executemany(
                "INSERT INTO support_sessions (id, ward_id, group_id, member_id, occurred_on, "
                "residents_count, place, outcome, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(*r[:4], r[4].isoformat(), *r[5:8], now, now) for r in batch],
            )
            conn.executemany(
                "INSERT INTO session_topics (session_id, topic) VALUES (?, ?)",
                [(r[0], t) for r in batch for t in r[8]],
            )
            conn.executemany(
                "INSERT INTO session_priority_groups (session_id, priority_group) VALUES (?, ?)",
                [(r[0], p) for r in batch for p in r[9]],
            )
            conn.executemany(
                "INSERT INTO session_counts (session_id, counter, value) VALUES (?, ?, ?)",
                [c for r in batch for c in counts(r)],
            )
    conn.close()


async def seed_postgres(
    url: str, sessions: int, layout: dict[str, Any], rng: random.Random
) -> None:
    import asyncpg

    parts = make_url(url)
    conn = await asyncpg.connect(
        user=parts.username,
        password=parts.password,
        host=parts.host,
        port=parts.port,
        database=parts.database,
    )
    try:
        await conn.copy_records_to_table(
            "wards",
            records=[
                (w, f"HP{w:03d}", f"Phường {w:03d}", "Hải Phòng", False, NOW)
                for w in range(1, WARDS + 1)
            ],
            columns=["id", "code", "name", "province", "is_demo", "created_at"],
        )
        await conn.copy_records_to_table(
            "residential_groups",
            records=[(*g, "to_dan_pho", NOW) for g in layout["groups"]],
            columns=["id", "ward_id", "name", "kind", "created_at"],
        )
        await conn.copy_records_to_table(
            "members",
            records=[
                (m, "telegram", f"b{m}", name, "volunteer", w, g, "vi", NOW, NOW)
                for m, w, g, name in layout["members"]
            ],
            columns=[
                "id",
                "channel",
                "channel_user_id",
                "display_name",
                "role",
                "ward_id",
                "group_id",
                "language",
                "consent_at",
                "joined_at",
            ],
        )
        for batch in chunks(session_rows(sessions, layout, rng), CHUNK):
            await conn.copy_records_to_table(
                "support_sessions",
                records=[(*r[:8], NOW, NOW) for r in batch],
                columns=[
                    "id",
                    "ward_id",
                    "group_id",
                    "member_id",
                    "occurred_on",
                    "residents_count",
                    "place",
                    "outcome",
                    "created_at",
                    "updated_at",
                ],
            )
            await conn.copy_records_to_table(
                "session_topics",
                records=[(r[0], t) for r in batch for t in r[8]],
                columns=["session_id", "topic"],
            )
            await conn.copy_records_to_table(
                "session_priority_groups",
                records=[(r[0], p) for r in batch for p in r[9]],
                columns=["session_id", "priority_group"],
            )
            await conn.copy_records_to_table(
                "session_counts",
                records=[c for r in batch for c in counts(r)],
                columns=["session_id", "counter", "value"],
            )
        for table in ("wards", "residential_groups", "members", "support_sessions"):
            await conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        # What autovacuum would have done by the time anyone asks for a report.
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


async def reset(db: Database) -> None:
    """An empty, migrated database."""
    if db.is_sqlite:
        path = Path(make_url(db.url).database or "")
        await db.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)  # noqa: ASYNC240
    else:
        async with db.engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await db.close()
    await asyncio.to_thread(migrate.upgrade, db.url)


async def seeded_count(url: str) -> int:
    try:
        async with Database(url, Clock()) as db, db.sessions() as s:
            return (await s.execute(select(func.count(SupportSession.id)))).scalar_one()
    except Exception:
        return -1


async def timed(
    label: str, repeat: int, work: Callable[[], Awaitable[Any]], results: list[tuple]
) -> Any:
    times, value = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        value = await work()
        times.append(time.perf_counter() - started)
    warm = times[1:] or times
    results.append((label, times[0], statistics.median(warm), min(times), max(warm)))
    return value


async def backend_version(db: Database) -> str:
    async with db.sessions() as s:
        if db.is_sqlite:
            return "SQLite " + (await s.execute(text("select sqlite_version()"))).scalar_one()
        version = (await s.execute(text("show server_version"))).scalar_one()
        return f"PostgreSQL {version}"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each timing")
    parser.add_argument(
        "--database-url",
        default="sqlite+aiosqlite:////tmp/ngoso-bench-reports.db",
        help="default: a SQLite file under /tmp (dropped and seeded again)",
    )
    parser.add_argument("--reuse", action="store_true", help="keep a database already seeded")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    url = args.database_url
    rng = random.Random(args.seed)
    layout = plan(args.sessions, rng)

    seed_s = rollup_s = None
    if not (args.reuse and await seeded_count(url) == args.sessions):
        await reset(Database(url, Clock()))
        started = time.perf_counter()
        if url.startswith("sqlite"):
            await asyncio.to_thread(seed_sqlite, make_url(url).database, args.sessions, layout, rng)
        else:
            await seed_postgres(url, args.sessions, layout, rng)
        seed_s = time.perf_counter() - started
        # Seeding bypasses the bot, so the monthly sums it keeps are computed once here.
        started = time.perf_counter()
        async with Database(url, Clock()) as db, db.sessions() as s, s.begin():
            await rollups.rebuild(s)
        rollup_s = time.perf_counter() - started
    else:
        # A database seeded by an earlier version: brought to today's schema.
        await asyncio.to_thread(migrate.upgrade, url)

    week_start = stats.week_of(LAST_DAY)[0]
    week_end = week_start + dt.timedelta(days=6)
    today = LAST_DAY + dt.timedelta(days=1)
    results: list[tuple] = []
    async with Database(url, Clock()) as db:
        version = await backend_version(db)
        async with db.sessions() as s:
            tables = {
                t: (await s.execute(text(f"select count(*) from {t}"))).scalar_one()
                for t in (
                    "wards",
                    "residential_groups",
                    "members",
                    "support_sessions",
                    "session_topics",
                    "session_priority_groups",
                    "session_counts",
                )
            }
            year = dates.year_of(LAST_DAY.year)
            year_id, year_n = (
                await s.execute(
                    select(SupportSession.ward_id, func.count())
                    .where(SupportSession.occurred_on.between(year.start, year.end))
                    .group_by(SupportSession.ward_id)
                    .order_by(func.count().desc())
                    .limit(1)
                )
            ).one()
            busiest_id, busiest_n = (
                await s.execute(
                    select(SupportSession.ward_id, func.count())
                    .where(SupportSession.occurred_on.between(week_start, week_end))
                    .group_by(SupportSession.ward_id)
                    .order_by(func.count().desc())
                    .limit(1)
                )
            ).one()
            busiest = await s.get(Ward, busiest_id)
        scope = Scope(ward_id=busiest_id)
        files = FileStore(Path(tempfile.mkdtemp(prefix="ngoso-bench-")), "bench", clock=Clock())
        t = Translator("vi")

        async def one_ward() -> Any:
            async with db.sessions() as s:
                return await stats.weekly_report(s, scope, week_start, today)

        async def city() -> Any:
            async with db.sessions() as s:
                return await stats.city_tally(s, week_start, week_end)

        async def report_files() -> Any:
            async with db.sessions() as s:
                return await build_weekly(s, files, scope, week_start, today, t)

        year_scope = Scope(ward_id=year_id)

        async def year_files() -> Any:
            async with db.sessions() as s:
                return await build_report(s, files, year_scope, year, today, t, annual=True)

        async def city_year() -> Any:
            async with db.sessions() as s:
                return await stats.city_tally(s, year.start, year.end)

        staff = Member(
            channel="web",
            channel_user_id="bench-staff",
            display_name="Bench",
            role="staff",
            ward_id=year_id,
            language="vi",
        )
        settings = Settings(link_secret="bench")
        dashboard = Dashboard(DB_KEY, files, settings)
        now = dt.datetime.combine(today, dt.time(3), dt.UTC)

        async def overview_year() -> Any:
            async with db.sessions() as s:
                return await dashboard.overview_context(s, staff, "year", now)

        def page_of(path: str, handler: Any) -> Callable[[], Awaitable[Any]]:
            """The ward's page at `path` as the busiest ward's staff open it, short of the
            HTML (rendering a template is a few milliseconds at most)."""

            async def run() -> Any:
                request = make_mocked_request("GET", path)
                async with db.sessions() as s:
                    page = Page(request, s, staff, now, t, files, settings)
                    return await handler(page)

            return run

        report = await timed("one ward: weekly tally", args.repeat, one_ward, results)
        whole = await timed("whole city: weekly tally", args.repeat, city, results)
        await timed("one ward: report + chart + workbook", args.repeat, report_files, results)
        await timed("busiest ward: year, files + draft", args.repeat, year_files, results)
        city_2026 = await timed("whole city: year by indicator", args.repeat, city_year, results)
        await timed("web overview: busiest ward's year", args.repeat, overview_year, results)
        ward_pages = (
            ("groups", "/quan-ly/to", pages.groups),
            ("members", "/quan-ly/thanh-vien", pages.people),
            ("invites", "/quan-ly/loi-moi", pages.invite_list),
            ("to do", "/quan-ly/viec-can-lam", pages.follow_ups),
            ("questions", "/quan-ly/cau-hoi", pages.questions),
            ("announcements", "/quan-ly/thong-bao", pages.announcements_page),
            ("deadlines", "/quan-ly/han-bao-cao", pages.deadlines_page),
            ("session form", "/quan-ly/phieu-ghi", pages.form_page),
            ("city (administrator)", "/quan-ly/thanh-pho", pages.city_page),
        )
        for name, path, handler in ward_pages:
            await timed(f"web {name}: busiest ward", args.repeat, page_of(path, handler), results)

    print(f"backend:        {version} ({url.split('://')[0]})")
    print(
        "data:           "
        + ", ".join(f"{n:,} {name}" for name, n in tables.items())
        + f"; {DAYS} days up to {LAST_DAY}"
    )
    if seed_s is not None:
        print(f"seeding:        {seed_s:.1f} s ({args.sessions / seed_s:,.0f} sessions/s)")
        print(f"monthly sums:   rebuilt in {rollup_s:.1f} s")
    else:
        print("seeding:        reused the database seeded before")
    print(
        f"week:           {stats.iso_week(week_start)}: {whole.sessions:,} sessions city-wide; "
        f"busiest ward {busiest.code}: {busiest_n:,} sessions, "
        f"{len(report.tally.by_group)} groups, {len(report.tally.by_member)} members"
    )
    print(
        f"year:           {year.start.year}: {city_2026.sessions:,} sessions city-wide, "
        f"{sum(city_2026.by_counter.values()):,} counted; busiest ward: {year_n:,} sessions"
    )
    print(f"runs:           {args.repeat} of each; warm = runs after the first\n")
    print(f"{'timing':38} {'first':>8} {'warm p50':>9} {'min':>8} {'max':>8}")
    for label, first, median, low, high in results:
        print(
            f"{label:38} {first * 1000:7.0f}ms {median * 1000:8.0f}ms "
            f"{low * 1000:7.0f}ms {high * 1000:7.0f}ms"
        )
    checks = (
        ("city-wide week < 1 s", results[1][2] < 1.0),
        ("one ward chart + workbook < 2 s", results[2][2] < 2.0),
        ("busiest ward's year, files + draft < 2 s", results[3][2] < 2.0),
        ("city's year by indicator < 1 s", results[4][2] < 1.0),
        ("web overview page < 300 ms", results[5][2] < 0.3),
        ("every other ward page < 300 ms", all(r[2] < 0.3 for r in results[6:])),
    )
    print()
    for label, ok in checks:
        print(f"target {label + ':':42} {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    asyncio.run(main())
