"""What the sync page's buttons do: export dossiers or results (choose → save as → background
export with progress and “Hủy”), export the enrollment or a reference pack, import a package,
and settle a conflict. Every job runs through `run_task`; `changed` asks the page to reload."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ocop_desktop.domain.text import slug
from ocop_desktop.services.core.reference import calendar_reminder
from ocop_desktop.services.sync.conflicts import ConflictRow
from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.dialogs import forget
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.sync import jobs, widgets
from ocop_desktop.ui.sync.conflict_dialog import ConflictDialog
from ocop_desktop.ui.sync.export_dialog import ExportDialog
from ocop_desktop.ui.sync.import_flow import ImportFlow

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.sync.status import PeerStatus


class SyncActions(QObject):
    """Signals: changed(): reload the page. goTo(str, object): show another page ("page/tab") and
    hand it the object (an evaluator's enrollment file goes to "evaluation/council")."""

    changed = Signal()
    goTo = Signal(str, object)

    def __init__(self, ctx: AppContext, page: QWidget, role: str, unit_code: str) -> None:
        super().__init__(page)
        self._ctx, self._page = ctx, page
        self.role, self.unit = role, unit_code
        self.task: Task | None = None
        self.export_dialog: ExportDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.import_flow: ImportFlow | None = None
        self.last_export: ExportResult | None = None

    def _run(self, fn: Any, *args: Any, done: Any, title: str | None = None, writes: bool = False) -> Task:
        self.task = run_task(
            fn,
            self._ctx,
            *args,
            on_done=done,
            parent=self._page,
            writes_db=writes,
            progress_title=title,
            on_cancel=self._cancelled,
        )
        return self.task

    def _cancelled(self) -> None:
        errors.info(self._page, self.tr("Đã hủy; không có gói nào được ghi và không có gì thay đổi."))
        self.changed.emit()

    @staticmethod
    def _stamp() -> str:
        return datetime.now().strftime("%Y%m%d-%H%M")

    # -- dossiers / results ------------------------------------------------------------------
    def export_dossiers(self, peers: list[PeerStatus]) -> Task | None:
        wanted = "commune" if self.role == "province" else "province"
        if not any(p.role == wanted for p in peers):
            errors.warn(
                self._page,
                self.tr(
                    "Chưa có xã nào được tin cậy: hãy nhập gói đăng ký của xã và xác nhận dấu vân tay trước."
                )
                if self.role == "province"
                else self.tr(
                    "Chưa có cơ quan cấp tỉnh được tin cậy: hãy nhập gói dữ liệu tham chiếu của tỉnh (và "
                    "xác nhận dấu vân tay) trước khi gửi hồ sơ."
                ),
            )
            return None
        job = jobs.province_candidates if self.role == "province" else jobs.commune_candidates
        return self._run(job, done=self._choose)

    def _choose(self, candidates: list[jobs.Candidate]) -> None:
        dialog = ExportDialog(self.role, candidates, self._page)
        dialog.accepted.connect(lambda: self._save_dossiers(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: forget(self, "export_dialog", dialog))
        self.export_dialog = dialog
        dialog.open()

    def _save_dossiers(self, dialog: ExportDialog) -> Task | None:
        to, ids, pending = dialog.chosen()
        if self.role == "province":
            unit = next((c.peer_name for c in dialog.candidates if c.peer_office_id == to), "xa")
            suggested = f"ket-qua-{slug(unit, limit=40, fallback='xa')}-{self._stamp()}.ocoppkg"
        else:
            suggested = f"ho-so-gui-tinh-{self.unit}-{self._stamp()}.ocoppkg"
        target = widgets.ask_save_package(self._page, suggested)
        if target is None:
            return None
        return self._run(
            jobs.export_dossiers,
            target,
            to,
            ids,
            pending,
            writes=True,
            done=self._exported,
            title=self.tr("Đang xuất gói…"),
        )

    def _exported(self, result: ExportResult) -> None:
        self.last_export = result
        text = (
            self.tr(
                "Đã ghi gói số %1 gửi %2: %3 hồ sơ, %4 tệp đính kèm (%5 tệp bên nhận đã có không gửi lại)."
            )
            .replace("%1", str(result.sequence))
            .replace("%2", result.recipient_name)
            .replace("%3", str(len(result.dossier_ids)))
            .replace("%4", str(result.blobs))
            .replace("%5", str(result.blobs_skipped))
        )
        text += " " + (
            self.tr("Dữ liệu cá nhân được mã hóa.")
            if result.encrypted
            else self.tr("Chưa có khóa mã hóa của bên nhận: dữ liệu cá nhân KHÔNG được mã hóa.")
        )
        text += "\n" + str(result.path)
        errors.info(self._page, text, self.tr("Đã xuất gói"))
        self.changed.emit()

    # -- keys and reference --------------------------------------------------------------------
    def export_enrollment(self) -> Task | None:
        target = widgets.ask_save_package(self._page, f"dang-ky-{self.unit}.ocoppkg")
        if target is None:
            return None
        return self._run(jobs.export_enrollment, target, writes=True, done=self._enrolled)

    def _enrolled(self, result: ExportResult) -> None:
        self.last_export = result
        errors.info(
            self._page,
            self.tr(
                "Đã ghi gói đăng ký: %1\nGửi gói này cho %2. Khi bên nhận gọi điện, hãy đọc "
                "dấu vân tay khóa hiển thị ở trang Đồng bộ để họ so sánh."
            )
            .replace("%1", str(result.path))
            .replace("%2", result.recipient_name),
            self.tr("Đã xuất gói"),
        )
        self.changed.emit()

    def export_reference(self) -> Task | None:
        target = widgets.ask_save_package(self._page, f"tham-chieu-{self.unit}-{self._stamp()}.ocoppkg")
        if target is None:
            return None
        return self._run(
            jobs.export_reference,
            target,
            writes=True,
            done=self._referenced,
            title=self.tr("Đang xuất gói dữ liệu tham chiếu…"),
        )

    def _referenced(self, result: ExportResult) -> None:
        self.last_export = result
        text = self.tr(
            "Đã ghi gói dữ liệu tham chiếu (bộ tiêu chí, lịch nghỉ, danh mục hồ sơ và khóa của tỉnh): %1"
        ).replace("%1", str(result.path))
        reminder = calendar_reminder(date.today())  # next year's holidays not official yet
        errors.info(self._page, text + ("\n\n" + reminder if reminder else ""), self.tr("Đã xuất gói"))
        self.changed.emit()

    # -- import ----------------------------------------------------------------------------------
    def import_package(self, path: Path | None = None) -> ImportFlow:
        flow = ImportFlow(
            self._ctx, self._page, link_in_council=lambda p: self.goTo.emit("evaluation/council", p)
        )
        flow.imported.connect(lambda _result: self.changed.emit())
        flow.ended.connect(flow.deleteLater)
        self.import_flow = flow
        self.task = flow.start(path)
        return flow

    # -- conflicts -------------------------------------------------------------------------------
    def open_conflict(self, conflict: ConflictRow) -> Task:
        return self._run(jobs.conflict_versions, conflict.id, done=lambda v: self._show_conflict(conflict, v))

    def _show_conflict(self, conflict: ConflictRow, versions: jobs.Versions) -> None:
        dialog = ConflictDialog(conflict, versions, self._page)
        dialog.resolve.connect(lambda how: self._resolve(dialog, how))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: forget(self, "conflict_dialog", dialog))
        self.conflict_dialog = dialog
        dialog.open()

    def _resolve(self, dialog: ConflictDialog, resolution: str) -> Task:
        def done(_row: object) -> None:
            dialog.accept()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            dialog.reject()
            errors.show_error(exc, self._page)
            self.changed.emit()

        self.task = run_task(
            jobs.resolve_conflict,
            self._ctx,
            dialog.conflict.id,
            resolution,
            on_done=done,
            on_error=failed,
            parent=self._page,
            writes_db=True,
        )
        return self.task
