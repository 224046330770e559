"""Settings' "Hộp thư tỉnh (S3)" section: endpoint, bucket, access key and secret (masked, never shown
back: left empty, the saved one is kept), "Kiểm tra kết nối" (a probe of the endpoint on a worker, its
answer in plain Vietnamese) and "Lưu" (`MailboxService.configure`: kept encrypted at rest). Saving starts
the mailbox at once (the shared agent: send, then fetch)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ocop_desktop.domain.errors import UserError
from ocop_desktop.progress import Progress
from ocop_desktop.services.mailbox.service import MailboxService, MailboxSettings
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.sync.mailbox_agent import agent_for
from ocop_desktop.ui.sync.mailbox_offices import MailboxOfficesDialog, is_province

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


def load(_progress: Progress, ctx: AppContext) -> dict[str, object] | None:
    """The saved settings without the secret (None: never configured)."""
    current = MailboxService(ctx).settings()
    return current.public() if current else None


def _with_secret(service: MailboxService, candidate: MailboxSettings) -> MailboxSettings:
    """An empty secret field keeps the saved secret (it is never shown back)."""
    saved = service.settings() if not candidate.secret_key.strip() else None
    return replace(candidate, secret_key=saved.secret_key) if saved else candidate


def probe(_progress: Progress, ctx: AppContext, candidate: MailboxSettings) -> str:
    service = MailboxService(ctx)
    problem = service.probe(_with_secret(service, candidate))
    return problem.message if problem is not None else ""


def save(_progress: Progress, ctx: AppContext, candidate: MailboxSettings) -> dict[str, object]:
    service = MailboxService(ctx)
    return service.configure(_with_secret(service, candidate)).public()


class MailboxSettingsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.saved: dict[str, object] | None = None
        self.task: Task | None = None
        self.endpoint, self.bucket, self.access_key, self.secret = (QLineEdit(self) for _ in range(4))
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.endpoint.setPlaceholderText("https://s3.tinh.gov.vn")
        self.allow_http = QCheckBox(self)
        self.intro, self.answer = QLabel(self), QLabel(self)
        for label in (self.intro, self.answer):
            label.setWordWrap(True)
        self.probe_button, self.save_button = QPushButton(self), QPushButton(self)
        self.probe_button.clicked.connect(self.probe)
        self.save_button.clicked.connect(self.save)
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout(self)
        form.addRow(self.intro)
        for label, field in zip(
            self._labels, (self.endpoint, self.bucket, self.access_key, self.secret), strict=True
        ):
            form.addRow(label, field)
        form.addRow(self.allow_http)
        buttons = QHBoxLayout()
        buttons.addWidget(self.probe_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.answer)
        self.offices_button = QPushButton(self)  # the province only: the keys it gives the offices
        self.offices_button.setVisible(False)
        self.offices_button.clicked.connect(self.open_offices)
        self.offices_dialog: MailboxOfficesDialog | None = None
        buttons.addWidget(self.offices_button)
        self.retranslate()
        self.role_task: Task | None = run_task(
            is_province, ctx, on_done=self.offices_button.setVisible, parent=self
        )
        self.task = run_task(load, ctx, on_done=self._loaded, on_error=self._error, parent=self)

    def is_ready(self) -> bool:
        return (self.task is None or self.task.done) and (self.role_task is None or self.role_task.done)

    def open_offices(self) -> MailboxOfficesDialog:
        if self.offices_dialog is None:
            self.offices_dialog = MailboxOfficesDialog(self._ctx, self)
        self.offices_dialog.show()
        return self.offices_dialog

    def _loaded(self, saved: dict[str, object] | None) -> None:
        self.saved = saved
        if saved:
            self.endpoint.setText(str(saved["endpoint"]))
            self.bucket.setText(str(saved["bucket"]))
            self.access_key.setText(str(saved["access_key"]))
            self.allow_http.setChecked(bool(saved.get("allow_http")))
        self.retranslate()

    def candidate(self) -> MailboxSettings:
        """What is typed; an empty secret keeps the saved one (it is never shown back)."""
        secret = self.secret.text()  # empty: the job keeps the saved one
        extra = (
            {k: self.saved[k] for k in ("region", "province_office_id", "auto_import")} if self.saved else {}
        )
        return MailboxSettings(
            self.endpoint.text(),
            self.bucket.text(),
            self.access_key.text(),
            secret,
            allow_http=self.allow_http.isChecked(),
            **extra,  # type: ignore[arg-type]
        )

    def probe(self) -> Task:
        self._busy(self.tr("Đang thử kết nối tới hộp thư…"))
        self.task = run_task(
            probe, self._ctx, self.candidate(), on_done=self._probed, on_error=self._error, parent=self
        )
        return self.task

    def save(self) -> Task:
        self._busy(self.tr("Đang lưu…"))
        self.task = run_task(
            save, self._ctx, self.candidate(), on_done=self._saved, on_error=self._error, parent=self
        )
        return self.task

    def _busy(self, text: str) -> None:
        self.answer.setStyleSheet("")
        self.answer.setText(text)
        self.probe_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _done(self, text: str, ok: bool) -> None:
        self.probe_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.answer.setStyleSheet("color: #1b5e20;" if ok else "color: #b3261e;")
        self.answer.setText(text)

    def _probed(self, problem: str) -> None:
        self._done(problem or self.tr("Kết nối được: hộp thư trả lời và nhận mã truy cập này."), not problem)
        agent_for(self._ctx).run(send=False, fetch=False)  # the status bar: the saved settings, probed now

    def _saved(self, saved: dict[str, object]) -> None:
        self.saved = saved
        self.secret.clear()
        self.retranslate()
        self._done(
            self.tr("Đã lưu cấu hình hộp thư (mã hóa trên máy này). Máy sẽ tự gửi các gói đang chờ."), True
        )
        agent_for(self._ctx).send_now()

    def _error(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        fields = getattr(exc, "fields", None)
        self._done("\n".join(fields.values()) if fields else str(exc), False)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Hộp thư tỉnh (S3)"))
        self.intro.setText(
            self.tr(
                "Địa chỉ và khóa truy cập hộp thư do bộ phận CNTT của tỉnh cấp. Khi có kết nối, máy tự gửi "
                "các gói đã xuất và tự nhận biên nhận, kết quả từ tỉnh."
            )
        )
        for label, text in zip(
            self._labels,
            (
                self.tr("Địa chỉ máy chủ:"),
                self.tr("Thùng chứa (bucket):"),
                self.tr("Mã truy cập (access key):"),
                self.tr("Khóa bí mật (secret key):"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.secret.setPlaceholderText(
            self.tr("(đã lưu — để trống để giữ nguyên)") if self.saved else self.tr("khóa bí mật tỉnh cấp")
        )
        self.allow_http.setText(self.tr("Cho phép http (chỉ máy chủ trong mạng nội bộ của tỉnh)"))
        self.probe_button.setText(self.tr("Kiểm tra kết nối"))
        self.save_button.setText(self.tr("Lưu"))
        self.offices_button.setText(self.tr("Mã truy cập của các cơ quan…"))
