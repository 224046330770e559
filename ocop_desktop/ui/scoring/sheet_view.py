"""The scrolling body of the editor: the whole official sheet in printed order (knock-outs, parts,
groups, criteria, sub-criteria, the evaluator's opinion). It shows state and reports edits as
signals; the editor decides what is allowed and keeps the data."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ocop_desktop.domain.rules.model import Sheet, Stop
from ocop_desktop.domain.rules.scoring import ScoreResult
from ocop_desktop.ui.kit.progressive import ProgressiveColumn
from ocop_desktop.ui.kit.style import SHEET_BAD, SHEET_GOOD, SHEET_WARN, UNANSWERED
from ocop_desktop.ui.scoring.cards import (
    ScoreCriterionCard,
    ScoreGroupHeader,
    ScoreParentCard,
    ScorePartHeader,
    SheetCard,
)
from ocop_desktop.ui.scoring.style import bold, muted, wrapped

INDENT = 28  # per sub-criterion level
FIRST_CARDS = 5  # criteria a progressive view builds at once: as many as a first screen shows


class SheetView(ProgressiveColumn):
    """Signals:
        answerChosen(str, object): leaf code, option index or None (cleared).
        knockoutToggled(str, bool), stopToggled(str, bool): ids.
        noteEdited(str, str): leaf code, text.
        evidenceRequested(str): leaf code.
        opinionEdited(str): the whole opinion text.
        navigate(str, QKeyEvent): a navigation key pressed on a criterion.
        completed(): every block of the sheet is built (`ProgressiveColumn`).

    A progressive view builds the first FIRST_CARDS criteria at once and the rest a slice at a
    time; what `show_*` was given is kept and applied to the blocks built later. `complete()`
    builds the rest at once, for anything that needs every block (navigation, tests, owners).
    """

    answerChosen = Signal(str, object)
    knockoutToggled = Signal(str, bool)
    stopToggled = Signal(str, bool)
    noteEdited = Signal(str, str)
    evidenceRequested = Signal(str)
    opinionEdited = Signal(str)
    navigate = Signal(str, QKeyEvent)

    def __init__(
        self, sheet: Sheet, *, stops_supported: bool, parent: QWidget | None = None, progressive: bool = False
    ) -> None:
        super().__init__(parent)
        self.sheet = sheet
        self.cards: list[ScoreCriterionCard] = []
        self.card_by_code: dict[str, ScoreCriterionCard] = {}
        self.parent_cards: list[ScoreParentCard] = []
        self.group_headers: dict[str, ScoreGroupHeader] = {}
        self.part_headers: dict[str, ScorePartHeader] = {}
        self.knockout_boxes: dict[str, QCheckBox] = {}
        self.stop_boxes: dict[str, QCheckBox] = {}
        self.group_starts: list[int] = []  # index in `cards` of each group's first criterion
        self.opinion_label: QLabel | None = None
        self.opinion: QPlainTextEdit | None = None
        self._applying = False
        # what the editor showed so far, for blocks built later
        self._answers: Mapping[str, int] = {}
        self._notes: Mapping[str, str] = {}
        self._evidence_names: Callable[[str], list[str]] = lambda _code: []
        self._opinion_text = ""
        self._knockouts: Collection[str] = ()
        self._stops: Collection[str] = ()
        self._result: ScoreResult | None = None
        self._read_only = False
        self._column().setContentsMargins(0, 0, 8, 8)
        self._column().setSpacing(4)
        self.knockout_card: SheetCard | None = None
        self.start(
            self._build_blocks(sheet, stops_supported),
            progressive=progressive,
            first=lambda: len(self.cards) >= FIRST_CARDS,
        )

    def _build_blocks(self, sheet: Sheet, stops_supported: bool) -> Iterator[None]:
        """One block of the sheet (in printed order) per step."""
        on_leaf, loose = self._stops_by_criterion(sheet) if stops_supported else ({}, [])
        if sheet.knockouts or loose:
            self.knockout_card = self._knockout_card(sheet, loose)
            self.add_block(self.knockout_card)
            self._show_knockout_state()
            yield
        part_code = group_code = None
        for part, group, criterion, depth in sheet.walk():
            if part.code != part_code:
                part_code = part.code
                header = ScorePartHeader(part, self, notices=sheet.part_notices(part.code))
                self.part_headers[part.code] = header
                if self._result is not None:
                    header.show_total(self._result.parts.get(part.code, 0))
                self.add_space(6)
                self.add_block(header)
            single = len(group.criteria) == 1 and group.criteria[0].group_level  # printed on the group's row
            if group.code != group_code:
                group_code = group.code
                self.group_starts.append(len(self.cards))
                if not single:
                    group_header = self.group_headers[group.code] = ScoreGroupHeader(group, self)
                    if self._result is not None:
                        group_header.show_total(self._result.groups.get(group.code, 0))
                    self.add_block(group_header)
            if not criterion.is_leaf:
                parent_card = ScoreParentCard(
                    criterion,
                    [leaf.code for leaf in criterion.leaves()],
                    self,
                    indent=depth * INDENT,
                    notices=sheet.criterion_notices(criterion.code),
                )
                self.parent_cards.append(parent_card)
                if self._result is not None:
                    parent_card.refresh(self._result)
                self.add_block(parent_card)
                yield
                continue
            card = ScoreCriterionCard(
                criterion,
                heading_notes=(*group.notes, *criterion.notes) if single else criterion.notes,
                stops=on_leaf.get(criterion.code, ()),
                on_choose=self.answerChosen.emit,
                on_note=self._note,
                on_stop=self.stopToggled.emit,
                on_evidence=self.evidenceRequested.emit,
                parent=self,
                indent=depth * INDENT,
                notices=sheet.criterion_notices(criterion.code),
            )
            card.keyAction.connect(self.navigate)
            self.stop_boxes.update(card.stop_boxes)
            self.cards.append(card)
            self.card_by_code[criterion.code] = card
            self._show_card_state(card)
            self.add_block(card)
            yield

        self.add_space(8)
        self.opinion_label = QLabel(self)
        self.opinion_label.setFont(bold(self.font()))
        self.opinion = QPlainTextEdit(self)
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(90)
        self.opinion.setPlainText(self._opinion_text)
        self.opinion.setReadOnly(self._read_only)
        self.opinion.textChanged.connect(self._opinion)
        self.add_block(self.opinion_label)
        self.add_block(self.opinion)
        self._retranslate_opinion()

    @staticmethod
    def _stops_by_criterion(sheet: Sheet) -> tuple[dict[str, list[Stop]], list[Stop]]:
        """Flag stops by the leaf they are printed under; any other goes with the knock-outs.
        (`zero_points` stops fire from the answers: nothing to tick.)"""
        on_leaf: dict[str, list[Stop]] = {}
        loose: list[Stop] = []
        for stop in sheet.stops:
            if stop.trigger != "flag":
                continue
            if sheet.has_criterion(stop.criterion) and sheet.criterion(stop.criterion).is_leaf:
                on_leaf.setdefault(stop.criterion, []).append(stop)
            else:
                loose.append(stop)
        return on_leaf, loose

    def _knockout_card(self, sheet: Sheet, loose_stops: Sequence[Stop]) -> SheetCard:
        card = SheetCard(self)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 8, 10, 8)
        self.knockout_title = QLabel(self.tr("Hồ sơ bị loại khi (đánh dấu nếu có)"), card)
        self.knockout_title.setFont(bold(self.font()))
        layout.addWidget(self.knockout_title)
        if sheet.knockout_clause:
            layout.addWidget(muted(wrapped(sheet.knockout_clause, card), italic=True))
        for knockout in sheet.knockouts:
            box = QCheckBox(knockout.label, card)
            box.clicked.connect(lambda checked, k=knockout.id: self.knockoutToggled.emit(k, checked))
            self.knockout_boxes[knockout.id] = box
            layout.addWidget(box)
        for stop in loose_stops:
            box = QCheckBox(stop.label, card)
            box.setToolTip(stop.note)
            box.clicked.connect(lambda checked, s=stop.id: self.stopToggled.emit(s, checked))
            self.stop_boxes[stop.id] = box
            layout.addWidget(box)
        card.stripe = SHEET_BAD
        return card

    def retranslate(self) -> None:
        if self.knockout_card is not None:
            self.knockout_title.setText(self.tr("Hồ sơ bị loại khi (đánh dấu nếu có)"))
        self._retranslate_opinion()
        for widget in (
            *self.part_headers.values(),
            *self.group_headers.values(),
            *self.parent_cards,
            *self.cards,
        ):
            widget.retranslate()

    def _retranslate_opinion(self) -> None:
        if self.opinion_label is not None:
            self.opinion_label.setText(self.tr("Ý kiến của người đánh giá"))

    # -- showing state -------------------------------------------------------------------------
    def show_state(
        self,
        answers: Mapping[str, int],
        notes: Mapping[str, str],
        evidence_names: Callable[[str], list[str]],
        opinion: str,
    ) -> None:
        """`answers` and `notes` are kept by reference: the editor's own dicts, which it edits in place."""
        self._answers, self._notes, self._evidence_names, self._opinion_text = (
            answers,
            notes,
            evidence_names,
            opinion,
        )
        self._applying = True
        try:
            for card in self.cards:
                self._show_card_entries(card)
            if self.opinion is not None and self.opinion.toPlainText() != opinion:
                self.opinion.setPlainText(opinion)
        finally:
            self._applying = False

    def show_flags(self, knockouts: Collection[str], stops: Collection[str]) -> None:
        self._knockouts, self._stops = tuple(knockouts), tuple(stops)
        self._show_knockout_state()
        for card in self.cards:
            for s, box in card.stop_boxes.items():
                box.setChecked(s in self._stops)

    def show_result(self, result: ScoreResult) -> None:
        """Points, subtotals, applicability (5.2) and the status stripe of every criterion."""
        self._result = result
        blocking = self._blocking(result)
        for card in self.cards:
            self._show_card_result(card, result, blocking)
        for parent in self.parent_cards:
            parent.refresh(result)
        for code, header in self.group_headers.items():
            header.show_total(result.groups.get(code, 0))
        for code, part_header in self.part_headers.items():
            part_header.show_total(result.parts.get(code, 0))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for card in self.cards:
            card.set_read_only(read_only)
        self._show_knockout_state()
        if self.opinion is not None:
            self.opinion.setReadOnly(read_only)

    @staticmethod
    def _blocking(result: ScoreResult) -> set[str]:
        return {f.criterion for f in result.blocking} if not result.eliminated else set()

    def _show_card_entries(self, card: ScoreCriterionCard) -> None:
        card.show_answer(self._answers.get(card.code))
        note = self._notes.get(card.code, "")
        if card.note_edit.text() != note:
            card.note_edit.setText(note)
        card.show_evidence(self._evidence_names(card.code))

    @staticmethod
    def _show_card_result(card: ScoreCriterionCard, result: ScoreResult, blocking: set[str]) -> None:
        card.refresh(result)
        code = card.code
        if not card.applicable:
            card.set_stripe(None)
        elif code in blocking:
            card.set_stripe(SHEET_WARN)
        else:
            card.set_stripe(SHEET_GOOD if code in result.answers else UNANSWERED)

    def _show_card_state(self, card: ScoreCriterionCard) -> None:
        """A card built after the editor showed its state: the same state."""
        self._applying = True
        try:
            self._show_card_entries(card)
        finally:
            self._applying = False
        for s, box in card.stop_boxes.items():
            box.setChecked(s in self._stops)
        if self._result is not None:
            self._show_card_result(card, self._result, self._blocking(self._result))
        if self._read_only:
            card.set_read_only(True)

    def _show_knockout_state(self) -> None:
        """The knock-out card's boxes: the dossier knock-outs and the stops printed with them."""
        if self.knockout_card is None:
            return
        for k, box in self.knockout_boxes.items():
            box.setChecked(k in self._knockouts)
            box.setEnabled(not self._read_only)
        for s, box in self.stop_boxes.items():
            if box.parentWidget() is self.knockout_card:
                box.setChecked(s in self._stops)
                box.setEnabled(not self._read_only)

    # -- navigation ------------------------------------------------------------------------------
    def target(self, code: str, key: int) -> str:
        """The criterion a navigation key moves to from `code`."""
        index = next(i for i, c in enumerate(self.cards) if c.code == code)
        last = len(self.cards) - 1
        if key == Qt.Key.Key_Up:
            target = index - 1
        elif key == Qt.Key.Key_Down:
            target = index + 1
        elif key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = last
        else:
            starts = self.group_starts
            group = max(i for i, start in enumerate(starts) if start <= index)
            if key == Qt.Key.Key_PageDown:
                target = starts[group + 1] if group + 1 < len(starts) else last
            else:  # Page Up: the start of this group, or of the previous one when already there
                target = starts[group] if starts[group] < index else starts[max(group - 1, 0)]
        return self.cards[min(max(target, 0), last)].code

    def next_of(self, codes: Collection[str], after: str | None) -> str | None:
        """The first of `codes` after the criterion `after` in printed order, wrapping round."""
        order = [c.code for c in self.cards]
        start = order.index(after) if after in self.card_by_code else -1
        wanted = set(codes)
        following = (order[(start + step) % len(order)] for step in range(1, len(order) + 1))
        return next((c for c in following if c in wanted), None)

    # -- edits -----------------------------------------------------------------------------------
    def _note(self, code: str, text: str) -> None:
        if not self._applying:
            self.noteEdited.emit(code, text)

    def _opinion(self) -> None:
        if not self._applying and self.opinion is not None:
            self.opinionEdited.emit(self.opinion.toPlainText())
