"""The council member's work on an evaluator laptop: the assigned dossiers (read-only, as the
province sent them), their evidence files, and the member's own sheets through the scoring engine.

Sheets are drafts until every leaf criterion is answered (`complete`); only complete sheets go
into the scores package (`packages_evaluator.EvaluatorPackages.export_scores`). Saving uses
optimistic locking on the sheet's revision, like the other sheet stores of the editor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import ConflictError, NotFoundError
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult, score
from ocop_desktop.domain.text import nfc_multiline
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import Office
from ocop_desktop.store.models.evaluator import EvaluatorSheet, ReceivedAssignment

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class AssignmentRow:
    id: str
    round_id: str
    round_label: str
    council_name: str
    member_id: str
    member_label: str  # "TV3"
    member_name: str
    province_name: str
    received_at: datetime
    dossiers: int
    complete: int  # sheets complete
    unsent: int  # complete sheets changed since the last scores package


@dataclass(frozen=True)
class AssignedDossierRow:
    dossier_id: str
    round_id: str
    product_name: str
    product_code: str
    producer_name: str
    product_set: int
    total: int | None  # the member's sheet, when started
    star: int | None
    complete: bool
    sent: bool  # the sheet as it is now went out in a scores package


@dataclass(frozen=True)
class EvidenceFile:
    sha256: str
    filename: str
    size: int | None
    media_type: str
    checklist_key: str | None
    criteria: tuple[str, ...]
    path: Path  # in the blob store: open read-only, never modify


@dataclass(frozen=True)
class AssignedDossier:
    """Everything the member may read about one dossier (nothing here can be edited)."""

    row: AssignedDossierRow
    registration_type: str
    ruleset_id: str
    ruleset_hash: str
    forms: dict[str, Any]
    self_answers: dict[str, int]
    evidence: tuple[EvidenceFile, ...]
    advisory: tuple[dict[str, Any], ...]  # {kind, text, noted_on, sha256, filename, path}
    rules: dict[str, Any]  # the council's rules of the round (spread, quorum, floors)


@dataclass(frozen=True)
class EvaluatorSheetState:
    """The member's sheet as the editor needs it (maps 1:1 onto `ui.scoring.store.SheetData`)."""

    dossier_id: str
    round_id: str
    sheet: Sheet
    answers: dict[str, int]
    knockouts: tuple[str, ...]
    stops: tuple[str, ...]
    notes: dict[str, str]
    evidence: dict[str, tuple[str, ...]]  # leaf code -> evidence sha256
    opinion: str
    revision: int | None  # None: not saved yet
    result: ScoreResult  # running result (`partial`): unanswered leaves listed in `result.unanswered`
    complete: bool
    editable: bool = True


@dataclass(frozen=True)
class SheetEditInput:
    answers: Mapping[str, int]
    knockouts: tuple[str, ...] = ()
    stops: tuple[str, ...] = ()
    notes: Mapping[str, str] = field(default_factory=dict)
    evidence: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    opinion: str = ""


def sheet_for(d: dict[str, Any]) -> Sheet:
    from ocop_desktop.services.province.common import pinned_sheet

    return pinned_sheet(d["ruleset_id"], d["ruleset_hash"], int(d["product_set"]))


def compute(row: EvaluatorSheet, d: dict[str, Any], knockouts: list[str]) -> ScoreResult:
    """Run the engine on the row's answers (partial), store knock-outs, totals and completeness."""
    result = score(  # the stored answers, re-scored: read as saved (`one_case`)
        sheet_for(d),
        dict(row.answers),
        tuple(dict.fromkeys(knockouts)),
        tuple(row.stops or ()),
        partial=True,
        one_case=False,
    )
    row.knockouts = list(result.knockouts)
    row.complete = not result.unanswered
    row.total, row.star = float(result.total), result.star
    return result


class EvaluatorWorkService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.blobs = BlobStore(ctx.paths.blobs_dir)

    # -- assignments and dossiers --------------------------------------------------------------
    def assignments(self) -> list[AssignmentRow]:
        with self._ctx.read() as s:
            rows = s.scalars(select(ReceivedAssignment).order_by(ReceivedAssignment.received_at.desc()))
            return [self._assignment_row(s, a) for a in rows]

    def assignment_row(self, round_id: str | None = None) -> AssignmentRow:
        """The assignment of `round_id` (id, id prefix or label "Đợt 2/2026"), or the latest one."""
        rows = self.assignments()
        if not rows:
            raise NotFoundError("Máy này chưa nhận gói phân công chấm điểm nào.")
        if round_id is None:
            return rows[0]
        found = [
            r
            for r in rows
            if round_id in (r.round_id, r.round_label)
            or (len(round_id) >= 6 and r.round_id.startswith(round_id))
        ]
        if len(found) != 1:
            raise NotFoundError(f"Không có phân công chấm điểm của đợt “{round_id}” trên máy này.")
        return found[0]

    def dossiers(self, round_id: str | None = None) -> list[AssignedDossierRow]:
        a = self.assignment_row(round_id)
        with self._ctx.read() as s:
            received = s.get(ReceivedAssignment, a.id)
            assert received is not None
            sheets = self._sheets(s, a.id)
            return [
                self._dossier_row(received, d, sheets.get(d["dossier_id"])) for d in received.data["dossiers"]
            ]

    def dossier(self, dossier_id: str, round_id: str | None = None) -> AssignedDossier:
        with self._ctx.read() as s:
            received, d = self._find(s, dossier_id, round_id)
            row = self._dossier_row(received, d, self._sheets(s, received.id).get(d["dossier_id"]))
            evidence = tuple(
                EvidenceFile(
                    x["sha256"],
                    str(x.get("filename", "")),
                    x.get("size"),
                    str(x.get("media_type", "")),
                    x.get("checklist_key"),
                    tuple(x.get("criteria") or ()),
                    self.blobs.path_for(x["sha256"]),
                )
                for x in d["evidence"]
            )
            advisory = tuple(
                {**x, "path": self.blobs.path_for(x["sha256"]) if x.get("sha256") else None}
                for x in d["advisory"]
            )
            return AssignedDossier(
                row,
                d["registration_type"],
                d["ruleset_id"],
                d["ruleset_hash"],
                dict(d["forms"]),
                dict(d["self_answers"]),
                evidence,
                advisory,
                dict(received.data["rules"]),
            )

    def evidence_path(self, dossier_id: str, sha256: str, round_id: str | None = None) -> Path:
        """The file of one evidence (or advisory) item of an assigned dossier, to open read-only."""
        with self._ctx.read() as s:
            _received, d = self._find(s, dossier_id, round_id)
        if sha256 not in {x.get("sha256") for x in (*d["evidence"], *d["advisory"])}:
            raise NotFoundError("Tệp này không thuộc hồ sơ được phân công.")
        path = self.blobs.path_for(sha256)
        if not path.is_file():
            raise NotFoundError("Thiếu tệp minh chứng trên máy này; hãy nhập lại gói phân công.")
        return path

    # -- the member's sheet --------------------------------------------------------------------
    def sheet(self, dossier_id: str, round_id: str | None = None) -> EvaluatorSheetState:
        with self._ctx.read() as s:
            received, d = self._find(s, dossier_id, round_id)
            row = self._sheets(s, received.id).get(d["dossier_id"])
            return self._state(received, d, row)

    def save_sheet(
        self,
        dossier_id: str,
        data: SheetEditInput,
        *,
        expected_revision: int | None = None,
        round_id: str | None = None,
    ) -> EvaluatorSheetState:
        """Save the member's (possibly partial) sheet. Bad answers are refused by the engine;
        `ConflictError` when the stored revision is not `expected_revision`."""
        with self._ctx.unit_of_work() as s:
            received, d = self._find(s, dossier_id, round_id)
            row = self._sheets(s, received.id).get(d["dossier_id"])
            if row is not None and expected_revision is not None and row.revision != expected_revision:
                raise ConflictError("Phiếu chấm đã được sửa ở nơi khác. Hãy mở lại phiếu.")
            if row is None:
                if expected_revision is not None:
                    raise ConflictError("Phiếu chấm không còn như lúc mở. Hãy mở lại phiếu.")
                row = EvaluatorSheet(
                    assignment_id=received.id,
                    dossier_id=d["dossier_id"],
                    ruleset_id=d["ruleset_id"],
                    ruleset_hash=d["ruleset_hash"],
                    product_set=int(d["product_set"]),
                )
                s.add(row)
            sheet = sheet_for(d)
            stops = tuple(dict.fromkeys(_stop_id(sheet, x) for x in data.stops))
            result = score(
                sheet, dict(data.answers), tuple(dict.fromkeys(data.knockouts)), stops, partial=True
            )
            attached = {x["sha256"] for x in d["evidence"]}
            evidence = {k: [x for x in v if x in attached] for k, v in data.evidence.items() if v}
            notes = {k: nfc_multiline(v) for k, v in data.notes.items() if v.strip()}
            new = (
                dict(result.answers),
                list(result.knockouts),
                list(stops),
                notes,
                evidence,
                nfc_multiline(data.opinion),
            )
            if (row.answers, row.knockouts, row.stops, row.notes, row.evidence, row.opinion) != new:
                row.answers, row.knockouts, row.stops, row.notes, row.evidence, row.opinion = new
                row.complete = not result.unanswered
                row.total, row.star = float(result.total), result.star
            s.flush()
            return self._state(received, d, row)

    # -- helpers -------------------------------------------------------------------------------
    def _find(
        self, s: Session, dossier_id: str, round_id: str | None
    ) -> tuple[ReceivedAssignment, dict[str, Any]]:
        query = select(ReceivedAssignment).order_by(ReceivedAssignment.received_at.desc())
        if round_id is not None:
            query = query.where(ReceivedAssignment.id == self.assignment_row(round_id).id)
        ref = dossier_id.strip().lower()
        for received in s.scalars(query):
            matches = [
                d
                for d in received.data["dossiers"]
                if d["dossier_id"] == ref or (len(ref) >= 6 and d["dossier_id"].startswith(ref))
            ]
            if len(matches) == 1:
                return received, matches[0]
        raise NotFoundError(f"Hồ sơ “{dossier_id}” không có trong phân công chấm điểm trên máy này.")

    @staticmethod
    def _sheets(s: Session, assignment_id: str) -> dict[str, EvaluatorSheet]:
        return {
            r.dossier_id: r
            for r in s.scalars(select(EvaluatorSheet).where(EvaluatorSheet.assignment_id == assignment_id))
        }

    def _assignment_row(self, s: Session, a: ReceivedAssignment) -> AssignmentRow:
        data = a.data
        # Only the dossiers the assignment offers now: a later assignment leaves out a dossier its
        # producer withdrew, and the member's sheet for it stays here unsent (issue 15).
        offered = {d["dossier_id"] for d in data["dossiers"]}
        sheets = [r for r in self._sheets(s, a.id).values() if r.dossier_id in offered]
        province = s.get(Office, a.province_office_id)
        return AssignmentRow(
            a.id,
            a.round_id,
            data["round_label"],
            data["council_name"],
            a.member_id,
            data["member_label"],
            data["member_name"],
            province.name if province else "",
            a.received_at,
            len(data["dossiers"]),
            sum(1 for r in sheets if r.complete),
            sum(1 for r in sheets if r.complete and r.exported_revision != r.revision),
        )

    @staticmethod
    def _dossier_row(
        received: ReceivedAssignment, d: dict[str, Any], row: EvaluatorSheet | None
    ) -> AssignedDossierRow:
        return AssignedDossierRow(
            d["dossier_id"],
            received.round_id,
            d["product_name"],
            d.get("product_code", ""),
            d["producer_name"],
            int(d["product_set"]),
            int(row.total) if row and row.total is not None else None,
            row.star if row else None,
            bool(row and row.complete),
            bool(row and row.exported_revision == row.revision),
        )

    @staticmethod
    def _state(
        received: ReceivedAssignment, d: dict[str, Any], row: EvaluatorSheet | None
    ) -> EvaluatorSheetState:
        sheet = sheet_for(d)
        answers = dict(row.answers) if row else {}
        knockouts, stops = (tuple(row.knockouts), tuple(row.stops)) if row else ((), ())
        result = score(sheet, answers, knockouts, stops, partial=True, one_case=False)  # as stored
        return EvaluatorSheetState(
            d["dossier_id"],
            received.round_id,
            sheet,
            answers,
            knockouts,
            stops,
            dict(row.notes) if row else {},
            {k: tuple(v) for k, v in (row.evidence if row else {}).items()},
            row.opinion if row else "",
            row.revision if row else None,
            result,
            not result.unanswered,
        )


def _stop_id(sheet: Sheet, ref: str) -> str:
    """A stop named by its id or by its criterion code ("6.1")."""
    return next((x.id for x in sheet.stops if x.trigger == "flag" and x.criterion == ref), ref)
