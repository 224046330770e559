"""A table's content as one number, the same on SQLite and on PostgreSQL (`store migrate-to`).

Each row is normalised to what both engines mean by it (times in UTC without a zone, booleans as 0/1,
bytes as hex, JSON as its text in the order it was written) and hashed with SHA-256; the table's hash
is the sum of its rows' hashes modulo 2**256. A sum needs no ORDER BY, so the engines' different
collations do not matter, and it is computed while the rows stream by. Any row added, lost or changed
changes the sum (like the audit log's table digests, `store.audit.verify`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

MODULUS = 2**256


def normalised(value: Any) -> Any:
    """A column value read through SQLAlchemy's types, as both engines mean it."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):  # PostgreSQL gives it back with its zone, SQLite without (UTC)
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, dict | list):  # a JSON column: key order kept, as PostgreSQL's `json` keeps it
        return json.dumps(value, ensure_ascii=False)
    return value


PLAIN = frozenset((str, int, float, type(None)))  # the same on both engines: no normalising needed


def row_digest(row: Sequence[Any]) -> int:
    """SHA-256 of the row's normalised values (their `repr`: exact for text and numbers, and half the
    cost of JSON — a province's 1.5 million rows are hashed twice per move)."""
    text = repr([v if type(v) in PLAIN else normalised(v) for v in row])
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest(), "big")


class TableHash:
    """Rows fed in any order and in batches; `hex` and `rows` once done."""

    def __init__(self) -> None:
        self.total = 0
        self.rows = 0

    def add(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.total = (self.total + row_digest(row)) % MODULUS
            self.rows += 1

    @property
    def hex(self) -> str:
        return f"{self.total:064x}"
