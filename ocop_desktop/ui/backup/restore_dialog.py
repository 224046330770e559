"""Tệp > Khôi phục từ bản sao lưu…: choose the file, type its passphrase, read what it holds and what it
would replace here, agree to the replacement when there is data, then restore.

The store must be closed while its files are replaced: the dialog asks its owner to close it
(`close_store`) just before the job runs, and tells it when the job ended (`restored`): the owner then
opens the restored data (the application starts again). Nothing is closed before the backup has been
read with its passphrase, and a refusal leaves the data folder as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.backup.restore import Restored
from ocop_desktop.services.backup.summary import DataSummary
from ocop_desktop.ui.backup import jobs
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.field_messages import message_label, say
from ocop_desktop.ui.kit.help_window import help_key
from ocop_desktop.ui.kit.tasks import Task, run_task


class RestoreDialog(QDialog):
    """Signals:
    restored(object): the `Restored` account, once the data folder holds the backup.
    """

    restored = Signal(object)

    def __init__(
        self, paths: AppPaths, close_store: Callable[[], None] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._close_store = close_store
        self.task: Task | None = None
        self.result_: Restored | None = None
        self._read: tuple[Path, str] | None = None
        self._closed = False  # the owner closed its store for this restore
        self.setWindowTitle(self.tr("Khôi phục từ bản sao lưu"))
        intro = QLabel(
            self.tr(
                "Chọn tệp sao lưu (.ocopbak) và nhập mật khẩu của nó. Dữ liệu, tệp minh chứng, khóa của "
                "cơ quan và cài đặt được khôi phục vào thư mục dữ liệu của máy này; khóa được bảo vệ lại "
                "cho máy và tài khoản này. Mọi thành phần được kiểm tra trước khi ghi."
            )
        )
        intro.setWordWrap(True)
        self.file = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        choose = QPushButton(self.tr("Chọn…"))
        choose.clicked.connect(self._choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Tệp sao lưu:"), row)
        form.addRow(self.tr("Mật khẩu:"), self.passphrase)
        self.account, self.here = QLabel(), QLabel()  # the backup's account, and what it would replace
        for label in (self.account, self.here):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        accounts = QHBoxLayout()
        accounts.addWidget(self.account, 1)
        accounts.addWidget(self.here, 1)
        self.consent = QCheckBox(
            self.tr("Tôi đồng ý thay thế dữ liệu hiện có (dữ liệu cũ được giữ lại trong thư mục “backups”)")
        )
        self.consent.hide()
        self.message = message_label()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.hide()
        buttons = QDialogButtonBox()
        self.read_button = buttons.addButton(
            self.tr("Đọc bản sao lưu"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button = buttons.addButton(self.tr("Khôi phục"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setEnabled(False)
        self.read_button.clicked.connect(self._read_backup)
        self.restore_button.clicked.connect(self._restore)
        self.close_button.clicked.connect(self.reject)
        self.help_key = help_key(self, "sao-luu")  # F1
        self.consent.toggled.connect(lambda _on: self._enable())
        self.file.textChanged.connect(self._forget)
        self.passphrase.textChanged.connect(self._forget)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(accounts)
        for widget in (self.consent, self.message, self.bar, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(780)  # the two accounts side by side, one line per fact
        self.file.setFocus()

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp sao lưu"), self.file.text(), self.tr("Bản sao lưu OCOP (*.ocopbak)")
        )
        if chosen:
            self.file.setText(chosen)

    def _forget(self) -> None:
        self._read = None
        self.account.clear()
        self.here.clear()
        self.consent.hide()
        self.consent.setChecked(False)
        self._enable()

    def _enable(self) -> None:
        ready = self._read is not None and (self.consent.isHidden() or self.consent.isChecked())
        self.restore_button.setEnabled(ready and self.task is None)

    # -- read: the passphrase checked, the accounts shown ----------------------------------------
    def _read_backup(self) -> None:
        say(self.message, "")
        path, passphrase = Path(self.file.text().strip()), self.passphrase.text()
        self.task = run_task(
            jobs.read_backup, self.paths, path, passphrase,
            on_done=lambda result: self._show(path, passphrase, *result), on_error=self._failed, parent=self,
        )  # fmt: skip

    def _show(self, path: Path, passphrase: str, backup: DataSummary, here: DataSummary | None) -> None:
        self.task = None
        self._read = (path, passphrase)
        self.account.setText(self.tr("Bản sao lưu:") + "\n  " + "\n  ".join(backup.lines()))
        self.here.setText(
            self.tr("Sẽ thay thế dữ liệu hiện có trên máy này:") + "\n  " + "\n  ".join(here.lines())
            if here is not None
            else self.tr("Thư mục dữ liệu trên máy này chưa có dữ liệu: không có gì bị thay thế.")
        )
        self.consent.setVisible(here is not None)
        self._enable()

    # -- restore -----------------------------------------------------------------------------------
    def _restore(self) -> None:
        assert self._read is not None
        path, passphrase = self._read
        if self._close_store is not None:
            self._close_store()
            self._closed = True
        self.bar.show()
        for widget in (self.file, self.passphrase, self.consent, self.read_button, self.close_button):
            widget.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.task = run_task(
            jobs.restore, self.paths, path, passphrase, not self.consent.isHidden(),
            on_done=self._done, on_error=self._failed, writes_db=True, parent=self,
        )  # fmt: skip
        self.task.progressed.connect(lambda f, _t: self.bar.setValue(int(f * 1000)))

    def _done(self, restored: Restored) -> None:
        self.task = None
        self.result_ = restored
        self.bar.hide()
        lines = [self.tr("Đã khôi phục vào {0}.").format(str(self.paths.data_dir))]
        if restored.aside is not None:
            lines.append(self.tr("Dữ liệu cũ được giữ lại tại {0}.").format(str(restored.aside)))
        say(self.message, "")
        self.account.setText("\n".join(lines))
        self.here.clear()
        self.close_button.setEnabled(True)
        self.restored.emit(restored)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.bar.hide()
        self.bar.setValue(0)
        for widget in (self.file, self.passphrase, self.consent, self.read_button, self.close_button):
            widget.setEnabled(True)
        self._enable()
        if isinstance(exc, UserError):
            say(self.message, exc.message)
        else:
            errors.show_error(exc, self)
        if self._closed:  # the store was closed for nothing: the owner takes it up again
            self._closed = False
            self.restored.emit(None)

    def reject(self) -> None:
        if self.task is None:
            super().reject()
