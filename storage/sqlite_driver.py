"""aiosqlite with one thread round trip per SQL statement instead of four or five.

SQLAlchemy's aiosqlite adapter makes a separate trip to aiosqlite's thread to open a cursor,
to execute, to fetch the rows and to close the cursor. Each trip is a queue hand-off to the
thread and a wake-up of the event loop, which costs far more than the statement itself on a
local SQLite file: a message (about six statements) made some 37 trips. This adapter does
the whole statement (cursor, execute, fetch every row, close) in one trip.

Everything else is aiosqlite as before: the same thread, the same sqlite3 connection, the
same transactions and error types. Server-side (streaming) cursors keep the stock adapter."""

from __future__ import annotations

import collections
import sqlite3
from collections.abc import Sequence
from typing import Any

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util.concurrency import await_

_Result = tuple[Any, int, int | None, list[Any]]


def _execute(conn: sqlite3.Connection, operation: str, parameters: Any) -> _Result:
    """Runs in aiosqlite's thread: the whole statement at once."""
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


class OneTripCursor:
    """A buffered DB-API cursor whose statement runs in a single trip to the thread."""

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

    def __init__(self, adapt_connection: OneTripConnection) -> None:
        self._adapt_connection = adapt_connection
        self._connection: aiosqlite.Connection = adapt_connection._connection  # type: ignore[assignment]
        self._rows: collections.deque[Any] = collections.deque()
        self.arraysize = 1
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None

    def _run(self, fn: Any, operation: str, parameters: Any) -> None:
        connection = self._connection
        try:
            description, rowcount, lastrowid, rows = await_(
                connection._execute(fn, connection._conn, operation, parameters)
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
        """Nothing to close: the sqlite3 cursor was closed in the thread already."""

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


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """Also skips the trip for a rollback when no cursor was opened since the last commit or
    rollback: the pool rolls back every connection it gets back, even right after a commit,
    and there is nothing to undo then."""

    __slots__ = ("_dirty",)
    _cursor_cls = OneTripCursor  # type: ignore[assignment]

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        self._dirty = True  # unknown until the first commit or rollback

    def cursor(self, server_side: bool = False) -> Any:
        self._dirty = True  # every statement goes through a cursor
        return super().cursor(server_side)

    def rollback(self) -> None:
        if self._dirty:
            super().rollback()
            self._dirty = False

    def commit(self) -> None:
        self._dirty = True  # if the commit fails, the rollback after it must happen
        super().commit()
        self._dirty = False


class OneTripDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *arg: Any, **kw: Any) -> Any:
        if kw.get("async_creator_fn"):
            # A caller-made connection: the stock adapter takes it as before.
            return super().connect(*arg, **kw)
        connection = aiosqlite.connect(*arg, **kw)
        connection._thread.daemon = True  # as SQLAlchemy's own adapter does
        return OneTripConnection(self, await_(connection))


def dbapi() -> OneTripDBAPI:
    return OneTripDBAPI(aiosqlite, sqlite3)
