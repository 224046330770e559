"""Where a score sheet comes from and goes to. The editor only knows `SheetStore`: `load()` and
`save(edit, expected_revision)`. `SelfAssessmentStore` adapts the self-assessment service (Mẫu 02
Part III); `MemoryStore` keeps a sheet in memory (tests, previews, a council sheet being typed in
before it has a service of its own).

No Qt here: the adapters only move data between the editor and the services.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from ocop_desktop.domain.errors import ConflictError, UserError
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import score

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.dossiers.self_assessment import SheetState


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    """A file of the dossier that a criterion can cite as evidence."""

    id: str
    filename: str
    hint: str = ""  # e.g. the checklist item it was uploaded for
    criteria: tuple[str, ...] = ()  # criteria it was tagged with when uploaded


@dataclass(frozen=True)
class SheetData:
    """Everything the editor shows: the official sheet and what has been entered on it."""

    sheet: Sheet
    answers: Mapping[str, int] = field(default_factory=dict)  # leaf code -> option index (printed order)
    knockouts: tuple[str, ...] = ()  # dossier-level knock-out ids
    stops: tuple[str, ...] = ()  # criterion-level stop ids flagged by the evaluator
    notes: Mapping[str, str] = field(default_factory=dict)  # leaf code -> note
    evidence: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # leaf code -> attachment ids
    opinion: str = ""  # "Ý kiến của người đánh giá"
    editable: bool = True
    revision: int | None = None  # optimistic locking; None when the store does not track it
    attachments: tuple[AttachmentRef, ...] = ()
    kind: str = ""  # "self" (self-assessment) | "member" (a council member's sheet): the editor's heading


@dataclass(frozen=True)
class SheetEdit:
    """The editor's full current state, handed to `SheetStore.save`."""

    answers: dict[str, int]
    knockouts: tuple[str, ...]
    stops: tuple[str, ...]
    notes: dict[str, str]
    evidence: dict[str, tuple[str, ...]]
    opinion: str


class SheetStore(Protocol):
    """What the editor needs from its owner. `save` raises `ConflictError` when the stored
    revision is not `expected_revision`, and `UserError` for anything the person can act on."""

    supports_stops: bool  # False hides the criterion stop flags (the store cannot keep them)

    def load(self) -> SheetData: ...

    def save(self, edit: SheetEdit, expected_revision: int | None) -> SheetData: ...


class SelfAssessmentStore:
    """The producer's self-assessment of one dossier, through `SelfAssessmentService`.

    The service keeps answers, dossier knock-outs, notes, evidence links and the opinion; it has no
    place for criterion stops, so they are not offered here (`supports_stops = False`)."""

    supports_stops = False

    def __init__(self, ctx: AppContext, dossier_id: str) -> None:
        from ocop_desktop.services.dossiers.evidence import EvidenceService
        from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService

        self._service = SelfAssessmentService(ctx)
        self._evidence = EvidenceService(ctx)
        self.dossier_id = dossier_id
        self._attachments: tuple[AttachmentRef, ...] = ()

    def load(self) -> SheetData:
        state = self._service.load(self.dossier_id)
        self._attachments = tuple(
            AttachmentRef(a.id, a.filename, a.checklist_key or "", a.criteria)
            for a in self._evidence.attachments(self.dossier_id)
        )
        return self._data(state)

    def save(self, edit: SheetEdit, expected_revision: int | None) -> SheetData:
        state = self._service.save(
            self.dossier_id,
            answers=dict(edit.answers),
            knockouts=list(edit.knockouts),
            notes=dict(edit.notes),
            evidence={k: list(v) for k, v in edit.evidence.items()},
            opinion=edit.opinion,
            expected_revision=expected_revision,
        )
        return self._data(state)

    def _data(self, state: SheetState) -> SheetData:
        return SheetData(
            sheet=state.sheet,
            answers=dict(state.answers),
            knockouts=tuple(state.knockouts),
            stops=(),
            notes=dict(state.notes),
            evidence={k: tuple(v) for k, v in state.evidence.items()},
            opinion=state.opinion,
            editable=state.editable,
            revision=state.revision,
            attachments=self._attachments,
            kind="self",
        )


class MemoryStore:
    """A sheet kept in memory, with the same revision and validation rules as a real store:
    a save with a stale revision raises `ConflictError`, a read-only sheet refuses saves, and the
    answers are checked by the scoring engine (unknown codes or indices are refused)."""

    supports_stops = True

    def __init__(self, data: SheetData) -> None:
        self.data = replace(data, revision=data.revision if data.revision is not None else 1)
        self.saves = 0

    def load(self) -> SheetData:
        return self.data

    def save(self, edit: SheetEdit, expected_revision: int | None) -> SheetData:
        if not self.data.editable:
            raise UserError("Phiếu chỉ được xem, không sửa được.")
        if expected_revision is not None and expected_revision != self.data.revision:
            raise ConflictError("Phiếu đã được sửa ở nơi khác. Hãy mở lại hồ sơ.")
        score(self.data.sheet, edit.answers, edit.knockouts, edit.stops, partial=True)  # refuses bad codes
        self.data = replace(
            self.data,
            answers=dict(edit.answers),
            knockouts=tuple(edit.knockouts),
            stops=tuple(edit.stops),
            notes={k: v for k, v in edit.notes.items() if v.strip()},
            evidence={k: tuple(v) for k, v in edit.evidence.items() if v},
            opinion=edit.opinion,
            revision=(self.data.revision or 0) + 1,
        )
        self.saves += 1
        return self.data

    def touch(self) -> None:
        """Simulate a change made elsewhere (another officer, an import): the revision moves on."""
        self.data = replace(self.data, revision=(self.data.revision or 0) + 1)
