"""SQLite for an asyncio program: statements run on the event loop; only waiting goes to a thread.

A statement on a local SQLite file in WAL mode takes a few microseconds. SQLAlchemy's stock
aiosqlite adapter sends every step of it (open a cursor, execute, fetch, close) to
aiosqlite's thread and wakes the event loop when each is done: that costs far more than the
statement, and a message (about five statements and a commit) made some 37 such trips.

This adapter runs each statement whole (cursor, execute, fetch every row, close), and each
commit and rollback, directly on the event loop. SQLite's busy timeout is zero there, so it
never blocks the loop waiting for another writer: when SQLite answers "database is locked"
(another connection or process is writing), the same statement is retried in aiosqlite's
thread with the usual wait of up to BUSY_TIMEOUT_MS, and the loop serves others meanwhile. A
statement that failed with SQLITE_BUSY did nothing, so running it again is safe.

Statements that may take long (reports reading months of sessions) go to the thread from the
start: storage code marks them with `in_thread()`. Everything else is aiosqlite as before:
the same sqlite3 connection, transactions and error types. Server-side (streaming) cursors
keep the stock adapter, in the thread, with the same wait for other writers."""

from __future__ import annotations

import collections
import contextlib
import contextvars
import functools
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, ParamSpec, TypeVar

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_dbapi,
    AsyncAdapt_aiosqlite_ss_cursor,
)
from sqlalchemy.util.concurrency import await_

# How long a statement waits for another writer before "database is locked" reaches the caller.
BUSY_TIMEOUT_MS = 5000

_Result = tuple[Any, int, int | None, list[Any]]
_P = ParamSpec("_P")
_T = TypeVar("_T")
_in_thread: contextvars.ContextVar[bool] = contextvars.ContextVar("sqlite_in_thread", default=False)


@contextlib.asynccontextmanager
async def in_thread() -> AsyncIterator[None]:
    """SQLite statements run inside this block go to aiosqlite's thread, leaving the event loop
    free: for reads that may scan many rows. Other databases ignore it."""
    token = _in_thread.set(True)
    try:
        yield
    finally:
        _in_thread.reset(token)


def long_running(fn: Callable[_P, Awaitable[_T]]) -> Callable[_P, Awaitable[_T]]:
    """Decorates a storage function whose SQL may take long: see `in_thread`."""

    @functools.wraps(fn)
    async def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        async with in_thread():
            return await fn(*args, **kwargs)

    return wrapper


def _execute(conn: sqlite3.Connection, operation: str, parameters: Any) -> _Result:
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


def _executemany(conn: sqlite3.Connection, operation: str, seq_of_parameters: Any) -> _Result:
    cursor = conn.cursor()
    try:
        cursor.executemany(operation, seq_of_parameters)
        return cursor.description, cursor.rowcount, cursor.lastrowid, []
    finally:
        cursor.close()


def _busy_timeout(conn: sqlite3.Connection, ms: int) -> None:
    conn.execute(f"PRAGMA busy_timeout={int(ms)}")


def _waiting(fn: Callable[..., _T], conn: sqlite3.Connection, *args: Any) -> _T:
    """Runs in aiosqlite's thread: `fn`, waiting as long as BUSY_TIMEOUT_MS for other writers."""
    _busy_timeout(conn, BUSY_TIMEOUT_MS)
    try:
        return fn(conn, *args)
    finally:
        _busy_timeout(conn, 0)


async def _now(fn: Callable[..., _T], *args: Any) -> _T:
    # A coroutine that never suspends: SQLAlchemy's AsyncConnection insists that a statement
    # awaited something, and this costs two greenlet switches, not a trip to the thread.
    return fn(*args)


def _is_busy(error: Exception) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, sqlite3.OperationalError) and code is not None and code & 0xFF == 5


def _call(connection: aiosqlite.Connection, fn: Callable[..., _T], *args: Any) -> _T:
    """Run `fn(sqlite3_connection, *args)` on the loop, or in the thread when asked or when
    SQLite is busy. Called from SQLAlchemy's greenlet."""
    if _in_thread.get():
        return await_(connection._execute(_waiting, fn, connection._conn, *args))
    try:
        return await_(_now(fn, connection._conn, *args))
    except sqlite3.OperationalError as error:
        if not _is_busy(error):
            raise
    return await_(connection._execute(_waiting, fn, connection._conn, *args))


class InlineCursor:
    """A buffered DB-API cursor whose statement runs in one go (see the module's text)."""

    server_side = False
    __slots__ = (
        "_adapt_connection",
        "_connection",
        "_rows",
        "arraysize",
        "description",
        "lastrowid",
        "rowcount",
    )

    def __init__(self, adapt_connection: InlineConnection) -> None:
        self._adapt_connection = adapt_connection
        self._connection: aiosqlite.Connection = adapt_connection._connection  # type: ignore[assignment]
        self._rows: collections.deque[Any] = collections.deque()
        self.arraysize = 1
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None

    def _run(self, fn: Any, operation: str, parameters: Any) -> None:
        try:
            description, rowcount, lastrowid, rows = _call(
                self._connection, fn, operation, parameters
            )
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        self.description, self.rowcount, self.lastrowid = description, rowcount, lastrowid
        self._rows = collections.deque(rows)

    def execute(self, operation: str, parameters: Any = None) -> None:
        self._run(_execute, operation, parameters)

    def executemany(self, operation: str, seq_of_parameters: Any) -> None:
        self._run(_executemany, operation, seq_of_parameters)

    async def _async_soft_close(self) -> None:
        """Nothing to close: the sqlite3 cursor was closed when the statement ran."""

    def close(self) -> None:
        self._rows.clear()

    def setinputsizes(self, *inputsizes: Any) -> None:
        pass

    def setoutputsize(self, size: Any, column: Any) -> None:
        pass

    def __iter__(self) -> Any:
        while self._rows:
            yield self._rows.popleft()

    def fetchone(self) -> Any:
        return self._rows.popleft() if self._rows else None

    def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        if size is None:
            size = self.arraysize
        rows = self._rows
        return [rows.popleft() for _ in range(min(size, len(rows)))]

    def fetchall(self) -> Sequence[Any]:
        rows = list(self._rows)
        self._rows.clear()
        return rows


class WaitingStreamCursor(AsyncAdapt_aiosqlite_ss_cursor):
    """The stock streaming cursor (statements in aiosqlite's thread), waiting for other
    writers as long as BUSY_TIMEOUT_MS like every other statement here."""

    __slots__ = ()

    async def _execute_async(self, operation: Any, parameters: Any) -> Any:
        async with self._waiting():
            return await super()._execute_async(operation, parameters)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> Any:
        async with self._waiting():
            return await super()._executemany_async(operation, seq_of_parameters)

    @contextlib.asynccontextmanager
    async def _waiting(self) -> AsyncIterator[None]:
        connection = self._adapt_connection._connection
        await connection._execute(_busy_timeout, connection._conn, BUSY_TIMEOUT_MS)
        try:
            yield
        finally:
            await connection._execute(_busy_timeout, connection._conn, 0)


class InlineConnection(AsyncAdapt_aiosqlite_connection):
    """Commits and rolls back as statements run (on the loop, waiting in the thread). Skips the
    rollback when no cursor was opened since the last commit or rollback: the pool rolls back
    every connection it gets back, even right after a commit, and there is nothing to undo."""

    __slots__ = ("_dirty",)
    _cursor_cls = InlineCursor  # type: ignore[assignment]
    _ss_cursor_cls = WaitingStreamCursor

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        self._dirty = True  # unknown until the first commit or rollback

    def cursor(self, server_side: bool = False) -> Any:
        self._dirty = True  # every statement goes through a cursor
        return super().cursor(server_side)

    def rollback(self) -> None:
        if self._dirty:
            self._finish(sqlite3.Connection.rollback)
            self._dirty = False

    def commit(self) -> None:
        self._dirty = True  # if the commit fails, the rollback after it must happen
        self._finish(sqlite3.Connection.commit)
        self._dirty = False

    def _finish(self, fn: Callable[[sqlite3.Connection], None]) -> None:
        if not self._connection._connection:
            return  # closed already: as the stock adapter, nothing to commit or roll back
        try:
            _call(self._connection, fn)
        except Exception as error:
            self._handle_exception(error)


class InlineDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *arg: Any, **kw: Any) -> Any:
        if kw.get("async_creator_fn"):
            # A caller-made connection: the stock adapter takes it as before.
            return super().connect(*arg, **kw)
        # Statements run on the event loop's thread and, when they must wait, on aiosqlite's;
        # never both at once (the caller awaits the thread).
        kw["check_same_thread"] = False
        connection = aiosqlite.connect(*arg, **kw)
        connection._thread.daemon = True  # as SQLAlchemy's own adapter does
        adapted = InlineConnection(self, await_(connection))
        # Waiting for other writers happens in the thread only (see _call).
        _busy_timeout(adapted._connection._conn, 0)
        return adapted


def dbapi() -> InlineDBAPI:
    return InlineDBAPI(aiosqlite, sqlite3)
