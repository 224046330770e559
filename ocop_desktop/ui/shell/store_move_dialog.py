"""“Chuyển sang máy chủ…”: this desk's SQLite store copied into an empty PostgreSQL database and checked
(`services.core.store_move`: one transaction on the server; the row count and content hash of every
table, then the audit log), with its phases shown and a cancel that leaves the server empty. The file is
kept; once the copy is verified, "Dùng máy chủ này từ lần mở sau" saves the choice (a restart applies it).
Signals: switched(object): the StoreShown after the choice was saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.store_choice import EMPTY, ServerProbe, StoreShown
from ocop_desktop.services.core.store_move import MoveReport
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.shell import store_ops
from ocop_desktop.ui.shell.store_server_form import ServerForm

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class StoreMoveDialog(QDialog):
    switched = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.report: MoveReport | None = None
        self.url = ""
        self.setWindowTitle(self.tr("Chuyển dữ liệu sang máy chủ"))
        self.setMinimumWidth(620)
        intro = QLabel(
            self.tr(
                "Chép toàn bộ dữ liệu của máy này vào một cơ sở dữ liệu PostgreSQL trống của văn phòng tỉnh, "
                "rồi đối chiếu từng bảng và nhật ký kiểm toán. Tệp SQLite trên máy này được giữ nguyên. "
                "Hãy chuyển khi không ai đang nhập liệu: những gì ghi vào tệp sau đó không có trên máy chủ."
            )
        )
        intro.setWordWrap(True)
        self.form = ServerForm(self)
        self.phase = QLabel(self)
        self.phase.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.outcome = Banner(self, "ok")
        self.next_start = Banner(self, "warn")  # the choice saved for the next start
        self.buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(self.tr("Chuyển"), self)
        self.use_button = QPushButton(self.tr("Dùng máy chủ này từ lần mở sau"), self)
        self.cancel_button = QPushButton(self.tr("Hủy"), self)
        self.close_button = QPushButton(self.tr("Đóng"), self)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        for widget in (intro, self.form, self.phase, self.bar, self.outcome, self.next_start, self.buttons):
            layout.addWidget(widget)
        self.start_button.clicked.connect(self.start)
        self.use_button.clicked.connect(self.use_server)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.form.checked.connect(self._checked)
        self.form.failed.connect(lambda: setattr(self, "_move_after_check", False))  # refused: no move
        self._show_state()
        self.form.host.setFocus()

    def start(self) -> None:
        """Check the server first if the fields changed, then move."""
        if self.task is not None:
            return
        url = self.form.checked_url()
        if url is None:
            self._move_after_check = self.form.check()
            return
        probe = self.form.probe
        if probe is not None and probe.kind != EMPTY:
            self.outcome.show_text(
                self.tr(
                    "Cơ sở dữ liệu này đã có dữ liệu của “%1”: chỉ chuyển được vào một cơ sở dữ liệu trống. "
                    "Chưa có gì bị thay đổi."
                ).replace("%1", probe.office_name),
                "error",
            )
            return
        self.url, self.report = url, None
        self.outcome.show_text("")
        self.form.result.show_text("")  # the server is named in the field; the move's phases say the rest
        self.phase.setText(self.tr("Đang bắt đầu…"))
        self.bar.setValue(0)
        self.task = run_task(
            store_ops.move,
            self.ctx,
            url,
            on_done=self._moved,
            on_error=self._failed,
            on_cancel=self._cancelled,
            parent=self,
        )
        self.task.progressed.connect(self._progressed)
        self._show_state()

    _move_after_check = False

    def _checked(self, _probe: ServerProbe) -> None:
        if self._move_after_check:
            self._move_after_check = False
            self.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.phase.setText(self.tr("Đang hủy… (máy chủ không giữ lại gì)"))
            self.cancel_button.setEnabled(False)

    def _progressed(self, fraction: float, text: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        if text:
            self.phase.setText(text)

    def _moved(self, report: MoveReport) -> None:
        self.task, self.report = None, report
        self.bar.setValue(1000)
        self.phase.setText("")
        self.outcome.show_text(
            self.tr(
                "Đã chuyển %1 dòng (%2 bảng) sang %3 trong %4 giây. Số dòng và mã băm nội dung của từng bảng "
                "khớp với tệp; nhật ký kiểm toán trên máy chủ đúng (%5 mục). Tệp SQLite được giữ nguyên: %6. "
                "Tài liệu (blobs) và khóa (keys) vẫn ở thư mục dữ liệu của máy này."
            )
            .replace("%1", f"{report.rows:,}".replace(",", "."))
            .replace("%2", str(len(report.tables)))
            .replace("%3", report.target)
            .replace("%4", str(report.seconds).replace(".", ","))
            .replace("%5", str(report.audit_entries))
            .replace("%6", str(report.source_file)),
            "ok",
        )
        self._show_state()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.phase.setText("")
        self.bar.setValue(0)
        if isinstance(exc, UserError):  # refused, unreachable, a failed check: the server kept nothing
            self.outcome.show_text(exc.message, "error")
        else:
            errors.show_error(exc, self)
        self._show_state()

    def _cancelled(self) -> None:
        self.task = None
        self.bar.setValue(0)
        self.phase.setText("")
        self.outcome.show_text(
            self.tr("Đã hủy: máy chủ không giữ lại gì, tệp SQLite không bị thay đổi."), "warn"
        )
        self._show_state()

    def use_server(self) -> None:
        if self.report is None or self.task is not None:
            return
        self.task = run_task(
            store_ops.use_server, self.ctx.paths, self.url, on_done=self._switched, parent=self
        )
        self._show_state()

    def _switched(self, shown: StoreShown) -> None:
        self.task = None
        self.use_button.setEnabled(False)
        self.next_start.show_text(
            self.tr(
                "Từ lần mở sau, máy này làm việc trên máy chủ. Hãy đóng và mở lại OCOP Desktop. Để các máy "
                "khác ký được: sau khi mở lại, Cài đặt › Chia sẻ khóa cho các máy…"
            ),
            "warn",
        )
        self.switched.emit(shown)
        self._show_state(switched=True)

    def _show_state(self, switched: bool = False) -> None:
        running = self.task is not None
        self.form.setEnabled(not running and self.report is None)
        self.start_button.setVisible(self.report is None)
        self.start_button.setEnabled(not running)
        self.use_button.setVisible(self.report is not None)
        self.use_button.setEnabled(not running and not switched)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setVisible(not running)
        self.bar.setVisible(running or self.report is not None)
        self.adjustSize()  # the messages grow and shrink: never cut

    def reject(self) -> None:
        if self.task is None:
            super().reject()
        else:  # Esc during the move cancels it; the dialog stays until the server answered
            self.cancel()
