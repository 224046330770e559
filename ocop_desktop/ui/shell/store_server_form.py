"""The database server a province desk works on, typed as fields (host, port, database, user, password)
or as one URL, and "Kiểm tra kết nối": the server is asked on a worker (`store_ops.probe`) and its answer
said under the form — what the database holds, or why it cannot be used. Shared by the first-run
wizard's server path and Settings' move to a server."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.services.core.store_choice import DEFAULT_PORT, EMPTY, ServerProbe, compose_url
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.field_messages import FieldMessages
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.shell import store_ops


class ServerForm(QWidget):
    """Signals: checked(object): the ServerProbe of the URL now typed; failed(): the check was refused.
    `probe` is None whenever a field changed since the last successful check."""

    checked = Signal(object)
    failed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.probe: ServerProbe | None = None
        self.task: Task | None = None
        self.host, self.port, self.database, self.user, self.password, self.url_edit = (
            QLineEdit(self) for _ in range(6)
        )
        self.port.setText(str(DEFAULT_PORT))
        self.port.setMaxLength(5)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.host.setPlaceholderText(self.tr("ví dụ: may-chu-tinh hoặc 192.168.1.10"))
        self.database.setPlaceholderText(self.tr("ví dụ: ocop_tinh"))
        self.url_edit.setPlaceholderText("postgresql://ocop:…@may-chu-tinh:5432/ocop_tinh?sslmode=require")
        self.as_url = QCheckBox(self.tr("Nhập cả địa chỉ dạng URL (khi cần thêm tùy chọn như sslmode)"), self)
        self.check_button = QPushButton(self.tr("Kiểm tra kết nối"), self)
        self.result = Banner(self, "info")
        self.messages = FieldMessages()
        self.fields_form = QFormLayout()
        for key, label, field in (
            ("host", self.tr("Máy chủ:"), self.host),
            ("port", self.tr("Cổng:"), self.port),
            ("database", self.tr("Cơ sở dữ liệu:"), self.database),
            ("user", self.tr("Tên người dùng:"), self.user),
            ("password", self.tr("Mật khẩu:"), self.password),
        ):
            self.fields_form.addRow(label, _with_message(field, self.messages, key))
        self.fields = QWidget(self)
        self.fields.setLayout(self.fields_form)
        self.url_row = QWidget(self)
        url_form = QFormLayout(self.url_row)
        url_form.setContentsMargins(0, 0, 0, 0)
        url_form.addRow(self.tr("Địa chỉ:"), self.url_edit)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.fields, self.url_row, self.as_url):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.url_row.hide()
        self.as_url.toggled.connect(self._url_toggled)
        self.check_button.clicked.connect(self.check)
        for edit in (self.host, self.port, self.database, self.user, self.password, self.url_edit):
            edit.textEdited.connect(self._edited)
            edit.returnPressed.connect(self.check)

    def url(self) -> str:
        """The URL typed, or `ValidationError` naming the field to fix."""
        if self.as_url.isChecked():
            if not self.url_edit.text().strip():
                raise ValidationError({"url": self.tr("Cần nhập địa chỉ máy chủ.")})
            return self.url_edit.text().strip()
        return compose_url(
            self.host.text(), self.port.text(), self.database.text(), self.user.text(), self.password.text()
        )

    def check(self) -> bool:
        """Ask the server (in the background); False when the fields are not complete."""
        if self.task is not None:
            return True
        self.messages.clear()
        try:
            url = self.url()
        except ValidationError as exc:
            self._problems(exc)
            return False
        self.result.show_text(self.tr("Đang kết nối tới máy chủ…"), "info")
        self._asked = url
        self._running(True)
        self.task = run_task(store_ops.probe, url, on_done=self._probed, on_error=self._refused, parent=self)
        return True

    def checked_url(self) -> str | None:
        """The URL the last successful check was made with (None: check first)."""
        return self._checked_url if self.probe is not None else None

    def _probed(self, probe: ServerProbe) -> None:
        self.task = None
        self._running(False)
        self.probe, self._checked_url = probe, self._asked
        self.result.show_text(self.describe(probe), "ok")
        self.checked.emit(probe)

    def describe(self, probe: ServerProbe) -> str:
        if probe.kind == EMPTY:
            return self.tr("Kết nối được %1. Cơ sở dữ liệu chưa có văn phòng nào.").replace("%1", probe.shown)
        return (
            self.tr("Kết nối được %1. Đây là dữ liệu của “%2” (%3 cán bộ).")
            .replace("%1", probe.shown)
            .replace("%2", probe.office_name)
            .replace("%3", str(len(probe.officers)))
        )

    def _refused(self, exc: BaseException) -> None:
        self.task = None
        self._running(False)
        if isinstance(exc, ValidationError):
            self._problems(exc)
        elif isinstance(exc, UserError):  # unreachable, wrong password, not ours: said under the form
            self.result.show_text(exc.message, "error")
        else:
            self.result.show_text("", None)
            errors.show_error(exc, self)
        self.failed.emit()

    def _problems(self, exc: ValidationError) -> None:
        self.result.show_text("", None)
        if "url" in exc.fields:
            self.result.show_text(exc.fields["url"], "error")
        self.messages.show(exc.fields)

    def _running(self, running: bool) -> None:
        self.check_button.setEnabled(not running)
        self.as_url.setEnabled(not running)
        for edit in (self.host, self.port, self.database, self.user, self.password, self.url_edit):
            edit.setReadOnly(running)

    def _edited(self) -> None:
        if self.probe is not None:
            self.probe = None
            self.result.show_text("", None)

    def _url_toggled(self, as_url: bool) -> None:
        if as_url and not self.url_edit.text().strip():
            try:  # what the fields say, to add options to
                self.url_edit.setText(self.url())
            except ValidationError:
                pass
        self.fields.setVisible(not as_url)
        self.url_row.setVisible(as_url)
        self._edited()
        (self.url_edit if as_url else self.host).setFocus()

    _checked_url = ""  # the URL of the last successful check
    _asked = ""  # the URL of the check under way


def _with_message(field: QLineEdit, messages: FieldMessages, key: str) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(messages.label(key))
    return box
