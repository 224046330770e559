"""Giấy chứng nhận OCOP of one product: the history (current, expiring with its re-evaluation
window, expired, revoked), entering a certificate issued before the app (including the 3★
certificates districts issued under QĐ 148 before 1/7/2025), and revoking one. An upgrade or a
re-evaluation dossier needs a valid certificate, so this is where the officer records it. The
products page opens it ("Giấy chứng nhận…"); reads and writes run in the background (`ops`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
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

from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.domain.forms import parse_date
from ocop_desktop.services.registry.certificates import (
    KNOWN_RULESETS,
    CertificateInput,
    CertificateRow,
    IssuingLevel,
)
from ocop_desktop.services.registry.products import ProductRow
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.field_messages import FieldMessages, message_label
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.report_labels import report_text
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.registry import ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class CertificatesDialog(QDialog):
    def __init__(self, ctx: AppContext, product: ProductRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.product = product
        self.task: Task | None = None  # an addition or a revocation while it runs
        self.rows: list[CertificateRow] = []
        self.setWindowTitle(self.tr("Giấy chứng nhận OCOP — %1").replace("%1", product.name))
        self.resize(900, 560)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Hạng"),
                self.tr("Quyết định"),
                self.tr("Cấp công nhận"),
                self.tr("Bộ tiêu chí"),
                self.tr("Hiệu lực đến"),
                self.tr("Tình trạng"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Sản phẩm chưa có giấy chứng nhận nào."))
        self.empty.hide()  # until the history is read
        self.message = message_label()
        self.messages = FieldMessages(self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addWidget(self._add_box())
        layout.addLayout(self._revoke_row())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def _add_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Nhập giấy chứng nhận đã được cấp"))
        form = QFormLayout(box)
        self.stars = QComboBox()
        for n in (3, 4, 5):
            self.stars.addItem("★" * n, n)
        self.decision_number = QLineEdit()
        self.decision_number.setPlaceholderText("123/QĐ-UBND")
        self.decision_date = QLineEdit()
        self.decision_date.setPlaceholderText("dd/mm/yyyy")
        self.level = QComboBox()
        for level in IssuingLevel:
            self.level.addItem(report_text(level.label), level.value)
        self.level.setCurrentIndex(self.level.findData(IssuingLevel.PROVINCE.value))
        self.ruleset = QComboBox()
        for key, label in KNOWN_RULESETS.items():
            self.ruleset.addItem(label, key)
        self.issuer = QLineEdit()
        self.add_button = QPushButton(self.tr("Thêm giấy chứng nhận"))
        self.add_button.clicked.connect(self.add)
        for key, caption, widget in (
            ("stars", self.tr("Hạng sao"), self.stars),
            ("decision_number", self.tr("Số quyết định"), self.decision_number),
            ("decision_date", self.tr("Ngày quyết định"), self.decision_date),
            ("issuing_level", self.tr("Cấp công nhận"), self.level),
            ("ruleset_id", self.tr("Theo bộ tiêu chí"), self.ruleset),
            ("issuer", self.tr("Cơ quan ký"), self.issuer),
        ):
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(widget)
            cell.addWidget(self.messages.label(key))
            form.addRow(caption, cell)
        form.addRow("", self.add_button)
        return box

    def _revoke_row(self) -> QHBoxLayout:
        self.revoke_on = QLineEdit()
        self.revoke_on.setPlaceholderText("dd/mm/yyyy")
        self.revoke_reason = QLineEdit()
        self.revoke_reason.setPlaceholderText(self.tr("Lý do thu hồi"))
        self.revoke_button = QPushButton(self.tr("Thu hồi giấy đang chọn"))
        self.revoke_button.clicked.connect(self.revoke_current)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Thu hồi ngày")))
        row.addWidget(self.revoke_on)
        row.addWidget(self.revoke_reason, 1)
        row.addWidget(self.revoke_button)
        return row

    def reload(self) -> Task:
        """Read the product's certificates again (in the background)."""
        return run_task(
            ops.certificate_history, self._ctx, self.product.id, on_done=self._show_rows, parent=self
        )

    def _show_rows(self, rows: list[CertificateRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        for i, c in enumerate(self.rows):
            values = (
                "★" * c.stars,
                f"{c.decision_number} ({format_date(c.decision_date)})",
                c.issuing_label,
                c.ruleset_label,
                format_date(c.valid_until),
                self._state(c),
            )
            for column, text in enumerate(values):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.rows)

    def _state(self, c: CertificateRow) -> str:
        if c.state == "revoked":
            return (
                self.tr("Đã thu hồi ngày %1: %2")
                .replace("%1", format_date(c.revoked_on))
                .replace("%2", c.revoke_reason)
            )
        if c.state == "expired":
            return self.tr("Đã hết hạn")
        if c.state == "grace" and c.valid_through is not None:
            return self.tr(
                "Hết hạn, đang chờ kết quả đánh giá lại nộp ngoài thời hạn: còn hiệu lực đến khi có kết quả, "
                "không quá %1 (khoản 3 Điều 12 QĐ 26/2026)"
            ).replace("%1", format_date(c.valid_through))
        window = (
            self.tr("nộp hồ sơ đánh giá lại từ %1 đến %2")
            .replace("%1", format_date(c.reevaluation_opens))
            .replace("%2", format_date(c.reevaluation_closes))
        )
        if c.state == "expiring":
            return self.tr("Sắp hết hạn: %1").replace("%1", window)
        return self.tr("Còn hiệu lực; %1").replace("%1", window)

    def add(self) -> Task | None:
        self.messages.clear()
        try:
            decided = parse_date(self.decision_date.text())
        except ValueError:
            self.messages.show(
                {
                    "decision_date": self.tr("Ngày “%1” không hợp lệ, cần dạng dd/mm/yyyy.").replace(
                        "%1", self.decision_date.text()
                    )
                }
            )
            return None
        data = CertificateInput(
            self.product.id,
            int(self.stars.currentData()),
            self.decision_number.text(),
            decided,
            self.level.currentData(),
            self.ruleset.currentData(),
            issuer=self.issuer.text(),
        )
        return self._run(ops.add_certificate, (data,), self._added, self._add_refused)

    def _added(self, _row: CertificateRow) -> None:
        for edit in (self.decision_number, self.decision_date, self.issuer):
            edit.clear()
        self.reload()

    def _add_refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.messages.show(exc.fields)
        else:
            errors.show_error(exc, self)

    def revoke_current(self) -> Task | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self.messages.show({"": self.tr("Hãy chọn giấy chứng nhận cần thu hồi.")})
            return None
        try:
            on = parse_date(self.revoke_on.text())
        except ValueError:
            text = self.tr("Ngày “%1” không hợp lệ, cần dạng dd/mm/yyyy.").replace(
                "%1", self.revoke_on.text()
            )
            self.messages.show({"": text})
            return None
        chosen = self.rows[selected[0].row()].id
        args = (chosen, on, self.revoke_reason.text())
        return self._run(ops.revoke_certificate, args, lambda _row: self.reload(), self._revoke_refused)

    def _revoke_refused(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.messages.show(getattr(exc, "fields", None) or {"": exc.message})
        else:
            errors.show_error(exc, self)

    def _run(
        self,
        job: Callable[..., CertificateRow],
        args: tuple[Any, ...],
        done: Callable[[CertificateRow], None],
        refused: Callable[[BaseException], None],
    ) -> Task | None:
        """One write at a time, its buttons off while it runs."""
        if self.task is not None:
            return None
        self.add_button.setEnabled(False)
        self.revoke_button.setEnabled(False)
        self.task = run_task(
            job, self._ctx, *args, on_done=done, on_error=refused, writes_db=True, parent=self
        )
        self.task.finished.connect(self._idle)
        return self.task

    def _idle(self) -> None:
        self.task = None
        self.add_button.setEnabled(True)
        self.revoke_button.setEnabled(True)
