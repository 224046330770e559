"""Sealing: one entry per table for rows the log did not see one by one.

The records that predate the log (a database upgraded to this release, or migrated since: a new column
changes every record's canonical form) are sealed at start-up: the table is exactly these rows. Sample
data written in bulk (`services.demo`) is sealed as added rows. A seal keeps the sum of the rows' hashes
and their number, not each row, so that it costs one pass and a few bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Connection, Engine, FromClause, Table, select, update
from sqlalchemy.orm import Session

from ocop_desktop.store.audit.canonical import MODULUS, audited_tables
from ocop_desktop.store.audit.chain import Actor, append, seal_row
from ocop_desktop.store.audit.recorder import AUDIT, actor_of
from ocop_desktop.store.audit.scan import scan_states
from ocop_desktop.store.models.audit import AuditState

STATE: Table = AuditState.__table__  # type: ignore[assignment]
PENDING = "pending"


def table_digest(conn: Connection, table: Table) -> tuple[int, int]:
    """(sum of the row hashes modulo 2**256, number of rows) of the whole table."""
    total = count = 0
    for ids, digests in scan_states(conn, table):
        total, count = total + sum(digests), count + len(ids)
    return total % MODULUS, count


def mark_pending(conn: Connection) -> None:
    """Ask for a new seal at the next start (after a schema upgrade)."""
    conn.execute(update(STATE).where(STATE.c.key == "baseline").values(value=PENDING))


def seal_if_pending(engine: Engine) -> bool:
    """Seal every audited table if the database asks for it; True if it did."""
    with engine.begin() as conn:
        flag = conn.execute(select(STATE.c.value).where(STATE.c.key == "baseline")).scalar()
        if flag != PENDING:
            return False
        actor = Actor(None, None, "", "baseline")
        rows = [seal_row(t.name, *table_digest(conn, t), actor, "seal") for t in audited_tables().values()]
        append(conn, rows)
        conn.execute(update(STATE).where(STATE.c.key == "baseline").values(value="done"))
    return True


def record_bulk_inserts(session: Session, table: FromClause, ids: Iterable[Any]) -> None:
    """Record rows just inserted in bulk (sample data) as one `bulk` entry for the table."""
    if not AUDIT.enabled:
        return
    conn, table = session.connection(), cast(Table, table)
    added = {str(i) for i in ids}
    total = count = 0
    for ids, digests in scan_states(conn, table):  # one pass: cheaper than looking each row up
        for ident, digest in zip(ids, digests, strict=True):
            if ident in added:
                total, count = total + digest, count + 1
    append(conn, [seal_row(table.name, total % MODULUS, count, actor_of(session, conn, "bulk"), "bulk")])
