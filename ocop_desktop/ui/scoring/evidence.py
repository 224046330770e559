"""Pick, among the dossier's files, those that support one criterion."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ocop_desktop.ui.scoring.style import fill, wrapped

if TYPE_CHECKING:
    from ocop_desktop.ui.scoring.store import AttachmentRef


class CriterionEvidenceDialog(QDialog):
    """Pick, among the dossier's files, those that support one criterion."""

    def __init__(
        self,
        code: str,
        attachments: Sequence[AttachmentRef],
        chosen: Sequence[str],
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.code = code
        self.setWindowTitle(fill(self.tr("Minh chứng cho tiêu chí %1"), code))
        self.resize(520, 380)
        intro = wrapped(
            fill(
                self.tr("Đánh dấu các tệp của hồ sơ chứng minh cho tiêu chí %1 (phím cách để chọn/bỏ)."), code
            ),
            self,
        )
        self.list = QListWidget(self)
        chosen_set = set(chosen)
        # files tagged with this criterion on upload first, then the rest, in the dossier's order
        ordered = sorted(attachments, key=lambda a: code not in a.criteria)
        for a in ordered:
            text = a.filename + (f"  —  {a.hint}" if a.hint else "")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not read_only:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if a.id in chosen_set else Qt.CheckState.Unchecked)
        empty = wrapped(
            self.tr("Hồ sơ chưa có tệp đính kèm nào. Thêm tệp ở phần minh chứng của hồ sơ."), self
        )
        empty.setVisible(not attachments)
        buttons = QDialogButtonBox(self)
        if read_only:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            buttons.addButton(self.tr("Đồng ý"), QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> list[str]:
        ids = [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return ids

    def set_checked(self, attachment_id: str, checked: bool) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == attachment_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
