"""`SheetDraft`: what the score-sheet editor holds of one sheet between two saves — the entries
(answers, knock-outs, stops, notes, evidence, opinion), the revision they were read at, and whether
they changed since. The editor shows it and hands `edit()` to its `SheetStore`.

No Qt here (as in store.py): each change returns whether it changed anything, so the editor knows
when to rescore, mark the sheet unsaved and start the autosave timer. Read-only sheets are the
editor's business: it does not call these on one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ocop_desktop.ui.scoring.store import AttachmentRef, SheetData, SheetEdit


@dataclass
class SheetDraft:
    kind: str = ""  # "self" | "member": the editor's heading
    revision: int | None = None
    answers: dict[str, int] = field(default_factory=dict)
    knockouts: list[str] = field(default_factory=list)
    stops: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, tuple[str, ...]] = field(default_factory=dict)
    opinion: str = ""
    attachments: tuple[AttachmentRef, ...] = ()
    dirty: bool = False  # changed since it was loaded or saved

    @classmethod
    def of(cls, data: SheetData, *, stops_supported: bool) -> SheetDraft:
        """A fresh copy of what the store returned (stops only where the store keeps them)."""
        return cls(
            kind=data.kind,
            revision=data.revision,
            answers=dict(data.answers),
            knockouts=list(data.knockouts),
            stops=list(data.stops) if stops_supported else [],
            notes=dict(data.notes),
            evidence={k: tuple(v) for k, v in data.evidence.items()},
            opinion=data.opinion,
            attachments=tuple(data.attachments),
        )

    def answer(self, code: str, index: int | None) -> bool:
        """Choose option `index` of leaf `code`, or clear it with None."""
        if self.answers.get(code) == index:
            return False
        if index is None:
            self.answers.pop(code, None)
        else:
            self.answers[code] = index
        return self._touched()

    def set_flag(self, ids: list[str], item: str, on: bool) -> bool:
        """Raise or lower a knock-out or stop flag; `ids` is `knockouts` or `stops`."""
        if (item in ids) == on:
            return False
        if on:
            ids.append(item)
        else:
            ids.remove(item)
        return self._touched()

    def note(self, code: str, text: str) -> bool:
        """The note of leaf `code` ("" removes it)."""
        if text:
            self.notes[code] = text
        else:
            self.notes.pop(code, None)
        return self._touched()

    def cite(self, code: str, attachment_ids: Sequence[str]) -> bool:
        """The files cited as evidence for leaf `code`, each once, in the order given."""
        ids = tuple(dict.fromkeys(attachment_ids))
        if ids == self.evidence.get(code, ()):
            return False
        if ids:
            self.evidence[code] = ids
        else:
            self.evidence.pop(code, None)
        return self._touched()

    def set_opinion(self, text: str) -> bool:
        self.opinion = text
        return self._touched()

    def evidence_names(self, code: str, deleted: str) -> list[str]:
        """The file names cited for `code`; `deleted` stands for a file no longer in the dossier."""
        by_id = {a.id: a.filename for a in self.attachments}
        return [by_id.get(i, deleted) for i in self.evidence.get(code, ())]

    def edit(self) -> SheetEdit:
        """Everything, as the store saves it (blank notes left out)."""
        return SheetEdit(
            answers=dict(self.answers),
            knockouts=tuple(self.knockouts),
            stops=tuple(self.stops),
            notes={k: v for k, v in self.notes.items() if v.strip()},
            evidence=dict(self.evidence),
            opinion=self.opinion,
        )

    def saved(self, revision: int | None) -> None:
        self.revision = revision
        self.dirty = False

    def _touched(self) -> bool:
        self.dirty = True
        return True
