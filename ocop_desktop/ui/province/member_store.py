"""`MemberSheetStore`: a council member's score sheet for one dossier of a round, as the score-sheet
editor's `SheetStore`, through `MemberScoreService` and `MemberDraftService` (no Qt here).

The service stores only complete sheets (every criterion answered, or the product eliminated) —
the secretary types a paper sheet from top to bottom, so until the last criterion is in, each
autosave goes to the member's stored draft (`province_drafts`), which survives closing the window
or a crash; the save that completes the sheet enters it and deletes the draft in one transaction.
`draft` is the stored draft now shown (its `missing` criteria are what the banner names);
`discarded` is a stale draft that `load` dropped instead of showing (the stored sheet moved on, or
the dossier is no longer scorable), for the screen to say so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_desktop.domain.errors import NotFoundError, UserError
from ocop_desktop.domain.province import SCORABLE, EntryStatus
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.progress import Progress
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.common import pinned_sheet
from ocop_desktop.services.province.drafts import DraftRow, MemberDraftService
from ocop_desktop.services.province.rounds import RoundService
from ocop_desktop.services.province.scores import MemberScoreService, MemberSheetRow, SheetInput
from ocop_desktop.ui.scoring.store import SheetData, SheetEdit

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

Key = tuple[str, str, str]  # round, dossier, member


def sheets_and_drafts(
    progress: Progress, ctx: AppContext, round_id: str, dossier_id: str
) -> tuple[list[MemberSheetRow], dict[str, DraftRow]]:
    """The member picker's data, as a background job: the stored sheets of the dossier and the
    members' drafts (by member id)."""
    return MemberScoreService(ctx).sheets(round_id, dossier_id), MemberDraftService(ctx).drafts(
        round_id, dossier_id
    )


class MemberSheetStore:
    """After each save the owner reads `draft` (None once the sheet is stored complete)."""

    supports_stops = True

    def __init__(self, ctx: AppContext, round_id: str, dossier_id: str, member_id: str) -> None:
        self._ctx = ctx
        self._scores = MemberScoreService(ctx)
        self._drafts = MemberDraftService(ctx)
        self.key: Key = (round_id, dossier_id, member_id)
        self.draft: DraftRow | None = None
        self.discarded: DraftRow | None = None
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

    def load(self) -> SheetData:
        """The member's draft if there is one that can be continued, else the stored sheet (or a
        blank one). A stale draft is deleted and kept in `discarded`."""
        entry = RoundService(self._ctx).entry(self.round_id, self.dossier_id)
        self._editable = EntryStatus(entry.status) in SCORABLE
        try:
            state = self._scores.get(*self.key)
        except NotFoundError:
            state = None
        if state is not None:
            self._sheet = state.sheet
            flagged = tuple(
                x.id for x in state.sheet.stops if x.trigger == "flag" and x.id in state.row.stops
            )
            data = SheetData(
                sheet=state.sheet,
                answers=dict(state.answers),
                knockouts=tuple(state.row.knockouts),
                stops=flagged,
                notes=dict(state.notes),
                opinion=state.opinion,
                editable=self._editable,
                revision=state.row.revision,
                kind="member",
            )
        else:
            detail = DossierService(self._ctx).get(self.dossier_id)
            self._sheet = pinned_sheet(detail.ruleset_id, detail.ruleset_hash, detail.row.product_set)
            data = SheetData(sheet=self._sheet, editable=self._editable, revision=None, kind="member")
        self.draft = None
        found = self._drafts.get(*self.key)
        if found is None:
            return data
        if not found.row.stale:
            self.draft = found.row
            return self._data(
                SheetEdit(
                    dict(found.answers), found.knockouts, found.stops, dict(found.notes), {}, found.opinion
                ),
                found.row.base_revision,
            )
        self._drafts.discard(*self.key)  # never applied over a sheet that moved on
        self.discarded = found.row
        return data

    def save(self, edit: SheetEdit, expected_revision: int | None) -> SheetData:
        if not self._editable:
            raise UserError("Hồ sơ đã có kết quả đề nghị hoặc quyết định: không sửa phiếu chấm được nữa.")
        sheet = self._sheet or self.load().sheet
        running = score(sheet, edit.answers, edit.knockouts, edit.stops, partial=True)  # refuses bad codes
        data = SheetInput(
            dict(edit.answers), tuple(edit.knockouts), tuple(edit.stops), edit.opinion, dict(edit.notes)
        )
        if running.unanswered and not running.eliminated:
            self.draft = self._drafts.save(*self.key, data, base_revision=expected_revision)
            return self._data(edit, expected_revision)
        row = self._scores.enter(
            *self.key,
            data.answers,
            knockouts=data.knockouts,
            stops=data.stops,
            opinion=data.opinion,
            notes=data.notes,
            expected_revision=expected_revision,
        )
        self.draft = None  # deleted with the write
        return self._data(edit, row.revision)

    def discard_draft(self) -> bool:
        """Drop the member's draft (the person asked to); the stored sheet, if any, stays."""
        self.draft = None
        return self._drafts.discard(*self.key)

    def _data(self, edit: SheetEdit, revision: int | None) -> SheetData:
        assert self._sheet is not None
        return SheetData(
            sheet=self._sheet,
            answers=dict(edit.answers),
            knockouts=tuple(edit.knockouts),
            stops=tuple(edit.stops),
            notes=dict(edit.notes),
            opinion=edit.opinion,
            editable=self._editable,
            revision=revision,
            kind="member",
        )
