"""The score-sheet editor (issue 3): the whole official sheet of a product set in printed order,
with a live summary computed by the scoring engine, notes and evidence per criterion, keyboard
operation and autosave. Used for the self-assessment (Mẫu 02 Part III) and council sheets; the
owner passes a `SheetStore` that says where the sheet comes from and goes to.

Keyboard: Up/Down move between criteria, Page Up/Down between groups, Home/End to the first/last
criterion, digits 1–9 choose the n-th option of the focused criterion and 0 clears it; Ctrl+J goes
to the next unanswered criterion and Ctrl+B to the next floor that blocks the next star.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult, score
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.scoring.cards import ScoreCriterionCard
from ocop_desktop.ui.scoring.cases import case_refusal
from ocop_desktop.ui.scoring.draft import SheetDraft
from ocop_desktop.ui.scoring.evidence import CriterionEvidenceDialog
from ocop_desktop.ui.scoring.header import SheetHeader
from ocop_desktop.ui.scoring.sheet_scroll import SheetScroll
from ocop_desktop.ui.scoring.sheet_view import SheetView
from ocop_desktop.ui.scoring.store import SheetData, SheetStore
from ocop_desktop.ui.scoring.summary import NEXT_UNANSWERED, ScoreSummaryPanel

log = logging.getLogger(__name__)

AUTOSAVE_MS = 400


def _same_sheet(a: Sheet, b: Sheet) -> bool:
    return a is b or (a.ruleset_hash == b.ruleset_hash and a.number == b.number)


class ScoreSheetEditor(QWidget):
    """Edit one score sheet.

    Args:
        store: where the sheet is loaded from and saved to (`SheetStore`).
        data: the sheet already loaded, to spare a second `store.load()` (optional).
        autosave_ms: debounce before a change is saved (0: at the next event-loop turn).
        progressive: build the first criteria now and the rest over the next turns of the event
            loop, so that opening a sheet never holds the window up (`SheetView`). The public
            properties (`view`, `cards`, …) and every method that needs a criterion not built yet
            build the rest first, so callers see the whole sheet either way.

    Signals:
        changed(): something was edited (before it is saved).
        resultChanged(object): the engine's running `ScoreResult` after every change.
        saved(int): the store accepted the changes; the new revision (-1 if untracked).
    """

    changed = Signal()
    resultChanged = Signal(object)
    saved = Signal(int)

    def __init__(
        self,
        store: SheetStore,
        parent: QWidget | None = None,
        *,
        data: SheetData | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        progressive: bool = True,
    ) -> None:
        super().__init__(parent)
        started = time.perf_counter()
        self.store = store
        self._progressive = progressive
        self._stops_supported = bool(getattr(store, "supports_stops", False))
        data = data if data is not None else store.load()

        self.header = SheetHeader(self)
        self.scroll = SheetScroll(lambda: self.result.unanswered if self.result is not None else None, self)
        self.summary = ScoreSummaryPanel(self)
        self.summary.jumpRequested.connect(self._jump)

        left = QVBoxLayout()
        left.addWidget(self.header)
        left.addWidget(self.scroll, 1)
        root = QHBoxLayout(self)
        root.setContentsMargins(8, 8, 8, 8)
        root.addLayout(left, 1)
        root.addWidget(self.summary)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(autosave_ms, 0))
        self._timer.timeout.connect(self.flush)
        for keys, slot in (("Ctrl+J", self.goto_next_unanswered), ("Ctrl+B", self.goto_next_blocking)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self._draft = SheetDraft()
        self._read_only = False
        self.evidence_dialog: CriterionEvidenceDialog | None = None
        self.result: ScoreResult | None = None
        self._apply(data)
        self.build_ms = (time.perf_counter() - started) * 1000
        log.debug("score sheet editor for set %s built in %.1f ms", data.sheet.number, self.build_ms)

    # -- the sheet's widgets, for owners and tests ------------------------------------------------
    @property
    def sheet(self) -> Sheet:
        return self._view.sheet

    @property
    def _view(self) -> SheetView:
        """The view as built so far (it may still be adding blocks)."""
        return self.scroll.built

    @property
    def view(self) -> SheetView:
        """The whole sheet's view (built to the end first)."""
        return self.scroll.whole

    @property
    def cards(self) -> list[ScoreCriterionCard]:
        return self.view.cards

    @property
    def card_by_code(self) -> dict[str, ScoreCriterionCard]:
        return self.view.card_by_code

    @property
    def knockout_boxes(self) -> dict[str, QCheckBox]:
        return self.view.knockout_boxes

    @property
    def stop_boxes(self) -> dict[str, QCheckBox]:
        return self.view.stop_boxes

    @property
    def opinion(self) -> QPlainTextEdit:
        opinion = self.view.opinion
        assert opinion is not None
        return opinion

    @property
    def building(self) -> bool:
        """True while the sheet's last criteria are still being built (`progressive`)."""
        return self._view.pending

    # -- loading -----------------------------------------------------------------------------------
    def _build(self, sheet: Sheet) -> None:
        view = SheetView(sheet, stops_supported=self._stops_supported, progressive=self._progressive)
        view.answerChosen.connect(self.set_answer)
        view.knockoutToggled.connect(self.set_knockout)
        view.stopToggled.connect(self.set_stop)
        view.noteEdited.connect(self._note_edited)
        view.evidenceRequested.connect(self.open_evidence)
        view.opinionEdited.connect(self._opinion_edited)
        view.navigate.connect(lambda code, event: self.focus_criterion(self.view.target(code, event.key())))
        self.scroll.show_view(view)
        self.summary.set_sheet(sheet)

    def _apply(self, data: SheetData) -> None:
        """Show `data` (first load, reload, after a conflict); widgets are rebuilt only for another sheet."""
        shown = self.scroll.sheet_view
        if shown is None or not _same_sheet(shown.sheet, data.sheet):
            self._build(data.sheet)
        self._draft = d = SheetDraft.of(data, stops_supported=self._stops_supported)
        self._view.show_state(d.answers, d.notes, self._evidence_names, d.opinion)
        self._view.show_flags(d.knockouts, d.stops)
        self._set_read_only(not data.editable)
        self._retranslate()
        self._rescore()

    def _set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._view.set_read_only(read_only)
        self._show_save_status()

    def _evidence_names(self, code: str) -> list[str]:
        return self._draft.evidence_names(code, self.tr("(tệp đã xóa)"))

    def _rescore(self) -> None:
        d = self._draft
        # a sheet saved before one case per sheet was enforced still opens; new clicks and saves refuse a mix
        self.result = score(self.sheet, d.answers, d.knockouts, d.stops, partial=True, one_case=False)
        self._view.show_result(self.result)
        self.summary.show_result(self.result)
        self.resultChanged.emit(self.result)

    def _retranslate(self) -> None:
        self.header.show_sheet(self.sheet, self._draft.kind)
        self._view.retranslate()
        self.summary.retranslate()
        if self.result is not None:
            self._view.show_result(self.result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.scroll.sheet_view is not None:
            self._retranslate()
        super().changeEvent(event)

    # -- state -------------------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def dirty(self) -> bool:
        return self._draft.dirty

    @property
    def revision(self) -> int | None:
        return self._draft.revision

    def answers(self) -> dict[str, int]:
        return dict(self._draft.answers)

    def knockouts(self) -> tuple[str, ...]:
        return tuple(self._draft.knockouts)

    def stops(self) -> tuple[str, ...]:
        return tuple(self._draft.stops)

    def notes(self) -> dict[str, str]:
        return dict(self._draft.notes)

    def evidence(self) -> dict[str, tuple[str, ...]]:
        return dict(self._draft.evidence)

    # -- edits -------------------------------------------------------------------------------------
    def set_answer(self, code: str, index: int | None) -> bool:
        """Choose option `index` (0-based, printed order across cases) of leaf `code`, or clear it
        with None. False when refused: read-only, criterion not applicable (5.2), bad index, or an
        alternative case other than the one the sheet already uses (tourism 8, 9, 15: said why)."""
        card = self.scroll.card(code)
        if card is None:
            return False
        self.scroll.make_current(card, scroll=False)
        in_range = index is None or 0 <= index < len(card.criterion.options)
        allowed = not self._read_only and card.applicable and in_range
        if allowed and index is not None and card.criterion.cases:
            allowed = self._one_case(code, index)
        if allowed and self._draft.answer(code, index):
            self._changed(rescore=True)
        card.show_answer(self._draft.answers.get(code))  # also undoes a refused click
        return allowed

    def _one_case(self, code: str, index: int) -> bool:
        """One sheet, one alternative case: refuse (and say how to change case) an answer that mixes them."""
        refusal = case_refusal(self.sheet, {**self._draft.answers, code: index}, code)
        if refusal is not None:
            errors.warn(
                self, refusal, QCoreApplication.translate("ScoreSheetEditor", "Không trộn hai trường hợp")
            )
        return refusal is None

    def set_knockout(self, knockout_id: str, on: bool) -> bool:
        return self._toggle(self._draft.knockouts, knockout_id, on, self._view.knockout_boxes)

    def set_stop(self, stop_id: str, on: bool) -> bool:
        boxes = self._view.stop_boxes
        return self._toggle(self._draft.stops, stop_id, on, boxes if stop_id in boxes else self.stop_boxes)

    def _toggle(self, ids: list[str], item: str, on: bool, boxes: dict[str, QCheckBox]) -> bool:
        allowed = not self._read_only and item in boxes
        if allowed and self._draft.set_flag(ids, item, on):
            self._changed(rescore=True)
        self._view.show_flags(self._draft.knockouts, self._draft.stops)
        return allowed

    def set_note(self, code: str, text: str) -> bool:
        card = self.scroll.card(code)
        if card is None or self._read_only:
            return False
        if card.note_edit.text() != text:
            card.note_edit.setText(text)
        self._note_edited(code, text)
        return True

    def set_evidence(self, code: str, attachment_ids: Sequence[str]) -> bool:
        card = self.scroll.card(code)
        if card is None or self._read_only:
            return False
        if self._draft.cite(code, attachment_ids):
            card.show_evidence(self._evidence_names(code))
            self._changed(rescore=False)
        return True

    def open_evidence(self, code: str) -> CriterionEvidenceDialog:
        """The evidence picker of one criterion (window-modal, not blocking)."""
        self._close_evidence_dialog()
        dialog = CriterionEvidenceDialog(
            code, self._draft.attachments, self._draft.evidence.get(code, ()), self, read_only=self._read_only
        )
        dialog.accepted.connect(lambda: self.set_evidence(code, dialog.chosen()))
        self.evidence_dialog = dialog
        dialog.open()
        return dialog

    def _close_evidence_dialog(self) -> None:
        if self.evidence_dialog is not None:
            self.evidence_dialog.close()
            self.evidence_dialog.deleteLater()
            self.evidence_dialog = None

    def _note_edited(self, code: str, text: str) -> None:
        if not self._read_only and self._draft.note(code, text):
            self._changed(rescore=False)

    def _opinion_edited(self, text: str) -> None:
        if not self._read_only and self._draft.set_opinion(text):
            self._changed(rescore=False)

    def _changed(self, *, rescore: bool) -> None:
        """After the draft changed: rescore if needed, say unsaved, start the autosave timer."""
        if rescore:
            self._rescore()
        self._show_save_status()
        self._timer.start()
        self.changed.emit()

    # -- saving ------------------------------------------------------------------------------------
    def flush(self) -> bool:
        """Save now if anything changed. False when the store refused (the error has been shown)."""
        self._timer.stop()
        if not self._draft.dirty or self._read_only:
            return True
        try:
            data = self.store.save(self._draft.edit(), self._draft.revision)
        except UserError as exc:  # ConflictError included: say so, then show what is stored
            errors.show_error(exc, self)
            self.reload()
            return False
        except Exception as exc:  # a bug: keep what was typed, say so
            errors.show_error(exc, self)
            self._show_save_status(failed=True)
            return False
        self._draft.saved(data.revision)
        if data.editable == self._read_only:
            self._set_read_only(not data.editable)
        self._show_save_status()
        self.saved.emit(data.revision if data.revision is not None else -1)
        return True

    def open(self, store: SheetStore, data: SheetData | None = None) -> None:
        """Show another sheet in this editor (another member's, another dossier's) instead of building
        a new editor: what was typed is saved to the current store first (as `flush`), and the
        criteria's widgets are kept when the sheet is of the same set — re-filling them takes a few
        milliseconds where building takes 40–70."""
        self.flush()
        data = data if data is not None else store.load()
        stops_supported = bool(getattr(store, "supports_stops", False))
        self.store = store
        self._close_evidence_dialog()
        self.scroll.clear_current()
        if stops_supported != self._stops_supported:  # the stop flags are built with the criteria
            self._stops_supported = stops_supported
            self._build(data.sheet)
        self._apply(data)
        self.scroll.start_over()

    def reload(self) -> bool:
        """Drop unsaved changes and show what the store holds."""
        self._timer.stop()
        try:
            data = self.store.load()
        except UserError as exc:
            errors.show_error(exc, self)
            self._draft.dirty = False
            self._set_read_only(True)
            return False
        self._apply(data)
        return True

    def _show_save_status(self, failed: bool = False) -> None:
        self.header.show_status(read_only=self._read_only, dirty=self._draft.dirty, failed=failed)

    # -- focus and navigation (`SheetScroll`) ---------------------------------------------------------
    def focus_criterion(self, code: str) -> bool:
        """Focus, highlight and scroll to a criterion; a parent code goes to its first sub-criterion."""
        return self.scroll.focus_criterion(code)

    def current_code(self) -> str | None:
        return self.scroll.current_code()

    def goto_next_unanswered(self) -> bool:
        """Focus the next unanswered criterion after the current one (wrapping round)."""
        return self.scroll.focus_next(self.result.unanswered if self.result else ())

    def goto_next_blocking(self) -> bool:
        """Focus the next criterion whose floor holds the product below the next star."""
        return self.scroll.focus_next(tuple(f.criterion for f in self.result.blocking) if self.result else ())

    def _jump(self, target: str) -> None:
        if target == NEXT_UNANSWERED:
            self.goto_next_unanswered()
        else:
            self.focus_criterion(target)

    # -- lifecycle ---------------------------------------------------------------------------------
    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)
