"""The driver connection under a SQLAlchemy connection, for hot paths (the audit log, reports).

On SQLite that is the sqlite3 connection itself (SQLAlchemy's execution machinery costs more than
SQLite for one row). On PostgreSQL it is psycopg's connection, in the same transaction, behind a thin
adapter that takes the same `?` statements and gives values back as SQLite stores them (times as
text, booleans as 0/1, JSON as its text), so that a record's state hash is the same on both engines.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection


class Raw(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]], /) -> Any: ...


BOOL_OID, TIMESTAMP_OIDS = 16, (1114, 1184)
AS_TEXT = ("date", "json")  # PostgreSQL's own text of these is SQLite's: 2026-12-04, the JSON as written


def _timestamp_text(value: datetime) -> str:
    """SQLAlchemy's SQLite DATETIME text, in UTC, zone left out."""
    return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _converters(description: Sequence[Any]) -> list[tuple[int, Any]]:
    """(column, function) for the columns whose Python value is not SQLite's; every other column
    (text, numbers, and dates and JSON read as their text) is passed on untouched — converting each
    value of a report's 600,000 was most of its time."""
    found: list[tuple[int, Any]] = []
    for index, column in enumerate(description):
        if column.type_code == BOOL_OID:
            found.append((index, int))
        elif column.type_code in TIMESTAMP_OIDS:
            found.append((index, _timestamp_text))
    return found


class _Rows:
    """A statement's rows, converted one by one as they are read: the audit check reads whole
    tables (a million checklist items at province scale) and must not hold them all as Python
    objects at once. The result itself stays in libpq's compact buffer until the cursor goes."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor
        self._convert = _converters(cursor.description) if cursor.description is not None else []

    def _as_sqlite(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        if not self._convert:
            return row
        values = list(row)
        for index, convert in self._convert:
            if values[index] is not None:
                values[index] = convert(values[index])
        return tuple(values)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self._cursor.description is None:
            return
        for row in self._cursor:
            yield self._as_sqlite(row)

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._cursor.description is None:
            return None
        row = self._cursor.fetchone()
        return None if row is None else self._as_sqlite(row)

    def fetchall(self) -> list[tuple[Any, ...]]:
        if not self._convert and self._cursor.description is not None:
            return list(self._cursor.fetchall())
        return list(self)


class _Server:
    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Rows:
        from psycopg.types.string import TextLoader  # here: a desk on its SQLite file never imports psycopg

        cursor = self._raw.cursor()  # left open for the rows; closed when they are dropped
        for name in AS_TEXT:
            cursor.adapters.register_loader(name, TextLoader)
        if params:
            cursor.execute(sql.replace("?", "%s"), tuple(params))
        else:  # no placeholders at all: a literal `%` or `?` stays as written
            cursor.execute(sql)
        return _Rows(cursor)

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> None:
        with self._raw.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), [tuple(p) for p in seq])


def driver(conn: Connection) -> Raw:
    """The driver connection under `conn`, in its transaction (statements use `?` placeholders and
    no literal question marks)."""
    raw = conn.connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        return raw
    return _Server(raw)


def stream(conn: Connection, sql: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of `sql` (no parameters) in lists of `size`, without holding them all: SQLite's cursor
    as it steps; on PostgreSQL a server-side cursor in the connection's transaction, values as
    `driver` gives them."""
    raw: Any = conn.connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        cursor = raw.execute(sql)
        while rows := cursor.fetchmany(size):
            yield rows
        return
    from psycopg.types.string import TextLoader

    with raw.cursor(name="ocop_stream") as cursor:
        for name in AS_TEXT:  # dates and JSON as their text, as `driver` reads them
            cursor.adapters.register_loader(name, TextLoader)
        cursor.itersize = size
        cursor.execute(sql)
        converted = _Rows(cursor)
        while rows := cursor.fetchmany(size):
            yield [converted._as_sqlite(row) for row in rows]
