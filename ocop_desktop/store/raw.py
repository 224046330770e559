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


class _Rows:
    """A statement's rows, converted one by one as they are read: the audit check reads whole
    tables (a million checklist items at province scale) and must not hold them all as Python
    objects at once. The result itself stays in libpq's compact buffer until the cursor goes."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self._cursor.description is None:
            return
        for row in self._cursor:
            yield tuple(_as_sqlite(v) for v in row)

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._cursor.description is None:
            return None
        row = self._cursor.fetchone()
        return None if row is None else tuple(_as_sqlite(v) for v in row)

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self)


class _Server:
    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Rows:
        cursor = self._raw.cursor()  # left open for the rows; closed when they are dropped
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
