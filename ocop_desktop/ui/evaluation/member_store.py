"""`MemberSheetStore`: a council member's score sheet for one dossier of a round, as the score-sheet
editor's `SheetStore`, through `MemberScoreService` (no Qt here).

The service stores only complete sheets (every criterion answered, or the product eliminated) —
the secretary types a paper sheet from top to bottom, so until the last criterion is in, the
edits are kept as a draft in `drafts` (shared by the stores of one screen) and written as soon as
the sheet is complete. `pending(key)` tells the screen what is still missing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ocop_desktop.domain.errors import NotFoundError, UserError
from ocop_desktop.domain.province import SCORABLE, EntryStatus
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.services.dossiers import DossierService
from ocop_desktop.services.province_common import pinned_sheet
from ocop_desktop.services.province_scores import MemberScoreService
from ocop_desktop.services.rounds import RoundService
from ocop_desktop.ui.scoring.store import SheetData, SheetEdit

if TYPE_CHECKING:
    from ocop_desktop.services.context import AppContext

Key = tuple[str, str, str]  # round, dossier, member


@dataclass(frozen=True)
class Draft:
    edit: SheetEdit
    revision: int | None  # the stored sheet's revision the draft started from
    missing: tuple[str, ...]  # criteria still unanswered


class MemberSheetStore:
    """The owner asks `draft()` after each save to show what is still missing."""

    supports_stops = True

    def __init__(self, ctx: "AppContext", round_id: str, dossier_id: str, member_id: str, *,
                 drafts: dict[Key, Draft] | None = None) -> None:
        self._ctx = ctx
        self._scores = MemberScoreService(ctx)
        self.key: Key = (round_id, dossier_id, member_id)
        self.drafts = drafts if drafts is not None else {}
        self._sheet: Sheet | None = None
        self._editable = True

    @property
    def round_id(self) -> str:
        return self.key[0]

    @property
    def dossier_id(self) -> str:
        return self.key[1]

    @property
    def member_id(self) -> str:
        return self.key[2]

    def draft(self) -> Draft | None:
        return self.drafts.get(self.key)

    def load(self) -> SheetData:
        entry = RoundService(self._ctx).entry(self.round_id, self.dossier_id)
        self._editable = EntryStatus(entry.status) in SCORABLE
        try:
            state = self._scores.get(*self.key)
        except NotFoundError:
            state = None
        if state is not None:
            self._sheet = state.sheet
            flagged = tuple(x.id for x in state.sheet.stops if x.trigger == "flag" and x.id in state.row.stops)
            data = SheetData(sheet=state.sheet, answers=dict(state.answers), knockouts=tuple(state.row.knockouts),
                             stops=flagged, notes=dict(state.notes), opinion=state.opinion,
                             editable=self._editable, revision=state.row.revision, kind="member")
        else:
            detail = DossierService(self._ctx).get(self.dossier_id)
            self._sheet = pinned_sheet(detail.ruleset_id, detail.ruleset_hash, detail.row.product_set)
            data = SheetData(sheet=self._sheet, editable=self._editable, revision=None, kind="member")
        draft = self.draft()
        if draft is not None and self._editable and draft.revision == data.revision:
            return self._data(draft.edit, draft.revision)
        self.drafts.pop(self.key, None)  # stored sheet moved on (or the entry closed): the draft is void
        return data

    def save(self, edit: SheetEdit, expected_revision: int | None) -> SheetData:
        if not self._editable:
            raise UserError("Hồ sơ đã có kết quả đề nghị hoặc quyết định: không sửa phiếu chấm được nữa.")
        sheet = self._sheet or self.load().sheet
        running = score(sheet, edit.answers, edit.knockouts, edit.stops, partial=True)  # refuses bad codes
        if running.unanswered and not running.eliminated:
            self.drafts[self.key] = Draft(edit, expected_revision, running.unanswered)
            return self._data(edit, expected_revision)
        row = self._scores.enter(*self.key, dict(edit.answers), knockouts=edit.knockouts, stops=edit.stops,
                                 opinion=edit.opinion, notes=dict(edit.notes), expected_revision=expected_revision)
        self.drafts.pop(self.key, None)
        return self._data(edit, row.revision)

    def _data(self, edit: SheetEdit, revision: int | None) -> SheetData:
        assert self._sheet is not None
        return SheetData(sheet=self._sheet, answers=dict(edit.answers), knockouts=tuple(edit.knockouts),
                         stops=tuple(edit.stops), notes=dict(edit.notes), opinion=edit.opinion,
                         editable=self._editable, revision=revision, kind="member")
