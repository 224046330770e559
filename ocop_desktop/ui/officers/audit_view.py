"""“Nhật ký thay đổi”: the audit log, filtered by officer, record, action and days, exported to XLSX,
and checked on demand (“Kiểm tra nhật ký”: the chain and every record against it, as at start-up)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.core.audit import ACTION_LABELS, AuditFilter, AuditRow, VerifyReport
from ocop_desktop.services.core.officers import OfficerRow
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.help_window import help_key
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.officers import ops
from ocop_desktop.ui.officers.audit_banner import problem_text
from ocop_desktop.ui.officers.audit_table import AuditTable

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

NO_DAY = QDate(2000, 1, 1)  # the date fields' "any day" (shown as "—")


def _day_field() -> QDateEdit:
    field = QDateEdit()
    field.setDisplayFormat("dd/MM/yyyy")
    field.setCalendarPopup(True)
    field.setMinimumDate(NO_DAY)
    field.setSpecialValueText("—")
    field.setDate(NO_DAY)
    return field


def _day(field: QDateEdit) -> date | None:
    chosen = field.date()
    return None if chosen == NO_DAY else date(chosen.year(), chosen.month(), chosen.day())


class AuditLogDialog(QDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, dossier_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._dossier_id = dossier_id
        self.task: Task | None = None
        self.check: Task | None = None  # “Kiểm tra nhật ký” running
        self.setWindowTitle(self.tr("Nhật ký thay đổi"))
        self.resize(1180, 640)
        self.officer = QComboBox()
        self.officer.addItem(self.tr("Mọi cán bộ"), None)
        self.record = QLineEdit()
        self.record.setPlaceholderText(self.tr("mã bản ghi (dán từ cột Bản ghi)"))
        self.action = QComboBox()
        self.action.addItem(self.tr("Mọi thao tác"), None)
        for key in ("insert", "update", "delete"):
            self.action.addItem(ACTION_LABELS[key], key)
        self.since, self.until = _day_field(), _day_field()
        self.refresh, self.export_button = QPushButton(self.tr("Lọc")), QPushButton(self.tr("Xuất XLSX…"))
        self.verify_button = QPushButton(self.tr("Kiểm tra nhật ký"))
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Cán bộ:"), self.officer),
            (self.tr("Bản ghi:"), self.record),
            (self.tr("Thao tác:"), self.action),
            (self.tr("Từ ngày:"), self.since),
            (self.tr("Đến ngày:"), self.until),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 2 if widget is self.record else 0)
        filters.addWidget(self.refresh)
        filters.addWidget(self.export_button)
        filters.addWidget(self.verify_button)
        self.status = Banner(self, "info")
        self.table = AuditTable(self)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.refresh.clicked.connect(self.reload)
        self.record.returnPressed.connect(self.reload)
        self.export_button.clicked.connect(self._export)
        self.verify_button.clicked.connect(self.verify)
        self.help_key = help_key(self, "can-bo-nhat-ky")
        run_task(ops.officers, ctx, on_done=self._officers, parent=self)
        self.reload()

    def is_ready(self) -> bool:
        return self.task is None

    def wanted(self) -> AuditFilter:
        return AuditFilter(
            officer_id=self.officer.currentData(),
            record_id=self.record.text().strip() or None,
            dossier_id=self._dossier_id,
            action=self.action.currentData(),
            since=_day(self.since),
            until=_day(self.until),
        )

    def reload(self) -> None:
        self.task = run_task(ops.entries, self._ctx, self.wanted(), on_done=self._show, parent=self)

    def _officers(self, officers: list[OfficerRow]) -> None:
        for o in officers:
            self.officer.addItem(o.name if o.active else self.tr("%1 (đã ngừng)").replace("%1", o.name), o.id)

    def _show(self, rows: list[AuditRow]) -> None:
        self.task = None
        self.table.show_entries(rows)
        limit = self.wanted().limit
        more = self.tr(" (mới nhất; lọc để xem các mục cũ hơn)") if len(rows) >= limit else ""
        self.status.show_text(self.tr("%1 mục").replace("%1", str(len(rows))) + more, "info")

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất nhật ký thay đổi"), "nhat-ky-thay-doi.xlsx", "Excel (*.xlsx)"
        )
        if path:
            run_task(ops.export, self._ctx, self.table.rows, Path(path), on_done=self._exported, parent=self)

    def verify(self) -> None:
        """Check the chain and every record against it now (the start-up check, on demand)."""
        self.verify_button.setEnabled(False)
        self.status.show_text(self.tr("Đang kiểm tra nhật ký…"), "info")
        self.check = run_task(
            ops.verify, self._ctx, on_done=self._verified, on_error=self._not_verified, parent=self
        )

    def _verified(self, report: VerifyReport) -> None:
        self.check = None
        self.verify_button.setEnabled(True)
        if report.ok:
            self.status.show_text(
                self.tr("Nhật ký nguyên vẹn: %1 mục, khớp với %2 bản ghi hiện có.")
                .replace("%1", f"{report.entries:,}".replace(",", "."))
                .replace("%2", f"{report.rows:,}".replace(",", ".")),
                "ok",
            )
        else:
            self.status.show_text(problem_text(report), "error")

    def _not_verified(self, exc: BaseException) -> None:
        self.check = None
        self.verify_button.setEnabled(True)
        errors.show_error(exc, self)

    def _exported(self, path: Path) -> None:
        self.status.show_text(self.tr("Đã xuất %1").replace("%1", str(path)), "ok")
