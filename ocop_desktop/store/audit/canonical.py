"""What is audited, and the canonical form and hashes of a record's state and of a log entry.

A record's state is read back from the database with a Core `select` (never from the ORM object), so
that the writer and `audit verify` see exactly the same values. Canonical JSON: keys sorted, no spaces,
UTF-8, columns that are NULL left out (a new nullable column does not change old records' hashes).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
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


@cache
def pk_column(table: Table) -> str:
    (column,) = table.primary_key.columns  # every audited table has a one-column key (tested)
    return column.name


def row_state(columns: Sequence[str], values: Sequence[Any]) -> State:
    """A row as SQLite stores it (text, numbers, NULLs left out): JSON columns stay text and times stay
    the text SQLite holds, so that nothing is parsed to hash a row. Bytes as hexadecimal text."""
    return {
        key: value.hex() if value.__class__ is bytes else value
        for key, value in zip(columns, values, strict=True)
        if value is not None
    }


def canonical_json(data: Any) -> str:
    """Readable JSON with sorted keys and no spaces (the log's `before` and `after`)."""
    return _READABLE.encode(data)


_READABLE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# What is hashed: `json.dumps(data, sort_keys=True, separators=(",", ":"))` (non-ASCII characters
# escaped). `_hashed_text` writes exactly that text for an object with text keys, a member at a time
# (strings and integers, nearly every value, without the general encoder's set-up per call).
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"))
ESCAPED = json.encoder.encode_basestring_ascii
_INT = int.__repr__


def value_text(value: Any) -> str:
    kind = value.__class__
    if kind is str:
        return ESCAPED(value)
    if kind is int:
        return _INT(value)
    return "null" if value is None else _ENCODER.encode(value)


def _hashed_text(data: Mapping[str, Any]) -> str:
    try:
        members = [ESCAPED(key) + ":" + value_text(value) for key, value in sorted(data.items())]
    except TypeError:  # a key that is not text: the encoder's own (rarer) rules
        return _ENCODER.encode(data)
    return "{" + ",".join(members) + "}"


def _hashed(data: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON with non-ASCII characters escaped (faster to encode, same meaning)."""
    return hashlib.sha256(_hashed_text(data).encode()).hexdigest()


def state_hash(state: State) -> str:
    if _PLAIN.issuperset({v.__class__ for v in state.values()}):
        return _plain_state_hash(tuple(state.items()))
    return _hashed(state)


# An autosave hashes the record's state before the change, which is the state it hashed after the
# previous save: remembered. Only for text and whole numbers, whose equality means the same JSON
# (1 == 1.0 == True do not).
_PLAIN = frozenset({str, int})


@lru_cache(maxsize=256)
def _plain_state_hash(items: tuple[tuple[str, Any], ...]) -> str:
    return _hashed(dict(items))


def entry_hash(entry: Mapping[Any, Any]) -> str:
    """SHA-256 of the entry's canonical JSON, which includes the previous entry's hash."""
    members = [prefix + value_text(entry.get(key)) for key, prefix in _ENTRY_MEMBERS]
    return hashlib.sha256(("{" + ",".join(members) + "}").encode()).hexdigest()


_ENTRY_MEMBERS = [(key, ESCAPED(key) + ":") for key in sorted(ENTRY_FIELDS)]


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
        return _parsed(value)
    return value


@lru_cache(maxsize=32)
def _parsed(text: str) -> Any:
    """A JSON column's value (a dossier's forms: before a change it is the text parsed after the
    previous one). Shared: never changed by its readers."""
    return json.loads(text)


def readable(table_name: str, state: State) -> State:
    """A state for people to read: JSON columns as objects, secrets replaced by a mark."""
    as_json = json_columns(table_name)
    return {k: _readable(table_name, k, v, as_json) for k, v in state.items()}


def shown(table_name: str, state: State | None) -> str | None:
    return None if state is None else canonical_json(readable(table_name, state))


@cache
def _select_sql(table: Table) -> tuple[list[str], int, str]:
    """The table's columns, the key's place among them, and the statement that reads rows by key."""
    columns = [c.name for c in table.columns]
    key = pk_column(table)
    select = (
        f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)} FROM "{table.name}" WHERE "{key}"'
    )
    return columns, columns.index(key), select


def read_states(conn: Connection, table: Table, ids: Iterable[str]) -> dict[str, State]:
    """The current state of the given records of `table`, by id (absent ids are left out)."""
    columns, position, select = _select_sql(table)
    wanted = list(dict.fromkeys(ids))
    raw = driver(conn)
    if len(wanted) == 1:  # an autosave: one record
        rows = raw.execute(f"{select} = ?", wanted)
        return {str(values[position]): row_state(columns, values) for values in rows}
    found: dict[str, State] = {}
    for start in range(0, len(wanted), 500):
        chunk = tuple(wanted[start : start + 500])
        for values in raw.execute(f"{select} IN ({', '.join('?' * len(chunk))})", chunk):
            found[str(values[position])] = row_state(columns, values)
    return found
