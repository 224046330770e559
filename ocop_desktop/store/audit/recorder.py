"""The one place where changes are recorded: session events around every flush.

`before_flush` reads, from the database, the state of every audited record about to be updated or
deleted (and of the rows the database will delete with them: `ON DELETE CASCADE`); `after_flush` reads
the new state of inserted and updated records and appends one entry per changed record, in the same
transaction. Core statements on audited tables must go through `audited_execute` (a guard refuses the
others), so nothing is written around the log.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Executable, FromClause, Result, Table, event, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from ocop_desktop.store.audit.canonical import State, audited_tables, is_audited, pk_column, read_states
from ocop_desktop.store.audit.chain import Actor, Change, lock_chain, record
from ocop_desktop.store.base import ACTOR_OFFICE, ACTOR_OFFICER, IMPORT_SENDER, KEEP_REVISIONS
from ocop_desktop.store.models.office import Officer

ACTOR_OFFICER_NAME = "actor_officer_name"
_PENDING = "audit_pending"
AUDITED_OPTION = "ocop_audited"


@dataclass
class AuditSwitch:
    """On in the app; benchmarks turn it off to measure what the log costs."""

    enabled: bool = True


AUDIT = AuditSwitch()


@dataclass
class _Pending:
    new: list[Any] = field(default_factory=list)
    updated: list[tuple[str, str]] = field(default_factory=list)
    before: dict[tuple[str, str], State] = field(default_factory=dict)
    deleted: list[tuple[str, str]] = field(default_factory=list)


def _key(obj: Any) -> tuple[str, str] | None:
    table: Table = obj.__table__
    if not is_audited(table.name):
        return None
    return table.name, str(getattr(obj, pk_column(table)))


def _read_grouped(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], State]:
    by_table: dict[str, list[str]] = defaultdict(list)
    for name, ident in keys:
        by_table[name].append(ident)
    tables = audited_tables()
    return {
        (name, ident): state
        for name, ids in by_table.items()
        for ident, state in read_states(conn, tables[name], ids).items()
    }


def _cascaded(conn: Connection, deleted: dict[tuple[str, str], State]) -> dict[tuple[str, str], State]:
    """The rows the database deletes with `deleted` (foreign keys ON DELETE CASCADE), recursively."""
    found: dict[tuple[str, str], State] = {}
    frontier = deleted
    tables = audited_tables()
    while frontier:
        parents: dict[str, set[str]] = defaultdict(set)
        for name, ident in frontier:
            parents[name].add(ident)
        nxt: dict[tuple[str, str], State] = {}
        for child in tables.values():
            for fk in child.foreign_keys:
                ids = parents.get(fk.column.table.name)
                if not ids or (fk.ondelete or "").upper() != "CASCADE":
                    continue
                key = child.c[pk_column(child)]
                rows = conn.execute(select(key).where(fk.parent.in_(ids))).scalars()
                keys = [(child.name, str(r)) for r in rows]
                nxt.update(_read_grouped(conn, [k for k in keys if k not in found and k not in deleted]))
        found.update(nxt)
        frontier = nxt
    return found


def actor_of(session: Session, conn: Connection, source: str | None = None) -> Actor:
    officer_id = session.info.get(ACTOR_OFFICER)
    name = session.info.get(ACTOR_OFFICER_NAME)
    if name is None:
        found = (
            conn.execute(select(Officer.name).where(Officer.id == officer_id)).scalar()
            if officer_id
            else None
        )
        name = session.info[ACTOR_OFFICER_NAME] = found or ""
    kind = source or ("import" if session.info.get(KEEP_REVISIONS) else "app")
    office = session.info.get(IMPORT_SENDER) if kind == "import" else None
    return Actor(office or session.info.get(ACTOR_OFFICE), officer_id, name, kind)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    if not AUDIT.enabled:
        return
    pending = _Pending(new=[o for o in session.new if _key(o) is not None])
    for obj in session.dirty:  # not `is_modified`: an unchanged record reads the same and logs nothing
        key = _key(obj)
        if key is not None:
            pending.updated.append(key)
    deleted = [k for k in (_key(o) for o in session.deleted) if k is not None]
    if not (pending.new or pending.updated or deleted):
        return
    conn = session.connection()
    lock_chain(conn)
    pending.before = _read_grouped(conn, pending.updated + deleted)
    gone = {k: pending.before[k] for k in deleted if k in pending.before}
    cascade = _cascaded(conn, gone)
    pending.before.update(cascade)
    pending.deleted = list(gone) + list(cascade)
    session.info[_PENDING] = pending


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    pending: _Pending | None = session.info.pop(_PENDING, None)
    if pending is None:
        return
    conn = session.connection()
    inserted = [k for k in (_key(o) for o in pending.new) if k is not None]
    after = _read_grouped(conn, inserted + pending.updated)
    changes = [Change(t, i, None, after[(t, i)]) for t, i in inserted if (t, i) in after]
    changes += [Change(t, i, pending.before.get((t, i)), after.get((t, i))) for t, i in pending.updated]
    changes += [Change(t, i, pending.before[(t, i)], None) for t, i in pending.deleted]
    record(conn, [c for c in changes if c.before is not None or c.after is not None], actor_of(session, conn))


def audited_execute(
    session: Session,
    statement: Executable,
    table: FromClause,
    ids: Iterable[Any],
    params: list[dict[str, Any]] | None = None,
) -> Result[Any]:
    """Run a Core insert/update/delete (`params`: executemany) of the records `ids` of `table`, and
    record what it changed. Returns the statement's result (its row count)."""
    ids, table = [str(i) for i in ids], cast(Table, table)
    conn = session.connection()
    if AUDIT.enabled:
        lock_chain(conn)
    before = read_states(conn, table, ids) if AUDIT.enabled else {}
    result = session.execute(statement.execution_options(**{AUDITED_OPTION: True}), params)
    if not AUDIT.enabled:
        return result
    after = read_states(conn, table, ids)
    changes = [Change(table.name, i, before.get(i), after.get(i)) for i in ids]
    record(conn, [c for c in changes if c.before is not None or c.after is not None], actor_of(session, conn))
    return result


@event.listens_for(Session, "do_orm_execute")
def _refuse_unaudited(state: ORMExecuteState) -> None:
    """A bulk write on an audited table that skips the log is a bug: refuse it before it runs."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    if state.execution_options.get(AUDITED_OPTION) or not AUDIT.enabled:
        return
    table = getattr(state.statement, "table", None)
    if table is not None and is_audited(table.name):
        raise RuntimeError(f"bulk {table.name} write outside the audit log (use store.audit.audited_execute)")


def record_change(
    session: Session, table_name: str, record_id: str, before: State | None, after: State | None
) -> None:
    """Record a change kept outside the database (a setting in a file), in the session's transaction."""
    if AUDIT.enabled and before != after:
        conn = session.connection()
        record(conn, [Change(table_name, record_id, before, after)], actor_of(session, conn))
