"""Create or edit a product: its producer, name and product set. The product code is given
by the service when the product is first saved, and shown here read-only."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ocop_desktop.domain.products import ProductInput
from ocop_desktop.services.registry.producers import ProducerRow
from ocop_desktop.services.registry.products import ProductRow
from ocop_desktop.ui.kit.form_dialog import FormDialog, SaveJob
from ocop_desktop.ui.kit.search_picker import SearchPicker
from ocop_desktop.ui.kit.style import OK_STYLE
from ocop_desktop.ui.registry import ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


def product_set_label(number: int, name: str) -> str:
    return f"{number} – {name}"


def producer_label(p: ProducerRow) -> str:
    # Names repeat ("HTX Nông nghiệp …"): the representative tells them apart.
    who = f" ({p.representative})" if p.representative else ""
    return f"{p.name}{who} — {p.commune_name}"


class ProductDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        product: ProductRow | None = None,
        parent: QWidget | None = None,
        *,
        producer_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.product = product
        self.setMinimumWidth(600)
        self.notice = QLabel()
        self.notice.setStyleSheet(OK_STYLE)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.layout().insertWidget(1, self.notice)
        self.code = self.add_field("code", self.tr("Mã sản phẩm"), QLineEdit())
        self.code.setReadOnly(True)
        self.code.setStyleSheet("QLineEdit { background: palette(window); }")  # visibly not editable
        self.producer = self.add_field(
            "producer_id",
            self.tr("Chủ thể sản xuất *"),
            SearchPicker(
                lambda text: [(p.id, producer_label(p)) for p in ops.producers(ctx, text, 0, 30)],
                placeholder=self.tr("Gõ tên chủ thể, có dấu hoặc không"),
                rows=4,
            ),
        )
        self.name = self.add_field("name", self.tr("Tên sản phẩm *"), QLineEdit())
        self.product_set = self.add_field("product_set", self.tr("Bộ sản phẩm *"), QComboBox())
        self.product_set.addItem(self.tr("— Chọn bộ sản phẩm —"), 0)
        sets = ops.product_sets(product.ruleset_id if product else None)
        for number in sorted(sets):
            self.product_set.addItem(product_set_label(number, sets[number]), number)
        self.product_set.setMaxVisibleItems(14)
        self.brand = self.add_field("brand", self.tr("Nhãn hiệu"), QLineEdit())
        self.packaging = self.add_field("packaging", self.tr("Quy cách đóng gói"), QLineEdit())
        self.description = self.add_field("description", self.tr("Mô tả"), QPlainTextEdit())
        self.description.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        if product is not None:
            self._fill(product)
        else:
            self.code.setPlaceholderText(self.tr("(được cấp khi lưu)"))
            self.producer.refresh()
            if producer_id:
                self.producer.pick(producer_id)
        self._update_title()
        self.name.setFocus()

    def _fill(self, p: ProductRow) -> None:
        self.code.setText(p.code)
        self.producer.set_value(p.producer_id, f"{p.producer_name} — {p.commune_name}")
        self.name.setText(p.name)
        self.product_set.setCurrentIndex(max(self.product_set.findData(p.product_set), 0))
        self.brand.setText(p.brand)
        self.packaging.setText(p.packaging)
        self.description.blockSignals(True)
        self.description.setPlainText(p.description)
        self.description.blockSignals(False)

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Sửa sản phẩm") if self.product else self.tr("Thêm sản phẩm"))

    def value(self) -> ProductInput:
        return ProductInput(
            producer_id=self.producer.value() or "",
            name=self.name.text(),
            product_set=int(self.product_set.currentData() or 0),
            description=self.description.toPlainText(),
            brand=self.brand.text(),
            packaging=self.packaging.text(),
        )

    def save_job(self) -> SaveJob:
        return partial(ops.save_product, ctx=self._ctx, product=self.product, data=self.value())

    def after_save(self, row: ProductRow) -> None:
        if self.product is not None:
            self.accept()
            return
        # A new product: stay open so the officer sees (and can note down) the code just given.
        self.product = row
        self.code.setText(row.code)
        self._update_title()
        self.notice.setText(self.tr("Đã lưu sản phẩm. Mã sản phẩm: %1").replace("%1", row.code))
        self.notice.show()
        self.cancel_button.setText(self.tr("Đóng"))
