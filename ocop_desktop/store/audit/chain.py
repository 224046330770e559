"""Appending entries to the log: numbered, chained to the previous entry, in the caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, select

from ocop_desktop.store.audit.canonical import GENESIS, State, canonical_json, entry_hash, shown, state_hash
from ocop_desktop.store.models.audit import AuditEntry

ENTRIES: Table = AuditEntry.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class Actor:
    office_id: str | None
    officer_id: str | None
    officer_name: str
    source: str  # app | import | bulk | baseline


@dataclass(frozen=True)
class Change:
    table_name: str
    record_id: str
    before: State | None
    after: State | None

    @property
    def action(self) -> str:
        return "insert" if self.before is None else "delete" if self.after is None else "update"


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _dossier_of(change: Change) -> str | None:
    if change.table_name == "dossier":
        return change.record_id
    state = change.after or change.before or {}
    found = state.get("dossier_id")
    return str(found) if found else None


def _fields(change: Change) -> tuple[str | None, str | None]:
    """Before and after as kept in the log: the whole record for an insert or a delete, the fields
    that changed for an update."""
    before, after = change.before, change.after
    if before is not None and after is not None:
        keys = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        before = {k: before[k] for k in keys if k in before}
        after = {k: after[k] for k in keys if k in after}
    return shown(change.table_name, before), shown(change.table_name, after)


def entry_row(change: Change, actor: Actor, at: str) -> dict[str, Any]:
    before, after = _fields(change)
    office = actor.office_id
    if actor.source == "import":  # attributed to the office that sent the record
        office = str((change.after or change.before or {}).get("updated_by_office_id") or office or "")
    return {
        "at": at,
        "office_id": office,
        "officer_id": actor.officer_id,
        "officer_name": actor.officer_name,
        "source": actor.source,
        "table_name": change.table_name,
        "record_id": change.record_id,
        "dossier_id": _dossier_of(change),
        "action": change.action,
        "before": before,
        "after": after,
        "before_hash": state_hash(change.before) if change.before is not None else None,
        "row_hash": state_hash(change.after) if change.after is not None else None,
    }


def append(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Number and chain `rows` after the last entry, and insert them (one executemany)."""
    if not rows:
        return
    last = conn.execute(select(ENTRIES.c.seq, ENTRIES.c.hash).order_by(ENTRIES.c.seq.desc()).limit(1)).first()
    seq, prev = (last[0], last[1]) if last is not None else (0, GENESIS)
    for row in rows:
        seq += 1
        row["seq"], row["prev_hash"] = seq, prev
        row["hash"] = prev = entry_hash(row)
    conn.execute(insert(ENTRIES), rows)


def record(conn: Connection, changes: list[Change], actor: Actor) -> None:
    at = now_text()
    append(conn, [entry_row(c, actor, at) for c in changes if c.before != c.after])


def seal_row(table_name: str, digest: int, count: int, actor: Actor, action: str) -> dict[str, Any]:
    """An entry for many rows at once (`seal`: the table is exactly these rows; `bulk`: these rows were
    added): the sum of their hashes and their number, not each row."""
    return {
        "at": now_text(),
        "office_id": actor.office_id,
        "officer_id": actor.officer_id,
        "officer_name": actor.officer_name,
        "source": actor.source,
        "table_name": table_name,
        "record_id": "*",
        "dossier_id": None,
        "action": action,
        "before": None,
        "after": canonical_json({"rows": count}),
        "before_hash": None,
        "row_hash": f"{digest:064x}",
    }
