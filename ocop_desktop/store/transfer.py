"""Copying a SQLite store into a PostgreSQL database, table by table (`store migrate-to`, issue 18).

The rows go as SQLite holds them, through the drivers (no ORM, no audit-log events: the copy writes
the source's own log, it makes no new entries): read in batches from sqlite3, written with
PostgreSQL's `COPY … FROM STDIN`, which parses SQLite's text forms itself (times, dates, 0/1 for
booleans, JSON text kept byte for byte). Every statement runs on the connection the caller gives, in
its transaction: the caller commits once everything is verified, or the server keeps nothing.

A table that refers to itself (an administrative unit's parent, a dossier's previous dossier) is
copied with that column empty and filled in once the whole table is there, so row order never
matters. Tables go in the foreign keys' order (`Base.metadata.sorted_tables`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Column, Connection, Table

from ocop_desktop.store.content_hash import TableHash
from ocop_desktop.store.models import AuditEntry  # noqa: F401  (registers every table)

BATCH = 5_000
OnRows = Callable[[int], None]  # rows just written (progress and cancel, between batches)


class TableRefused(Exception):
    """The server refused a table's rows (a value too long for its column, a number too big, a
    broken reference); the caller rolls the whole copy back."""

    def __init__(self, table: str, reason: str) -> None:
        super().__init__(f"{table}: {reason}")
        self.table = table
        self.reason = reason


@dataclass(frozen=True)
class CopiedTable:
    name: str
    rows: int
    hash: str  # store.content_hash, of the rows as read from the source


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_list(table: Table) -> str:
    return ", ".join(_quoted(c.name) for c in table.columns)


def _self_references(table: Table) -> list[Column[Any]]:
    """Columns of `table` that refer to `table` (always nullable: checked in the tests)."""
    return [fk.parent for fk in table.foreign_keys if fk.column.table is table]


def sqlite_driver(conn: Connection) -> sqlite3.Connection:
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection), "the source of a move is a SQLite store"
    return raw


def server_driver(conn: Connection) -> Any:
    """psycopg's connection under `conn`, in its transaction."""
    return conn.connection.driver_connection


def source_rows(source: Connection, table: Table) -> Iterator[list[tuple[Any, ...]]]:
    cursor = sqlite_driver(source).execute(f"SELECT {_column_list(table)} FROM {_quoted(table.name)}")
    try:
        while batch := cursor.fetchmany(BATCH):
            yield batch
    finally:
        cursor.close()


def count_rows(conn: Connection, table: Table) -> int:
    sql = f"SELECT count(*) FROM {_quoted(table.name)}"
    raw = conn.connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        return int(raw.execute(sql).fetchone()[0])
    with server_driver(conn).cursor() as cursor:
        cursor.execute(sql)
        return int(cursor.fetchone()[0])


def copy_table(source: Connection, target: Connection, table: Table, on_rows: OnRows) -> CopiedTable:
    """Every row of `table` from the SQLite `source` into the empty `table` on the server `target`."""
    import psycopg

    try:
        return _copy_table(source, target, table, on_rows)
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise TableRefused(table.name, first) from exc


def _copy_table(source: Connection, target: Connection, table: Table, on_rows: OnRows) -> CopiedTable:
    columns = list(table.columns)
    later = {columns.index(c): c for c in _self_references(table)}
    key = [columns.index(c) for c in table.primary_key.columns]
    fill_in: dict[int, list[tuple[Any, ...]]] = {i: [] for i in later}
    digest = TableHash()
    copy_sql = f"COPY {_quoted(table.name)} ({_column_list(table)}) FROM STDIN"
    with server_driver(target).cursor() as cursor:
        for batch in source_rows(source, table):
            digest.add(batch)
            with cursor.copy(copy_sql) as copy:
                for row in batch:
                    if later:
                        row = _without_self_references(row, later, key, fill_in)
                    copy.write_row(row)
            on_rows(len(batch))
        for index, pairs in fill_in.items():
            _fill_in(cursor, table, later[index], pairs)
    return CopiedTable(table.name, digest.rows, digest.hex)


def _without_self_references(
    row: tuple[Any, ...], later: dict[int, Column[Any]], key: list[int], fill_in: dict[int, list[Any]]
) -> tuple[Any, ...]:
    values = list(row)
    for index in later:
        if values[index] is not None:
            fill_in[index].append((values[index], *(row[k] for k in key)))
            values[index] = None
    return tuple(values)


def _fill_in(cursor: Any, table: Table, column: Column[Any], pairs: list[tuple[Any, ...]]) -> None:
    if not pairs:
        return
    where = " AND ".join(f"{_quoted(c.name)} = %s" for c in table.primary_key.columns)
    cursor.executemany(f"UPDATE {_quoted(table.name)} SET {_quoted(column.name)} = %s WHERE {where}", pairs)


def server_table_hash(target: Connection, table: Table) -> TableHash:
    """The content hash of `table` as the server holds it, JSON read as its stored text (so that
    it compares with SQLite's)."""
    selected = ", ".join(
        f"{_quoted(c.name)}::text" if isinstance(c.type, JSON) else _quoted(c.name) for c in table.columns
    )
    digest = TableHash()
    with server_driver(target).cursor(name=f"hash_{table.name}") as cursor:  # server side: streamed
        cursor.itersize = BATCH
        cursor.execute(f"SELECT {selected} FROM {_quoted(table.name)}")
        while batch := cursor.fetchmany(BATCH):
            digest.add(batch)
    return digest


def server_tables(target: Connection) -> set[str]:
    with server_driver(target).cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return {str(r[0]) for r in cursor.fetchall()}


def reset_sequences(target: Connection) -> list[str]:
    """Every serial or identity column's sequence set past the copied values (COPY wrote the
    numbers; the sequences did not move). Our tables key on UUIDs and the audit log numbers its own
    entries, so this finds nothing today; it keeps the copy right if a table ever gets one."""
    with server_driver(target).cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')"
        )
        found = [(str(t), str(c), s) for t, c, s in cursor.fetchall() if s]
        for table, column, sequence in found:
            cursor.execute(
                f"SELECT setval(%s, COALESCE((SELECT max({_quoted(column)}) FROM {_quoted(table)}), 0) + 1, "
                "false)",
                (sequence,),
            )
    return [f"{t}.{c}" for t, c, _ in found]


def vacuum_analyze(target: Connection) -> None:
    """VACUUM ANALYZE on an autocommit connection: fresh statistics, so that the server's planner knows
    the tables are no longer empty, and the visibility map set (index-only scans need it)."""
    with server_driver(target).cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
