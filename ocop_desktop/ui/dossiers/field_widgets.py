"""One input widget per form field kind (domain.forms.Kind), behind one small interface:
`raw()` is what the person typed (the service parses and checks it), `show(value)` displays a
stored value in Vietnamese format, `edited` fires on every change made by the person and
`committed` when they leave the field (focus-out, Enter)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ocop_desktop.domain.forms import Field, Kind, parse_date
from ocop_desktop.ui.kit.formatting import format_date, format_int

NUMBER_KINDS = (Kind.INT, Kind.MONEY, Kind.PERCENT)


class PlainTextInput(QPlainTextEdit):
    """Multi-line text whose Tab moves on (keyboard users) and which says when it loses focus."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        lines = 3
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.focus_lost.emit()


class FieldInput(QObject):
    """Signals:
    edited(): the person changed the value.
    committed(): the person left the field (save now rather than after the pause).
    """

    edited = Signal()
    committed = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.widget = self._build(field)
        self.widget.setToolTip(field.hint)

    def _build(self, f: Field) -> QWidget:
        if f.kind is Kind.MULTILINE:
            w = PlainTextInput()
            w.textChanged.connect(self.edited)  # show() blocks signals, so only typing gets here
            w.focus_lost.connect(self.committed)
            return w
        if f.kind is Kind.BOOL:
            box = QCheckBox(f.label)
            box.clicked.connect(lambda _on: (self.edited.emit(), self.committed.emit()))
            return box
        if f.kind is Kind.CHOICE:
            combo = QComboBox()
            combo.addItem(self.tr("— Chọn —"), "")
            for value, label in f.choices:
                combo.addItem(label, value)
            combo.activated.connect(lambda _i: (self.edited.emit(), self.committed.emit()))
            return combo
        edit = QLineEdit()
        edit.textEdited.connect(lambda _t: self.edited.emit())
        edit.editingFinished.connect(self.committed)
        if f.kind is Kind.DATE:
            # typed as digits only, the slashes in place; "__/__/____" reads as empty (issue 15)
            edit.setInputMask("99/99/9999;_")
            edit.setToolTip(self.tr("Ngày dạng dd/mm/yyyy, chỉ cần gõ các chữ số"))
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        elif f.kind in NUMBER_KINDS:
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            digits = {Kind.INT: 10, Kind.MONEY: 18, Kind.PERCENT: 5}[f.kind]
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0" * digits) + 24)
            if f.kind is Kind.PERCENT:
                edit.setPlaceholderText("0–100")
        return edit

    # -- values -------------------------------------------------------------------------------
    def raw(self) -> object:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData() or ""
        assert isinstance(w, QLineEdit)
        text = w.text()
        return "" if self.field.kind is Kind.DATE and not text.strip("/_ ") else text

    def show(self, value: object) -> None:
        """Display a stored value (ISO date, int, bool, text) without counting as an edit."""
        w = self.widget
        w.blockSignals(True)
        try:
            if isinstance(w, QPlainTextEdit):
                w.setPlainText("" if value is None else str(value))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(w.findData(value or ""), 0))
            else:
                assert isinstance(w, QLineEdit)
                w.setText(display_text(self.field, value))
        finally:
            w.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        w = self.widget
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            w.setReadOnly(read_only)
        else:
            w.setEnabled(not read_only)


def display_text(f: Field, value: object) -> str:
    """A stored value as a person reads it: dd/mm/yyyy, 1.500.000."""
    if value is None or value == "":
        return ""
    if f.kind is Kind.DATE:
        try:
            return format_date(value if isinstance(value, date) else parse_date(str(value)))
        except ValueError:
            return str(value)
    if f.kind in NUMBER_KINDS and isinstance(value, int) and not isinstance(value, bool):
        return format_int(value)
    return str(value)
