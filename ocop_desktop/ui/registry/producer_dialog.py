"""Create or edit a producer (chủ thể)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.services.registry.producers import ProducerRow
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.form_dialog import FormDialog, SaveJob
from ocop_desktop.ui.kit.search_picker import SearchPicker
from ocop_desktop.ui.kit.style import MUTED_STYLE
from ocop_desktop.ui.kit.unit_search import commune_search, office_province
from ocop_desktop.ui.registry import ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class ProducerDialog(FormDialog):
    def __init__(
        self, ctx: AppContext, producer: ProducerRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.producer = producer
        self.setWindowTitle(self.tr("Sửa chủ thể") if producer else self.tr("Thêm chủ thể"))
        self.setMinimumWidth(560)
        self.name = self.add_field("name", self.tr("Tên chủ thể *"), QLineEdit())
        self.kind = self.add_field("kind", self.tr("Loại hình *"), QComboBox())
        for kind in ProducerKind:
            self.kind.addItem(label_text(kind.label), kind.value)
        self.commune = self.add_field(
            "commune_code",
            self.tr("Xã/phường *"),
            SearchPicker(
                commune_search(ctx, office_province(ctx)),
                placeholder=self.tr("Gõ tên xã/phường, có dấu hoặc không"),
                rows=4,
            ),
        )
        self.address = self.add_field("address", self.tr("Địa chỉ"), QLineEdit())
        self.representative = self.add_field("representative", self.tr("Người đại diện *"), QLineEdit())
        self.representative_title = self.add_field("representative_title", self.tr("Chức vụ"), QLineEdit())
        self.phone = self.add_field("phone", self.tr("Điện thoại"), QLineEdit())
        self.email = self.add_field("email", self.tr("Thư điện tử"), QLineEdit())
        self.tax_code = self.add_field("tax_code", self.tr("Mã số thuế"), QLineEdit())
        self.tax_code.setPlaceholderText(self.tr("10 chữ số, hoặc 0123456789-001 cho chi nhánh"))
        self.phone.setPlaceholderText(self.tr("Ví dụ: 0912 345 678"))
        if producer is not None:
            self._fill(producer)
            self._show_facts(ctx, producer.id)
        else:
            self._default_commune(ctx)
        self.name.setFocus()

    def _fill(self, p: ProducerRow) -> None:
        self.name.setText(p.name)
        self.kind.setCurrentIndex(max(self.kind.findData(p.kind), 0))
        self.commune.set_value(p.commune_code, p.commune_name)
        for widget, value in (
            (self.address, p.address),
            (self.representative, p.representative),
            (self.representative_title, p.representative_title),
            (self.phone, p.phone),
            (self.email, p.email),
            (self.tax_code, p.tax_code),
        ):
            widget.setText(value)

    def _show_facts(self, ctx: AppContext, producer_id: str) -> None:
        """What Mẫu 02 said about this producer, kept to pre-fill its next dossiers (changed from a
        dossier's window: "Cập nhật vào hồ sơ chủ thể…")."""
        lines = ops.producer_facts(ctx, producer_id)
        if not lines:
            return
        self.facts = QLabel("\n".join(f"{label}: {self._fact_text(value)}" for label, value in lines))
        self.facts.setObjectName("producer_facts")
        self.facts.setWordWrap(True)
        self.facts.setStyleSheet(MUTED_STYLE)
        self.facts.setToolTip(self.tr("Điền sẵn vào Mẫu 02 của hồ sơ mới; sửa trong cửa sổ hồ sơ"))
        self.form.addRow(self.tr("Thông tin Mẫu 02"), self.facts)

    def _fact_text(self, value: object) -> str:
        if isinstance(value, bool):
            return self.tr("Có") if value else self.tr("Không")
        return {"nu": self.tr("Nữ"), "nam": self.tr("Nam")}.get(str(value), str(value))

    def _default_commune(self, ctx: AppContext) -> None:
        # A commune office registers producers of its own commune: preselect it.
        commune = ops.office_commune(ctx)
        if commune is not None:
            self.commune.set_value(*commune)

    def value(self) -> ProducerInput:
        return ProducerInput(
            name=self.name.text(),
            kind=ProducerKind(self.kind.currentData()),
            commune_code=self.commune.value() or "",
            address=self.address.text(),
            tax_code=self.tax_code.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            representative=self.representative.text(),
            representative_title=self.representative_title.text(),
        )

    def save_job(self) -> SaveJob:
        return partial(ops.save_producer, ctx=self._ctx, producer=self.producer, data=self.value())
