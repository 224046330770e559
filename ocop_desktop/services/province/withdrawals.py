"""A dossier its producer withdrew at the commune, seen at the province (issue 15).

The withdrawal travels up in the next submission (`services/sync/records.WITHDRAWAL`). When the
province applies it (`services/sync/apply.apply`, on import or when an officer takes a conflicting
record), a dossier already in an evaluation round has its entry marked withdrawn here, in the same
transaction: not deleted — its member sheets, aggregation history and advisory notes stay for the
record — but out of everything that still competes: scoring (`SCORABLE`), aggregation, proposals
and the recognition decision (`decided_by_province`), the round's counts and evaluator assignments.

A dossier a decision already took (the round's decision, the ministry's 5★, or a decision outside a
round) cannot be withdrawn any more: the import keeps the record for review as conflicting
(`apply.REASONS["withdrawn_after_decision"]`), and taking it anyway is refused here.

The council secretary sees a notice for every withdrawn entry of the round until marking it seen
(`note_withdrawals`: a line in the entry's history, so the notice survives restarts and other desks)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.dossiers import Status
from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.province import EntryStatus
from ocop_desktop.services.province.common import EntryRow, entry_rows, get_round, round_label, working_round
from ocop_desktop.services.province.withdrawal_facts import NOTED_EVENT, WITHDRAWN_EVENT, withdrawal_facts
from ocop_desktop.store.base import KEEP_REVISIONS, utcnow
from ocop_desktop.store.models import Dossier
from ocop_desktop.store.models.province import EvaluationRound, RoundEntry

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


def decided_here(s: Session, dossier_id: str) -> bool:
    """A decision has taken the dossier at this office: recognised in its round (by the province, or
    5★ by the ministry) or decided outside any round."""
    d = s.get(Dossier, dossier_id)
    if d is not None and d.status == Status.DECIDED:
        return True
    entry = _entry(s, dossier_id)
    return entry is not None and (entry.status == EntryStatus.DECIDED or entry.decision_id is not None)


def check_withdrawable(s: Session, dossier_id: str) -> None:
    """Refuse (UserError) a withdrawal once a decision took the dossier; called before anything of
    the withdrawal is written."""
    if not decided_here(s, dossier_id):
        return
    entry = _entry(s, dossier_id)
    where = f" trong {round_label(get_round(s, entry.round_id))}" if entry is not None else ""
    raise UserError(
        f"Hồ sơ đã có quyết định công nhận{where}; chủ thể không rút hồ sơ được nữa. "
        "Hãy giữ bản trên máy và báo lại cho xã."
    )


def withdraw_entry(s: Session, dossier_id: str, withdrawal: dict[str, Any], package_id: str) -> bool:
    """Mark the dossier's round entry withdrawn (True), inside the caller's transaction, after
    `check_withdrawable`. Nothing to do (False) when the dossier is in no round or its entry is
    already withdrawn. `withdrawal`: the record's section, {"reason", "at"}."""
    entry = _entry(s, dossier_id)
    if entry is None or entry.status == EntryStatus.WITHDRAWN:
        return False
    working_round(s, entry.round_id)  # one desk at a time writes the round
    entry.history = [
        *entry.history,
        {
            "event": WITHDRAWN_EVENT,
            "at": utcnow().isoformat(),
            "withdrawn_at": withdrawal.get("at"),
            "reason": str(withdrawal.get("reason") or ""),
            "status": entry.status,  # where it stood in the round: kept with its result for the record
            "mean_total": entry.mean_total,
            "proposed_star": entry.proposed_star,
            "package_id": package_id,
        },
    ]
    entry.status = EntryStatus.WITHDRAWN.value
    if s.info.get(KEEP_REVISIONS):  # an import's session stamps nothing itself: the entry changed here
        entry.revision, entry.updated_at = entry.revision + 1, utcnow()
    return True


def _entry(s: Session, dossier_id: str) -> RoundEntry | None:
    return s.scalars(select(RoundEntry).where(RoundEntry.dossier_id == dossier_id)).first()


class WithdrawalService:
    """The secretary's notice of withdrawn dossiers in a round."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def unnoted(self, round_id: str) -> list[EntryRow]:
        """The round's withdrawn dossiers whose notice nobody has marked seen yet."""
        with self._ctx.read() as s:
            rows = entry_rows(s, get_round(s, round_id))
        return [e for e in rows if e.status == EntryStatus.WITHDRAWN and not e.withdrawal_noted]

    def note_withdrawals(self, round_id: str) -> int:
        """Mark the notice of every withdrawn dossier of the round as seen; how many were marked."""
        with self._ctx.unit_of_work() as s:
            r: EvaluationRound = working_round(s, round_id)
            marked = 0
            for entry in s.scalars(
                select(RoundEntry).where(
                    RoundEntry.round_id == r.id, RoundEntry.status == EntryStatus.WITHDRAWN.value
                )
            ):
                if withdrawal_facts(list(entry.history))[2]:
                    continue
                entry.history = [
                    *entry.history,
                    {"event": NOTED_EVENT, "at": utcnow().isoformat(), "officer_id": self._ctx.officer_id},
                ]
                marked += 1
            return marked
