"""First run: which office this machine is (role, province, commune) and who uses it. The commit
button ("Thiết lập") sets the office up in the background (`ops.set_up`: a write and a new signing
key), the wizard's buttons disabled meanwhile; it ends by showing the signing key's fingerprint, to
be read out to the province over the phone.

A province office whose desks share a database server takes the path of `first_run_server`: the server
first, then a new office there (unit, scans folder, officer) or joining the one another desk set up
(scans folder, officer, keys). The wizard then holds that store (`server_ctx`): the application uses it
instead of the SQLite file it opened for the wizard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.ocoppkg.keys import readable_from_fingerprint
from ocop_desktop.services.core.setup import Role, SetupResult
from ocop_desktop.services.core.store_choice import Joined
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.field_messages import message_label, say
from ocop_desktop.ui.kit.search_picker import SearchPicker
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.kit.unit_search import commune_search, province_search
from ocop_desktop.ui.shell import ops, store_ops
from ocop_desktop.ui.shell.first_run_server import (
    DONE,
    JOIN,
    KEYS,
    OFFICER,
    ROLE,
    SCANS,
    SERVER,
    UNIT,
    JoinPage,
    KeysPage,
    ScansPage,
    ServerPage,
)

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class RolePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Máy này dùng cho ai?"))
        self.setSubTitle(
            self.tr("Mỗi máy phục vụ một cơ quan. Vai trò quyết định những việc phần mềm cho làm.")
        )
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for role in Role:
            button = QRadioButton(label_text(role.label))  # the domain's words, in the interface language
            button.setProperty("role", role.value)
            self.group.addButton(button)
            layout.addWidget(button)
        # a province office whose desks work on one database server (docs/province-server.md)
        self.server = QRadioButton(self.tr("Văn phòng tỉnh dùng máy chủ chung (nhiều máy, PostgreSQL)"))
        self.server.setProperty("role", Role.PROVINCE.value)
        self.group.addButton(self.server)
        layout.addSpacing(8)
        layout.addWidget(self.server)
        self.group.buttons()[0].setChecked(True)
        layout.addStretch(1)
        # a new PC for an office that exists: its backup, keys included, instead of a new office
        self.restore_note = QLabel(
            self.tr("Máy mới của một cơ quan đã dùng OCOP Desktop? Khôi phục bản sao lưu:")
        )
        self.restore_button = QPushButton(self.tr("Khôi phục từ bản sao lưu…"))
        layout.addWidget(self.restore_note)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)

    def role(self) -> Role:
        return Role(self.group.checkedButton().property("role"))

    def choose(self, role: Role) -> None:
        next(b for b in self.group.buttons() if b.property("role") == role.value).setChecked(True)

    def on_server(self) -> bool:
        return self.server.isChecked()

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return SERVER if self.on_server() else UNIT


class UnitPage(QWizardPage):
    def __init__(self, ctx: AppContext, roles: RolePage) -> None:
        super().__init__()
        self._ctx, self._roles = ctx, roles
        self.setTitle(self.tr("Đơn vị hành chính"))
        self.province = SearchPicker(
            province_search(ctx), placeholder=self.tr("Gõ tên tỉnh/thành phố, ví dụ: ha noi"), rows=4
        )
        self.commune = SearchPicker(
            commune_search(ctx, None), placeholder=self.tr("Gõ tên xã/phường, ví dụ: hoan kiem"), rows=6
        )
        self.commune_label = QLabel(self.tr("Xã/phường/đặc khu"))
        self.message = message_label()
        self.province.chosen.connect(self._province_chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tỉnh/thành phố")))
        layout.addWidget(self.province)
        layout.addWidget(self.commune_label)
        layout.addWidget(self.commune)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        commune = self._roles.role() is Role.COMMUNE
        self.commune_label.setVisible(commune)
        self.commune.setVisible(commune)
        self.setSubTitle(
            self.tr(
                "Chọn trong danh mục đơn vị hành chính chính thức (mã theo QĐ 19/2025). "
                "Gõ không dấu cũng tìm được."
            )
        )
        if not self.province.list.count():
            self.province.refresh()
        say(self.message, "")

    def _province_chosen(self, code: str | None) -> None:
        self.commune.set_search(commune_search(self._ctx, code) if code else (lambda _text: []))

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return SCANS if self._roles.on_server() else OFFICER

    def unit_code(self) -> str:
        if self._roles.role() is Role.COMMUNE:
            return self.commune.value() or ""
        return self.province.value() or ""

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if not self.province.value():
            say(self.message, self.tr("Hãy chọn tỉnh/thành phố trong danh sách."))
            return False
        if not self.unit_code():
            say(self.message, self.tr("Hãy chọn xã/phường trong danh sách."))
            return False
        say(self.message, "")
        return True


class OfficerPage(QWizardPage):
    """The officer's name; committing it sets the office up (`task` while that runs)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.task: Task | None = None
        self.setTitle(self.tr("Cán bộ sử dụng máy"))
        self.setSubTitle(self.tr("Mỗi thao tác được ghi lại kèm tên người thực hiện."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Thiết lập"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Họ và tên, ví dụ: Nguyễn Văn An"))
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Họ và tên")))
        layout.addWidget(self.name)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.task is None and super().isComplete()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """True once the office is set up; else start setting it up (the wizard moves on when done)."""
        if self._wizard.result_ is not None:
            return True
        if self.task is None:
            self._set_up()
        return False

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return DONE

    def _set_up(self) -> None:
        w = self._wizard
        say(self.message, "")
        if w.roles.on_server():  # a new office on the empty server: opened there, then saved as the store
            self.task = run_task(
                store_ops.set_up_on_server,
                w.ctx.paths,
                w.servers.url(),
                w.units.unit_code(),
                self.name.text(),
                w.scans.chosen(),
                on_done=self._done_on_server,
                on_error=self._failed,
                parent=self,
            )
        else:
            self.task = run_task(
                ops.set_up,
                w.ctx,
                w.roles.role().value,
                w.units.unit_code(),
                self.name.text(),
                on_done=self._done,
                on_error=self._failed,
                parent=self,
                writes_db=True,
            )
        self._running(True)

    def _running(self, running: bool) -> None:
        self.name.setReadOnly(running)
        self._wizard.running(self, running)

    def _done_on_server(self, opened: tuple[AppContext, SetupResult]) -> None:
        self._wizard.server_ctx = opened[0]
        self._done(opened[1])

    def _done(self, result: SetupResult) -> None:
        self.task = None
        self._running(False)
        self._wizard.result_ = result
        if self._wizard.currentPage() is self:
            self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._running(False)
        if isinstance(exc, ValidationError):  # under the name, as every form shows its problems
            say(self.message, "\n".join(exc.fields.values()))
        else:
            errors.show_error(exc, self)


class DonePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Đã thiết lập xong"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.fingerprint = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(font)
        self.note = note = QLabel(
            self.tr(
                "Dấu vân tay khóa ký của máy này. Khi gửi hồ sơ lần đầu, cơ quan nhận sẽ hỏi dãy số "
                "này qua điện thoại để chắc chắn gói đến từ đúng máy. Có thể xem lại trong Cài đặt."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addWidget(self.fingerprint)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        w = self._wizard
        if w.joined is not None:
            self._show_joined(w.joined)
            return
        result = w.result_
        if result is None:
            return
        summary = (
            self.tr("Cơ quan: %1\nCán bộ: %2")
            .replace("%1", result.office_name)
            .replace("%2", result.officer_name)
        )
        if w.server_ctx is not None:
            summary += (
                "\n"
                + self._on_server(w)
                + "\n"
                + self.tr("Để các máy khác của văn phòng ký được: Cài đặt › Chia sẻ khóa cho các máy…")
            )
        self.summary.setText(summary)
        self.fingerprint.setText(result.readable_fingerprint)

    def _on_server(self, w: FirstRunWizard) -> str:
        probe = w.servers.probe()
        return self.tr("Máy chủ: %1").replace("%1", probe.shown if probe else "")

    def _show_joined(self, joined: Joined) -> None:
        w = self._wizard
        self.setTitle(self.tr("Đã kết nối"))
        probe = w.servers.probe()
        keys = self.tr("Máy này đã có khóa ký của văn phòng.")
        if not w.fingerprint and not joined.keys.local:
            keys = self.tr(
                "Máy này chưa có khóa ký của văn phòng: nhận khóa trong Cài đặt khi văn phòng đã chia sẻ."
            )
        self.summary.setText(
            self.tr("Cơ quan: %1\nCán bộ: %2")
            .replace("%1", probe.office_name if probe else "")
            .replace("%2", joined.officer.name)
            + "\n"
            + self._on_server(w)
            + "\n"
            + keys
        )
        self.fingerprint.setText(readable_from_fingerprint(w.fingerprint) if w.fingerprint else "")
        self.note.setVisible(bool(w.fingerprint))  # no keys on this desk yet: no fingerprint to read out


class FirstRunWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_: SetupResult | None = None
        self.server_ctx: AppContext | None = None  # the store on the server, once set up or joined there
        self.joined: Joined | None = None
        self.fingerprint = ""  # the office keys installed on this desk (joining)
        self.setWindowTitle(self.tr("Thiết lập OCOP Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)  # the office exists by then
        for button, text in (
            (QWizard.WizardButton.NextButton, self.tr("Tiếp tục >")),
            (QWizard.WizardButton.BackButton, self.tr("< Quay lại")),
            (QWizard.WizardButton.FinishButton, self.tr("Bắt đầu làm việc")),
            (QWizard.WizardButton.CancelButton, self.tr("Hủy")),
        ):
            self.setButtonText(button, text)
        self.roles = RolePage()
        self.servers = ServerPage()
        self.units = UnitPage(ctx, self.roles)
        self.scans = ScansPage(self.servers)
        self.officer = OfficerPage(self)
        self.join = JoinPage(self)
        self.keys = KeysPage(self)
        self.done_page = DonePage(self)
        for page_id, page in (
            (ROLE, self.roles),
            (SERVER, self.servers),
            (UNIT, self.units),
            (SCANS, self.scans),
            (OFFICER, self.officer),
            (JOIN, self.join),
            (KEYS, self.keys),
            (DONE, self.done_page),
        ):
            self.setPage(page_id, page)

        self.restored = False  # the data folder now holds a backup: the application starts again
        self.roles.restore_button.clicked.connect(self.open_restore)
        self.resize(640, 520)

    def open_restore(self) -> QWidget:
        from ocop_desktop.ui.backup.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.ctx.paths, self.ctx.engine.dispose, self)
        dialog.restored.connect(self._restored)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _restored(self, restored: object) -> None:
        if restored is None:
            return
        self.restored = True
        errors.info(
            self,
            self.tr(
                "Đã khôi phục dữ liệu và khóa của cơ quan từ bản sao lưu. OCOP Desktop sẽ đóng lại; "
                "hãy mở lại để làm việc tiếp."
            ),
        )
        super().reject()

    def running(self, page: QWizardPage, running: bool) -> None:
        """A set-up or a join under way: no going back nor cancelling until it answered."""
        page.completeChanged.emit()  # the wizard sets its commit and Back buttons again from isComplete()
        if running:
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not running)

    def reject(self) -> None:
        if self.officer.task is not None or self.join.task is not None:  # not left half done
            return
        if self.server_ctx is not None:  # set up or joined on the server: only the keys are left
            self.accept()
            return
        super().reject()
