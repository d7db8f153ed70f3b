"""Backups of the embedded database: made while the bot writes, restored after the disk is
lost, with the same totals and the conversations where they were; owner-only files; a backup
from a newer version refused, an older one migrated."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

import handlers
from bot.clock import SetClock
from bot.config import Settings
from bot.conversation import ConversationCore
from storage import backup, migrate
from storage.db import Database
from storage.models import SupportSession
from storage.wards import DemoWard
from tests.conftest import START, Chat

SQLITE = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def db_file(database: Database) -> Path:
    return backup.sqlite_path(database.url)


async def sessions_of(database: Database) -> dict[int | None, int]:
    async with database.sessions() as db:
        rows = await db.execute(
            select(SupportSession.member_id, func.count()).group_by(SupportSession.member_id)
        )
        return dict(rows.all())  # type: ignore[arg-type]


@SQLITE
async def test_backup_while_writing_then_restore_after_the_disk_is_lost(
    database: Database, core: ConversationCore, demo: DemoWard, settings: Settings, tmp_path: Path
) -> None:
    quiet = [Chat(core, user=f"q{n}", name=f"Chị {n}") for n in range(3)]
    for n, chat in enumerate(quiet):
        await chat.join(demo.invites[next(iter(demo.invites))].code)
        for _ in range(n + 1):
            await chat.log_session()
    # Half-way through a session: the conversation must be where it was after a restore.
    await quiet[0].press("Ghi buổi")
    await quiet[0].press("VNeID")
    await quiet[0].press("1")
    busy = Chat(core, user="busy", name="Anh Bận")
    await busy.join(demo.invites[next(iter(demo.invites))].code)
    before = await sessions_of(database)

    saved = 0
    backing_up = asyncio.Event()

    async def keep_writing() -> None:
        nonlocal saved
        while not backing_up.is_set() or saved < 3:
            await busy.log_session()
            saved += 1
            await asyncio.sleep(0)

    writer = asyncio.create_task(keep_writing())
    await asyncio.sleep(0.2)  # the bot is busy writing when the backup starts
    saved_at_start = saved
    made = await asyncio.to_thread(
        backup.make, database.url, tmp_path / "backups", START, settings.backup_keep
    )
    saved_at_end = saved
    backing_up.set()
    await writer

    assert made.path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "backups").stat().st_mode & 0o777 == 0o700
    with sqlite3.connect(made.path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    # The disk goes: nothing of the database is left.
    await database.close()
    live = db_file(database)
    for path in live.parent.glob(live.name + "*"):
        path.unlink()
    done = await asyncio.to_thread(
        backup.restore, database.url, made.path, START, tmp_path / "backups"
    )
    assert done.revision == made.revision

    again = Database(database.url, database.clock)
    try:
        after = await sessions_of(again)
        busy_id = next(k for k in after if k not in before)
        for member, count in before.items():
            assert after[member] == count  # the quiet ones: exactly their sessions
        assert saved_at_start <= after[busy_id] <= saved_at_end + 1
        revived = ConversationCore(again, settings, handlers.all_flows(), handlers.COMMANDS)
        resumed = quiet[0]  # the same person, on the bot that runs on the restored data
        resumed.core = revived
        for label in ("cao tuổi", "Đã xong", "Lưu"):
            await resumed.press(label)
        assert "Đã lưu" in resumed.text
    finally:
        await again.close()


@SQLITE
async def test_a_backup_from_a_newer_version_is_refused_and_an_older_one_migrated(
    database: Database, tmp_path: Path
) -> None:
    made = await asyncio.to_thread(backup.make, database.url, tmp_path / "b", START, 3)
    newer = tmp_path / "newer.db"
    shutil.copy(made.path, newer)
    with sqlite3.connect(newer) as db:
        db.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    with pytest.raises(backup.BackupError, match="newer version"):
        await asyncio.to_thread(backup.restore, database.url, newer, START, tmp_path / "b")
    not_ours = tmp_path / "photo.db"
    not_ours.write_bytes(b"\xff\xd8\xff not a database")
    with pytest.raises(backup.BackupError, match="not a Ngõ Số backup"):
        await asyncio.to_thread(backup.restore, database.url, not_ours, START, tmp_path / "b")

    old_url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    await asyncio.to_thread(migrate.upgrade, old_url, "c478b7868d22")
    old = await asyncio.to_thread(backup.make, old_url, tmp_path / "old", START, 3)
    assert old.revision == "c478b7868d22"
    await database.close()
    restored = await asyncio.to_thread(
        backup.restore, database.url, old.path, START, tmp_path / "b"
    )
    assert restored.revision == "c478b7868d22"
    with sqlite3.connect(db_file(database)) as db:
        (now_at,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert now_at == made.revision  # migrated to this version's head


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'live.db'}"
    migrate.upgrade(url)
    for hour in range(5):
        backup.make(url, tmp_path / "b", START + dt.timedelta(hours=hour), keep=3)
    names = [p.name for p in backup.every(tmp_path / "b")]
    assert names == [
        f"ngoso-backup-{(START + dt.timedelta(hours=h)):%Y%m%d-%H%M%S}.db" for h in (2, 3, 4)
    ]


def test_postgresql_is_told_to_use_pg_dump(tmp_path: Path) -> None:
    with pytest.raises(backup.BackupError, match="pg_dump"):
        backup.make("postgresql+asyncpg://x@127.0.0.1/ngoso", tmp_path, START, 3)


@SQLITE
async def test_the_scheduler_backs_up_every_night_once(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    from tests.scheduler.test_weekly import at, make_scheduler

    settings.backup_dir = tmp_path / "nightly"
    settings.backup_keep = 2
    clock = SetClock(at(24, 2, 0))  # Tuesday 02:00 in Vietnam: Monday's was missed
    sched = make_scheduler(database, settings, clock)
    assert "backup:2026-11-23" in await sched.tick()  # caught up at start
    assert not any(k.startswith("backup:") for k in await sched.tick())
    for night in (24, 25, 26):
        clock.set(at(night, 2, 31))
        assert f"backup:2026-11-{night}" in await sched.tick()
        assert not any(k.startswith("backup:") for k in await sched.tick())  # once a night
    kept = backup.every(settings.backup_dir)
    assert len(kept) == 2 and all(p.stat().st_mode & 0o777 == 0o600 for p in kept)


@SQLITE
async def test_restore_refuses_a_running_bot_and_a_damaged_backup(
    database: Database, tmp_path: Path
) -> None:
    from storage import schedule

    made = await asyncio.to_thread(backup.make, database.url, tmp_path / "b", START, 3)
    async with database.sessions() as db, db.begin():
        await schedule.hold_lease(db, "running-bot", START, dt.timedelta(minutes=3))
    with pytest.raises(backup.BackupError, match="stop it first"):
        await asyncio.to_thread(backup.restore, database.url, made.path, START, tmp_path / "b")
    # Once the lease has run out (the bot stopped), the restore goes ahead.
    later = START + dt.timedelta(minutes=4)
    await asyncio.to_thread(backup.restore, database.url, made.path, later, tmp_path / "b")

    damaged = tmp_path / "damaged.db"
    data = bytearray(made.path.read_bytes())
    data[4096 : 4096 + 512] = b"\x00" * 512  # a page of the tables wiped
    damaged.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError, match=r"damaged|not a Ngõ Số backup"):
        await asyncio.to_thread(backup.restore, database.url, damaged, later, tmp_path / "b")


def test_a_new_backup_is_kept_when_older_looking_ones_exist(tmp_path) -> None:
    """A clock set back (or backups copied from elsewhere) leaves files whose names sort
    after the new one: the new backup is still kept, and the oldest-named ones go."""
    import datetime as dt
    import sqlite3

    from storage import backup

    db = tmp_path / "live.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        conn.execute("INSERT INTO alembic_version VALUES ('c9d2e4f6a8b1')")
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20270101-010500", "20270102-010500", "20270103-010500"):
        (folder / f"ngoso-backup-{stamp}.db").write_bytes(b"x")
    made = backup.make(
        f"sqlite+aiosqlite:///{db}", folder, dt.datetime(2026, 11, 28, 1, 8, tzinfo=dt.UTC), 2
    )
    assert made.path.exists()
    assert sorted(p.name for p in folder.iterdir()) == [
        "ngoso-backup-20261128-010800.db",
        "ngoso-backup-20270103-010500.db",
    ]
