"""The blocks of the sheet: part and group headings, a criterion with sub-criteria, and the card of
a leaf criterion (heading, printed notes, stop flags, options by case, notes field, evidence)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.domain.rules.model import Criterion, Group, Notice, Part, Stop
from ocop_desktop.ui.kit.style import (
    ACCENT,
    CARD_BORDER,
    CHIP_FILL,
    CHIP_TEXT,
    CURRENT_FILL,
    PART_FILL,
    SHEET_WARN,
)
from ocop_desktop.ui.scoring.notices import NoticeMarker
from ocop_desktop.ui.scoring.painted import HeaderLine, ScoreOptionButton
from ocop_desktop.ui.scoring.style import bold, fill, html, muted, wrapped

if TYPE_CHECKING:
    from ocop_desktop.domain.rules.scoring import ScoreResult


class SheetCard(QWidget):
    """A framed block of the sheet. Painted by hand (no style sheet) so that a whole sheet of
    them stays cheap; `current` draws the keyboard highlight, `status` the left stripe."""

    def __init__(self, parent: QWidget | None = None, *, indent: int = 0) -> None:
        super().__init__(parent)
        self.indent = indent
        self.current = False
        self.stripe: QColor | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        rect = self.rect().adjusted(self.indent, 0, -1, -1)
        p.fillRect(rect, CURRENT_FILL if self.current else self.palette().color(QPalette.ColorRole.Base))
        p.setPen(QPen(ACCENT, 2) if self.current else QPen(CARD_BORDER, 1))
        p.drawRect(rect.adjusted(1, 1, -1, -1) if self.current else rect)
        if self.stripe is not None:
            p.fillRect(
                QRect(rect.left() + (2 if self.current else 1), rect.top() + 2, 4, rect.height() - 3),
                self.stripe,
            )
        p.end()


class ScorePartHeader(QWidget):
    """PHẦN A: SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (40 điểm) ........ 23/40"""

    def __init__(self, part: Part, parent: QWidget | None = None, *, notices: Sequence[Notice] = ()) -> None:
        super().__init__(parent)
        self.part = part
        self.line = HeaderLine("", "", self, bold_title=True, size_delta=1.5)
        self.notice = NoticeMarker(notices, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.line)
        layout.addWidget(self.notice)
        self._shown = -1
        self.retranslate()

    def retranslate(self) -> None:
        self.line.set_title(
            fill(self.tr("PHẦN %1: %2 (%3 điểm)"), self.part.code, self.part.title, self.part.max)
        )

    def show_total(self, points: int) -> None:
        if points != self._shown:
            self._shown = points
            self.line.set_value(f"{points}/{self.part.max}", f"{self.part.max}/{self.part.max}")

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), PART_FILL)
        p.end()


class ScoreGroupHeader(QWidget):
    """1. TỔ CHỨC SẢN XUẤT (tối đa 18 điểm) .............. 12/18 điểm"""

    def __init__(self, group: Group, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.line = HeaderLine(f"{group.code}.", "", self, bold_title=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 10, 10, 2)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        for note in group.notes:
            layout.addWidget(muted(wrapped(note, self), italic=True))
        self._shown = -1
        self.retranslate()

    def retranslate(self) -> None:
        self.line.set_title(fill(self.tr("%1 (tối đa %2 điểm)"), self.group.title, self.group.max))
        self._shown = -1

    def show_total(self, points: int) -> None:
        if points != self._shown:
            self._shown = points
            self.line.set_value(
                fill(self.tr("%1/%2 điểm"), points, self.group.max), fill(self.tr("%1/%2 điểm"), 99, 99)
            )


class ScoreParentCard(SheetCard):
    """A criterion with sub-criteria (tea 6.1 → 6.1.1, 6.1.2): its heading and subtotal."""

    def __init__(
        self,
        criterion: Criterion,
        leaf_codes: Sequence[str],
        parent: QWidget | None = None,
        *,
        indent: int = 0,
        notices: Sequence[Notice] = (),
    ) -> None:
        super().__init__(parent, indent=indent)
        self.criterion = criterion
        self.leaf_codes = tuple(leaf_codes)
        self.line = HeaderLine(criterion.code, criterion.title, self)
        self.notice = NoticeMarker(notices, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(indent + 14, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.notice)
        for note in criterion.notes:
            layout.addWidget(muted(wrapped(note, self), italic=True))
        self._shown = -1

    def refresh(self, result: ScoreResult) -> None:
        points = sum(result.points[c] for c in self.leaf_codes)
        if points != self._shown:
            self._shown = points
            self.line.set_value(
                fill(self.tr("%1/%2 điểm"), points, self.criterion.max), fill(self.tr("%1/%2 điểm"), 99, 99)
            )

    def retranslate(self) -> None:
        self._shown = -1


class ScoreCriterionCard(SheetCard):
    """A leaf criterion: heading, printed notes, its stop flag, the options (grouped by
    alternative case), a notes field and evidence links. Takes the keyboard focus: digits
    choose, 0 clears, arrows and Page Up/Down move (the editor does the moving)."""

    keyAction = Signal(str, QKeyEvent)  # the editor handles navigation keys

    def __init__(
        self,
        criterion: Criterion,
        *,
        heading_notes: Sequence[str],
        stops: Sequence[Stop],
        on_choose: Callable[[str, int | None], object],
        on_note: Callable[[str, str], None],
        on_stop: Callable[[str, bool], None],
        on_evidence: Callable[[str], None],
        parent: QWidget | None = None,
        indent: int = 0,
        notices: Sequence[Notice] = (),
    ) -> None:
        super().__init__(parent, indent=indent)
        self.criterion = criterion
        self.code = criterion.code
        self.stops = tuple(stops)
        self._on_choose = on_choose
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"{criterion.code} {criterion.title}")

        self.line = HeaderLine(criterion.code, criterion.title, self)
        self.notice = NoticeMarker(notices, self)  # a correction or a suspect value of the decision's text
        layout = QVBoxLayout(self)
        layout.setContentsMargins(indent + 14, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.notice)
        for note in heading_notes:
            layout.addWidget(muted(wrapped(note, self), italic=True))

        self.not_applicable = muted(wrapped("", self), smaller=False)
        pal = self.not_applicable.palette()
        pal.setColor(QPalette.ColorRole.WindowText, SHEET_WARN)
        self.not_applicable.setPalette(pal)
        self.not_applicable.hide()
        layout.addWidget(self.not_applicable)

        self.stop_boxes: dict[str, QCheckBox] = {}
        for stop in self.stops:
            box = QCheckBox(self)
            box.clicked.connect(lambda checked, s=stop.id: on_stop(s, checked))
            self.stop_boxes[stop.id] = box
            layout.addWidget(box)

        self.options: list[ScoreOptionButton] = []
        self.case_labels: list[QLabel] = []
        cases = criterion.cases
        for case_index in range(len(cases)) if cases else (None,):
            if case_index is not None:
                case_label = wrapped("", self)
                case_label.setFont(bold(self.font()))
                case_label.setContentsMargins(0, 4, 0, 0)
                self.case_labels.append(case_label)
                layout.addWidget(case_label)
            for option in criterion.options:
                if option.case != case_index:
                    continue
                button = ScoreOptionButton(option, self)
                button.clicked.connect(lambda _=False, i=option.index: self._clicked(i))
                self.options.append(button)
                layout.addWidget(button)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 4, 0, 0)
        self.note_edit = QLineEdit(self)
        self.note_edit.textEdited.connect(lambda text: on_note(self.code, text))
        self.evidence_button = QPushButton(self)
        self.evidence_button.setAutoDefault(False)
        self.evidence_button.clicked.connect(lambda: on_evidence(self.code))
        bottom.addWidget(self.note_edit, 1)
        bottom.addWidget(self.evidence_button)
        layout.addLayout(bottom)
        self.chips = wrapped("", self, rich=True)
        self.chips.hide()
        layout.addWidget(self.chips)

        self.answer: int | None = None
        self.applicable = True
        self.read_only = False
        self._shown_points: tuple[int, bool] | None = None
        self._evidence_count = 0
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for stop in self.stops:
            self.stop_boxes[stop.id].setText(fill(self.tr("Điểm dừng: %1"), stop.label))
            self.stop_boxes[stop.id].setToolTip(stop.note)
        for label, case in zip(self.case_labels, self.criterion.cases, strict=True):
            label.setText(fill(self.tr("Trường hợp %1: %2"), self.case_labels.index(label) + 1, case))
        self.note_edit.setPlaceholderText(fill(self.tr("Ghi chú cho tiêu chí %1…"), self.code))
        self._show_evidence_count(self._evidence_count)
        cond = self.criterion.applies_if
        if cond is not None:
            if cond.criterion == "5.1":  # the only condition in the decision: 5.2 needs a product story
                text = fill(
                    self.tr("Không áp dụng: sản phẩm chưa có câu chuyện (tiêu chí %1 đạt 0 điểm)."),
                    cond.criterion,
                )
            else:
                text = fill(
                    self.tr("Không áp dụng: tiêu chí %1 chưa đạt từ %2 điểm trở lên."),
                    cond.criterion,
                    cond.min_points,
                )
            self.not_applicable.setText(text)
        self._shown_points = None

    def _show_evidence_count(self, n: int) -> None:
        self._evidence_count = n
        self.evidence_button.setText(fill(self.tr("Minh chứng (%1)…"), n) if n else self.tr("Minh chứng…"))
        self.evidence_button.setToolTip(
            fill(self.tr("Chọn tệp minh chứng của hồ sơ cho tiêu chí %1"), self.code)
        )

    # -- state -------------------------------------------------------------------------------
    def show_answer(self, index: int | None) -> None:
        if index == self.answer:
            return
        self.answer = index
        for button in self.options:
            button.setChecked(button.option.index == index)

    def refresh(self, result: ScoreResult) -> None:
        code = self.code
        answered = code in result.answers
        applicable = code in result.unanswered or (answered and code not in result.not_applicable)
        if applicable != self.applicable:
            self.applicable = applicable
            self.not_applicable.setVisible(not applicable)
            for button in self.options:
                button.setEnabled(applicable)
        points = result.points[code]
        if self._shown_points != (points, answered):
            self._shown_points = (points, answered)
            self.line.set_value(
                fill(self.tr("%1/%2 điểm"), points if answered and applicable else "–", self.criterion.max),
                fill(self.tr("%1/%2 điểm"), 99, 99),
            )

    def set_stripe(self, color: QColor | None) -> None:
        if color != self.stripe:
            self.stripe = color
            self.update()

    def set_current(self, current: bool) -> None:
        if current != self.current:
            self.current = current
            self.update()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for button in self.options:
            button.read_only = read_only
        self.note_edit.setReadOnly(read_only)
        for box in self.stop_boxes.values():
            box.setEnabled(not read_only)

    def show_evidence(self, names: Sequence[str]) -> None:
        self._show_evidence_count(len(names))
        if names:
            style = f"background-color:{CHIP_FILL.name()}; color:{CHIP_TEXT.name()}"
            chips = "&nbsp; ".join(f"<span style='{style}'>&nbsp;{html(n)}&nbsp;</span>" for n in names)
            self.chips.setText(chips)
        self.chips.setVisible(bool(names))

    def _clicked(self, index: int) -> None:
        """A click on an option also puts the keyboard on its criterion (digits, arrows go on from there)."""
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._on_choose(self.code, index)

    # -- keyboard ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.NoModifier and Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            index = None if key == Qt.Key.Key_0 else key - Qt.Key.Key_1
            if index is None or index < len(self.criterion.options):
                self._on_choose(self.code, index)
            event.accept()
            return
        if modifiers == Qt.KeyboardModifier.NoModifier and key in NAVIGATION_KEYS:
            self.keyAction.emit(self.code, event)
            event.accept()
            return
        super().keyPressEvent(event)


NAVIGATION_KEYS = frozenset(
    {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End}
)
