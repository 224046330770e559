"""Appending entries to the log: numbered, chained to the previous entry, in the caller's transaction."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table

from ocop_desktop.store.audit import written
from ocop_desktop.store.audit.canonical import (
    ENTRY_FIELDS,
    GENESIS,
    State,
    canonical_json,
    entry_hash,
    readable,
    shown,
    state_hash,
)
from ocop_desktop.store.models.audit import AuditEntry
from ocop_desktop.store.raw import driver

ENTRIES: Table = AuditEntry.__table__  # type: ignore[assignment]
# Several desks write one PostgreSQL database (issue 18): appends to the chain take this transaction
# lock, so that each reads the head the previous one committed. The number spells "OCOPAUDI".
CHAIN_LOCK = 0x4F434F5041554449
_LOCKED = "ocop_audit_chain_locked"


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
    """UTC to the millisecond, e.g. 2026-12-03T20:53:04.123+00:00 (entries sort as text)."""
    now = time.time()
    return f"{time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(now))}.{int(now * 1000) % 1000:03d}+00:00"


def _dossier_of(change: Change) -> str | None:
    if change.table_name == "dossier":
        return change.record_id
    state = change.after or change.before or {}
    found = state.get("dossier_id")
    return str(found) if found else None


def _narrowed(before: Any, after: Any) -> tuple[Any, Any]:
    """Of two JSON objects (a dossier's forms), only the members that differ, at every depth."""
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return before, after
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for key in before.keys() | after.keys():
        if key not in after:
            old[key] = before[key]
        elif key not in before:
            new[key] = after[key]
        elif before[key] != after[key]:
            old[key], new[key] = _narrowed(before[key], after[key])
    return old, new


def _fields(change: Change) -> tuple[str | None, str | None]:
    """Before and after as kept in the log: the whole record for an insert or a delete; for an update,
    the fields that changed (and, in a JSON field, the members that changed)."""
    if change.before is None or change.after is None:
        return shown(change.table_name, change.before), shown(change.table_name, change.after)
    old, new = change.before, change.after
    keys = {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
    before = readable(change.table_name, {k: old[k] for k in keys if k in old})
    after = readable(change.table_name, {k: new[k] for k in keys if k in new})
    for key in keys & before.keys() & after.keys():
        before[key], after[key] = _narrowed(before[key], after[key])
    return canonical_json(before), canonical_json(after)


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


def lock_chain(conn: Connection) -> None:
    """Hold the chain for the rest of `conn`'s transaction (PostgreSQL; SQLite's one writer already
    does). Taken before the records' old states are read as well as before the head, so that another
    desk's change to the same record commits first, and always before this flush's own row locks,
    so that two desks never wait for each other."""
    if conn.dialect.name != "postgresql" or chain_held(conn):
        return  # once per transaction: the lock lasts until it ends
    driver(conn).execute("SELECT pg_advisory_xact_lock(?)", (CHAIN_LOCK,))
    chain_taken(conn)


def chain_held(conn: Connection) -> bool:
    """Whether `conn`'s transaction already holds the chain's lock."""
    transaction = conn.get_transaction()
    return transaction is not None and conn.info.get(_LOCKED) is transaction


def chain_taken(conn: Connection) -> None:
    """Note that `conn`'s transaction now holds the chain's lock (taken by a statement of the caller's
    that locks the chain first: `store.concurrency.serialise`)."""
    conn.info[_LOCKED] = conn.get_transaction()


def append(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Number and chain `rows` after the last entry, and insert them (one executemany)."""
    if not rows:
        return
    lock_chain(conn)
    raw = driver(conn)
    last = raw.execute("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0], last[1]) if last is not None else (0, GENESIS)
    for row in rows:
        seq += 1
        row["seq"], row["prev_hash"] = seq, prev
        row["hash"] = prev = entry_hash(row)
    names = [*ENTRY_FIELDS, "hash"]
    sql = f"INSERT INTO audit_entry ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    raw.executemany(sql, [tuple(row[n] for n in names) for row in rows])
    written.note(conn, (row["seq"] for row in rows))


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
