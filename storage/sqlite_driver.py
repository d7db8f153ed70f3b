"""SQLite for an asyncio program, on public APIs only: Python's sqlite3 module and a
SQLAlchemy dialect registered the documented way (`sqlite+ngoso`).

A statement on a local SQLite file in WAL mode takes a few microseconds. The stock aiosqlite
adapter sends every step of it (open a cursor, execute, fetch, close) to a thread and wakes
the event loop when each is done: that costs far more than the statement. Here each statement
runs whole (cursor, execute, fetch every row, close), and each commit and rollback, directly on
the event loop, on a sqlite3 connection that only the event loop's thread ever touches.

Waiting never blocks the loop. SQLite's busy timeout is zero: when SQLite answers "database
is locked" (another process is writing), the statement did nothing, and it is tried again
after an asyncio sleep, backing off as SQLite's own busy handler does, for up to
BUSY_TIMEOUT_MS; the loop serves others meanwhile.

Reads that may take long (reports over months of sessions) are marked by storage code with
`long_running` / `in_thread()`. When the connection has nothing uncommitted, such a read runs
in a worker thread on a read-only connection of its own, opened and closed in that thread; it
sees exactly what the loop's connection would (the last committed state, as every statement
outside a write transaction does). Inside a write transaction it runs on the loop's
connection, so that it sees the transaction's own writes.

`make_engine` (storage/db.py) uses this driver for `sqlite+aiosqlite://` and
`sqlite+ngoso://` URLs alike."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import pool
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import URL
from sqlalchemy.util import await_

# How long a statement waits for another writer before "database is locked" reaches the caller.
BUSY_TIMEOUT_MS = 5000
# Pauses between tries while another writer holds the lock (SQLite's own schedule, in ms).
BACKOFF_MS = (1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100)

DRIVER = "ngoso"

Result = tuple[Any, int, int | None, list[Any]]
P = ParamSpec("P")
T = TypeVar("T")
in_thread_var: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "sqlite_in_thread", default=False
)


@contextlib.asynccontextmanager
async def in_thread() -> AsyncIterator[None]:
    """Long reads inside this block run in a worker thread, leaving the event loop free (see
    the module's text). Other databases ignore it."""
    token = in_thread_var.set(True)
    try:
        yield
    finally:
        in_thread_var.reset(token)


def long_running(fn: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[T]]:
    """Decorates a storage function whose SQL may take long: see `in_thread`."""

    @functools.wraps(fn)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        async with in_thread():
            return await fn(*args, **kwargs)

    return wrapper


def execute(conn: sqlite3.Connection, operation: str, parameters: Any) -> Result:
    """The whole statement at once."""
    cursor = conn.cursor()
    try:
        if parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


def executemany(conn: sqlite3.Connection, operation: str, seq_of_parameters: Any) -> Result:
    cursor = conn.cursor()
    try:
        cursor.executemany(operation, seq_of_parameters)
        return cursor.description, cursor.rowcount, cursor.lastrowid, []
    finally:
        cursor.close()


def is_busy(error: Exception) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, sqlite3.OperationalError) and code is not None and code & 0xFF == 5


def read_apart(
    connect: tuple[tuple[Any, ...], dict[str, Any]], fn: Callable[..., T], *args: Any
) -> T:
    """Runs in a worker thread: `fn` on a read-only connection opened and closed here."""
    arg, kw = connect
    conn = sqlite3.connect(*arg, **kw)
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only=ON")
        return fn(conn, *args)
    finally:
        conn.close()


class Cursor:
    """A buffered DB-API cursor whose statement runs in one go (see the module's text)."""

    server_side = False
    __slots__ = ("arraysize", "connection", "description", "lastrowid", "rowcount", "rows")

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.rows: list[Any] = []
        self.arraysize = 1
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None

    def run(self, fn: Callable[..., Result], operation: str, parameters: Any) -> None:
        description, rowcount, lastrowid, rows = self.connection.call(fn, operation, parameters)
        self.description, self.rowcount, self.lastrowid = description, rowcount, lastrowid
        rows.reverse()  # popped from the end
        self.rows = rows

    def execute(self, operation: str, parameters: Any = None) -> None:
        self.run(execute, operation, parameters)

    def executemany(self, operation: str, seq_of_parameters: Any) -> None:
        self.run(executemany, operation, seq_of_parameters)

    def close(self) -> None:
        self.rows = []

    async def _async_soft_close(self) -> None:
        """Called by SQLAlchemy's asyncio results on every cursor of an async driver (the
        name is theirs): nothing to close, the sqlite3 cursor was closed when it ran."""

    def setinputsizes(self, *inputsizes: Any) -> None:
        pass

    def setoutputsize(self, size: Any, column: Any) -> None:
        pass

    def __iter__(self) -> Any:
        rows = self.rows
        while rows:
            yield rows.pop()

    def fetchone(self) -> Any:
        return self.rows.pop() if self.rows else None

    def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        if size is None:
            size = self.arraysize
        rows = self.rows
        return [rows.pop() for _ in range(min(size, len(rows)))]

    def fetchall(self) -> Sequence[Any]:
        rows = self.rows
        rows.reverse()
        self.rows = []
        return rows


class Connection:
    """A DB-API connection over one sqlite3 connection used on the event loop's thread only.
    Skips the rollback when no statement ran since the last commit or rollback: the pool
    rolls back every connection it gets back, even right after a commit, and there is nothing
    to undo."""

    __slots__ = ("dirty", "reader", "sqlite")

    def __init__(
        self, sqlite: sqlite3.Connection, reader: tuple[tuple[Any, ...], dict[str, Any]] | None
    ) -> None:
        self.sqlite = sqlite
        # How to open a read-only connection of our own to the same file (None: in memory).
        self.reader = reader
        self.dirty = True  # unknown until the first commit or rollback

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(sqlite3_connection, *args)`; called from SQLAlchemy's greenlet."""
        return await_(self.run(fn, *args))

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        # The first try never suspends: an ordinary statement costs no trip round the loop.
        if in_thread_var.get() and self.reader is not None and not self.sqlite.in_transaction:
            return await asyncio.to_thread(read_apart, self.reader, fn, *args)
        try:
            return fn(self.sqlite, *args)
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            busy = error
        return await self.wait_and_retry(busy, fn, *args)

    async def wait_and_retry(
        self, busy: sqlite3.OperationalError, fn: Callable[..., T], *args: Any
    ) -> T:
        """Another writer holds the lock: try again after each pause, the loop free; after
        BUSY_TIMEOUT_MS the last "database is locked" reaches the caller."""
        last = busy
        for pause in self.pauses():
            if pause is None:
                break
            await asyncio.sleep(pause / 1000)
            try:
                return fn(self.sqlite, *args)
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    raise
                last = error
        raise last

    @staticmethod
    def pauses() -> Iterator[int | None]:
        """The pauses between tries, adding up to BUSY_TIMEOUT_MS, then None (give up)."""
        waited = 0
        step = 0
        while waited < BUSY_TIMEOUT_MS:
            pause = min(BACKOFF_MS[min(step, len(BACKOFF_MS) - 1)], BUSY_TIMEOUT_MS - waited)
            yield pause
            waited += pause
            step += 1
        yield None

    def cursor(self, server_side: bool = False) -> Cursor:
        self.dirty = True  # every statement goes through a cursor
        return Cursor(self)

    def rollback(self) -> None:
        if self.dirty:
            self.finish(sqlite3.Connection.rollback)
            self.dirty = False

    def commit(self) -> None:
        self.dirty = True  # if the commit fails, the rollback after it must happen
        self.finish(sqlite3.Connection.commit)
        self.dirty = False

    def finish(self, fn: Callable[[sqlite3.Connection], None]) -> None:
        try:
            self.call(fn)
        except sqlite3.ProgrammingError:
            # Closed already: as the stock adapter, nothing to commit or roll back.
            if not self.closed:
                raise

    @property
    def closed(self) -> bool:
        try:
            self.sqlite.total_changes  # noqa: B018 (raises once closed)
        except sqlite3.ProgrammingError:
            return True
        return False

    def close(self) -> None:
        self.sqlite.close()

    def terminate(self) -> None:
        self.sqlite.close()

    def create_function(self, *args: Any, **kw: Any) -> None:
        self.sqlite.create_function(*args, **kw)

    @property
    def isolation_level(self) -> str | None:
        return self.sqlite.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        # SQLAlchemy sets "" (sqlite3's legacy "BEGIN"), which typeshed's Literal leaves out.
        self.sqlite.isolation_level = value  # type: ignore[assignment]


class DBAPI:
    """The DB-API "module" the dialect is given: sqlite3's names, our `connect`."""

    paramstyle = "qmark"
    Error = sqlite3.Error
    DatabaseError = sqlite3.DatabaseError
    IntegrityError = sqlite3.IntegrityError
    NotSupportedError = sqlite3.NotSupportedError
    OperationalError = sqlite3.OperationalError
    ProgrammingError = sqlite3.ProgrammingError
    InterfaceError = sqlite3.InterfaceError
    InternalError = sqlite3.InternalError
    DataError = sqlite3.DataError
    Warning = sqlite3.Warning
    sqlite_version = sqlite3.sqlite_version
    sqlite_version_info = sqlite3.sqlite_version_info
    PARSE_COLNAMES = sqlite3.PARSE_COLNAMES
    PARSE_DECLTYPES = sqlite3.PARSE_DECLTYPES
    Binary = sqlite3.Binary

    def connect(self, *arg: Any, **kw: Any) -> Connection:
        kw.pop("check_same_thread", None)  # the connection stays on the loop's thread
        conn = sqlite3.connect(*arg, **kw)
        conn.execute("PRAGMA busy_timeout=0")  # waiting is done on the loop (see run)
        database = str(arg[0]) if arg else str(kw.get("database", ""))
        in_memory = database in ("", ":memory:") or "mode=memory" in database
        reader = None if in_memory else (arg, {k: v for k, v in kw.items() if k != "timeout"})
        return Connection(conn, reader)


class SQLiteDialect_ngoso(SQLiteDialect_pysqlite):
    """The pysqlite dialect, asynchronous through the connection above."""

    driver = DRIVER
    is_async = True
    has_terminate = True
    supports_statement_cache = True
    supports_server_side_cursors = False

    @classmethod
    def import_dbapi(cls) -> Any:
        return DBAPI()

    @classmethod
    def get_pool_class(cls, url: URL) -> type[pool.Pool]:
        if url.database in (None, "", ":memory:") or "mode=memory" in str(url.query):
            return pool.StaticPool
        return pool.AsyncAdaptedQueuePool

    def get_driver_connection(self, connection: Any) -> Any:
        return connection.sqlite

    def do_terminate(self, dbapi_connection: Any) -> None:
        dbapi_connection.terminate()


dialect = SQLiteDialect_ngoso
registry.register(f"sqlite.{DRIVER}", __name__, "SQLiteDialect_ngoso")
