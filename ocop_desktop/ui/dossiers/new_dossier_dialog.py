"""Lập hồ sơ mới: pick the product (type part of its name, code or producer, diacritics
optional) and the registration type. Upgrade and re-evaluation need a valid certificate; the
service explains when there is none."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ocop_desktop.domain.dossiers import RegistrationType
from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.domain.reevaluation import Filing
from ocop_desktop.services.dossiers.duplicates import DuplicateDossier
from ocop_desktop.services.dossiers.reevaluation import OutsideFilingWindow
from ocop_desktop.services.registry.products import ProductRow
from ocop_desktop.ui.dossiers import ops
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.form_dialog import FormDialog, SaveJob
from ocop_desktop.ui.kit.search_picker import SearchPicker
from ocop_desktop.ui.kit.style import MUTED_STYLE

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


def product_label(p: ProductRow) -> str:
    return f"{p.code} · {p.name} — {p.producer_name}"


class NewDossierDialog(FormDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, product_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.allow_duplicate = False  # set once the officer insists on a second open dossier
        self.setWindowTitle(self.tr("Lập hồ sơ mới"))
        self.setMinimumWidth(640)
        self.product = self.add_field(
            "product_id",
            self.tr("Sản phẩm *"),
            SearchPicker(
                lambda text: [(p.id, product_label(p)) for p in ops.products(ctx, text, 40)],
                placeholder=self.tr("Gõ tên, mã sản phẩm hoặc tên chủ thể, có dấu hoặc không"),
                rows=7,
            ),
        )
        self.registration = self.add_field("registration_type", self.tr("Loại đăng ký *"), QComboBox())
        for reg in RegistrationType:
            self.registration.addItem(label_text(reg.label), reg.value)
        note = QLabel(
            self.tr(
                "Nâng hạng và đánh giá lại cần giấy chứng nhận OCOP còn hiệu lực của sản phẩm; "
                "hồ sơ mới được chép nội dung từ hồ sơ đã được công nhận."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(MUTED_STYLE)
        self.form.addRow("", note)
        # asked only when a re-evaluation falls outside its filing window (QĐ 26/2026 Art. 7.6.a)
        self.reason = self.add_field(
            "filing_override",
            self.tr("Lý do nộp ngoài thời hạn *"),
            QLineEdit(placeholderText=self.tr("Ví dụ: chủ thể không nộp kịp; tỉnh đề nghị đánh giá sớm")),
        )
        self.form.setRowVisible(self.reason.parentWidget(), False)
        self.save_button.setText(self.tr("Lập hồ sơ"))
        self.product.refresh()
        if product_id:
            self.product.pick(product_id)
        self.product.setFocus()

    def save_job(self) -> SaveJob:
        product_id = self.product.value()
        if not product_id:
            raise ValidationError({"product_id": self.tr("Hãy chọn sản phẩm cần lập hồ sơ.")})
        registration = self.registration.currentData()
        return partial(
            ops.create_dossier,
            ctx=self._ctx,
            product_id=product_id,
            registration_type=registration,
            allow_duplicate=self.allow_duplicate,
            filing_override=self.reason.text() if self.reason.isVisibleTo(self) else "",
        )

    def _refused(self, exc: BaseException) -> None:
        """The product already has a dossier without a decision: say which, and make a second one
        only when the officer insists. A re-evaluation outside its window: say why, and ask a reason."""
        if isinstance(exc, OutsideFilingWindow) and exc.check.filing is not Filing.EXPIRED:
            self.form.setRowVisible(self.reason.parentWidget(), True)
            self.messages.show({"filing_override": exc.message})
            self.reason.setFocus()
            return
        if not isinstance(exc, DuplicateDossier) or self.allow_duplicate:
            super()._refused(exc)
            return
        listed = "\n".join(f"• {d}" for d in exc.open_dossiers)
        if errors.ask(
            self,
            self.tr(
                "Sản phẩm này đã có hồ sơ chưa có quyết định:\n%1\n\nThường chỉ cần mở hồ sơ đó "
                "(trang “Hồ sơ”). Vẫn lập thêm một hồ sơ mới?"
            ).replace("%1", listed),
            yes=self.tr("Vẫn lập hồ sơ mới"),
            no=self.tr("Không lập"),
        ):
            self.allow_duplicate = True
            QTimer.singleShot(0, self.submit)  # after the refused save has ended
