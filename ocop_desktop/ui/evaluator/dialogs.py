"""The evaluator's dialogs, all opened with `open()` (window-modal, never blocking the caller):
the enrollment fingerprint to read out by phone, and the dry run of an assignment package."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.services.sync.types import ImportPreview
from ocop_desktop.ui.kit.formatting import format_int
from ocop_desktop.ui.kit.style import PANEL_FILL, PANEL_FRAME, WARNING_TEXT
from ocop_desktop.ui.sync.key_change import KeyChangePanel

_DIGITS = re.compile(r"\D")  # what a typed fingerprint keeps: its 30 digits


def big_fingerprint_label(text: str, parent: QWidget | None = None) -> QLabel:
    """Six groups of five digits, large and monospaced, selectable."""
    label = QLabel(text, parent)
    font = QFont("Monospace")
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setPointSize(20)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(
        f"background: {PANEL_FILL.name()}; border: 1px solid {PANEL_FRAME.name()}; "
        "border-radius: 6px; padding: 14px;"
    )
    return label


class EnrollmentDoneDialog(QDialog):
    """After the enrollment package was written: where it is, and the fingerprint to read out."""

    def __init__(self, result: ExportResult, fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gói đăng ký máy chấm"))
        self.fingerprint = fingerprint
        layout = QVBoxLayout(self)
        saved = QLabel(self.tr("Đã lưu gói đăng ký vào:") + f"\n{result.path}", self)
        saved.setWordWrap(True)
        saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(saved)
        steps = QLabel(
            self.tr(
                "Gửi gói này cho cơ quan OCOP cấp tỉnh. Khi cán bộ tỉnh nhập gói, hãy gọi điện và "
                "đọc cho họ dấu vân tay dưới đây; họ phải thấy đúng dãy số này:"
            ),
            self,
        )
        steps.setWordWrap(True)
        layout.addWidget(steps)
        self.fingerprint_label = big_fingerprint_label(fingerprint, self)
        self.fingerprint_label.setObjectName("enrollmentFingerprint")
        layout.addWidget(self.fingerprint_label)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(620, 280)


class AssignmentPreviewDialog(QDialog):
    """The dry run of an assignment package: who sent it, the dossiers and files it brings, warnings,
    and (the first time) the province's fingerprint to confirm by phone. Accepting applies it."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        info = preview.package
        self.setWindowTitle(self.tr("Nhập gói phân công chấm điểm"))
        layout = QVBoxLayout(self)
        head = QLabel(
            self.tr("Gói của %1 (mã %2), tạo lúc %3.")
            .replace("%1", info.sender_name)
            .replace("%2", info.sender_unit)
            .replace("%3", info.created_at[:16].replace("T", " ")),
            self,
        )
        head.setWordWrap(True)
        layout.addWidget(head)
        files = self.tr("%1 hồ sơ; %2 tệp minh chứng mới (%3 KB), %4 tệp đã có trên máy.")
        files = (
            files.replace("%1", str(len(preview.dossiers)))
            .replace("%2", str(preview.blobs_new))
            .replace("%3", format_int(round(preview.blob_bytes / 1024)))
            .replace("%4", str(preview.blobs_known))
        )
        self.counts = QLabel(files, self)
        layout.addWidget(self.counts)
        self.table = QTableWidget(len(preview.dossiers), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sản phẩm"), self.tr("Chủ thể"), self.tr("Trên máy này")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for n, d in enumerate(preview.dossiers):
            for col, text in enumerate((d.product_name, d.producer_name, d.outcome_label)):
                self.table.setItem(n, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(110)  # at least three rows, whatever else the dialog must show
        layout.addWidget(self.table, 1)
        for warning in preview.warnings:
            label = QLabel("⚠ " + warning, self)
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {WARNING_TEXT.name()};")
            layout.addWidget(label)
        self.fingerprint_edit: QLineEdit | None = None
        # the province replaced its key: old and new side by side, the old one typed to acknowledge it
        self.key_change = KeyChangePanel(preview.key_change, self) if preview.key_change else None
        if self.key_change is not None:
            layout.addWidget(self.key_change)
        if preview.needs_confirmation:
            ask = QLabel(
                self.tr(
                    "Tỉnh đã thay khóa: gọi điện cho cán bộ tỉnh, nhờ họ đọc dấu vân tay khóa MỚI của "
                    "tỉnh và nhập vào đây (6 nhóm, mỗi nhóm 5 chữ số)."
                )
                if self.key_change is not None
                else self.tr(
                    "Lần đầu nhận gói của tỉnh: gọi điện cho cán bộ tỉnh, nhờ họ đọc dấu vân tay khóa "
                    "của tỉnh và nhập vào đây (6 nhóm, mỗi nhóm 5 chữ số)."
                ),
                self,
            )
            ask.setWordWrap(True)
            layout.addWidget(ask)
            self.fingerprint_edit = QLineEdit(self)
            self.fingerprint_edit.setObjectName("provinceFingerprint")
            self.fingerprint_edit.setPlaceholderText("00000 00000 00000 00000 00000 00000")
            font = self.fingerprint_edit.font()
            font.setPointSize(font.pointSize() + 4)
            self.fingerprint_edit.setFont(font)
            layout.addWidget(self.fingerprint_edit)
            self.fingerprint_edit.textChanged.connect(lambda _t: self._update_apply())
        if self.key_change is not None:
            self.key_change.changed.connect(self._update_apply)
        buttons = QDialogButtonBox(self)
        self.apply_button = QPushButton(
            self.tr("Đóng") if preview.already_imported else self.tr("Nhập gói"), self
        )
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        if not preview.already_imported:
            buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # tall enough for a key change's two fingerprints, within a 1366×768 screen
        self.resize(760, min(max(420, self.sizeHint().height()), 700))
        self._update_apply()
        if self.fingerprint_edit is not None:
            self.fingerprint_edit.setFocus()

    def _update_apply(self) -> None:
        """ "Nhập gói" only once what must be typed is there: all 30 digits of the province's
        fingerprint, and for a key change the old fingerprint, matching."""
        typed = self.fingerprint_edit is None or len(_DIGITS.sub("", self.fingerprint_edit.text())) == 30
        acknowledged = self.key_change is None or self.key_change.acknowledged() is not None
        self.apply_button.setEnabled(typed and acknowledged)

    def confirmed_fingerprint(self) -> str | None:
        if self.fingerprint_edit is None:
            return None
        return self.fingerprint_edit.text().strip() or None

    def confirmed_key_change(self) -> str | None:
        """The old fingerprint, typed to acknowledge the province's key change (None: none typed)."""
        return self.key_change.acknowledged() if self.key_change is not None else None
