"""A form section (Mẫu 01, Mẫu 02 Parts I/II/IV, Mẫu 03) built from its field specifications in
`domain.forms`: one input per field, required fields marked, a message under each field."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.forms import Field, Kind, Section
from ocop_desktop.ui.dossiers.field_widgets import FieldInput, display_text
from ocop_desktop.ui.kit.field_messages import FieldMessages
from ocop_desktop.ui.kit.style import MUTED_STYLE, bold, required_label

FORM_MAX_WIDTH = 940  # long lines of input are hard to read on a wide screen
LABEL_WIDTH = 270


class SectionForm(QScrollArea):
    """Signals:
    edited(str): the person changed field `key`.
    committed(str): the person left field `key`.
    fields_built(): the fields exist now (a deferred form, on first use).
    """

    edited = Signal(str)
    committed = Signal(str)
    fields_built = Signal()

    def __init__(self, section: Section, parent: QWidget | None = None, *, deferred: bool = False) -> None:
        """`deferred`: the fields are built on first use (shown, read, filled) or by `build()` —
        a dossier window builds its hidden sections in the turns after it opens, not before."""
        super().__init__(parent)
        self.section = section
        self._inputs: dict[str, FieldInput] = {}
        self._built = False
        self._values: Mapping[str, object] | None = None  # what to show once built
        self._read_only = False
        self._note: QLabel | None = None
        self._note_text: str | None = None
        self.messages = FieldMessages()  # under the fields only: the editor shows the rest
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        if not deferred:
            self.build()

    def _add_content(self) -> None:
        """The scrolled page: title, note, the form layout (a deferred form makes it in `build`, as
        placing it in the scroll area costs as much as a few fields)."""
        content = QWidget()
        content.setMaximumWidth(FORM_MAX_WIDTH)
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(12, 10, 12, 12)
        self.title = bold(QLabel(self.section.title), 1.15)
        self.body.addWidget(self.title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(self.form)
        self.body.addStretch(1)
        if self._note_text is not None:
            self.set_note(self._note_text)
        self._add_fields(self.section.fields)
        self.setWidget(content)

    @property
    def built(self) -> bool:
        return self._built

    @property
    def inputs(self) -> dict[str, FieldInput]:
        self.build()
        return self._inputs

    def build(self) -> None:
        """The fields, with the values and the read-only state asked for meanwhile (once)."""
        if self._built:
            return
        self._built = True
        self._add_content()
        if self._values is not None:
            self.set_values(self._values)
        if self._read_only:
            self.set_read_only(True)
        self.fields_built.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.build()
        super().showEvent(event)

    def _add_fields(self, fields: tuple[Field, ...]) -> None:
        ticks: list[Field] = []
        for f in (*fields, None):
            if f is not None and f.kind is Kind.BOOL:
                ticks.append(f)
                continue
            if ticks:
                self._add_ticks(ticks)
                ticks = []
            if f is not None:
                self._add_row(f)

    def _add_row(self, f: Field) -> None:
        field_input = self._input(f)
        label = QLabel(required_label(f.label, f.required))
        label.setWordWrap(True)
        label.setFixedWidth(LABEL_WIDTH)
        label.setBuddy(field_input.widget)
        label.setToolTip(f.hint)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(field_input.widget)
        if f.hint:
            hint = QLabel(f.hint)
            hint.setStyleSheet(MUTED_STYLE)
            column.addWidget(hint)
        column.addWidget(self.messages.label(f.key))
        self.form.addRow(label, box)

    def _add_ticks(self, ticks: list[Field]) -> None:
        # Tick boxes read better side by side, as on the paper form.
        group = QGroupBox()
        grid = QGridLayout(group)
        for i, f in enumerate(ticks):
            grid.addWidget(self._input(f).widget, 2 * (i // 2), i % 2)
            grid.addWidget(self.messages.label(f.key), 2 * (i // 2) + 1, i % 2)
        self.form.addRow(group)

    def _input(self, f: Field) -> FieldInput:
        field_input = FieldInput(f, self)
        field_input.edited.connect(lambda key=f.key: self._on_edited(key))
        field_input.committed.connect(lambda key=f.key: self.committed.emit(key))
        self._inputs[f.key] = field_input
        return field_input

    def _on_edited(self, key: str) -> None:
        self.clear_problems([key])  # the person is fixing it: the old message no longer applies
        self.edited.emit(key)

    # -- values -------------------------------------------------------------------------------
    def set_values(self, values: Mapping[str, object]) -> None:
        if not self._built:
            self._values = values
            return
        for key, field_input in self._inputs.items():
            field_input.show(values.get(key))

    def set_note(self, text: str) -> None:
        """A line under the title for what the paper form shows but is not typed here."""
        self._note_text = text
        if not self._built:
            return
        if self._note is None:
            self._note = QLabel()
            self._note.setWordWrap(True)
            self._note.setStyleSheet(MUTED_STYLE)
            self.body.insertWidget(1, self._note)
        self._note.setText(text)

    def put(self, key: str, value: object) -> None:
        """Fill a field for the person (a suggestion they accepted): shown and saved like typing."""
        self.inputs[key].show(value)
        self._on_edited(key)

    def raw(self, key: str) -> object:
        return self.inputs[key].raw()

    def show_saved(self, values: Mapping[str, object]) -> None:
        """Re-display saved values in their normal format (1.500.000; 05/03/2026), except in the
        field being typed in, whose cursor must not jump."""
        for key, value in values.items():
            field_input = self._inputs.get(key)
            if field_input is None or field_input.widget.hasFocus():
                continue
            if display_text(field_input.field, value) != field_input.raw() and field_input.field.kind in (
                Kind.DATE,
                Kind.INT,
                Kind.MONEY,
                Kind.PERCENT,
            ):
                field_input.show(value)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for field_input in self._inputs.values():  # none yet if not built: `build` applies it
            field_input.set_read_only(read_only)

    # -- messages -----------------------------------------------------------------------------
    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Messages under the fields they concern (keys of this section, without prefix)."""
        self.build()
        self.messages.show(problems)

    def clear_problems(self, keys: list[str] | None = None) -> None:
        self.messages.clear(keys)

    def problem(self, key: str) -> str:
        return self.messages.text(key) if self._built else ""  # showing a message builds the form

    def has_problems(self) -> bool:
        return self.messages.any_shown()

    def focus_field(self, key: str) -> None:
        field_input = self.inputs.get(key)  # built now if it was not
        if field_input is not None:
            self.ensureWidgetVisible(field_input.widget)
            field_input.widget.setFocus(Qt.FocusReason.OtherFocusReason)
