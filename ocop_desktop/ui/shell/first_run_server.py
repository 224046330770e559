"""The first-run wizard's "Văn phòng tỉnh dùng máy chủ chung" path (issue 18): the server, checked on a
worker; then either a new province office on an empty database (the unit and officer pages of
`first_run`, with the scans folder before the set-up) or, when another desk already set the office up
there, joining it: the scans folder, who works at this desk, then the office's keys.

Nothing is saved on this desk before the set-up or the join succeeded on the server
(`services.core.store_choice`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.officers import OfficerRow
from ocop_desktop.services.core.store_choice import EMPTY, Joined, ServerProbe
from ocop_desktop.ui.backup.office_keys import FetchKeysForm
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.field_messages import message_label, say
from ocop_desktop.ui.kit.settings import load_settings, save_settings
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.shell import store_ops
from ocop_desktop.ui.shell.store_keys_prompt import put_off
from ocop_desktop.ui.shell.store_server_form import ServerForm

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

USER_ROLE = 256  # Qt.UserRole
ROLE, SERVER, UNIT, SCANS, OFFICER, JOIN, KEYS, DONE = range(8)  # the wizard's page ids


class ServerWizard(Protocol):
    """What these pages need of the first-run wizard (`first_run.FirstRunWizard`)."""

    ctx: AppContext
    servers: ServerPage
    scans: ScansPage
    joined: Joined | None
    server_ctx: AppContext | None
    fingerprint: str

    def running(self, page: QWizardPage, running: bool) -> None: ...

    def currentPage(self) -> QWizardPage: ...  # noqa: N802 - Qt's name

    def next(self) -> None: ...


def _empty(probe: ServerProbe | None) -> bool:
    return probe is None or probe.kind == EMPTY


class ServerPage(QWizardPage):
    """Host, port, database, user, password (or a URL). "Tiếp tục" checks the server first when the
    fields changed since the last check, and goes on once it answered."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Máy chủ cơ sở dữ liệu của văn phòng tỉnh"))
        self.setSubTitle(
            self.tr(
                "Các máy của văn phòng cùng làm việc trên một cơ sở dữ liệu PostgreSQL. Người quản trị máy "
                "chủ cho biết các thông tin dưới đây."
            )
        )
        self.form = ServerForm(self)
        self._going_on = False
        note = QLabel(
            self.tr(
                "Mật khẩu được lưu cùng địa chỉ máy chủ trong tệp database.json của thư mục dữ liệu trên máy "
                "này. Để không lưu, bỏ trống mật khẩu và dùng tệp mật khẩu pgpass của PostgreSQL."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(note)
        self.form.checked.connect(self._checked)
        self.form.failed.connect(self._failed)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.form.host.setFocus()

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return UNIT if _empty(self.form.probe) else SCANS

    def probe(self) -> ServerProbe | None:
        return self.form.probe

    def url(self) -> str:
        return self.form.checked_url() or ""

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.form.task is None

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.form.probe is not None:
            return True
        self._going_on = self.form.check()
        self.completeChanged.emit()
        return False

    def _checked(self, _probe: ServerProbe) -> None:
        self.completeChanged.emit()
        if self._going_on and self.wizard() is not None and self.wizard().currentPage() is self:
            self._going_on = False
            self.wizard().next()

    def _failed(self) -> None:
        self._going_on = False
        self.completeChanged.emit()


class ScansPage(QWizardPage):
    """The folder every desk of the office keeps the scans in (optional for a new office)."""

    def __init__(self, servers: ServerPage) -> None:
        super().__init__()
        self._servers = servers
        self.setTitle(self.tr("Thư mục tài liệu dùng chung"))
        self.shared = QCheckBox(self.tr("Các máy của văn phòng dùng chung một thư mục tài liệu (bản quét)"))
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("ví dụ: \\\\may-chu-tinh\\ocop-blobs"))
        self.browse = QPushButton(self.tr("Chọn…"))
        self.note = Banner(self, "info")
        self.message = message_label()
        why = QLabel(
            self.tr(
                "Tài liệu được lưu theo mã SHA-256 nên các máy không ghi đè lên nhau. Chọn một thư mục "
                "chia sẻ mà mọi máy đều ghi được (ổ mạng gắn giống nhau trên các máy, ví dụ ổ chia sẻ của "
                "máy chủ tỉnh). Không chọn: tài liệu ở lại thư mục dữ liệu của máy này; có thể đổi sau "
                "bằng lệnh “database blobs”."
            )
        )
        why.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addSpacing(8)
        layout.addWidget(self.shared)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.shared.toggled.connect(self._toggled)
        self.browse.clicked.connect(self._browse)
        self._toggled(False)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        probe = self._servers.probe()
        scans = 0 if _empty(probe) else probe.scans  # type: ignore[union-attr]
        self.setSubTitle(self.tr("Nơi các máy của văn phòng cùng lưu bản quét, ảnh và tệp PDF của hồ sơ."))
        if scans:
            self.shared.setChecked(True)
            self.note.show_text(
                self.tr(
                    "Văn phòng đã có %1 tài liệu. Hãy chọn đúng thư mục chung mà các máy khác đang dùng "
                    "(xem trong Cài đặt › Nơi lưu dữ liệu của máy đó)."
                ).replace("%1", str(scans)),
                "warn",
            )
        else:
            self.note.show_text("")
        say(self.message, "")

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return OFFICER if _empty(self._servers.probe()) else JOIN

    def chosen(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if self.shared.isChecked() and text else None

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.shared.isChecked() and not self.folder.text().strip():
            say(
                self.message,
                self.tr("Hãy chọn thư mục dùng chung, hoặc bỏ đánh dấu để dùng thư mục máy này."),
            )
            return False
        say(self.message, "")
        return True

    def _toggled(self, on: bool) -> None:
        self.folder.setEnabled(on)
        self.browse.setEnabled(on)
        if on:
            self.folder.setFocus()

    def _browse(self) -> None:
        title = self.tr("Thư mục tài liệu dùng chung")
        chosen = QFileDialog.getExistingDirectory(self, title, self.folder.text())
        if chosen:
            self.folder.setText(chosen)


class JoinPage(QWizardPage):
    """Who works at this desk, among the office's officers (with the PIN if the officer has one). The
    commit button ("Kết nối") opens the server's store for this desk and saves the choice."""

    def __init__(self, wizard: ServerWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.task: Task | None = None
        self.setTitle(self.tr("Làm việc cùng văn phòng trên máy chủ"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Kết nối"))
        self.officers = QListWidget()
        self.pin_label = QLabel(self.tr("Mã PIN:"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.missing = QLabel(
            self.tr(
                "Chưa có tên bạn? Cán bộ quản trị thêm cán bộ trong Cài đặt › Quản lý cán bộ trên một máy "
                "đã kết nối; sau đó bấm “Quay lại” rồi “Kiểm tra kết nối”."
            )
        )
        self.missing.setWordWrap(True)
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Cán bộ sử dụng máy này")))
        layout.addWidget(self.officers, 1)
        layout.addWidget(self.pin_label)
        layout.addWidget(self.pin)
        layout.addWidget(self.message)
        layout.addWidget(self.missing)
        self.officers.currentItemChanged.connect(lambda *_: self._selection_changed())

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        probe = self._wizard.servers.probe()
        self.setSubTitle(
            self.tr(
                "Văn phòng “%1” đã được thiết lập trên máy chủ bởi một máy khác. Máy này làm việc cùng."
            ).replace("%1", probe.office_name if probe else "")
        )
        self.officers.clear()
        for row in probe.officers if probe else ():
            item = QListWidgetItem(f"{row.name}{f' — {row.title}' if row.title else ''}")
            item.setData(USER_ROLE, row)
            self.officers.addItem(item)
        if self.officers.count():
            self.officers.setCurrentRow(0)
        self._selection_changed()
        self.officers.setFocus()

    def nextId(self) -> int:  # noqa: N802 - Qt override
        keys = self._wizard.joined.keys if self._wizard.joined is not None else None
        return KEYS if keys is not None and keys.shared and not keys.local else DONE

    def selected(self) -> OfficerRow | None:
        item = self.officers.currentItem()
        return item.data(USER_ROLE) if item is not None else None

    def _selection_changed(self) -> None:
        row = self.selected()
        needs_pin = bool(row and row.has_pin)
        self.pin_label.setVisible(needs_pin)
        self.pin.setVisible(needs_pin)
        self.pin.clear()
        say(self.message, "")

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.task is None and self.selected() is not None

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self._wizard.joined is not None:
            return True
        row = self.selected()
        if self.task is None and row is not None:
            w = self._wizard
            say(self.message, "")
            self.task = run_task(
                store_ops.join,
                w.ctx.paths,
                w.servers.url(),
                row.id,
                self.pin.text(),
                w.scans.chosen(),
                on_done=self._joined,
                on_error=self._failed,
                parent=self,
            )
            w.running(self, True)
        return False

    def _joined(self, joined: Joined) -> None:
        self.task = None
        path = joined.ctx.paths.settings_path  # offered first when the window asks who works at start
        save_settings(path, replace(load_settings(path), last_officer=joined.officer.id))
        self._wizard.joined = joined
        self._wizard.server_ctx = joined.ctx
        self._wizard.running(self, False)
        if self._wizard.currentPage() is self:
            self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._wizard.running(self, False)
        if isinstance(exc, UserError):  # a wrong PIN, the server gone meanwhile: said on the page
            say(self.message, exc.message)
            return
        errors.show_error(exc, self)


class KeysPage(QWizardPage):
    """The office's keys, shared in the database by the desk that has them, installed on this desk.
    "Tiếp tục" without them puts the question off (Settings keeps saying so)."""

    def __init__(self, wizard: ServerWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.form: FetchKeysForm | None = None
        self.fetched = False
        self.setTitle(self.tr("Khóa của văn phòng"))
        self.setSubTitle(
            self.tr(
                "Máy này chưa có khóa ký của văn phòng. Có thể nhận sau trong Cài đặt › Khóa dùng chung của "
                "các máy trong văn phòng."
            )
        )
        self.box = QVBoxLayout(self)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        joined = self._wizard.joined
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Để sau >"))
        if self.form is None and joined is not None:
            self.form = FetchKeysForm(joined.ctx, self)
            self.form.fetched.connect(self._fetched)
            self.box.addWidget(self.form)
            self.box.addStretch(1)
            self.form.passphrase.setFocus()

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return DONE

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.form is None or self.form.task is None

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        joined = self._wizard.joined
        if self.form is not None and self.form.task is not None:  # the keys are being written
            return False
        if not self.fetched and joined is not None:
            put_off(joined.ctx, joined.keys)  # not asked again at the start
        return True

    def _fetched(self, _fingerprint: str) -> None:
        self.fetched = True
        self._wizard.fingerprint = _fingerprint
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp tục >"))
        self.completeChanged.emit()
