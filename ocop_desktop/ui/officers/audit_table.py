"""A table of audit entries (the log's window and a dossier's history): one line per entry, newest first,
the fields it changed in the last column and every value in the tooltip."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ocop_desktop.services.core.audit import AuditRow
from ocop_desktop.ui.kit.formatting import local_time

BOOKKEEPING = {"revision", "updated_at", "updated_by_office_id", "updated_by_officer_id"}  # in every update
COLUMNS = ("Số", "Thời điểm", "Cán bộ", "Cơ quan", "Loại bản ghi", "Bản ghi", "Thao tác", "Thay đổi")


def _value(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 200 else text[:200] + "…"


def change_text(entry: AuditRow) -> str:
    """“field: before → after” for an update; the fields for an insert or a delete."""
    if entry.action == "update":
        changes = [c for c in entry.changes() if c[0] not in BOOKKEEPING] or entry.changes()
        return "; ".join(f"{k}: {_value(b)} → {_value(a)}" for k, b, a in changes)
    return ", ".join(k for k, _b, _a in entry.changes())


class AuditTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(list(COLUMNS))  # the log's words, as the XLSX export has them
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.horizontalHeader()
        char = self.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate((6, 17, 20, 20, 18, 12, 8)):
            header.resizeSection(column, width * char)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.rows: list[AuditRow] = []

    def show_entries(self, rows: Sequence[AuditRow]) -> None:
        self.rows = list(rows)
        self.setRowCount(len(rows))
        for row, e in enumerate(rows):
            source = {"import": self.tr(" (nhập gói)"), "bulk": self.tr(" (dữ liệu mẫu)")}.get(e.source, "")
            values = (
                str(e.seq),
                local_time(e.at),
                e.officer_name or "—",
                e.office_name + source,
                e.table_label,
                e.record_id[:8] if e.record_id != "*" else "*",
                e.action_label,
                change_text(e),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column in (5, 7):
                    item.setToolTip(e.record_id if column == 5 else change_text(e)[:2000])
                self.setItem(row, column, item)
