"""“Cán bộ”: the administrator adds, renames, deactivates officers, gives the administrator's role and
sets PINs. The service refuses anyone else (and keeps at least one active administrator)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.officers import OfficerRow
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.help_window import help_key
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.officers import ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


HELP_PAGE = "can-bo-nhat-ky"


class OfficersDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.task: Task | None = None
        self.officers: list[OfficerRow] = []
        self.setWindowTitle(self.tr("Cán bộ"))
        self.resize(760, 480)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Họ tên"),
                self.tr("Chức vụ"),
                self.tr("Quản trị"),
                self.tr("Mã PIN"),
                self.tr("Trạng thái"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.name, self.title, self.pin = QLineEdit(), QLineEdit(), QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.setPlaceholderText(self.tr("4–12 chữ số, để trống nếu không dùng"))
        form = QFormLayout()
        form.addRow(self.tr("Họ tên:"), self.name)
        form.addRow(self.tr("Chức vụ:"), self.title)
        form.addRow(self.tr("Mã PIN:"), self.pin)
        self.add_button, self.rename_button = (
            QPushButton(self.tr("Thêm cán bộ")),
            QPushButton(self.tr("Đổi tên")),
        )
        self.active_button = QPushButton(self.tr("Ngừng làm việc"))
        self.admin_button = QPushButton(self.tr("Giao quyền quản trị"))
        # each button as wide as the longer of its two texts (they change with the selection), so the
        # row is sized for both in every language
        for button, other in (
            (self.active_button, self.tr("Kích hoạt lại")),
            (self.admin_button, self.tr("Bỏ quyền quản trị")),
        ):
            extra = button.sizeHint().width() - button.fontMetrics().horizontalAdvance(button.text())
            longest = max(button.fontMetrics().horizontalAdvance(t) for t in (button.text(), other))
            button.setMinimumWidth(longest + extra)
        self.pin_button = QPushButton(self.tr("Đặt / bỏ mã PIN"))
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.rename_button,
            self.active_button,
            self.admin_button,
            self.pin_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = Banner(self, "error")
        note = QLabel(
            self.tr(
                "Mỗi thao tác được ghi nhận với cán bộ đang làm việc. Mã PIN giúp biết ai dùng máy chung "
                "(trách nhiệm), không bảo vệ dữ liệu khỏi người dùng chung tài khoản Windows."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        for item in (self.table, form, buttons, self.message, note):
            layout.addWidget(item) if isinstance(item, QWidget) else layout.addLayout(item)
        self.add_button.clicked.connect(
            lambda: self._run(ops.add, self.name.text(), self.title.text(), self.pin.text(), selected=False)
        )
        self.rename_button.clicked.connect(lambda: self._run(ops.rename, self.name.text()))
        self.active_button.clicked.connect(lambda: self._toggle("active", ops.set_active))
        self.admin_button.clicked.connect(lambda: self._toggle("is_admin", ops.set_admin))
        self.pin_button.clicked.connect(lambda: self._run(ops.set_pin, self.pin.text()))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.help_key = help_key(self, HELP_PAGE)
        self.reload()

    def reload(self) -> None:
        self.task = run_task(ops.officers, self._ctx, on_done=self._show, parent=self)

    def is_ready(self) -> bool:
        return self.task is None

    def selected(self) -> OfficerRow | None:
        row = self.table.currentRow()
        return self.officers[row] if 0 <= row < len(self.officers) else None

    def _show(self, officers: list[OfficerRow]) -> None:
        self.task = None
        chosen = self.selected()
        self.officers = officers
        self.table.setRowCount(len(officers))
        for row, o in enumerate(officers):
            yes = self.tr("có")
            values = (
                o.name,
                o.title,
                yes if o.is_admin else "",
                yes if o.has_pin else "",
                "" if o.active else self.tr("đã ngừng"),
            )
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if chosen is not None and o.id == chosen.id:
                self.table.selectRow(row)
        self._selection_changed()

    def _selection_changed(self) -> None:
        o = self.selected()
        for button in (self.rename_button, self.active_button, self.admin_button, self.pin_button):
            button.setEnabled(o is not None and self.task is None)
        self.active_button.setText(
            self.tr("Kích hoạt lại") if o is not None and not o.active else self.tr("Ngừng làm việc")
        )
        self.admin_button.setText(
            self.tr("Bỏ quyền quản trị") if o is not None and o.is_admin else self.tr("Giao quyền quản trị")
        )
        if o is not None:
            self.name.setText(o.name)
            self.title.setText(o.title)

    def _toggle(self, attribute: str, job: Callable[..., OfficerRow]) -> None:
        o = self.selected()
        if o is not None:
            self._run(job, not getattr(o, attribute))

    def _run(self, job: Callable[..., OfficerRow], *args: Any, selected: bool = True) -> None:
        o = self.selected()
        if self.task is not None or (selected and o is None):
            return
        target = (o.id,) if selected and o is not None else ()
        self.message.show_text("")
        self.task = run_task(
            job,
            self._ctx,
            *target,
            *args,
            on_done=self._changed,
            on_error=self._refused,
            writes_db=True,
            parent=self,
        )

    def _changed(self, _row: OfficerRow) -> None:
        self.task = None
        self.pin.clear()
        self.reload()

    def _refused(self, exc: BaseException) -> None:
        self.task = None
        self._selection_changed()
        if isinstance(exc, UserError):  # not an administrator, a name taken, the last administrator…
            self.message.show_text(exc.message)
            return
        errors.show_error(exc, self)
