"""So với hồ sơ trước: for an upgrade or re-evaluation, the form fields that differ from the
dossier of the recognised product, section by section."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ocop_desktop.ui.dossiers.compare import form_changes
from ocop_desktop.ui.kit.style import MUTED_STYLE


class CompareTab(QWidget):
    def __init__(self, previous_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(
            self.tr(
                "Các nội dung đã thay đổi so với hồ sơ trước (%1). Mẫu 02 của hồ sơ nâng "
                "hạng phải nêu rõ các thay đổi này."
            ).replace("%1", previous_label)
        )
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(MUTED_STYLE)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Nội dung"), self.tr("Hồ sơ trước"), self.tr("Hồ sơ này")])
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        self._previous: Mapping[str, Mapping[str, Any]] = {}

    def set_previous(self, forms: Mapping[str, Mapping[str, Any]]) -> None:
        self._previous = forms

    def show_current(self, forms: Mapping[str, Mapping[str, Any]]) -> int:
        """Show the differences; returns how many fields differ."""
        self.tree.clear()
        changes = form_changes(self._previous, forms)
        sections: dict[str, QTreeWidgetItem] = {}
        for change in changes:
            parent = sections.get(change.section)
            if parent is None:
                parent = sections[change.section] = QTreeWidgetItem(self.tree, [change.section])
                parent.setFirstColumnSpanned(True)
                parent.setExpanded(True)
            item = QTreeWidgetItem(parent, [change.label, change.before or "—", change.after or "—"])
            for column in range(3):
                item.setToolTip(column, item.text(column))
        if not changes:
            QTreeWidgetItem(self.tree, [self.tr("Chưa có nội dung nào thay đổi so với hồ sơ trước.")])
        return len(changes)
