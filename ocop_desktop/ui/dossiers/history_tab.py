"""Lịch sử: every lifecycle action of the dossier, when, by whom, with its note; above it, for a
product the province proposed for 5★, the proposal and the ministry's result (from the results
package at the commune); under it, every change to the dossier and its forms, checklist, evidence and
sheets from the audit log (read in the background whenever the tab is shown after a change)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.dossiers import Action, Status
from ocop_desktop.domain.paper_outcome import PAPER_LABELS
from ocop_desktop.services.core.audit import AuditRow
from ocop_desktop.services.dossiers.service import DossierEventRow
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.formatting import format_datetime
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.officers import ops as officers_ops
from ocop_desktop.ui.officers.audit_table import AuditTable

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class HistoryTab(QWidget):
    def __init__(
        self, ctx: AppContext | None = None, dossier_id: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._dossier_id = ctx, dossier_id
        self._stale = True
        self.audit_task: Task | None = None
        self.audit = AuditTable(self)
        self.audit_title = QLabel(self.tr("Mọi thay đổi của hồ sơ (nhật ký thay đổi)"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Thời điểm"),
                self.tr("Thao tác"),
                self.tr("Trạng thái mới"),
                self.tr("Cán bộ"),
                self.tr("Ghi chú"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        char = self.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate((17, 32, 26, 20)):
            header.resizeSection(column, width * char)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # rows are as tall as their wrapped note at the note's real width, not the width it had while
        # the tab was hidden (a paper outcome's note is several lines long)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.five_star = QLabel(self)
        self.five_star.setWordWrap(True)
        self.five_star.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.five_star.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.five_star)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.audit_title)
        layout.addWidget(self.audit, 3)

    def show_five_star(self, lines: Sequence[str]) -> None:
        """The 5★ proposal and the ministry's result (domain.province.five_star_lines), if any."""
        self.five_star.setText("\n".join(lines))
        self.five_star.setVisible(bool(lines))

    def show_events(self, events: Sequence[DossierEventRow]) -> None:
        self.table.setRowCount(len(events))
        for row, e in enumerate(reversed(events)):  # newest first
            values = (
                format_datetime(e.at),
                label_text(PAPER_LABELS[Action(e.action)])
                if e.on_paper
                else label_text(Action(e.action).label),
                label_text(Status(e.to_status).label),
                e.officer_name or "—",
                e.note,
            )
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self._stale = True
        if self.isVisible():
            self.refresh_audit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_audit()

    def refresh_audit(self) -> None:
        if self._ctx is None or self.audit_task is not None:
            return
        self._stale = False
        self.audit_task = run_task(
            officers_ops.dossier_history, self._ctx, self._dossier_id, on_done=self._show_audit, parent=self
        )

    def _show_audit(self, rows: list[AuditRow]) -> None:
        self.audit_task = None
        self.audit.show_entries(rows)
