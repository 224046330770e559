"""Settings, on a desk that works on the province office's database server: the office keys shared by
the desks (`services.core.key_vault`). "Chia sẻ khóa cho các máy…" (an administrator, on the desk that has
the keys) seals them under the office passphrase; "Nhận khóa của văn phòng…" installs them on this desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError
from ocop_desktop.ocoppkg.keys import readable_from_fingerprint
from ocop_desktop.services.core.key_vault import VaultState
from ocop_desktop.ui.backup import jobs
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class PassphraseDialog(QDialog):
    """The office passphrase, typed twice when it seals the keys."""

    def __init__(self, twice: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mật khẩu khóa của văn phòng"))
        self.passphrase, self.again = QLineEdit(self), QLineEdit(self)
        for field in (self.passphrase, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        note = QLabel(self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Mật khẩu:"), self.passphrase)
        if twice:
            note.setText(
                self.tr(
                    "Ít nhất 12 ký tự. Chỉ cán bộ các máy trong văn phòng được biết; máy chủ chỉ giữ bản "
                    "đã niêm phong. Ai biết mật khẩu và đọc được cơ sở dữ liệu thì dùng được khóa."
                )
            )
            form.addRow(self.tr("Nhập lại:"), self.again)
        else:
            note.setText(self.tr("Mật khẩu do cán bộ quản trị đặt khi chia sẻ khóa."))
            self.again.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.twice = twice
        self.passphrase.setFocus()

    def values(self) -> tuple[str, str]:
        first = self.passphrase.text()
        return first, self.again.text() if self.twice else first


class OfficeKeysBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state: VaultState | None = None
        self.task: Task | None = None
        self.done_note = ""
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.share_button, self.fetch_button = QPushButton(self), QPushButton(self)
        self.share_button.clicked.connect(self.share)
        self.fetch_button.clicked.connect(self.fetch)
        row = QHBoxLayout()
        row.addWidget(self.share_button)
        row.addWidget(self.fetch_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.task = run_task(jobs.vault_state, self.ctx, on_done=self._read, parent=self)

    def _read(self, state: VaultState) -> None:
        self.task, self.state = None, state
        self.retranslate()

    def is_ready(self) -> bool:
        return self.task is None

    def ask(self, twice: bool) -> tuple[str, str] | None:
        """The passphrase (tests replace this: the dialog is modal)."""
        dialog = PassphraseDialog(twice, self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def share(self) -> None:
        answer = self.ask(twice=True)
        if answer is not None:
            self.task = run_task(
                jobs.share_keys, self.ctx, *answer, on_done=self._done, writes_db=True, parent=self
            )

    def fetch(self) -> None:
        answer = self.ask(twice=False)
        if answer is not None:
            self.task = run_task(jobs.fetch_keys, self.ctx, answer[0], on_done=self._done, parent=self)

    def _done(self, fingerprint: str) -> None:
        """Said in the box (no modal message to dismiss): the fingerprint to compare between desks."""
        self.task = None
        self.done_note = self.tr("Xong. Dấu vân tay khóa ký: %1").replace(
            "%1", readable_from_fingerprint(fingerprint)
        )
        self.refresh()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Khóa dùng chung của các máy trong văn phòng"))
        self.share_button.setText(self.tr("Chia sẻ khóa cho các máy…"))
        self.fetch_button.setText(self.tr("Nhận khóa của văn phòng…"))
        s = self.state
        self.share_button.setEnabled(s is not None and s.local and s.matches)
        self.fetch_button.setEnabled(s is not None and s.shared and not s.local)
        if s is None:
            self.status.setText(self.tr("Đang đọc…"))
        elif not s.local and s.shared:
            self.status.setText(
                self.tr(
                    "Máy này chưa có khóa của cơ quan: chưa ký được biên nhận, kết quả. Bấm “Nhận khóa…”."
                )
            )
        elif not s.local:
            self.status.setText(
                self.tr("Máy này chưa có khóa và chưa có khóa dùng chung: máy đã có khóa cần chia sẻ trước.")
            )
        elif s.shared:
            self.status.setText(self.tr("Máy này có khóa của cơ quan; khóa đã được chia sẻ cho các máy."))
        else:
            self.status.setText(self.tr("Máy này có khóa của cơ quan; chưa chia sẻ cho các máy khác."))
        if self.done_note and s is not None:
            self.status.setText(f"{self.status.text()} {self.done_note}")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class FetchKeysForm(QWidget):
    """The office passphrase and "Nhận khóa": the office keys installed on this desk from the vault, a wrong
    passphrase said under the field (nothing written). Used by the first-run wizard's last step and by the
    prompt at a desk's first start on a server. Signals: fetched(str): the signing key's fingerprint."""

    fetched = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.note = QLabel(
            self.tr(
                "Văn phòng đã chia sẻ khóa ký cho các máy. Nhập mật khẩu khóa của văn phòng (do cán bộ quản "
                "trị đặt) để máy này ký được biên nhận, kết quả và gói gửi đi."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.fetch_button = QPushButton(self.tr("Nhận khóa"), self)
        self.message = Banner(self, "error")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Mật khẩu:"), self))
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.fetch_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.fetch_button.clicked.connect(self.fetch)
        self.passphrase.returnPressed.connect(self.fetch)

    def fetch(self) -> None:
        if self.task is not None:
            return
        if not self.passphrase.text():
            self.message.show_text(self.tr("Hãy nhập mật khẩu khóa của văn phòng."), "error")
            return
        self.message.show_text("")
        self.fetch_button.setEnabled(False)
        self.task = run_task(
            jobs.fetch_keys,
            self.ctx,
            self.passphrase.text(),
            on_done=self._done,
            on_error=self._refused,
            parent=self,
        )

    def _done(self, fingerprint: str) -> None:
        self.task = None
        self.passphrase.clear()
        self.passphrase.setEnabled(False)
        self.message.show_text(
            self.tr("Đã nhận khóa. Dấu vân tay khóa ký: %1").replace(
                "%1", readable_from_fingerprint(fingerprint)
            ),
            "ok",
        )
        self.fetched.emit(fingerprint)

    def _refused(self, exc: BaseException) -> None:
        self.task = None
        self.fetch_button.setEnabled(True)
        if isinstance(exc, UserError):  # a wrong passphrase, another desk's keys: said here, nothing written
            self.message.show_text(exc.message, "error")
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        errors.show_error(exc, self)


class FetchKeysDialog(QDialog):
    """Asked once at a desk's start on a server when the office's keys are shared but not on this desk:
    "Để sau" closes it (Settings keeps saying so), "Đóng" after the keys are installed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Khóa của văn phòng"))
        self.setMinimumWidth(520)
        self.form = FetchKeysForm(ctx, self)
        self.fetched = False
        self.buttons = QDialogButtonBox(self)
        self.later = self.buttons.addButton(self.tr("Để sau"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.form.fetched.connect(self._fetched)
        self.form.passphrase.setFocus()

    def _fetched(self, _fingerprint: str) -> None:
        self.fetched = True
        self.later.setText(self.tr("Đóng"))
        self.later.setFocus()

    def reject(self) -> None:
        if self.form.task is None:  # the keys are being written: wait for the answer
            super().reject()
