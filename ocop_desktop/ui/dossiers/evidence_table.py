"""The list of a dossier's evidence files: thumbnail and name, type, pages, size, and what the
file is linked to (checklist item, criteria)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ocop_desktop.services.dossiers.evidence import AttachmentRow
from ocop_desktop.ui.dossiers.evidence_files import MEDIA_LABELS, format_size
from ocop_desktop.ui.dossiers.thumbnails import Thumbnails


class EvidenceTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.thumbnails = Thumbnails(self.fontMetrics().height() * 2 + 8)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Tệp"),
                self.tr("Loại"),
                self.tr("Số trang"),
                self.tr("Dung lượng"),
                self.tr("Mục danh mục"),
                self.tr("Tiêu chí"),
            ]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIconSize(self.thumbnails.size)
        self.verticalHeader().setDefaultSectionSize(self.thumbnails.size.height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        char = self.fontMetrics().horizontalAdvance("0")
        for column, width in ((1, 6), (2, 7), (3, 9), (4, 30), (5, 12)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width * char + 16)

    def show_rows(self, rows: Sequence[AttachmentRow], labels: Mapping[str, str]) -> None:
        """`labels`: checklist key -> the item's label."""
        self.setRowCount(len(rows))
        for i, r in enumerate(rows):
            name = QTableWidgetItem(self.thumbnails.icon(r.path, r.sha256, r.media_type), r.filename)
            name.setToolTip(r.filename)
            self.setItem(i, 0, name)
            self.setItem(i, 1, QTableWidgetItem(MEDIA_LABELS.get(r.media_type, r.media_type)))
            for column, text in ((2, str(r.pages or "")), (3, format_size(r.size))):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(i, column, item)
            label = labels.get(r.checklist_key or "", r.checklist_key or "")
            linked = QTableWidgetItem(label)
            linked.setToolTip(label)
            self.setItem(i, 4, linked)
            self.setItem(i, 5, QTableWidgetItem(", ".join(r.criteria)))
