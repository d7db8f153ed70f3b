"""The one place that builds the database engine and its session factory."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TypeAlias, cast

from sqlalchemy import event, orm
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import CursorResult, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.sql import Executable

from storage import sqlite_driver
from storage.models import STAMP_ON_INSERT, STAMP_ON_UPDATE

# What storage is given to tell the time: the application's one clock (bot/clock.py).
Now = Callable[[], dt.datetime]

# The unit of work flows and jobs are handed and pass back to storage's functions, an opaque
# handle to them (they neither build statements nor call it themselves).
Session: TypeAlias = AsyncSession


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the web chat read while a volunteer writes; NORMAL sync is safe with WAL and
    # spares an fsync per message; foreign keys are off by default in SQLite. Waiting for
    # another writer (the busy timeout) is the driver's business: see storage/sqlite_driver.py.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(database_url: str, **kwargs: Any) -> AsyncEngine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        # SQLite has one writer at a time. Every message writes, so one connection with an
        # asyncio queue in front of it beats several connections sleeping on SQLITE_BUSY.
        kwargs.setdefault("pool_size", 1)
        kwargs.setdefault("max_overflow", 0)
        kwargs.setdefault("pool_timeout", 60)
        if url.get_driver_name() in ("aiosqlite", sqlite_driver.DRIVER):
            # Statements run on the event loop, long reads in a thread of their own, waiting
            # for another writer never blocks the loop (see storage/sqlite_driver.py).
            url = url.set(drivername=f"sqlite+{sqlite_driver.DRIVER}")
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


class StampedSession(orm.Session):
    """A session that dates the rows it writes by the application's clock, never the
    machine's: `now_of(session)` is the instant of the message or job being handled."""


@event.listens_for(StampedSession, "before_flush")
def _stamp(session: orm.Session, _context: Any, _instances: Any) -> None:
    now = now_of(session)
    for obj in session.new:
        for attr in STAMP_ON_INSERT.get(type(obj), ()):
            if getattr(obj, attr) is None:
                setattr(obj, attr, now)
    for obj in session.dirty:
        attrs = STAMP_ON_UPDATE.get(type(obj), ())
        if attrs and session.is_modified(obj):
            for attr in attrs:
                setattr(obj, attr, now)


def is_postgresql(session: AsyncSession) -> bool:
    """Whether the session's database is PostgreSQL (else it is SQLite)."""
    bind = session.bind
    return bind is not None and bind.dialect.name == "postgresql"


async def rows_changed(
    session: AsyncSession, statement: Executable, params: dict[str, Any] | None = None
) -> int:
    """Run an INSERT, UPDATE or DELETE in the session's transaction; how many rows it changed."""
    result = cast(CursorResult[Any], await session.execute(statement, params))
    return int(result.rowcount or 0)


def insert_or_skip(session: AsyncSession, model: Any, *, unique: list[str], **values: Any) -> Any:
    """INSERT ... ON CONFLICT (unique) DO NOTHING, in the session's database's own words."""
    insert = pg_insert if is_postgresql(session) else sqlite_insert
    return insert(model).values(**values).on_conflict_do_nothing(index_elements=unique)


def add_up(session: AsyncSession, model: Any, *, keys: list[str], column: str) -> Any:
    """INSERT ... ON CONFLICT (keys) DO UPDATE SET column = column + the new value: running
    sums kept in one statement (run it with a list of rows), on either database."""
    insert = pg_insert if is_postgresql(session) else sqlite_insert
    statement = insert(model)
    table = model.__table__
    return statement.on_conflict_do_update(
        index_elements=keys,
        set_={column: table.c[column] + statement.excluded[column]},
    )


def now_of(session: orm.Session | AsyncSession) -> dt.datetime:
    """The instant a unit of work happens at: the one set for this transaction (a message's
    time of arrival), else the application's clock."""
    info = session.info
    at = info.get("now")
    if at is None:
        at = info["clock"]()
    return at  # type: ignore[no-any-return]


def make_session_factory(engine: AsyncEngine, clock: Now) -> async_sessionmaker[AsyncSession]:
    # No autoflush: a flow reading in the middle of a change would write twice per message.
    return async_sessionmaker(
        engine,
        expire_on_commit=False,
        autoflush=False,
        sync_session_class=StampedSession,
        info={"clock": clock},
    )


class Database:
    """The engine and the session factory, opened and closed together."""

    def __init__(self, database_url: str, clock: Now, **engine_kwargs: Any) -> None:
        self.url = database_url
        self.clock = clock
        self.engine = make_engine(database_url, **engine_kwargs)
        self.sessions = make_session_factory(self.engine, clock)

    @contextlib.asynccontextmanager
    async def transaction(self, now: dt.datetime | None = None) -> AsyncIterator[AsyncSession]:
        """A session in one transaction, committed when the block ends (rolled back if it
        raises), for the per-message path. Same as `async with sessions() as s, s.begin()`,
        without the task SQLAlchemy's session context starts to close the session: a trip
        round the event loop that cost about a sixth of a message. The close has nothing
        left to wait for (ending the transaction gave the connection back to the pool), so
        a cancellation cannot cut it short."""
        session = self.sessions()
        if now is not None:
            session.info["now"] = now
        try:
            async with session.begin():
                yield session
        finally:
            await session.close()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    async def close(self) -> None:
        await self.engine.dispose()

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
