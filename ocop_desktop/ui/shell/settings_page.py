"""Cài đặt: interface language, this office (read in the background, `ops.office_summary`), and where
data and logs are kept."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.applog import LOG_FILE
from ocop_desktop.ui.kit import system_open
from ocop_desktop.ui.kit.i18n import LANGUAGE_NAMES, current_language, install_language
from ocop_desktop.ui.kit.settings import load_settings, save_settings
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.shell import ops
from ocop_desktop.ui.shell.office_info import role_label

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.core.office import OfficeSummaryData


def _value(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._summary: OfficeSummaryData | None = None
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language.setMinimumWidth(220)
        self.language.activated.connect(self._language_chosen)
        self.language_note = QLabel()
        self.office_name, self.role, self.unit, self.officer, self.fingerprint = (_value() for _ in range(5))
        self.data_dir = _value(str(ctx.paths.data_dir))
        self.log_file = _value(str(ctx.paths.log_dir / LOG_FILE))
        self.open_data, self.open_logs = QPushButton(), QPushButton()
        self.open_data.clicked.connect(lambda: system_open.open_path(ctx.paths.data_dir))
        self.open_logs.clicked.connect(lambda: system_open.open_path(ctx.paths.log_dir))
        self._labels: dict[str, QLabel] = {}

        self.language_box, self.office_box, self.folders_box = QGroupBox(), QGroupBox(), QGroupBox()
        language_row = QHBoxLayout(self.language_box)
        language_row.addWidget(self.language)
        language_row.addWidget(self.language_note, 1)
        office_form = QFormLayout(self.office_box)
        for key, widget in (
            ("office", self.office_name),
            ("role", self.role),
            ("unit", self.unit),
            ("officer", self.officer),
            ("fingerprint", self.fingerprint),
        ):
            office_form.addRow(self._label(key), widget)
        folders_form = QFormLayout(self.folders_box)
        folders_form.addRow(self._label("data"), self.data_dir)
        folders_form.addRow(self._label("log"), self.log_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_data)
        buttons.addWidget(self.open_logs)
        buttons.addStretch(1)
        folders_form.addRow(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        from ocop_desktop.ui.sync.mailbox_settings import MailboxSettingsBox

        self.mailbox_box = MailboxSettingsBox(ctx, self)
        self.officers_box = QGroupBox()
        self.manage_officers, self.audit_log = QPushButton(), QPushButton()
        self.manage_officers.clicked.connect(self.open_officers)
        self.audit_log.clicked.connect(self.open_audit_log)
        self.officers_note = QLabel()
        self.officers_note.setWordWrap(True)
        officers_row = QHBoxLayout(self.officers_box)
        officers_row.addWidget(self.manage_officers)
        officers_row.addWidget(self.audit_log)
        officers_row.addWidget(self.officers_note, 1)
        for box in (
            self.language_box,
            self.office_box,
            self.officers_box,
            self.mailbox_box,
            self.folders_box,
        ):
            layout.addWidget(box)
        layout.addStretch(1)
        self.summary_task: Task | None = run_task(
            ops.office_summary, ctx, on_done=self._summary_read, parent=self
        )
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.summary_task is None and self._summary is not None:  # the officer may have switched
            self.summary_task = run_task(
                ops.office_summary, self._ctx, on_done=self._summary_read, parent=self
            )

    def open_officers(self) -> QWidget:
        from ocop_desktop.ui.officers.manage import OfficersDialog

        dialog = OfficersDialog(self._ctx, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_audit_log(self) -> QWidget:
        from ocop_desktop.ui.officers.audit_view import AuditLogDialog

        dialog = AuditLogDialog(self._ctx, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog

    def _summary_read(self, summary: OfficeSummaryData | None) -> None:
        self.summary_task = None
        self._summary = summary
        self.retranslate()

    def is_ready(self) -> bool:
        """The office is shown (screenshots wait for it)."""
        return self.summary_task is None and self.mailbox_box.is_ready()

    def _label(self, key: str) -> QLabel:
        self._labels[key] = QLabel()
        return self._labels[key]

    def retranslate(self) -> None:
        self.language_box.setTitle(self.tr("Ngôn ngữ giao diện"))
        self.language_note.setText(self.tr("Áp dụng ngay và được ghi nhớ cho lần mở sau."))
        self.office_box.setTitle(self.tr("Cơ quan sử dụng máy này"))
        self.folders_box.setTitle(self.tr("Thư mục"))
        texts = {
            "office": self.tr("Cơ quan:"),
            "role": self.tr("Vai trò:"),
            "unit": self.tr("Đơn vị hành chính:"),
            "officer": self.tr("Cán bộ:"),
            "fingerprint": self.tr("Dấu vân tay khóa ký:"),
            "data": self.tr("Dữ liệu:"),
            "log": self.tr("Tệp nhật ký:"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        missing = self.tr("(chưa có)") if self.summary_task is None else ""  # nothing said while reading
        s = self._summary
        self.office_name.setText(s.office_name if s else missing)
        self.role.setText(role_label(s) if s else missing)
        self.unit.setText(f"{s.unit_label} ({s.unit_code})" if s else missing)
        self.officer.setText((s.officer_name if s else "") or missing)
        self.fingerprint.setText((s.readable_fingerprint if s else "") or missing)
        self.fingerprint.setToolTip(
            self.tr("Đọc dãy số này qua điện thoại để cơ quan nhận gói kiểm tra đúng là máy của bạn.")
        )
        self.officers_box.setTitle(self.tr("Cán bộ và nhật ký thay đổi"))
        self.manage_officers.setText(self.tr("Quản lý cán bộ…"))
        self.audit_log.setText(self.tr("Nhật ký thay đổi…"))
        admin = bool(s and s.officer_is_admin)
        self.manage_officers.setEnabled(admin)
        self.officers_note.setText(
            ""
            if admin
            else self.tr("Chỉ cán bộ quản trị mới thêm, đổi tên, ngừng cán bộ và đổi cài đặt, khóa tin cậy.")
        )
        self.open_data.setText(self.tr("Mở thư mục dữ liệu"))
        self.open_logs.setText(self.tr("Mở thư mục nhật ký"))

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        path = self._ctx.paths.settings_path
        save_settings(path, replace(load_settings(path), language=code))
        install_language(code)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
