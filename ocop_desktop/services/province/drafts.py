"""Drafts of council members' sheets being typed at the province.

The secretary types a member's paper sheet from top to bottom; until every criterion is answered
(or the product is eliminated) it cannot be a `ScoreSheet` — the engine refuses an incomplete
sheet — but closing the window must not lose it. A draft is a `MemberSheetDraft` row per round
entry and member: the answers (checked by the engine in partial mode, so bad codes are refused
before anything is written), knock-outs, stops, notes, opinion and the stored sheet it started from.

Drafts are local: no package carries them, and aggregation, progress counts, matrices, evaluator
assignments and printing read `ScoreSheet` rows only. `MemberScoreService.enter` deletes the draft
in the unit of work that stores the complete sheet. A draft is *stale* when the stored sheet moved
on after it was started (re-imported from an evaluator laptop, typed elsewhere, removed), when the
dossier's rule set changed, or when the entry is no longer scorable (proposed, decided): it is
then reported with the reason, never applied over the stored sheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.domain.province import SCORABLE, EntryStatus
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.domain.text import nfc_multiline
from ocop_desktop.services.province.common import get_entry, get_round, members_of
from ocop_desktop.services.province.scores import SheetInput, member_sheets, sheet_target, stop_ids
from ocop_desktop.store.models import Dossier, ScoreSheet
from ocop_desktop.store.models.province import CouncilMember, MemberSheetDraft, RoundEntry

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

SHEET_MOVED = (
    "phiếu đã lưu của thành viên này đã thay đổi sau khi bắt đầu nhập "
    "(nhập từ máy chấm, sửa ở nơi khác hoặc bị xóa)"
)
RULES_CHANGED = "bộ tiêu chí của hồ sơ đã thay đổi"


@dataclass(frozen=True)
class DraftRow:
    id: str
    dossier_id: str
    member_id: str
    member_label: str  # "TV3"
    missing: tuple[str, ...]  # criteria not answered yet, printed order
    base_revision: int | None  # the stored sheet's revision it started from (None: no sheet then)
    updated_at: datetime
    officer_id: str | None
    stale: str  # "" while it can be continued; otherwise why it must not be (Vietnamese)


@dataclass(frozen=True)
class DraftState:
    row: DraftRow
    answers: dict[str, int]
    knockouts: tuple[str, ...]
    stops: tuple[str, ...]
    notes: dict[str, str]
    opinion: str


class MemberDraftService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def save(
        self, round_id: str, dossier_id: str, member_id: str, data: SheetInput, *, base_revision: int | None
    ) -> DraftRow:
        """Create or replace the member's draft. `base_revision` is the stored sheet's revision the
        typing started from (None: no sheet yet); a different one raises `ConflictError`, as
        `enter` does. Nothing is written unless the engine accepts every answer given."""
        with self._ctx.unit_of_work() as s:
            member, entry, dossier, sheet = sheet_target(s, get_round(s, round_id), member_id, dossier_id)
            knockouts, stops = tuple(dict.fromkeys(data.knockouts)), stop_ids(sheet, data.stops)
            running = score(sheet, dict(data.answers), knockouts, stops, partial=True)  # raises on a bad code
            stored = member_sheets(s, dossier_id, [member.id]).get(member.id)
            draft = _draft(s, entry.id, member.id)
            if base_revision != _revision(stored) or (
                draft is not None and _stale(draft, entry, dossier, stored)
            ):
                raise ConflictError("Phiếu chấm đã được sửa ở nơi khác. Hãy mở lại phiếu.")
            if draft is None:
                draft = MemberSheetDraft(entry_id=entry.id, member_id=member.id)
                s.add(draft)
            draft.ruleset_hash, draft.product_set = dossier.ruleset_hash, dossier.product_set
            draft.answers, draft.knockouts, draft.stops = dict(running.answers), list(knockouts), list(stops)
            draft.notes = {k: nfc_multiline(v) for k, v in data.notes.items() if v.strip()}
            draft.opinion = nfc_multiline(data.opinion)
            draft.missing = list(running.unanswered)
            draft.base_sheet_id, draft.base_revision = (stored.id if stored else None), _revision(stored)
            s.flush()
            return _row(draft, entry, dossier, member, stored)

    def get(self, round_id: str, dossier_id: str, member_id: str) -> DraftState | None:
        """The member's draft for the dossier (stale or not: see `DraftRow.stale`), or None."""
        with self._ctx.read() as s:
            r = get_round(s, round_id)
            entry = get_entry(s, r, dossier_id)
            member = s.get(CouncilMember, member_id)
            draft = _draft(s, entry.id, member_id)
            if draft is None or member is None:
                return None
            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None
            stored = member_sheets(s, dossier_id, [member_id]).get(member_id)
            return DraftState(
                _row(draft, entry, dossier, member, stored),
                dict(draft.answers),
                tuple(draft.knockouts),
                tuple(draft.stops),
                dict(draft.notes),
                draft.opinion,
            )

    def drafts(self, round_id: str, dossier_id: str) -> dict[str, DraftRow]:
        """Every member's draft of the dossier, by member id: a fixed number of queries, whatever
        the council's size (the scoring tab's member picker shows them all)."""
        with self._ctx.read() as s:
            r = get_round(s, round_id)
            entry = get_entry(s, r, dossier_id)
            drafts = list(s.scalars(select(MemberSheetDraft).where(MemberSheetDraft.entry_id == entry.id)))
            if not drafts:
                return {}
            members = {m.id: m for m in members_of(s, r.id)}
            stored = member_sheets(s, dossier_id, [d.member_id for d in drafts])
            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None
            return {
                d.member_id: _row(d, entry, dossier, members[d.member_id], stored.get(d.member_id))
                for d in drafts
                if d.member_id in members
            }

    def discard(self, round_id: str, dossier_id: str, member_id: str) -> bool:
        """Delete the member's draft (the person chose to, or it is stale). False if there was none."""
        with self._ctx.unit_of_work() as s:
            entry = get_entry(s, get_round(s, round_id), dossier_id)
            gone = s.execute(
                delete(MemberSheetDraft).where(
                    MemberSheetDraft.entry_id == entry.id, MemberSheetDraft.member_id == member_id
                )
            )
            return bool(getattr(gone, "rowcount", 0))


def _draft(s: Session, entry_id: str, member_id: str) -> MemberSheetDraft | None:
    return s.scalars(
        select(MemberSheetDraft).where(
            MemberSheetDraft.entry_id == entry_id, MemberSheetDraft.member_id == member_id
        )
    ).first()


def _revision(stored: ScoreSheet | None) -> int | None:
    return stored.revision if stored is not None else None


def _moved(draft: MemberSheetDraft, stored: ScoreSheet | None) -> bool:
    """The stored sheet is no longer the one the draft started from."""
    return (draft.base_sheet_id, draft.base_revision) != (
        (stored.id, stored.revision) if stored else (None, None)
    )


def _stale(draft: MemberSheetDraft, entry: RoundEntry, dossier: Dossier, stored: ScoreSheet | None) -> str:
    status = EntryStatus(entry.status)
    if status not in SCORABLE:
        return f"hồ sơ đang “{status.label}”, không nhập phiếu chấm được nữa"
    if (draft.ruleset_hash, draft.product_set) != (dossier.ruleset_hash, dossier.product_set):
        return RULES_CHANGED
    return SHEET_MOVED if _moved(draft, stored) else ""


def _row(
    draft: MemberSheetDraft,
    entry: RoundEntry,
    dossier: Dossier,
    member: CouncilMember,
    stored: ScoreSheet | None,
) -> DraftRow:
    return DraftRow(
        draft.id,
        dossier.id,
        member.id,
        f"TV{member.seq}",
        tuple(draft.missing),
        draft.base_revision,
        draft.updated_at,
        draft.updated_by_officer_id,
        _stale(draft, entry, dossier, stored),
    )
