"""`EvaluatorSheetStore`: the score-sheet editor's `SheetStore` over the council member's own sheet
on an evaluator laptop (`services.evaluator_work.EvaluatorWorkService`).

No Qt here: the adapter only moves data between the editor and the service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_desktop.services.evaluator.work import EvaluatorSheetState, EvaluatorWorkService, SheetEditInput
from ocop_desktop.ui.scoring.store import AttachmentRef, SheetData, SheetEdit

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class EvaluatorSheetStore:
    """The member's sheet of one assigned dossier. The service keeps criterion stops (flagged by
    the evaluator), so they are offered; evidence links may only cite the dossier's own files
    (their sha256 is the attachment id)."""

    supports_stops = True

    def __init__(self, ctx: AppContext, dossier_id: str, round_id: str | None = None) -> None:
        self._service = EvaluatorWorkService(ctx)
        self.dossier_id = dossier_id
        self.round_id = round_id
        self._attachments: tuple[AttachmentRef, ...] = ()

    def load(self) -> SheetData:
        dossier = self._service.dossier(self.dossier_id, self.round_id)
        self._attachments = tuple(
            AttachmentRef(e.sha256, e.filename, e.checklist_key or "", e.criteria) for e in dossier.evidence
        )
        return self._data(self._service.sheet(self.dossier_id, self.round_id))

    def save(self, edit: SheetEdit, expected_revision: int | None) -> SheetData:
        state = self._service.save_sheet(
            self.dossier_id,
            SheetEditInput(
                answers=dict(edit.answers),
                knockouts=tuple(edit.knockouts),
                stops=tuple(edit.stops),
                notes=dict(edit.notes),
                evidence={k: tuple(v) for k, v in edit.evidence.items()},
                opinion=edit.opinion,
            ),
            expected_revision=expected_revision,
            round_id=self.round_id,
        )
        return self._data(state)

    def _data(self, state: EvaluatorSheetState) -> SheetData:
        return SheetData(
            sheet=state.sheet,
            answers=dict(state.answers),
            knockouts=tuple(state.knockouts),
            stops=tuple(state.stops),
            notes=dict(state.notes),
            evidence={k: tuple(v) for k, v in state.evidence.items()},
            opinion=state.opinion,
            editable=state.editable,
            revision=state.revision,
            attachments=self._attachments,
            kind="member",
        )
