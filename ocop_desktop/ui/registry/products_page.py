"""Sản phẩm: every product with its code and product set, filterable without diacritics; the
selected product's certificates ("Giấy chứng nhận…")."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from ocop_desktop.services.registry.products import ProductRow
from ocop_desktop.ui.kit.lazy_model import LazyTableModel
from ocop_desktop.ui.kit.list_page import ListPage
from ocop_desktop.ui.kit.tables import Col
from ocop_desktop.ui.registry import ops, removal
from ocop_desktop.ui.registry.certificates_dialog import CertificatesDialog
from ocop_desktop.ui.registry.product_dialog import ProductDialog, product_set_label

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

translate = QCoreApplication.translate
COLUMNS = [
    Col(lambda: translate("ProductsPage", "Mã SP"), lambda r: r.code, 16),
    Col(lambda: translate("ProductsPage", "Tên sản phẩm"), lambda r: r.name),
    Col(
        lambda: translate("ProductsPage", "Bộ sản phẩm"),
        lambda r: product_set_label(r.product_set, r.product_set_name),
        27,
    ),
    Col(lambda: translate("ProductsPage", "Chủ thể"), lambda r: r.producer_name, 26),
    Col(lambda: translate("ProductsPage", "Xã/phường"), lambda r: r.commune_name, 15),
]


def products_model(ctx: AppContext, parent: QWidget | None = None) -> LazyTableModel:
    return LazyTableModel(
        partial(ops.products, ctx), partial(ops.count_products, ctx), COLUMNS, parent=parent
    )


class ProductsPage(ListPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        super().__init__(products_model(ctx), parent)
        self.model.setParent(self)
        self.dialog: ProductDialog | None = None
        self.certificates_dialog: CertificatesDialog | None = None
        self.table.deletePressed.connect(self.delete_current)

    def extra_buttons(self) -> list[QPushButton]:
        self.certificates_button = QPushButton()
        self.certificates_button.setObjectName("certificates_button")
        self.certificates_button.clicked.connect(self.open_certificates)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_current)
        return [self.certificates_button, self.delete_button]

    def delete_current(self) -> None:
        row = self.current_row()
        if row is not None:
            removal.delete_product(self, self._ctx, row)

    def texts(self) -> dict[str, str]:
        return {
            "placeholder": self.tr(
                "Tìm theo mã, tên sản phẩm, chủ thể, bộ sản phẩm… (gõ không dấu cũng được)"
            ),
            "new": self.tr("Thêm sản phẩm"),
            "edit": self.tr("Sửa"),
            "edit_tip": self.tr("Sửa sản phẩm đang chọn (Enter)"),
            "empty": self.tr("Chưa có sản phẩm nào. Bấm “Thêm sản phẩm” (Ctrl+N) để bắt đầu."),
            "none_found": self.tr("Không tìm thấy sản phẩm nào."),
        }

    def retranslate(self) -> None:
        super().retranslate()
        self.certificates_button.setText(self.tr("Giấy chứng nhận…"))
        self.delete_button.setText(self.tr("Xóa"))
        self.delete_button.setToolTip(self.tr("Xóa sản phẩm nhập nhầm, chưa có hồ sơ (Delete)"))

    def count_text(self, n: int) -> str:
        return self.tr("%Ln sản phẩm", "", n)

    def open_new(self) -> None:
        self._open(ProductDialog(self._ctx, None, self))

    def open_edit(self, row: ProductRow) -> None:
        self._open(ProductDialog(self._ctx, row, self))

    def open_certificates(self) -> None:
        """The certificates of the selected product: entered, checked, revoked."""
        row = self.current_row()
        if row is not None:
            dialog = CertificatesDialog(self._ctx, row, self)
            dialog.finished.connect(dialog.deleteLater)
            self.certificates_dialog = dialog
            dialog.open()

    def _open(self, dialog: ProductDialog) -> None:
        dialog.saved.connect(self.show_saved)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
