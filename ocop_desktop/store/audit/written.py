"""Which log entries this desk wrote (issue 18): the numbers appended through one engine and committed.

Several desks share one PostgreSQL database, and a desk's lists refresh on everybody's changes; but an
open dossier window says "changed by someone else" only when it was someone else. The log has no desk
column, and the officer is no answer (one officer may work at two desks, or an office has no officers),
so each engine remembers the numbers it appended: noted in the transaction (`conn.info`, the connection
the entries were written on) and kept only once it commits — a rolled-back number is another desk's
next one. A number given back by a rolled-back savepoint stays noted: at worst one heads-up is missed.
"""

from __future__ import annotations

from collections.abc import Iterable
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, event

_NOTED = "ocop_audit_written"  # conn.info: numbers appended in the open transaction
_COMMITTED: WeakKeyDictionary[Engine, set[int]] = WeakKeyDictionary()


def note(conn: Connection, seqs: Iterable[int]) -> None:
    """`seqs` were appended on `conn`, in its open transaction."""
    conn.info.setdefault(_NOTED, []).extend(seqs)


@event.listens_for(Engine, "commit")
def _committed(conn: Connection) -> None:
    seqs = conn.info.pop(_NOTED, None)
    if seqs:
        _COMMITTED.setdefault(conn.engine, set()).update(seqs)


@event.listens_for(Engine, "rollback")
def _rolled_back(conn: Connection) -> None:
    conn.info.pop(_NOTED, None)


def take_written(engine: Engine, upto: int) -> set[int]:
    """The numbers up to `upto` that `engine` wrote and committed, forgotten once taken (a watcher takes
    them as it reads the log, so the set stays small)."""
    mine = _COMMITTED.get(engine)
    if not mine:
        return set()
    taken = {seq for seq in mine if seq <= upto}
    mine -= taken
    return taken
