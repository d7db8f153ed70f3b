"""Backups of the embedded SQLite database: consistent copies made with SQLite's online backup
API while the bot keeps writing (never a copy of the live file, which may be caught half-way
through a write), kept in a folder readable by its owner only, the oldest pruned; and the
way back, which refuses a backup from a newer version of the bot and migrates an older one.

Synchronous (sqlite3 from the standard library): call through `asyncio.to_thread`. On
PostgreSQL, backups are the server's business (`pg_dump`, see the README)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from storage import migrate

PREFIX = "ngoso-backup-"
SUFFIX = ".db"


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why, for a person."""


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    revision: str
    size: int


def sqlite_path(database_url: str) -> Path:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        raise BackupError(
            "this database is PostgreSQL: back it up with pg_dump (see the README, Backups)"
        )
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory database cannot be backed up")
    return Path(url.database)


def make(database_url: str, folder: Path, now: dt.datetime, keep: int, label: str = "") -> Backup:
    """A consistent copy of the database in `folder` (mode 0700, files 0600), named by the
    UTC time (and `label`); then only the newest `keep` backups are kept. Never overwrites
    a backup already there."""
    source = sqlite_path(database_url)
    if not source.exists():
        raise BackupError(f"there is no database at {source}")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    stem = f"{PREFIX}{now.astimezone(dt.UTC):%Y%m%d-%H%M%S}{'-' + label if label else ''}"
    name, n = f"{stem}{SUFFIX}", 1
    while (folder / name).exists():
        n += 1
        name = f"{stem}-{n}{SUFFIX}"
    final = folder / name
    # A file of its own (mkstemp: owner-only, never shared with a backup made at the same
    # moment), created before SQLite writes a byte of personal data into it.
    handle, partial_name = tempfile.mkstemp(prefix=".partial-", suffix=SUFFIX, dir=folder)
    os.close(handle)
    partial = Path(partial_name)
    try:
        with contextlib.closing(sqlite3.connect(source, timeout=30)) as live:
            with contextlib.closing(sqlite3.connect(partial)) as copy:
                # In one step, from one snapshot: with WAL the bot's writers go on meanwhile
                # (a copy in small steps would start over after every write, and might never
                # end on a busy database).
                live.backup(copy, pages=-1)
                copy.execute("PRAGMA journal_mode=DELETE")
        revision = _revision(partial)
        os.replace(partial, final)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"the backup failed: {exc}") from exc
    prune(folder, keep, spare=final)
    return Backup(final, revision, final.stat().st_size)


def every(folder: Path) -> list[Path]:
    """The backups in `folder`, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def prune(folder: Path, keep: int, spare: Path | None = None) -> int:
    """Delete all but the newest `keep` backups (0: delete none), never `spare` (the one
    just made, even when the clock was set back and older-looking names are "newer");
    returns how many went."""
    if keep <= 0:
        return 0
    others = [p for p in every(folder) if p != spare]
    room = keep - (1 if spare is not None else 0)  # the one just made takes a place
    old = others[: max(len(others) - room, 0)]
    for path in old:
        path.unlink()
    return len(old)


def restore(database_url: str, backup: Path, now: dt.datetime, folder: Path) -> Backup:
    """Put `backup` in place of the database, then migrate it to this version's schema.
    Refused for a file that is not a backup of ours, or that comes from a newer version
    (its schema is one this code does not know). The database it replaces, if any, is
    backed up first into `folder` (nothing is lost by restoring the wrong file)."""
    target = sqlite_path(database_url)
    if not backup.is_file():
        raise BackupError(f"no such file: {backup}")
    try:
        revision = _revision(backup)
        with contextlib.closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as db:
            (verdict,) = db.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.Error as exc:
        raise BackupError(f"{backup.name} is not a Ngõ Số backup ({exc})") from exc
    if verdict != "ok":
        raise BackupError(f"{backup.name} is damaged ({verdict}); choose another backup")
    scripts = ScriptDirectory.from_config(migrate.alembic_config(database_url))
    if not _known(scripts, revision):
        raise BackupError(
            f"{backup.name} comes from a newer version of Ngõ Số (schema {revision}); "
            "upgrade the bot first, then restore it"
        )
    if target.exists():
        if _bot_running(target, now):
            raise BackupError(
                "the bot is running on this database (its scheduler holds the lease): "
                "stop it first, then restore"
            )
        try:
            make(database_url, folder, now, keep=0, label="before-restore")  # none pruned
        except BackupError:
            # The database being replaced may be the damaged one: keep its files as they are.
            _raw_copy(target, folder, now)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with contextlib.closing(sqlite3.connect(backup)) as source:
            with contextlib.closing(sqlite3.connect(target, timeout=30)) as live:
                source.backup(live)
    except sqlite3.Error as exc:
        raise BackupError(f"the restore failed: {exc}") from exc
    migrate.upgrade(database_url)
    return Backup(backup, revision, backup.stat().st_size)


def _bot_running(target: Path, now: dt.datetime) -> bool:
    """Whether a running bot's scheduler holds a live lease on this database."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{target}?mode=ro", uri=True)) as db:
            row = db.execute(
                "SELECT count(*) FROM scheduler_lease WHERE expires_at > ?",
                (f"{now.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S.%f}",),
            ).fetchone()
    except sqlite3.Error:
        return False  # no lease table (an old or damaged database): nothing holds it
    return bool(row and row[0])


def _raw_copy(target: Path, folder: Path, now: dt.datetime) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = f"{now.astimezone(dt.UTC):%Y%m%d-%H%M%S}"
    for path in target.parent.glob(target.name + "*"):  # the file, its -wal and -shm
        copy = folder / f"damaged-{stamp}-{path.name}"
        shutil.copyfile(path, copy)
        os.chmod(copy, 0o600)


def _known(scripts: ScriptDirectory, revision: str) -> bool:
    try:
        return scripts.get_revision(revision) is not None
    except Exception:
        return False


def _revision(path: Path) -> str:
    """The schema revision a database file is at (Alembic's version table)."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None:
        raise sqlite3.DatabaseError("no schema version")
    return str(row[0])
