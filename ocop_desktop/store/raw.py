"""The driver connection under a SQLAlchemy connection, for hot paths (the audit log, reports).

On SQLite that is the sqlite3 connection itself (SQLAlchemy's execution machinery costs more than
SQLite for one row). On PostgreSQL it is psycopg's connection, in the same transaction, behind a thin
adapter that takes the same `?` statements and gives values back as SQLite stores them (times as
text, booleans as 0/1, JSON as its text), so that a record's state hash is the same on both engines.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import Connection


class Raw(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]], /) -> Any: ...


def _as_sqlite(value: Any) -> Any:
    """A value read from PostgreSQL in the form SQLAlchemy writes it into SQLite."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):  # SQLAlchemy's SQLite DATETIME text, in UTC, zone left out
        return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):  # a JSON column: its text, as SQLAlchemy's json.dumps wrote it
        return json.dumps(value)
    return value


class _Rows(list[tuple[Any, ...]]):
    """Fetched rows with the two cursor methods the log uses."""

    def fetchone(self) -> tuple[Any, ...] | None:
        return self[0] if self else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self)


class _Server:
    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Rows:
        with self._raw.cursor() as cursor:
            if params:
                cursor.execute(sql.replace("?", "%s"), tuple(params))
            else:  # no placeholders at all: a literal `%` or `?` stays as written
                cursor.execute(sql)
            rows = cursor.fetchall() if cursor.description is not None else []
        return _Rows(tuple(_as_sqlite(v) for v in row) for row in rows)

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
    with raw.cursor(name="ocop_stream") as cursor:
        cursor.itersize = size
        cursor.execute(sql)
        while rows := cursor.fetchmany(size):
            yield [tuple(_as_sqlite(v) for v in row) for row in rows]
