"""“Nhập gói…”: choose a .ocoppkg → verify and dry-run in the background → the preview dialog →
“Áp dụng” (for a known office's key change, “Thay khóa” with the old fingerprint typed) → apply in
the background → offer to save the receipt for the sender.

Every refusal (tampered, unknown sender, wrong recipient, fingerprint mismatch…) arrives as the
service's `PackageRefused` and is shown with its Vietnamese message; nothing was changed. An
evaluator laptop's enrollment at the province is refused too (it must be linked to a council
member): with `link_in_council`, the message offers to take the officer there with the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ocop_desktop.domain.errors import UserError
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.services.sync.service import LINK_IN_COUNCIL
from ocop_desktop.services.sync.types import ImportPreview, ImportResult
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.sync import jobs, widgets
from ocop_desktop.ui.sync.preview_dialog import ImportPreviewDialog

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

# Where the officer links an evaluator laptop's enrollment to a council member: the labels of the
# evaluation page, its council tab and the button there (the service's refusal says what to do).
COUNCIL_LINK_PATH = "Đánh giá → Hội đồng → Ghi danh máy chấm điểm…"


class ImportFlow(QObject):
    """One import at a time. Signals:
    previewed(object): the preview dialog is open (the `ImportPreviewDialog`).
    imported(object): the `ImportResult` after the package was applied (or re-issued).
    ended(): the flow is over, whatever happened.
    """

    previewed = Signal(object)
    imported = Signal(object)
    ended = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget, link_in_council: Callable[[Path], None] | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self._link_in_council = link_in_council  # takes the officer to the council tab with the file
        self.path: Path | None = None
        self.dialog: ImportPreviewDialog | None = None
        self.task: Task | None = None
        self.result: ImportResult | None = None
        self.saved_receipt: Path | None = None
        self._over = False

    def _end(self) -> None:
        if not self._over:
            self._over = True
            self.ended.emit()

    def start(self, path: Path | None = None) -> Task | None:
        path = path or widgets.ask_open_package(self._parent)
        if path is None:
            self._end()
            return None
        self.path = Path(path)
        self.task = run_task(
            jobs.preview,
            self._ctx,
            self.path,
            on_done=self._show_preview,
            on_error=self._failed,
            on_cancel=self._end,
            parent=self._parent,
            progress_title=self.tr("Đang kiểm tra chữ ký và các tệp trong gói…"),
        )
        return self.task

    def _failed(self, exc: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.finish(False)
        if (
            isinstance(exc, UserError)
            and getattr(exc, "code", None) == LINK_IN_COUNCIL
            and self._link_in_council is not None
            and self.path is not None
        ):
            directions = self.tr("Gắn máy với thành viên tại: %1").replace("%1", COUNCIL_LINK_PATH)
            if errors.ask(
                self._parent,
                f"{exc.message}\n\n{directions}",
                yes=self.tr("Mở trang Hội đồng"),
                no=self.tr("Đóng"),
                title=self.tr("Gói ghi danh của máy chấm điểm"),
            ):
                self._link_in_council(self.path)
        else:
            errors.show_error(exc, self._parent)
        self._end()

    def _show_preview(self, preview: ImportPreview) -> None:
        dialog = ImportPreviewDialog(preview, self._parent)
        dialog.applyRequested.connect(self._apply)
        dialog.rejected.connect(self._end)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        self.previewed.emit(dialog)

    def _apply(self, confirm: Any) -> None:
        assert self.path is not None
        receipt = jobs.receipts_dir(self._ctx) / f"{self.path.stem}.receipt.ocoppkg"
        receipt.parent.mkdir(parents=True, exist_ok=True)
        self.task = run_task(
            jobs.apply,
            self._ctx,
            self.path,
            confirm,
            receipt,
            on_done=self._applied,
            on_error=self._failed,
            on_cancel=self._cancelled,
            writes_db=True,
            parent=self._parent,
            progress_title=self.tr("Đang nhập gói…"),
        )

    def _cancelled(self) -> None:
        if self.dialog is not None:
            self.dialog.finish(False)
        errors.info(self._parent, self.tr("Đã hủy nhập gói; không có gì thay đổi."))
        self._end()

    def _applied(self, result: ImportResult) -> None:
        self.result = result
        if self.dialog is not None:
            self.dialog.finish(True)
        sender = result.preview.package.sender_name
        summary = self._summary(result)
        if result.receipt_path is not None:
            question = (
                summary
                + "\n\n"
                + self.tr("Lưu biên nhận để gửi lại cho %1 (USB, thư điện tử)?").replace("%1", sender)
            )
            if errors.ask(
                self._parent,
                question,
                yes=self.tr("Lưu biên nhận…"),
                no=self.tr("Để sau"),
                title=self.tr("Đã nhập gói"),
            ):
                self.save_receipt(result.receipt_path)
        else:
            errors.info(self._parent, summary, self.tr("Đã nhập gói"))
        self.imported.emit(result)
        self._end()

    def _summary(self, result: ImportResult) -> str:
        p = result.preview
        if not result.applied:
            text = self.tr("Gói này đã được nhập trước đây: không có gì thay đổi.")
        elif p.package.kind == "receipt":
            text = self.tr("Đã ghi nhận biên nhận của %1.").replace("%1", p.package.sender_name)
        elif p.key_change is not None:
            text = (
                self.tr("Đã thay khóa của “%1”: khóa cũ %2 không còn được tin cậy; từ nay tin cậy khóa %3.")
                .replace("%1", p.key_change.office_name)
                .replace("%2", p.key_change.old_fingerprint)
                .replace("%3", p.key_change.new_fingerprint)
            )
        elif p.offices:
            text = (
                self.tr("Đã nhập gói “%1”. Từ nay tin cậy: %2.")
                .replace("%1", p.package.kind_label)
                .replace("%2", ", ".join(p.offices))
            )
        else:
            c = p.counts()
            text = (
                self.tr("Đã nhập %1 hồ sơ: %2 mới, %3 cập nhật, %4 không đổi, %5 cũ hơn (bỏ qua).")
                .replace("%1", str(len(p.dossiers)))
                .replace("%2", str(c["new"]))
                .replace("%3", str(c["updated"]))
                .replace("%4", str(c["unchanged"]))
                .replace("%5", str(c["stale"]))
            )
            if p.blobs_new or p.blobs_known:  # the scans this package brought, counted before they arrived
                text += " " + (
                    self.tr("Tệp đính kèm: %1 tệp mới, %2 tệp máy này đã có.")
                    .replace("%1", str(p.blobs_new))
                    .replace("%2", str(p.blobs_known))
                )
        if result.conflicts:
            text += " " + self.tr("%1 hồ sơ xung đột đang chờ xem xét ở thẻ “Xung đột”.").replace(
                "%1", str(result.conflicts)
            )
        if result.installed:
            text += " " + self.tr("Đã cài %1 tệp tham chiếu.").replace("%1", str(len(result.installed)))
        return text

    def save_receipt(self, receipt: Path) -> Path | None:
        target = widgets.ask_save_package(self._parent, receipt.name)
        if target is None:
            return None
        try:
            atomic_write_bytes(target, receipt.read_bytes())
        except OSError as exc:
            errors.warn(
                self._parent,
                self.tr("Không ghi được biên nhận vào “%1”: %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self.saved_receipt = target
        return target
