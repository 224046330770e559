"""The scrolling body of the editor: the whole official sheet in printed order (knock-outs, parts,
groups, criteria, sub-criteria, the evaluator's opinion). It shows state and reports edits as
signals; the editor decides what is allowed and keeps the data."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ocop_desktop.domain.rules.model import Sheet, Stop
from ocop_desktop.domain.rules.scoring import ScoreResult
from ocop_desktop.ui.scoring.cards import (
    ScoreCriterionCard,
    ScoreGroupHeader,
    ScoreParentCard,
    ScorePartHeader,
    SheetCard,
)
from ocop_desktop.ui.scoring.style import BAD, GOOD, UNANSWERED, WARN, bold, muted, wrapped

INDENT = 28  # per sub-criterion level


class SheetView(QWidget):
    """Signals:
        answerChosen(str, object): leaf code, option index or None (cleared).
        knockoutToggled(str, bool), stopToggled(str, bool): ids.
        noteEdited(str, str): leaf code, text.
        evidenceRequested(str): leaf code.
        opinionEdited(str): the whole opinion text.
        navigate(str, QKeyEvent): a navigation key pressed on a criterion.
    """

    answerChosen = Signal(str, object)
    knockoutToggled = Signal(str, bool)
    stopToggled = Signal(str, bool)
    noteEdited = Signal(str, str)
    evidenceRequested = Signal(str)
    opinionEdited = Signal(str)
    navigate = Signal(str, QKeyEvent)

    def __init__(self, sheet: Sheet, *, stops_supported: bool, parent: QWidget | None = None) -> None:
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
        self._applying = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 8)
        layout.setSpacing(4)

        on_leaf, loose = self._stops_by_criterion(sheet) if stops_supported else ({}, [])
        self.knockout_card: SheetCard | None = None
        if sheet.knockouts or loose:
            self.knockout_card = self._knockout_card(sheet, loose)
            layout.addWidget(self.knockout_card)

        part_code = group_code = None
        for part, group, criterion, depth in sheet.walk():
            if part.code != part_code:
                part_code = part.code
                self.part_headers[part.code] = ScorePartHeader(part, self)
                layout.addSpacing(6)
                layout.addWidget(self.part_headers[part.code])
            single = len(group.criteria) == 1 and group.criteria[0].group_level  # printed on the group's row
            if group.code != group_code:
                group_code = group.code
                self.group_starts.append(len(self.cards))
                if not single:
                    self.group_headers[group.code] = ScoreGroupHeader(group, self)
                    layout.addWidget(self.group_headers[group.code])
            if not criterion.is_leaf:
                parent_card = ScoreParentCard(criterion, [leaf.code for leaf in criterion.leaves()], self,
                                              indent=depth * INDENT)
                self.parent_cards.append(parent_card)
                layout.addWidget(parent_card)
                continue
            card = ScoreCriterionCard(
                criterion, heading_notes=(*group.notes, *criterion.notes) if single else criterion.notes,
                stops=on_leaf.get(criterion.code, ()), on_choose=self.answerChosen.emit,
                on_note=self._note, on_stop=self.stopToggled.emit, on_evidence=self.evidenceRequested.emit,
                parent=self, indent=depth * INDENT)
            card.keyAction.connect(self.navigate)
            self.stop_boxes.update(card.stop_boxes)
            self.cards.append(card)
            self.card_by_code[criterion.code] = card
            layout.addWidget(card)

        layout.addSpacing(8)
        self.opinion_label = QLabel(self)
        self.opinion_label.setFont(bold(self.font()))
        self.opinion = QPlainTextEdit(self)
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(90)
        self.opinion.textChanged.connect(self._opinion)
        layout.addWidget(self.opinion_label)
        layout.addWidget(self.opinion)
        layout.addStretch(1)
        self.retranslate()

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
        self.knockout_title = QLabel(card)
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
        card.stripe = BAD
        return card

    def retranslate(self) -> None:
        if self.knockout_card is not None:
            self.knockout_title.setText(self.tr("Hồ sơ bị loại khi (đánh dấu nếu có)"))
        self.opinion_label.setText(self.tr("Ý kiến của người đánh giá"))
        for widget in (*self.part_headers.values(), *self.group_headers.values(), *self.parent_cards, *self.cards):
            widget.retranslate()

    # -- showing state -------------------------------------------------------------------------
    def show_state(self, answers: Mapping[str, int], notes: Mapping[str, str],
                   evidence_names: Callable[[str], list[str]], opinion: str) -> None:
        self._applying = True
        try:
            for card in self.cards:
                card.show_answer(answers.get(card.code))
                note = notes.get(card.code, "")
                if card.note_edit.text() != note:
                    card.note_edit.setText(note)
                card.show_evidence(evidence_names(card.code))
            if self.opinion.toPlainText() != opinion:
                self.opinion.setPlainText(opinion)
        finally:
            self._applying = False

    def show_flags(self, knockouts: Collection[str], stops: Collection[str]) -> None:
        for k, box in self.knockout_boxes.items():
            box.setChecked(k in knockouts)
        for s, box in self.stop_boxes.items():
            box.setChecked(s in stops)

    def show_result(self, result: ScoreResult) -> None:
        """Points, subtotals, applicability (5.2) and the status stripe of every criterion."""
        blocking = {f.criterion for f in result.blocking} if not result.eliminated else set()
        for card in self.cards:
            card.refresh(result)
            code = card.code
            if not card.applicable:
                card.set_stripe(None)
            elif code in blocking:
                card.set_stripe(WARN)
            else:
                card.set_stripe(GOOD if code in result.answers else UNANSWERED)
        for parent in self.parent_cards:
            parent.refresh(result)
        for code, header in self.group_headers.items():
            header.show_total(result.groups.get(code, 0))
        for code, part_header in self.part_headers.items():
            part_header.show_total(result.parts.get(code, 0))

    def set_read_only(self, read_only: bool) -> None:
        for card in self.cards:
            card.set_read_only(read_only)
        for box in (*self.knockout_boxes.values(), *self.stop_boxes.values()):
            box.setEnabled(not read_only)
        self.opinion.setReadOnly(read_only)

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
        if not self._applying:
            self.opinionEdited.emit(self.opinion.toPlainText())
