"""What is audited, and the canonical form and hashes of a record's state and of a log entry.

A record's state is read back from the database with a Core `select` (never from the ORM object), so
that the writer and `audit verify` see exactly the same values. Canonical JSON: keys sorted, no spaces,
UTF-8, columns that are NULL left out (a new nullable column does not change old records' hashes).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import JSON, Connection, Table

from ocop_desktop.store.base import Base
from ocop_desktop.store.raw import driver

GENESIS = "0" * 64
MODULUS = 1 << 256  # table digests: the sum of the row hashes of a table, modulo 2**256
# Local bookkeeping, copies of packages and reference data: not records an officer changes.
NOT_AUDITED = frozenset(
    {
        "admin_unit",
        "blob",
        "sync_package",
        "sync_dossier_state",
        "sync_peer_blob",
        "mailbox_outbox",
        "member_sheet_draft",
        "received_assignment",
        "audit_entry",
        "audit_state",
    }
)
# Shown as "set"/absent in the log's JSON; still part of the row's hash.
REDACTED = {("officer", "pin_hash"), ("office_key_vault", "sealed"), ("office_key_vault", "salt")}
ENTRY_FIELDS = (
    "seq",
    "at",
    "office_id",
    "officer_id",
    "officer_name",
    "source",
    "table_name",
    "record_id",
    "dossier_id",
    "action",
    "before",
    "after",
    "before_hash",
    "row_hash",
    "prev_hash",
)
State = dict[str, Any]


@cache
def audited_tables() -> dict[str, Table]:
    """Every table of the model that is audited (a new table is audited unless listed above)."""
    return {name: t for name, t in Base.metadata.tables.items() if name not in NOT_AUDITED}


def is_audited(table_name: str) -> bool:
    return table_name not in NOT_AUDITED and table_name in Base.metadata.tables


def pk_column(table: Table) -> str:
    (column,) = table.primary_key.columns  # every audited table has a one-column key (tested)
    return column.name


def _plain(value: Any) -> Any:
    return value.hex() if isinstance(value, bytes) else value


def row_state(columns: Sequence[str], values: Sequence[Any]) -> State:
    """A row as SQLite stores it (text, numbers, NULLs left out): JSON columns stay text and times stay
    the text SQLite holds, so that nothing is parsed to hash a row."""
    return {key: _plain(value) for key, value in zip(columns, values, strict=True) if value is not None}


def canonical_json(data: Any) -> str:
    """Readable JSON with sorted keys and no spaces (the log's `before` and `after`)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _hashed(data: Any) -> str:
    """SHA-256 of the canonical JSON with non-ASCII characters escaped (faster to encode, same meaning)."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def state_hash(state: State) -> str:
    return _hashed(state)


def entry_hash(entry: Mapping[Any, Any]) -> str:
    """SHA-256 of the entry's canonical JSON, which includes the previous entry's hash."""
    return _hashed({k: entry.get(k) for k in ENTRY_FIELDS})


@cache
def json_columns(table_name: str) -> frozenset[str]:
    table = Base.metadata.tables.get(table_name)
    if table is None:
        return frozenset()
    return frozenset(c.name for c in table.columns if isinstance(c.type, JSON))


def _readable(table_name: str, key: str, value: Any, as_json: frozenset[str]) -> Any:
    if (table_name, key) in REDACTED:
        return "•••"
    if key in as_json and isinstance(value, str):
        return json.loads(value)
    return value


def readable(table_name: str, state: State) -> State:
    """A state for people to read: JSON columns as objects, secrets replaced by a mark."""
    as_json = json_columns(table_name)
    return {k: _readable(table_name, k, v, as_json) for k, v in state.items()}


def shown(table_name: str, state: State | None) -> str | None:
    return None if state is None else canonical_json(readable(table_name, state))


@cache
def _select_sql(table: Table) -> tuple[list[str], str]:
    columns = [c.name for c in table.columns]
    return columns, f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)} FROM "{table.name}"'


def read_states(conn: Connection, table: Table, ids: Iterable[str]) -> dict[str, State]:
    """The current state of the given records of `table`, by id (absent ids are left out)."""
    key = pk_column(table)
    columns, sql = _select_sql(table)
    position = columns.index(key)
    wanted = list(dict.fromkeys(ids))
    found: dict[str, State] = {}
    for start in range(0, len(wanted), 500):
        chunk = tuple(wanted[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        for values in driver(conn).execute(f'{sql} WHERE "{key}" IN ({marks})', chunk):
            found[str(values[position])] = row_state(columns, values)
    return found


def scan_states(conn: Connection, table: Table) -> Iterator[tuple[str, str]]:
    """(id, state hash) of every row of `table`, streamed."""
    columns, sql = _select_sql(table)
    position = columns.index(pk_column(table))
    cursor = driver(conn).execute(sql)
    for values in cursor:
        yield str(values[position]), state_hash(row_state(columns, values))
