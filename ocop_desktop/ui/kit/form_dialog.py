"""Base of the create/edit dialogs: fields with inline messages, save through a service,
and no silent loss of typed data (closing with unsaved changes asks first)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import ConflictError, UserError, ValidationError
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.field_messages import FieldMessages, message_label
from ocop_desktop.ui.kit.search_picker import SearchPicker

translate = QCoreApplication.translate


class FormDialog(QDialog):
    """Subclasses add fields with `add_field`, implement `save()` (call the service, return the
    saved row) and may override `after_save` (default: close).

    Signals:
        saved(object): the row returned by the service.
    """

    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirty = False
        self._fields: dict[str, QWidget] = {}
        self.summary = message_label()
        self.messages = FieldMessages(self.summary)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            translate("FormDialog", "Lưu"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            translate("FormDialog", "Hủy"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- building -----------------------------------------------------------------------------
    def add_field(self, name: str, label: str, widget: QWidget) -> Any:
        """A labelled field with room for its validation message underneath."""
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(1)
        inner.addWidget(widget)
        inner.addWidget(self.messages.label(name))
        self.form.addRow(label, box)
        self._fields[name] = widget
        self.watch(widget)
        return widget

    def watch(self, widget: QWidget) -> None:
        """Changes the person makes in `widget` count as unsaved data."""
        if isinstance(widget, QLineEdit) and not widget.isReadOnly():
            widget.textEdited.connect(self.mark_dirty)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self.mark_dirty)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(self.mark_dirty)
        elif isinstance(widget, SearchPicker):
            widget.chosen.connect(self.mark_dirty)

    # -- state --------------------------------------------------------------------------------
    def mark_dirty(self, *_: object) -> None:
        self._dirty = True

    def mark_clean(self) -> None:
        self._dirty = False

    def is_dirty(self) -> bool:
        return self._dirty

    def message(self, name: str) -> str:
        """The validation message shown under a field ("" when none)."""
        return self.messages.text(name)

    def show_problems(self, problems: dict[str, str]) -> None:
        self.messages.clear()
        lead = translate("FormDialog", "Chưa lưu được: hãy sửa các ô có thông báo màu đỏ.")
        self.messages.show(problems, lead=lead)
        first = next((n for n in self._fields if n in problems), None)
        if first is not None:
            self._fields[first].setFocus()

    def clear_problems(self) -> None:
        self.messages.clear()

    # -- saving and closing -------------------------------------------------------------------
    def save(self) -> Any:
        raise NotImplementedError

    def after_save(self, row: Any) -> None:
        self.accept()

    def submit(self) -> None:
        self.clear_problems()
        try:
            row = self.save()
        except ValidationError as exc:
            self.show_problems(exc.fields)
            return
        except ConflictError as exc:
            # Keep the dialog and what was typed; the person decides what to do with it.
            self.messages.show({"": exc.message})
            errors.show_error(exc, self)
            return
        except UserError as exc:
            errors.show_error(exc, self)
            return
        self.mark_clean()
        self.saved.emit(row)
        self.after_save(row)

    def reject(self) -> None:
        if self._dirty and not errors.confirm_discard(self):
            return
        self._dirty = False
        super().reject()
