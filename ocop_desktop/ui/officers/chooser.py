"""“Ai đang làm việc?”: the officer every following action is attributed to, chosen at start when the
office has several officers, and from the status bar to switch. A PIN, when the officer has one, says
who is at the keyboard of a shared PC; it is accountability, not a lock on the data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.officers import OfficerRow
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.officers import ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class OfficerChooser(QDialog):
    """Signals: chosen(object): the OfficerRow now acting."""

    chosen = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        officers: Sequence[OfficerRow],
        preferred: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Cán bộ đang làm việc"))
        self.setMinimumWidth(420)
        self.intro = QLabel(self.tr("Mọi thao tác từ giờ được ghi nhận với tên cán bộ được chọn."))
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        for row in officers:
            if row.active:
                item = QListWidgetItem(f"{row.name}{f' — {row.title}' if row.title else ''}")
                item.setData(256, row)  # Qt.UserRole, without touching the Qt namespace
                self.list.addItem(item)
                if row.id == preferred:
                    self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.pin_label = QLabel(self.tr("Mã PIN:"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin_note = QLabel(
            self.tr("Mã PIN cho biết ai đang dùng máy chung; đây không phải là biện pháp bảo mật dữ liệu.")
        )
        self.pin_note.setWordWrap(True)
        self.message = Banner(self, "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.choose)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (
            self.intro,
            self.list,
            self.pin_label,
            self.pin,
            self.pin_note,
            self.message,
            self.buttons,
        ):
            layout.addWidget(widget)
        self.list.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.list.itemDoubleClicked.connect(lambda *_: self.choose())
        self._selection_changed()

    def selected(self) -> OfficerRow | None:
        item = self.list.currentItem()
        return item.data(256) if item is not None else None

    def _selection_changed(self) -> None:
        row = self.selected()
        needs_pin = bool(row and row.has_pin)
        for widget in (self.pin_label, self.pin, self.pin_note):
            widget.setVisible(needs_pin)
        self.pin.clear()
        self.message.show_text("")
        if needs_pin:
            self.pin.setFocus()

    def choose(self) -> None:
        row = self.selected()
        if row is None or self.task is not None:
            return
        self.buttons.setEnabled(False)
        self.task = run_task(
            ops.act_as,
            self._ctx,
            row.id,
            self.pin.text(),
            on_done=self._done,
            on_error=self._refused,
            parent=self,
        )

    def _done(self, row: OfficerRow) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        self.chosen.emit(row)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        if isinstance(exc, UserError):  # a wrong PIN, an officer deactivated meanwhile: said here
            self.message.show_text(exc.message)
            self.pin.selectAll()
            return
        errors.show_error(exc, self)
