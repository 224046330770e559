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
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.applog import LOG_FILE
from ocop_desktop.paths import uses_server
from ocop_desktop.ui.kit import system_open
from ocop_desktop.ui.kit.i18n import LANGUAGE_NAMES, current_language, install_language
from ocop_desktop.ui.kit.settings import load_settings, save_settings
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.shell import ops
from ocop_desktop.ui.shell.office_info import role_label
from ocop_desktop.ui.shell.rule_notices_dialog import RuleNoticesDialog

if TYPE_CHECKING:
    from ocop_desktop.domain.rules.model import RuleSet
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
        self.rules_box, self.rules_note, self.show_notices = QGroupBox(), QLabel(), QPushButton()
        self.rules_note.setWordWrap(True)
        self.show_notices.clicked.connect(self.open_notices)
        self.notices_task: Task | None = None
        self.notices_dialog: RuleNoticesDialog | None = None
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
        rules_row = QHBoxLayout(self.rules_box)
        rules_row.addWidget(self.rules_note, 1)
        rules_row.addWidget(self.show_notices)
        # the boxes scroll: on a 1366×768 laptop they are taller than the window
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
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
        self.backup_box = self._backup_box(ctx)
        boxes: tuple[QWidget, ...] = (
            self.language_box,
            self.office_box,
            self.officers_box,
            self.mailbox_box,
            self.backup_box,
        )
        self.office_keys_box = None
        if uses_server(ctx.paths.data_dir):  # several desks on one database server share the office keys
            from ocop_desktop.ui.backup.office_keys import OfficeKeysBox

            self.office_keys_box = OfficeKeysBox(ctx, self)
            boxes = (*boxes, self.office_keys_box)
        from ocop_desktop.ui.shell.store_box import StoreBox

        self.store_box = StoreBox(ctx, self)  # the SQLite file or the office's server; the move to a server
        for box in (*boxes, self.store_box, self.rules_box, self.folders_box):
            layout.addWidget(box)
        layout.addStretch(1)
        scroll.setWidget(content)
        self.summary_task: Task | None = run_task(
            ops.office_summary, ctx, on_done=self._summary_read, parent=self
        )
        self.retranslate()

    def _backup_box(self, ctx: AppContext) -> QGroupBox:
        """How the office keys are protected on this machine (said plainly), and the backup button."""
        from ocop_desktop.ui.backup import jobs

        box = QGroupBox()
        self.protection = _value()
        self.protection_kind: tuple[str, str] | None = None  # read in the background
        self.backup_button = QPushButton()
        self.backup_button.clicked.connect(self._open_backup)
        form = QFormLayout(box)
        form.addRow(self._label("protection"), self.protection)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addStretch(1)
        form.addRow(row)
        self.protection_task: Task | None = run_task(
            jobs.protection_kind, ctx.paths, on_done=self._protection_read, parent=self
        )
        return box

    def _protection_read(self, kind: tuple[str, str]) -> None:
        self.protection_task = None
        self.protection_kind = kind
        self.protection.setText(self._protection_text(kind))

    def _protection_text(self, kind: tuple[str, str]) -> str:
        texts = {
            "dpapi": self.tr(
                "Windows DPAPI: chỉ tài khoản Windows này trên máy này mở được khóa. "
                "Máy mới hoặc tài khoản khác: khôi phục từ bản sao lưu."
            ),
            "keyring": self.tr(
                "Kho khóa của hệ điều hành ({backend}): mật khẩu của khóa không nằm trong thư mục dữ liệu."
            ),
            "plain": self.tr(
                "Không có kho khóa của hệ điều hành: mật khẩu của khóa nằm trong tệp chỉ tài khoản này đọc "
                "được (thư mục “keys”). Ai chép được thư mục dữ liệu thì dùng được khóa: hãy giữ máy và các "
                "bản sao lưu cẩn thận."
            ),
            "": self.tr("Chưa có khóa (máy chưa được thiết lập)."),
        }
        return texts.get(kind[0], kind[0]).format(backend=kind[1])

    def _open_backup(self) -> QWidget:
        from ocop_desktop.ui.backup.dialog import BackupDialog

        dialog = BackupDialog(self._ctx.paths, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

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

    def open_notices(self) -> None:
        """The list of the rule set's corrections and suspect values (read in the background)."""
        if self.notices_task is None:
            self.notices_task = run_task(ops.rule_notices, self._ctx, on_done=self._notices_read, parent=self)

    def _notices_read(self, ruleset: RuleSet) -> None:
        self.notices_task = None
        if self.notices_dialog is not None:
            self.notices_dialog.close()
        self.notices_dialog = RuleNoticesDialog(ruleset, self)
        self.notices_dialog.open()

    def is_ready(self) -> bool:
        """The office is shown (screenshots wait for it)."""
        keys = self.office_keys_box is None or self.office_keys_box.is_ready()
        return (
            self.summary_task is None
            and self.protection_task is None
            and self.mailbox_box.is_ready()
            and self.store_box.is_ready()
            and keys
        )

    def _label(self, key: str) -> QLabel:
        self._labels[key] = QLabel()
        return self._labels[key]

    def retranslate(self) -> None:
        self.language_box.setTitle(self.tr("Ngôn ngữ giao diện"))
        self.language_note.setText(self.tr("Áp dụng ngay và được ghi nhớ cho lần mở sau."))
        self.office_box.setTitle(self.tr("Cơ quan sử dụng máy này"))
        self.folders_box.setTitle(self.tr("Thư mục"))
        self.backup_box.setTitle(self.tr("Sao lưu và bảo vệ khóa"))
        self.backup_button.setText(self.tr("Sao lưu…"))
        texts = {
            "office": self.tr("Cơ quan:"),
            "role": self.tr("Vai trò:"),
            "unit": self.tr("Đơn vị hành chính:"),
            "officer": self.tr("Cán bộ:"),
            "fingerprint": self.tr("Dấu vân tay khóa ký:"),
            "data": self.tr("Dữ liệu:"),
            "log": self.tr("Tệp nhật ký:"),
            "protection": self.tr("Khóa của cơ quan:"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        if self.protection_kind is not None:
            self.protection.setText(self._protection_text(self.protection_kind))
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
        self.rules_box.setTitle(self.tr("Bộ tiêu chí đánh giá"))
        self.rules_note.setText(
            self.tr(
                "Bản sao văn bản Quyết định có vài điểm phần mềm đã hiệu chỉnh hoặc còn nghi vấn; "
                "quản trị viên nên xác minh với Công báo."
            )
        )
        self.show_notices.setText(self.tr("Xem đính chính và giá trị nghi vấn…"))

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        path = self._ctx.paths.settings_path
        save_settings(path, replace(load_settings(path), language=code))
        install_language(code)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
