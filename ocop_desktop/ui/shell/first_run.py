"""First run: which office this machine is (role, province, commune) and who uses it. The commit
button ("Thiết lập") sets the office up in the background (`ops.set_up`: a write and a new signing
key), the wizard's buttons disabled meanwhile; it ends by showing the signing key's fingerprint, to
be read out to the province over the phone."""

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
from ocop_desktop.services.core.setup import Role, SetupResult
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.field_messages import message_label, say
from ocop_desktop.ui.kit.search_picker import SearchPicker
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.kit.unit_search import commune_search, province_search
from ocop_desktop.ui.shell import ops

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
            button = QRadioButton(role.label)
            button.setProperty("role", role.value)
            self.group.addButton(button)
            layout.addWidget(button)
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

    def _set_up(self) -> None:
        w = self._wizard
        say(self.message, "")
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
        self.completeChanged.emit()  # the wizard sets its commit and Back buttons again from isComplete()
        if running:
            self._wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not running)

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
        note = QLabel(
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
        result = self._wizard.result_
        if result is None:
            return
        self.summary.setText(
            self.tr("Cơ quan: %1\nCán bộ: %2")
            .replace("%1", result.office_name)
            .replace("%2", result.officer_name)
        )
        self.fingerprint.setText(result.readable_fingerprint)


class FirstRunWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_: SetupResult | None = None
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
        self.units = UnitPage(ctx, self.roles)
        self.officer = OfficerPage(self)
        self.done_page = DonePage(self)
        for page in (self.roles, self.units, self.officer, self.done_page):
            self.addPage(page)
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

    def reject(self) -> None:
        if self.officer.task is None:  # the set-up, once started, is not left half done
            super().reject()
