"""How a dossier ends at the office: withdrawn by its producer ("Hủy hồ sơ", a lifecycle action with a
required reason, `DossierService.act`), and set aside once closed ("Lưu trữ", `DossierArchiveService`).

An archive is the dossier's `archived_on` date, a local column: outside the parts' hashes and never in a
package (`sync/records.LOCAL_DOSSIER_FIELDS`), so what the province holds and the sync state stay as they
are; the list hides it by default (a column of the row scanned: a lookup in another table per row doubled
the time of a page of 60,000); restoring clears it. Written through the ORM, so the audit log records who
archived and restored, and when."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ocop_desktop.domain.archive import CLOSED_STATUSES, archive_problem
from ocop_desktop.domain.dossiers import Action, Status, allowed_actions, may_withdraw, withdrawal_problems
from ocop_desktop.domain.errors import ConflictError, NotFoundError, UserError, ValidationError
from ocop_desktop.store.models import Dossier, DossierEvent, RoundEntry

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, ScalarSelect
    from sqlalchemy.orm import QueryableAttribute, Session

    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class ArchiveState:
    archived: bool
    problem: str  # why it cannot be archived now ("" when it can, or when it is archived)


def offered_actions(d: Dossier, role: str | None) -> tuple[str, ...]:
    """The office's steps open now; "Hủy hồ sơ" only for a dossier that left the office (one that did
    not is deleted instead)."""
    status = Status(d.status)
    return tuple(
        a.value
        for a in allowed_actions(status, role)
        if a is not Action.WITHDRAW or may_withdraw(status, bool(d.receipt_number))
    )


def check_withdrawal(d: Dossier, reason: str) -> None:
    problems = withdrawal_problems(Status(d.status), bool(d.receipt_number), reason)
    if "" in problems:
        raise UserError(problems[""])
    if problems:
        raise ValidationError(problems)


def not_archived() -> ColumnElement[bool]:
    """The list's default condition."""
    return Dossier.archived_on.is_(None)


def archive_state(s: Session, d: Dossier, today: date) -> ArchiveState:
    """Whether the dossier is archived, or why it may not be yet (reads its latest round entry and, when
    needed, when its procedure ended)."""
    if d.archived_on is not None:
        return ArchiveState(True, "")
    entry = s.scalars(select(RoundEntry).where(RoundEntry.id == latest_entry_id(d.id))).first()
    closing_event_at = s.scalar(
        select(func.max(DossierEvent.at)).where(
            DossierEvent.dossier_id == d.id, DossierEvent.to_status.in_(_CLOSED)
        )
    )
    return _state(d, entry, _closed_on(d, entry, closing_event_at), today)


def archive_state_read(
    d: Dossier, entry: RoundEntry | None, events: Sequence[DossierEvent], today: date
) -> ArchiveState:
    """`archive_state` from what the caller has read already in its transaction: the dossier, its
    latest round entry (`latest_entry_id`) and its events (the dossier window: no query)."""
    if d.archived_on is not None:
        return ArchiveState(True, "")
    closing_event_at = max((e.at for e in events if e.to_status in _CLOSED), default=None)
    return _state(d, entry, _closed_on(d, entry, closing_event_at), today)


def _state(d: Dossier, entry: RoundEntry | None, closed_on: date | None, today: date) -> ArchiveState:
    return ArchiveState(
        False, archive_problem(Status(d.status), entry.status if entry else None, closed_on, today)
    )


def latest_entry_id(dossier: QueryableAttribute[str] | str) -> ScalarSelect[str]:
    """The id of the dossier's latest round entry (a dossier moved between rounds has several), as a
    subquery: of the dossier with this id, or of the outer query's dossier (`Dossier.id`, correlated)."""
    stmt = select(_LATEST.id).where(_LATEST.dossier_id == dossier)
    return stmt.order_by(_LATEST.updated_at.desc(), _LATEST.id).limit(1).scalar_subquery()


_LATEST = aliased(RoundEntry, name="latest_entry")  # made once: an alias costs ~0.5 ms to build


def _closed_on(d: Dossier, entry: RoundEntry | None, closing_event_at: datetime | None) -> date | None:
    """When the procedure ended: the event that closed it, else the council's outcome."""
    if closing_event_at is not None:
        return closing_event_at.date()
    if entry is not None:
        return entry.updated_at.date()
    return d.updated_at.date() if d.status in _CLOSED else None


_CLOSED = frozenset(st.value for st in CLOSED_STATUSES)


class DossierArchiveService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today

    def state(self, dossier_id: str) -> ArchiveState:
        with self._ctx.read() as s:
            return archive_state(s, _dossier(s, dossier_id), self._today or date.today())

    def archive(self, dossier_id: str, *, expected_revision: int) -> None:
        with self._ctx.unit_of_work() as s:
            d = _dossier(s, dossier_id)
            if d.revision != expected_revision:
                raise ConflictError("Hồ sơ đã được thay đổi ở nơi khác. Hãy mở lại hồ sơ.")
            state = archive_state(s, d, self._today or date.today())
            if state.archived:
                return
            if state.problem:
                raise UserError(state.problem)
            d.archived_on = self._today or date.today()

    def restore(self, dossier_id: str) -> None:
        with self._ctx.unit_of_work() as s:
            d = _dossier(s, dossier_id)
            if d.archived_on is not None:
                d.archived_on = None


def _dossier(s: Session, dossier_id: str) -> Dossier:
    d = s.get(Dossier, dossier_id)
    if d is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    return d
