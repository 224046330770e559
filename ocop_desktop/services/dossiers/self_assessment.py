"""Mẫu 02 Part III: the producer's self-scoring on the official sheet of the dossier's rule set,
with notes and evidence per criterion. Autosaved answer by answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.domain.dossiers import EDITABLE, Status
from ocop_desktop.domain.errors import ConflictError, NotFoundError, UserError
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult, score
from ocop_desktop.domain.text import nfc_multiline
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.store.models import Dossier, ScoreSheet

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class SheetState:
    """A score sheet as the editor needs it: the rules, the answers and the engine's verdict."""

    sheet_id: str
    revision: int
    dossier_id: str
    sheet: Sheet
    answers: dict[str, int]
    knockouts: tuple[str, ...]
    notes: dict[str, str]
    evidence: dict[str, list[str]]
    opinion: str
    result: ScoreResult | None  # None while criteria are unanswered
    unanswered: tuple[str, ...]
    editable: bool
    running: ScoreResult  # partial result: unanswered criteria count 0 (live totals in the editor)


def evaluate(
    sheet: Sheet, answers: dict[str, int], knockouts: tuple[str, ...], *, one_case: bool = True
) -> tuple[ScoreResult | None, tuple[str, ...]]:
    """The engine's result, or None and the unanswered leaf codes while the sheet is incomplete.
    `one_case=False` reads a stored sheet as saved (`scoring.score`)."""
    try:
        return score(sheet, answers, knockouts, one_case=one_case), ()
    except UserError as exc:
        missing = tuple(getattr(exc, "missing", ()) or ())
        if not missing:
            raise
        return None, missing


class SelfAssessmentService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def load(self, dossier_id: str) -> SheetState:
        with self._ctx.read() as s:
            sheet_row, dossier = self._sheet(s, dossier_id)
            return self._state(sheet_row, dossier)

    def save(
        self,
        dossier_id: str,
        *,
        answers: dict[str, int] | None = None,
        knockouts: list[str] | None = None,
        notes: dict[str, str] | None = None,
        evidence: dict[str, list[str]] | None = None,
        opinion: str | None = None,
        expected_revision: int | None = None,
    ) -> SheetState:
        with self._ctx.unit_of_work() as s:
            row, dossier = self._sheet(s, dossier_id)
            if Status(dossier.status) not in EDITABLE:
                raise UserError("Hồ sơ đã gửi đi, không sửa phiếu tự đánh giá được nữa.")
            if expected_revision is not None and row.revision != expected_revision:
                raise ConflictError("Phiếu đã được sửa ở nơi khác. Hãy mở lại hồ sơ.")
            rules = RuleService().get(row.ruleset_id).sheet(row.product_set)
            new_answers = dict(row.answers if answers is None else answers)
            new_knockouts = tuple(row.knockouts if knockouts is None else knockouts)
            result, _missing = evaluate(rules, new_answers, new_knockouts)  # refuses unknown codes/indices
            row.answers, row.knockouts = new_answers, list(new_knockouts)
            if notes is not None:
                row.notes = {k: nfc_multiline(v) for k, v in notes.items() if v.strip()}
            if evidence is not None:
                row.evidence = {k: list(v) for k, v in evidence.items() if v}
            if opinion is not None:
                row.opinion = nfc_multiline(opinion)
            row.total = float(result.total) if result else None
            row.star = result.star if result else None
        return self.load(dossier_id)

    def _sheet(self, s: Any, dossier_id: str) -> tuple[ScoreSheet, Dossier]:
        dossier = s.get(Dossier, dossier_id)
        if dossier is None:
            raise NotFoundError("Không tìm thấy hồ sơ.")
        row = s.scalars(
            select(ScoreSheet).where(ScoreSheet.dossier_id == dossier_id, ScoreSheet.kind == "self")
        ).first()
        if row is None:
            raise NotFoundError("Hồ sơ chưa có phiếu tự đánh giá.")
        return row, dossier

    def _state(self, row: ScoreSheet, dossier: Dossier) -> SheetState:
        ruleset = RuleService().get(row.ruleset_id)
        if ruleset.content_hash != row.ruleset_hash:
            raise UserError(
                f"Bộ tiêu chí “{row.ruleset_id}” trên máy khác với bản đã dùng để chấm phiếu này "
                "(mã băm khác). Phiếu được giữ nguyên; hãy cài đúng bộ tiêu chí từ gói tham chiếu."
            )
        rules = ruleset.sheet(row.product_set)
        result, missing = evaluate(rules, dict(row.answers), tuple(row.knockouts), one_case=False)
        running = score(rules, dict(row.answers), tuple(row.knockouts), partial=True, one_case=False)
        return SheetState(
            row.id,
            row.revision,
            dossier.id,
            rules,
            dict(row.answers),
            tuple(row.knockouts),
            dict(row.notes),
            {k: list(v) for k, v in row.evidence.items()},
            row.opinion,
            result,
            missing,
            Status(dossier.status) in EDITABLE,
            running,
        )
