"""At the province, from Settings' mailbox section ("Mã truy cập của các cơ quan…", a dialog: the page has
no room to spare at 1366×768): the access key and secret given to each commune or evaluator laptop
(`MailboxService.set_office_credentials`). The next reference pack (a laptop's next assignment) carries
them, sealed to that office's key (docs/mailbox.md §Settings from the province). The secret is typed,
kept encrypted, never shown back; the list shows who has a key and which."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
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
from ocop_desktop.progress import Progress
from ocop_desktop.services.mailbox.service import MailboxService
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class Given:
    offices: list[dict[str, str]]  # the trusted communes and laptops
    credentials: list[dict[str, str]]  # who was given a key (without the secret)


def is_province(_progress: Progress, ctx: AppContext) -> bool:
    return ctx.office().role == "province"


def load(_progress: Progress, ctx: AppContext) -> Given | None:
    """None away from the province: the section is not shown."""
    if ctx.office().role != "province":
        return None
    service = MailboxService(ctx)
    return Given(service.offices_to_give(), service.office_credentials())


def give(_progress: Progress, ctx: AppContext, office_id: str, access_key: str, secret: str) -> Given | None:
    MailboxService(ctx).set_office_credentials(office_id, access_key, secret)
    return load(_progress, ctx)


class MailboxOfficesBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.given: Given | None = None
        self.office = QComboBox(self)
        self.access_key, self.secret = QLineEdit(self), QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.intro, self.listing, self.answer = QLabel(self), QLabel(self), QLabel(self)
        for label in (self.intro, self.listing, self.answer):
            label.setWordWrap(True)
        self.save_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self._labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout(self)
        form.addRow(self.intro)
        for label, field in zip(self._labels, (self.office, self.access_key, self.secret), strict=True):
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.answer)
        form.addRow(self.listing)
        self.retranslate()
        self.task: Task | None = run_task(load, ctx, on_done=self._loaded, on_error=self._error, parent=self)

    def is_ready(self) -> bool:
        return self.task is None or self.task.done

    def _loaded(self, given: Given | None) -> None:
        self.given = given
        if given is None:
            return
        current = self.office.currentData()
        self.office.clear()
        for o in given.offices:
            self.office.addItem(f"{o['name']} ({o['unit_code']})", o["office_id"])
        if current is not None and (index := self.office.findData(current)) >= 0:
            self.office.setCurrentIndex(index)
        self.retranslate()

    def save(self) -> Task | None:
        office_id = self.office.currentData()
        if office_id is None:
            self._say(self.tr("Chưa có xã hoặc máy chấm điểm nào được tin cậy."), False)
            return None
        if not self.access_key.text().strip() or not self.secret.text().strip():
            self._say(self.tr("Hãy nhập cả mã truy cập và khóa bí mật cấp cho cơ quan này."), False)
            return None
        return self._run(office_id, self.access_key.text(), self.secret.text())

    def remove(self) -> Task | None:
        office_id = self.office.currentData()
        return None if office_id is None else self._run(office_id, "", "")

    def _run(self, office_id: str, access_key: str, secret: str) -> Task:
        self.save_button.setEnabled(False)
        self.remove_button.setEnabled(False)
        self.task = run_task(
            give,
            self._ctx,
            office_id,
            access_key,
            secret,
            on_done=self._saved,
            on_error=self._error,
            parent=self,
        )
        return self.task

    def _saved(self, given: Given | None) -> None:
        self.secret.clear()
        self.access_key.clear()
        self._loaded(given)
        self._say(
            self.tr(
                "Đã lưu (mã hóa trên máy này). Gói dữ liệu tham chiếu (với máy chấm điểm: gói phân công) "
                "xuất sau đây sẽ mang theo, mã hóa cho riêng cơ quan đó."
            ),
            True,
        )

    def _error(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        fields = getattr(exc, "fields", None)
        self._say("\n".join(fields.values()) if fields else str(exc), False)

    def _say(self, text: str, ok: bool) -> None:
        self.save_button.setEnabled(True)
        self.remove_button.setEnabled(True)
        self.answer.setStyleSheet("color: #1b5e20;" if ok else "color: #b3261e;")
        self.answer.setText(text)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Mã truy cập hộp thư cấp cho các cơ quan"))
        self.intro.setText(
            self.tr(
                "Mỗi xã, mỗi máy chấm điểm nên có mã truy cập riêng do bộ phận CNTT tạo trên máy chủ hộp "
                "thư. Tỉnh gửi mã kèm gói dữ liệu tham chiếu (máy chấm điểm: gói phân công), mã hóa cho "
                "riêng cơ quan nhận; cơ quan nhập gói là dùng được hộp thư, không phải gõ lại."
            )
        )
        for label, text in zip(
            self._labels,
            (self.tr("Cơ quan:"), self.tr("Mã truy cập (access key):"), self.tr("Khóa bí mật (secret key):")),
            strict=True,
        ):
            label.setText(text)
        self.save_button.setText(self.tr("Lưu cho cơ quan này"))
        self.remove_button.setText(self.tr("Bỏ mã của cơ quan này"))
        rows = self.given.credentials if self.given else []
        self.listing.setText(
            self.tr("Đã cấp mã: %1").replace(
                "%1",
                "; ".join(f"{r['name']} — {r['access_key']}" for r in rows) or self.tr("chưa cơ quan nào"),
            )
        )


class MailboxOfficesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = MailboxOfficesBox(ctx, self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(close)
        self.resize(760, 420)
        self.setWindowTitle(self.box.title())
