"""Chủ thể: the producers of this office, filterable without diacritics."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from ocop_desktop.services.registry.producers import ProducerRow
from ocop_desktop.ui.kit.lazy_model import LazyTableModel
from ocop_desktop.ui.kit.list_page import ListPage
from ocop_desktop.ui.kit.tables import Col
from ocop_desktop.ui.register.import_dialog import RegisterImportDialog
from ocop_desktop.ui.registry import ops, removal
from ocop_desktop.ui.registry.merge_dialog import MergeProducersDialog
from ocop_desktop.ui.registry.producer_dialog import ProducerDialog

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

translate = QCoreApplication.translate
COLUMNS = [
    Col(lambda: translate("ProducersPage", "Tên chủ thể"), lambda r: r.name, sort="name"),
    Col(lambda: translate("ProducersPage", "Loại hình"), lambda r: r.kind_label, 21, sort="kind"),
    Col(lambda: translate("ProducersPage", "Xã/phường"), lambda r: r.commune_name, 18, sort="commune"),
    Col(
        lambda: translate("ProducersPage", "Người đại diện"),
        lambda r: r.representative,
        19,
        sort="representative",
    ),
    Col(lambda: translate("ProducersPage", "Điện thoại"), lambda r: r.phone, 11, sort="phone", shrinks=False),
    Col(
        lambda: translate("ProducersPage", "Mã số thuế"),
        lambda r: r.tax_code,
        13,
        sort="tax_code",
        shrinks=False,
    ),
    Col(
        lambda: translate("ProducersPage", "Số SP"),
        lambda r: r.product_count,
        5,
        sort="products",
        shrinks=False,
    ),
]


def producers_model(ctx: AppContext, parent: QWidget | None = None) -> LazyTableModel:
    return LazyTableModel(
        partial(ops.producers, ctx), partial(ops.count_producers, ctx), COLUMNS, parent=parent
    )


class ProducersPage(ListPage):
    topics = ("registry",)  # re-read when another desk changes producers or products

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        super().__init__(producers_model(ctx), parent)
        self.model.setParent(self)
        self.dialog: ProducerDialog | None = None
        self.import_dialog: RegisterImportDialog | None = None
        self.merge_dialog: MergeProducersDialog | None = None
        self.table.deletePressed.connect(self.delete_current)

    def extra_buttons(self) -> list[QPushButton]:
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self.open_merge)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_current)
        return [self.merge_button, self.delete_button]

    def retranslate(self) -> None:
        super().retranslate()
        self.merge_button.setText(self.tr("Gộp trùng…"))
        self.merge_button.setToolTip(self.tr("Gộp một chủ thể nhập trùng vào chủ thể đang chọn"))
        self.delete_button.setText(self.tr("Xóa"))
        self.delete_button.setToolTip(self.tr("Xóa chủ thể nhập nhầm, chưa có sản phẩm (Delete)"))

    def delete_current(self) -> None:
        row = self.current_row()
        if row is not None:
            removal.delete_producer(self, self._ctx, row)

    def open_merge(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = MergeProducersDialog(self._ctx, row, self)
        dialog.merged.connect(lambda _result: self.model.set_query(self.model.query))
        dialog.finished.connect(dialog.deleteLater)
        self.merge_dialog = dialog
        dialog.open()

    def extra_filters(self) -> list[QWidget]:
        self.import_button = QPushButton(self.tr("Nhập từ Excel…"))
        self.import_button.setToolTip(
            self.tr("Nhập sổ chủ thể, sản phẩm, giấy chứng nhận có sẵn (Excel/CSV)")
        )
        self.import_button.clicked.connect(self.open_import)
        return [self.import_button]

    def open_import(self) -> None:
        dialog = RegisterImportDialog(self._ctx, self)
        dialog.imported.connect(lambda _result: self.model.set_query(self.model.query))
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()

    def texts(self) -> dict[str, str]:
        return {
            "placeholder": self.tr(
                "Tìm theo tên, người đại diện, mã số thuế, xã/phường… (gõ không dấu cũng được)"
            ),
            "new": self.tr("Thêm chủ thể"),
            "edit": self.tr("Sửa"),
            "edit_tip": self.tr("Sửa chủ thể đang chọn (Enter)"),
            "empty": self.tr("Chưa có chủ thể nào. Bấm “Thêm chủ thể” (Ctrl+N) để bắt đầu."),
            "none_found": self.tr("Không tìm thấy chủ thể nào."),
        }

    def count_text(self, n: int) -> str:
        return self.tr("%Ln chủ thể", "", n)

    def open_new(self) -> None:
        self._open(ProducerDialog(self._ctx, None, self))

    def open_edit(self, row: ProducerRow) -> None:
        self._open(ProducerDialog(self._ctx, row, self))

    def _open(self, dialog: ProducerDialog) -> None:
        # open(), not exec(): window-modal without a nested event loop (and testable).
        dialog.saved.connect(self.show_saved)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
