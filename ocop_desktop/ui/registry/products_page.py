"""Sản phẩm: every product with its code, product set and current certificate (stars, valid until,
where it stands today), filterable without diacritics and by star and validity, sorted by any column
but the product set's name; the selected product's certificates ("Giấy chứng nhận…")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from ocop_desktop.domain.certificate_state import CertificateState
from ocop_desktop.services.registry.product_listing import (
    NO_STARS,
    ProductFilter,
    SortOrder,
    uses_certificate,
)
from ocop_desktop.services.registry.products import ProductRow
from ocop_desktop.ui.kit import style
from ocop_desktop.ui.kit.background_model import BackgroundTableModel
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.list_page import ListPage
from ocop_desktop.ui.kit.tables import Col
from ocop_desktop.ui.registry import ops, removal
from ocop_desktop.ui.registry.certificates_dialog import CertificatesDialog
from ocop_desktop.ui.registry.product_dialog import ProductDialog, product_set_label

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

translate = QCoreApplication.translate


def stars_text(stars: int | None) -> str:
    return f"{stars}★" if stars else ""


STATE_COLOURS = {CertificateState.DUE: style.WARN, CertificateState.EXPIRED: style.BAD}
COLUMNS = [
    Col(lambda: translate("ProductsPage", "Mã SP"), lambda r: r.code, 16, sort="code", shrinks=False),
    Col(lambda: translate("ProductsPage", "Tên sản phẩm"), lambda r: r.name, sort="name"),
    Col(
        lambda: translate("ProductsPage", "Bộ sản phẩm"),
        lambda r: product_set_label(r.product_set, r.product_set_name),
        19,
        sort="set",
    ),
    Col(lambda: translate("ProductsPage", "Chủ thể"), lambda r: r.producer_name, 21, sort="producer"),
    Col(lambda: translate("ProductsPage", "Xã/phường"), lambda r: r.commune_name, 13, sort="commune"),
    Col(
        lambda: translate("ProductsPage", "Hạng"),
        lambda r: stars_text(r.stars),
        5,
        sort="stars",
        shrinks=False,
    ),
    Col(
        lambda: translate("ProductsPage", "Hiệu lực đến"),
        lambda r: format_date(r.valid_until) if r.valid_until else "",
        10,
        colours=lambda r: STATE_COLOURS.get(r.certificate_state),
        tip=lambda r: label_text(r.certificate_state.label),
        sort="valid_until",
        shrinks=False,
    ),
]


def products_model(
    ctx: AppContext, where: Callable[[], ProductFilter], parent: QWidget | None = None
) -> BackgroundTableModel:
    """Rows of the products list; `where` gives the star and validity filters in force. A filter or an
    order on the current certificate joins every product's certificates (100–200 ms a page for a
    province's 20,000 products): those pages are read on a worker, the others at once."""
    filters = [where()]  # as read on the GUI thread when the query was set: the worker never reads a widget

    def fetch(query: str, offset: int, limit: int, order: tuple[str, bool] | None = None) -> list[ProductRow]:
        return ops.products(ctx, query, offset, limit, filters[0], order)

    def count(query: str) -> int:
        return ops.count_products(ctx, query, filters[0])

    def slow() -> bool:
        filters[0] = where()
        order = model.order
        return uses_certificate(filters[0], SortOrder(*order) if order else None)

    model = BackgroundTableModel(fetch, count, COLUMNS, slow=slow, parent=parent)
    return model


class ProductsPage(ListPage):
    topics = ("registry",)  # re-read when another desk changes products or certificates

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        self.star_filter = QComboBox()
        self.state_filter = QComboBox()
        for value in (None, 5, 4, 3, NO_STARS):
            self.star_filter.addItem("", value)
        for state in (None, *CertificateState):
            self.state_filter.addItem("", state)
        self.products = products_model(ctx, self.where)
        super().__init__(self.products, parent)
        self.model.setParent(self)
        self.dialog: ProductDialog | None = None
        self.certificates_dialog: CertificatesDialog | None = None
        self.table.deletePressed.connect(self.delete_current)
        self.star_filter.currentIndexChanged.connect(lambda _i: self.model.set_query(self.model.query))
        self.state_filter.currentIndexChanged.connect(lambda _i: self.model.set_query(self.model.query))

    def where(self) -> ProductFilter:
        state = self.state_filter.currentData()  # Qt hands a str enum back as its plain value
        return ProductFilter(self.star_filter.currentData(), CertificateState(state) if state else None)

    def extra_filters(self) -> list[QWidget]:
        return [self.star_filter, self.state_filter]

    def worker_source(self) -> tuple[Any, Any]:
        """The list's own fetch and count (whatever filters they read), bound to the filters chosen now: the
        combo boxes are read here, on the GUI thread, not by the worker."""
        where = self.where()
        source = products_model(self._ctx, lambda: where)
        return source._fetch, source._count

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
        stars = [self.tr("Mọi hạng sao"), "5★", "4★", "3★", self.tr("Chưa có sao")]
        for row, text in enumerate(stars):
            self.star_filter.setItemText(row, text)
        self.state_filter.setItemText(0, self.tr("Mọi hiệu lực"))
        for row, state in enumerate(CertificateState, start=1):
            self.state_filter.setItemText(row, label_text(state.label))
        self.state_filter.setToolTip(
            self.tr("Theo giấy chứng nhận hiện hành của sản phẩm (mới nhất, chưa bị thu hồi), đến hôm nay")
        )

    def count_text(self, n: int) -> str:
        return self.tr("%Ln sản phẩm", "", n)

    def show_saved(self, row: ProductRow) -> None:
        """After a save: reload, and select the saved product once its rows are read (on a worker when a
        certificate filter or order is in force)."""
        self.products.refresh()
        self.products.when_loaded(lambda: self.select_record(row))

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
