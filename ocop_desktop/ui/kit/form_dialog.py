"""Base of the create/edit dialogs: fields with inline messages, a save that runs in the
background (the feature's `ops` job), and no silent loss of typed data (closing with unsaved
changes asks first)."""

from __future__ import annotations

from collections.abc import Callable
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

from ocop_desktop.domain.errors import ConflictError, ValidationError
from ocop_desktop.progress import Progress
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.field_messages import FieldMessages, message_label
from ocop_desktop.ui.kit.search_picker import SearchPicker
from ocop_desktop.ui.kit.tasks import Task, run_task

translate = QCoreApplication.translate
SaveJob = Callable[[Progress], Any]  # the save, its arguments bound: run_task(job) -> the saved row


class FormDialog(QDialog):
    """Subclasses add fields with `add_field`, implement `save_job()` (the `ops` function that saves
    what the form holds, its arguments bound) and may override `after_save` (default: close).

    Signals:
        saved(object): the row returned by the service.
    """

    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirty = False
        self.task: Task | None = None  # the save while it runs
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
    def save_job(self) -> SaveJob:
        """The save, e.g. `partial(ops.save_producer, ctx=…, producer=…, data=self.value())`; may
        raise ValidationError for what the form itself can tell."""
        raise NotImplementedError

    def after_save(self, row: Any) -> None:
        self.accept()

    def submit(self) -> Task | None:
        """Save in the background; the dialog stays usable, its save button off meanwhile."""
        if self.task is not None:
            return None
        self.clear_problems()
        try:
            job = self.save_job()
        except ValidationError as exc:
            self.show_problems(exc.fields)
            return None
        self.save_button.setEnabled(False)
        self.task = run_task(job, on_done=self._saved, on_error=self._refused, writes_db=True, parent=self)
        self.task.finished.connect(self._save_ended)
        return self.task

    def _saved(self, row: Any) -> None:
        self.mark_clean()
        self.saved.emit(row)
        self.after_save(row)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_problems(exc.fields)
        elif isinstance(exc, ConflictError):
            # Keep the dialog and what was typed; the person decides what to do with it.
            self.messages.show({"": exc.message})
            errors.show_error(exc, self)
        else:
            errors.show_error(exc, self)

    def _save_ended(self) -> None:
        self.task = None
        self.save_button.setEnabled(True)

    def reject(self) -> None:
        if self._dirty and not errors.confirm_discard(self):
            return
        self._dirty = False
        super().reject()
