"""What is audited, and the canonical form and hashes of a record's state and of a log entry.

A record's state is read back from the database with a Core `select` (never from the ORM object), so
that the writer and `audit verify` see exactly the same values. Canonical JSON: keys sorted, no spaces,
UTF-8, columns that are NULL left out (a new nullable column does not change old records' hashes).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, select

from ocop_desktop.store.base import Base

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
REDACTED = {("officer", "pin_hash")}
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


def audited_tables() -> dict[str, Table]:
    """Every table of the model that is audited (a new table is audited unless listed above)."""
    return {name: t for name, t in Base.metadata.tables.items() if name not in NOT_AUDITED}


def is_audited(table_name: str) -> bool:
    return table_name not in NOT_AUDITED and table_name in Base.metadata.tables


def pk_column(table: Table) -> str:
    (column,) = table.primary_key.columns  # every audited table has a one-column key (tested)
    return column.name


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat()  # SQLite keeps the wall clock, not the zone
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return value


def row_state(row: Mapping[Any, Any]) -> State:
    return {key: _plain(value) for key, value in row.items() if value is not None}


def canonical_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def state_hash(state: State) -> str:
    return hashlib.sha256(canonical_json(state).encode()).hexdigest()


def entry_hash(entry: Mapping[Any, Any]) -> str:
    """SHA-256 of the entry's canonical JSON, which includes the previous entry's hash."""
    return hashlib.sha256(canonical_json({k: entry.get(k) for k in ENTRY_FIELDS}).encode()).hexdigest()


def shown(table_name: str, state: State | None) -> str | None:
    """The JSON kept in the log for people to read: secrets replaced by a mark."""
    if state is None:
        return None
    visible = {k: ("•••" if (table_name, k) in REDACTED else v) for k, v in state.items()}
    return canonical_json(visible)


def read_states(conn: Connection, table: Table, ids: Iterable[str]) -> dict[str, State]:
    """The current state of the given records of `table`, by id (absent ids are left out)."""
    key = table.c[pk_column(table)]
    wanted = list(dict.fromkeys(ids))
    found: dict[str, State] = {}
    for start in range(0, len(wanted), 500):
        rows = conn.execute(select(table).where(key.in_(wanted[start : start + 500])))
        for row in rows.mappings():
            found[str(row[key.name])] = row_state(row)
    return found


def scan_states(conn: Connection, table: Table) -> Iterator[tuple[str, str]]:
    """(id, state hash) of every row of `table`, streamed."""
    key = pk_column(table)
    result = conn.execution_options(stream_results=True, yield_per=2000).execute(select(table))
    for row in result.mappings():
        yield str(row[key]), state_hash(row_state(row))
