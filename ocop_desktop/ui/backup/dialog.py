"""Tệp > Sao lưu…: one encrypted file of everything (database, evidence, keys, settings) into a folder
or a USB stick, with progress and cancel; and the automatic backups' settings.

The passphrase is typed twice; its first field has the focus. The job runs on a worker
(`jobs.create`); while it runs, the "Sao lưu" button becomes "Hủy", and a cancel leaves no file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.backup.create import Created, check_passphrase
from ocop_desktop.services.backup.schedule import Schedule, has_passphrase, load_schedule
from ocop_desktop.ui.backup import jobs
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.field_messages import grow_to_fit, message_label, say
from ocop_desktop.ui.kit.help_window import help_key
from ocop_desktop.ui.kit.style import OK_STYLE
from ocop_desktop.ui.kit.tasks import Task, run_task


def _password() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(320)
    return field


class BackupDialog(QDialog):
    """Signals: none (the result is shown in the dialog; `created` holds it for callers and tests)."""

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.task: Task | None = None
        self.created: Created | None = None
        saved = load_schedule(paths)
        self.setWindowTitle(self.tr("Sao lưu dữ liệu"))
        intro = QLabel(
            self.tr(
                "Một tệp mã hóa chứa cơ sở dữ liệu, các tệp minh chứng, khóa của cơ quan và cài đặt. "
                "Mang tệp sang máy mới (kể cả tài khoản Windows khác, hệ điều hành khác) và chọn "
                "Tệp > Khôi phục từ bản sao lưu… trên máy đó. Không có mật khẩu thì không ai mở được tệp "
                "— kể cả bạn: hãy ghi mật khẩu ở nơi an toàn."
            )
        )
        intro.setWordWrap(True)
        self.passphrase, self.repeat = _password(), _password()
        self.folder = QLineEdit(saved.last_folder or saved.folder or str(Path.home()))
        choose = QPushButton(self.tr("Chọn…"))
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Mật khẩu sao lưu:"), self.passphrase)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.repeat)
        form.addRow(self.tr("Lưu vào thư mục:"), folder_row)
        self.auto_box = self._auto_box(saved)
        self.message = message_label()
        self.done_label = message_label(OK_STYLE)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.hide()
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.start = self.buttons.addButton(self.tr("Sao lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        self.start.setDefault(True)
        self.start.clicked.connect(self._start_or_cancel)
        self.close_button.clicked.connect(self.reject)
        self.help_key = help_key(self, "sao-luu")  # F1
        layout = QVBoxLayout(self)
        for widget in (intro,):
            layout.addWidget(widget)
        layout.addLayout(form)
        for widget in (self.auto_box, self.message, self.done_label, self.bar, self.step, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(620)
        self.passphrase.setFocus()

    def _auto_box(self, saved: Schedule) -> QGroupBox:
        box = QGroupBox(self.tr("Sao lưu tự động"))
        self.auto = QCheckBox(self.tr("Tự động sao lưu vào thư mục trên khi phần mềm đang mở"))
        self.auto.setChecked(saved.enabled)
        self.hours, self.keep = QSpinBox(), QSpinBox()
        self.hours.setRange(1, 168)
        self.hours.setValue(saved.every_hours)
        self.hours.setSuffix(self.tr(" giờ"))
        self.keep.setRange(1, 100)
        self.keep.setValue(saved.keep)
        self.keep.setSuffix(self.tr(" bản mới nhất"))
        row = QHBoxLayout()
        for widget in (QLabel(self.tr("Mỗi")), self.hours, QLabel(self.tr("— giữ lại")), self.keep):
            row.addWidget(widget)
        row.addStretch(1)
        note = QLabel(
            self.tr(
                "Các bản tự động dùng mật khẩu nhập ở trên. Mật khẩu được giữ trên máy này, bảo vệ như "
                "khóa của cơ quan (Windows: DPAPI của tài khoản này; máy khác: kho khóa của hệ điều hành "
                "nếu có), để sao lưu mà không cần ai nhập."
            )
            + (self.tr(" Đã có mật khẩu cho bản tự động.") if has_passphrase(self.paths) else "")
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.auto)
        layout.addLayout(row)
        layout.addWidget(note)
        if saved.last_run:
            layout.addWidget(QLabel(self.tr("Lần tự động gần nhất: {0}").format(_vn(saved.last_run))))
        self._saved = saved
        return box

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục (USB, ổ đĩa khác)"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    # -- running ---------------------------------------------------------------------------------
    def _start_or_cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.start.setEnabled(False)
            self.step.setText(self.tr("Đang hủy…"))
            return
        say(self.done_label, "")
        try:
            check_passphrase(self.passphrase.text(), self.repeat.text())
            auto = Schedule(
                self.auto.isChecked(), self.folder.text().strip(), self.hours.value(), self.keep.value(),
                self._saved.last_run, self._saved.last_folder,
            ).check()  # fmt: skip
        except (UserError, ValidationError) as exc:
            self._problem(exc)
            return
        say(self.message, "")
        self.task = run_task(
            jobs.create,
            self.paths,
            Path(self.folder.text().strip()),
            self.passphrase.text(),
            auto,
            on_done=self._done,
            on_error=self._failed,
            on_cancel=self._cancelled,
            parent=self,
        )
        self.task.progressed.connect(self._progressed)
        self._running(True)

    def _progressed(self, fraction: float, text: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        self.step.setText(text)

    def _running(self, running: bool) -> None:
        self.bar.setVisible(running)
        grow_to_fit(self)
        self.start.setEnabled(True)
        self.start.setText(self.tr("Hủy") if running else self.tr("Sao lưu"))
        for widget in (self.passphrase, self.repeat, self.folder, self.auto_box, self.close_button):
            widget.setEnabled(not running)
        if not running:
            self.task = None

    def _done(self, made: Created) -> None:
        self._running(False)
        self.created = made
        self.step.setText("")
        say(
            self.done_label,
            self.tr("Đã sao lưu vào {0} ({1:.1f} MB).").format(str(made.path), made.size / 1e6),
        )

    def _cancelled(self) -> None:
        self._running(False)
        self.step.setText(self.tr("Đã hủy: không có tệp sao lưu nào được tạo."))

    def _failed(self, exc: BaseException) -> None:
        self._running(False)
        self.step.setText("")
        if isinstance(exc, UserError):
            self._problem(exc)
        else:
            errors.show_error(exc, self)

    def _problem(self, exc: UserError) -> None:
        text = "\n".join(exc.fields.values()) if isinstance(exc, ValidationError) else exc.message
        say(self.message, text)

    def reject(self) -> None:
        if self.task is None:  # Esc while running does nothing: "Hủy" stops the job
            super().reject()


def _vn(iso: str) -> str:
    date, _, time = iso.partition("T")
    y, m, d = (date.split("-") + ["", "", ""])[:3]
    return f"{d}/{m}/{y} {time[:5]}"
