"""Create or edit a producer (chủ thể), with its Mẫu 02 facts (`producer_facts_form`)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.services.registry.producers import ProducerRow
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.form_dialog import FormDialog, SaveJob
from ocop_desktop.ui.kit.geometry import natural_size
from ocop_desktop.ui.kit.search_picker import SearchPicker
from ocop_desktop.ui.kit.style import WARNING_TEXT
from ocop_desktop.ui.kit.unit_search import commune_search, office_province
from ocop_desktop.ui.registry import ops
from ocop_desktop.ui.registry.producer_facts_form import FactInputs

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
        self._add_facts()
        if producer is not None:
            self._fill(producer)
            self.facts.show(ops.producer_profile(ctx, producer.id))
        else:
            self._default_commune(ctx)
        self.show_warnings()
        natural_size(self)
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

    def _add_facts(self) -> None:
        """The producer's Mẫu 02 facts, kept with it to pre-fill its next dossiers: edited here as in a
        dossier (same checks), with what the fields above contradict in them shown as a warning."""
        self.facts = FactInputs()
        group = QGroupBox(self.tr("Thông tin Mẫu 02 (điền sẵn vào hồ sơ mới)"))
        group.setObjectName("producer_facts")
        group.setToolTip(self.tr("Điền sẵn vào Mẫu 02 Phần I của mỗi hồ sơ mới của chủ thể"))
        rows = QFormLayout(group)
        rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = self.facts.labels()
        for key, widget in self.facts.widgets.items():
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(widget)
            column.addWidget(self.messages.label(key))  # a refused fact says why under its input
            rows.addRow(labels[key], box)
            self._fields[key] = widget
            self.watch(widget)
        self.warnings = QLabel()
        self.warnings.setObjectName("producer_facts_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_TEXT.name()};")
        rows.addRow(self.warnings)
        self._beside_the_form(group)
        for widget in (*self.facts.widgets.values(), self.tax_code, self.name, self.address):
            for signal in ("textChanged", "currentIndexChanged"):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(lambda *_: self.show_warnings())
        self.kind.currentIndexChanged.connect(lambda *_: self.show_warnings())

    def _beside_the_form(self, group: QGroupBox) -> None:
        """The facts in a column right of the producer's fields: under them the dialog was taller than a
        1366×768 screen's free height."""
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        index = outer.indexOf(self.form)
        outer.removeItem(self.form)  # (QBoxLayout.takeAt frees a child layout of its parent)
        columns = QHBoxLayout()
        columns.addLayout(self.form, 1)
        columns.addWidget(group, 1)
        outer.insertLayout(index, columns)

    def show_warnings(self) -> None:
        """What the register's fields contradict in the facts (the registration number against the tax
        code…), as a dossier's check would say it; a warning, not a refusal."""
        lines = ops.facts_warnings(self.value(), self.facts.values())
        self.warnings.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warnings.setVisible(bool(lines))

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
        return partial(
            ops.save_producer,
            ctx=self._ctx,
            producer=self.producer,
            data=self.value(),
            facts=self.facts.values(),
        )
