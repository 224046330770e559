"""The dry run of an import, shown before anything is written: who sent the package and that its
signature and every file checked out, per dossier new / updated / unchanged / stale / conflicting
with the counts, attachments, warnings, and — for an office not trusted yet — the key fingerprint
to compare over the phone before "Áp dụng" is allowed; for a known office presenting another key or
name, the key change (`key_change.KeyChangePanel`), which also needs the old fingerprint typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ocop_desktop.domain.dossiers import Status
from ocop_desktop.services.sync.types import OUTCOMES, Confirmation, DossierPreview, ImportPreview
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.style import BAD, GOOD, GREYED, INFO, WARN
from ocop_desktop.ui.kit.tables import Col, RowsModel, make_table
from ocop_desktop.ui.sync.key_change import KeyChangePanel
from ocop_desktop.ui.sync.widgets import Fingerprint, size_text

OUTCOME_COLOURS = {"new": INFO, "updated": GOOD, "unchanged": GREYED, "stale": WARN, "conflicting": BAD}


def status_label(value: str) -> str:
    if value == "scored":  # a council member's sheet from an evaluator laptop
        return QCoreApplication.translate("ImportPreviewDialog", "Đã có phiếu chấm")
    try:
        return label_text(Status(value).label)
    except ValueError:
        return value


class ImportPreviewDialog(QDialog):
    """Signals:
    applyRequested(object): the officer pressed "Áp dụng": a `Confirmation` (the fingerprint they
        confirmed or None when none was needed; for a key change, the old fingerprint they typed).
    """

    applyRequested = Signal(object)

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.busy = False
        info = preview.package
        self.setWindowTitle(self.tr("Xem trước khi nhập gói"))
        self.resize(980, 600)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setText(
            self.tr("<b>%1</b> từ <b>%2</b> (mã đơn vị %3) — gói số %4, gửi cho %5.")
            .replace("%1", _esc(info.kind_label))
            .replace("%2", _esc(info.sender_name))
            .replace("%3", _esc(info.sender_unit))
            .replace("%4", str(info.sequence))
            .replace("%5", _esc(info.recipient_name))
        )
        self.verified = Banner(self, "ok")
        checked = self.tr("Chữ ký số và mã kiểm tra SHA-256 của cả %1 tệp trong gói đều đúng.").replace(
            "%1", str(info.files)
        )
        if not info.sender_known:
            checked = self.tr(
                "Gói được ký bằng chính khóa nó mang theo; cơ quan gửi chưa được tin cậy trên máy này."
            )
        self.verified.show_text(
            checked + (" " + self.tr("Dữ liệu cá nhân được mã hóa.") if info.encrypted else ""),
            "ok" if info.sender_known else "info",
        )
        self.counts = QLabel(self)
        self.model = RowsModel(
            [
                Col(lambda: self.tr("Sản phẩm"), lambda d: d.product_name, 30, tip=lambda d: d.product_name),
                Col(lambda: self.tr("Chủ thể"), lambda d: d.producer_name, 28),
                Col(
                    lambda: self.tr("Kết quả"),
                    lambda d: d.outcome_label,
                    24,
                    colours=lambda d: OUTCOME_COLOURS.get(d.outcome),
                ),
                Col(lambda: self.tr("Bản gửi đến"), lambda d: d.incoming_version, 9, right=True),
                Col(lambda: self.tr("Bản trên máy"), lambda d: d.local_version or "", 9, right=True),
                Col(lambda: self.tr("Trạng thái sau khi nhập"), lambda d: status_label(d.status_after), 20),
                Col(lambda: self.tr("Lý do"), lambda d: d.reason, tip=lambda d: d.reason),
            ],
            self,
        )
        self.model.set_rows(preview.dossiers)
        self.table = make_table(self.model, self)
        self.blobs = QLabel(self)
        self.warnings = Banner(self, "warn")
        self.warnings.show_text("\n".join(f"• {w}" for w in preview.warnings))
        self.trust = QLabel(self)
        self.trust.setWordWrap(True)
        self.fingerprint = Fingerprint(self)
        self.confirm_box = QCheckBox(self)
        self.key_change = KeyChangePanel(preview.key_change, self) if preview.key_change else None
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(self.tr("Áp dụng"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.clicked.connect(self.request_apply)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.verified)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.blobs)
        layout.addWidget(self.warnings)
        layout.addWidget(self.trust)
        layout.addWidget(self.fingerprint)
        if self.key_change is not None:
            self.key_change.confirm_with(self.confirm_box)
            layout.addWidget(self.key_change)
        else:
            layout.addWidget(self.confirm_box)
        layout.addWidget(buttons)
        self._fill()
        self.apply_button.setDefault(True)
        self.apply_button.setFocus()
        if self.key_change is not None:
            self._fill_key_change(self.key_change)

    def _fill(self) -> None:
        p = self.preview
        has_dossiers = bool(p.dossiers)
        self.table.setVisible(has_dossiers)
        self.counts.setVisible(has_dossiers)
        self.blobs.setVisible(has_dossiers and p.package.kind != "receipt")
        if has_dossiers:
            c = p.counts()
            names = {
                "new": self.tr("Mới"),
                "updated": self.tr("Cập nhật"),
                "unchanged": self.tr("Không đổi"),
                "stale": self.tr("Cũ hơn (bỏ qua)"),
                "conflicting": self.tr("Xung đột"),
            }
            self.counts.setText(
                self.tr("%1 hồ sơ: ").replace("%1", str(len(p.dossiers)))
                + "  ·  ".join(f"{names[o]}: <b>{c[o]}</b>" for o in OUTCOMES)
            )
            self.blobs.setText(
                self.tr("Tệp đính kèm: %1 tệp mới, %2 tệp máy này đã có (%3).")
                .replace("%1", str(p.blobs_new))
                .replace("%2", str(p.blobs_known))
                .replace("%3", size_text(p.blob_bytes))
            )
        lines = []
        if p.acknowledged_packages:
            lines.append(
                self.tr(
                    "Biên nhận này xác nhận gói mà máy này đã gửi; các hồ sơ trong đó sẽ được đánh "
                    "dấu là bên nhận đã nhận."
                )
            )
        if p.offices:
            lines.append(self.tr("Cơ quan: %1").replace("%1", ", ".join(p.offices)))
        lines += [self.tr("Tệp tham chiếu: %1").replace("%1", f) for f in p.reference_files]
        lines += list(p.plans)  # the province's targets for this commune (services/sync/plans_pack.py)
        if p.needs_confirmation:
            lines.append(
                self.tr(
                    "<b>Cơ quan này chưa được tin cậy.</b> Hãy gọi điện cho cơ quan gửi, đề nghị họ đọc "
                    "dấu vân tay khóa trong mục “Khóa của cơ quan” ở trang Đồng bộ, và so sánh với "
                    "30 chữ số dưới đây. Chỉ áp dụng khi mọi chữ số khớp."
                )
            )
        self.trust.setText("<br>".join(lines))
        self.trust.setVisible(bool(lines))
        self.fingerprint.set_fingerprint(p.fingerprint_to_confirm)
        self.fingerprint.setVisible(p.needs_confirmation)
        self.confirm_box.setText(self.tr("Tôi đã so sánh qua điện thoại: cả 30 chữ số đều khớp"))
        self.confirm_box.setVisible(p.needs_confirmation)
        self.confirm_box.toggled.connect(self._update_apply)
        if p.already_imported and p.package.kind in ("submission", "results"):
            self.apply_button.setText(self.tr("Cấp lại biên nhận"))
        self._update_apply()

    def _fill_key_change(self, panel: KeyChangePanel) -> None:
        """A key change replaces the new-office wording: the new fingerprint is in the panel, next to
        the old one; the box confirms the NEW digits, the field acknowledges the change."""
        self.trust.setVisible(False)
        self.fingerprint.setVisible(False)
        self.confirm_box.setText(
            self.tr("Tôi đã gọi điện cho “%1”: cả 30 chữ số của khóa MỚI đều khớp").replace(
                "%1", panel.change.office_name
            )
        )
        self.apply_button.setText(self.tr("Thay khóa"))
        panel.changed.connect(self._update_apply)
        self.setTabOrder(self.confirm_box, panel.typed)
        self.setTabOrder(panel.typed, self.apply_button)
        self.confirm_box.setFocus()
        self._update_apply()

    def _update_apply(self) -> None:
        confirmed = not self.preview.needs_confirmation or self.confirm_box.isChecked()
        acknowledged = self.key_change is None or self.key_change.acknowledged() is not None
        self.apply_button.setEnabled(confirmed and acknowledged)

    def request_apply(self) -> None:
        if not self.apply_button.isEnabled():
            return
        self.busy = True
        self.apply_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        confirmed = self.preview.fingerprint_to_confirm if self.preview.needs_confirmation else None
        typed = self.key_change.acknowledged() if self.key_change is not None else None
        self.applyRequested.emit(Confirmation(confirmed, typed))

    def reject(self) -> None:
        if not self.busy:  # Esc while the import runs: the task decides how this ends
            super().reject()

    def finish(self, ok: bool) -> None:
        """Close after the import (ok) or after it failed."""
        self.busy = False
        self.accept() if ok else super().reject()

    def rows(self) -> list[DossierPreview]:
        return list(self.model.rows)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
