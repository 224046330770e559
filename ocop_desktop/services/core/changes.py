"""What other desks changed: a cheap signal for lists to refresh (a province office on one server).

Every saved change appends to the audit log in its own transaction (`store.audit`), and the log's
numbers only grow, so "has anything changed since I last looked?" is one read of the highest number
(the primary key's last entry: as cheap on a log of a million entries as on an empty one), and "which
kinds of record?" one read of the entries after it. A desk polls every few seconds
(`POLL_SECONDS`); no server push is needed, and the same works on the SQLite file (where the only
other writer is an import on this machine).

The desk's own changes are reported too: a list refreshing after its own save is harmless. An open
dossier's window, though, says "changed elsewhere" only for another desk's change or an import
(`Changes.dossiers`): the log does not name the desk, so the engine remembers the entries it wrote
(`store.audit.written`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.store.audit.written import take_written
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
    # dossier id -> who changed it last, for the changes another desk or an import made (the officer's
    # name; "" when the log has none)
    dossiers: Mapping[str, str] = field(default_factory=dict)

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
        """The tables changed since the previous poll (by any desk), and the dossiers changed elsewhere."""
        with self._ctx.read() as s:
            last = int(s.scalar(select(func.max(AuditEntry.seq))) or 0)
            if last == self._seen:
                return Changes(frozenset())
            new = (AuditEntry.seq > self._seen, AuditEntry.seq <= last)
            tables = frozenset(s.scalars(select(AuditEntry.table_name).where(*new).distinct()))
            touched = s.execute(
                select(AuditEntry.seq, AuditEntry.dossier_id, AuditEntry.officer_name, AuditEntry.source)
                .where(*new, AuditEntry.dossier_id.is_not(None))
                .order_by(AuditEntry.seq)
            ).all()
        mine = take_written(self._ctx.engine, last)
        self._seen = last
        dossiers = {
            str(dossier): name or ""
            for seq, dossier, name, source in touched
            if seq not in mine or source == "import"  # a package imported here came from elsewhere
        }
        return Changes(tables, dossiers)
