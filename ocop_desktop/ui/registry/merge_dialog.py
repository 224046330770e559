"""Gộp chủ thể trùng: the producer selected in the list is kept; the officer finds the duplicate among the
producers of the same commune (typing, without diacritics), reads what will happen, and confirms. The
duplicate's products move to the kept producer, its empty fields are filled from the duplicate, and the
duplicate is deleted (`services.registry.removal`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ocop_desktop.services.registry.removal import MergeResult
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.search_picker import SearchPicker
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.registry import ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.registry.producers import ProducerRow


class MergeProducersDialog(QDialog):
    merged = Signal(object)  # MergeResult

    def __init__(self, ctx: AppContext, keep: ProducerRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.keep = ctx, keep
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Gộp chủ thể trùng"))
        self.intro = QLabel(
            self.tr(
                "Giữ lại: <b>%1</b>.<br>Chọn chủ thể nhập trùng (cùng xã/phường). Sản phẩm của chủ thể "
                "đó sẽ chuyển sang chủ thể giữ lại, các ô còn trống được điền từ chủ thể đó, rồi chủ thể "
                "trùng bị xóa."
            ).replace("%1", keep.name)
        )
        self.intro.setWordWrap(True)
        self.picker = SearchPicker(
            lambda q: ops.same_commune_producers(ctx, keep, q),
            placeholder=self.tr("Gõ tên, người đại diện hoặc mã số thuế của chủ thể trùng…"),
            rows=6,
            parent=self,
        )
        self.picker.chosen.connect(self._enable)
        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(self.tr("Gộp"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())
        self.picker.refresh()
        self.picker.setFocus()  # typing starts the search at once
        self._enable()

    def _enable(self, *_: object) -> None:
        self.merge_button.setEnabled(self.picker.value() is not None and self.task is None)

    def merge(self) -> Task | None:
        duplicate_id = self.picker.value()
        if duplicate_id is None or self.task is not None:
            return None
        duplicate = ops.producer(self.ctx, duplicate_id)
        question = (
            self.tr("Gộp “%1” (%2 sản phẩm) vào “%3”? Chủ thể “%1” sẽ bị xóa.")
            .replace("%1", duplicate.name)
            .replace("%2", str(duplicate.product_count))
            .replace("%3", self.keep.name)
        )
        if not errors.ask(self, question, yes=self.tr("Gộp"), no=self.tr("Không")):
            return None
        self.task = run_task(
            ops.merge_producers,
            self.ctx,
            self.keep,
            duplicate,
            on_done=self._done,
            writes_db=True,
            parent=self,
        )
        self.task.finished.connect(self._finished)
        self._enable()
        return self.task

    def _finished(self) -> None:
        self.task = None
        self._enable()

    def _done(self, result: MergeResult) -> None:
        self.merged.emit(result)
        self.accept()
