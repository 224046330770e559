"""What other desks changed: a cheap signal for lists to refresh (a province office on one server).

Every saved change appends to the audit log in its own transaction (`store.audit`), and the log's
numbers only grow, so "has anything changed since I last looked?" is one read of the highest number
(the primary key's last entry: as cheap on a log of a million entries as on an empty one), and "which
kinds of record?" one read of the entries after it. A desk polls every few seconds
(`POLL_SECONDS`); no server push is needed, and the same works on the SQLite file (where the only
other writer is an import on this machine).

The desk's own changes are reported too: a list refreshing after its own save is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.store.models import AuditEntry

POLL_SECONDS = 5.0

# Which lists a changed table concerns (the table names of `store.models`).
TOPICS = {
    "dossiers": frozenset({"dossier", "dossier_event", "checklist_item", "attachment", "score_sheet"}),
    "registry": frozenset({"producer", "product", "certificate"}),
    "rounds": frozenset(
        {"evaluation_round", "round_entry", "council_member", "recognition_decision", "score_sheet"}
    ),
    "officers": frozenset({"officer", "office"}),
}


@dataclass(frozen=True)
class Changes:
    tables: frozenset[str]

    def touches(self, topic: str) -> bool:
        """Whether a list of `topic` (a key of `TOPICS`) should be read again."""
        return bool(self.tables & TOPICS[topic])

    def __bool__(self) -> bool:
        return bool(self.tables)


class ChangeWatch:
    """Made once per window; `poll()` from a timer (in the background: it reads the database)."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._seen = self._last()

    def _last(self) -> int:
        with self._ctx.read() as s:
            return int(s.scalar(select(func.max(AuditEntry.seq))) or 0)

    def poll(self) -> Changes:
        """The tables changed since the previous poll (by any desk)."""
        with self._ctx.read() as s:
            last = int(s.scalar(select(func.max(AuditEntry.seq))) or 0)
            if last == self._seen:
                return Changes(frozenset())
            query = select(AuditEntry.table_name).where(AuditEntry.seq > self._seen, AuditEntry.seq <= last)
            tables = frozenset(s.scalars(query.distinct()))
        self._seen = last
        return Changes(tables)
