"""Link one evidence file to a checklist item and to the criteria it supports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class EvidenceLinkDialog(QDialog):
    def __init__(
        self,
        filename: str,
        items: Mapping[str, str],  # checklist key -> label, of the items that apply
        criteria: Sequence[tuple[str, str]],
        checklist_key: str | None,
        chosen: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Liên kết tệp “%1”").replace("%1", filename))
        self.resize(620, 520)
        self.item_box = QComboBox()
        self.item_box.addItem(self.tr("— Không gắn với mục nào —"), None)
        for key, label in items.items():
            self.item_box.addItem(label, key)
        self.item_box.setCurrentIndex(max(self.item_box.findData(checklist_key), 0))
        self.criteria = QListWidget()
        for code, title in criteria:
            item = QListWidgetItem(f"{code}  {title}", self.criteria)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Lưu liên kết"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Mục trong danh mục hồ sơ:")))
        layout.addWidget(self.item_box)
        layout.addWidget(QLabel(self.tr("Tiêu chí được chứng minh (phím cách để chọn/bỏ):")))
        layout.addWidget(self.criteria, 1)
        layout.addWidget(buttons)

    def checklist_key(self) -> str | None:
        return self.item_box.currentData()

    def chosen_criteria(self) -> tuple[str, ...]:
        return tuple(
            self.criteria.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.criteria.count())
            if self.criteria.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_criterion(self, code: str, on: bool) -> None:
        for i in range(self.criteria.count()):
            item = self.criteria.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == code:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
