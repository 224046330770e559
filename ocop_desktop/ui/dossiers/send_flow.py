""" "Gửi hồ sơ lên tỉnh" as one honest act: read where the commune stands (is a province trusted
yet?), then either confirm and write the dossier into a signed package — the status changes only
once the file is there — and say where the file is and how it travels; or, when no province is
trusted, explain what to do first and export the enrollment pack right there.

Every job runs through `run_task` (the package write with a progress dialog and "Hủy"); the flow
knows the dossier's session, never the editor's widgets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ocop_desktop.domain.dossiers import Status
from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.services.dossiers.service import DossierDetail
from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.ui.dossiers import ops, send_jobs
from ocop_desktop.ui.dossiers.send_dialogs import SendConfirmDialog, SentDialog, TrustGuideDialog
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.sync import widgets
from ocop_desktop.ui.sync.mailbox_agent import agent_for

if TYPE_CHECKING:
    from ocop_desktop.ui.dossiers.session import DossierSession


def package_folder() -> Path:
    """Where a package is offered first (the officer sees it and may choose another place)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def free_name(folder: Path, plan: send_jobs.SendPlan) -> Path:
    """A file name no other package in `folder` has: writing a package replaces the file at its
    target, and a package already sent must never be overwritten by the next one."""
    stem = f"ho-so-gui-tinh-{plan.unit_code}-{plan.dossier_id[:8]}-{datetime.now():%Y%m%d-%H%M}"
    target, n = folder / f"{stem}.ocoppkg", 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}.ocoppkg"
    return target


class SendFlow(QObject):
    """Signals:
    sent(object): `send_jobs.Sent` — the package is written and the dossier is "sent".
    ended(): the flow is over, whatever happened.
    """

    sent = Signal(object)
    ended = Signal()

    def __init__(self, session: DossierSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self._parent = parent
        self.task: Task | None = None
        self.dialog: QDialog | None = None  # the one showing now: confirm, guide or done
        self.plan: send_jobs.SendPlan | None = None

    def start(self) -> Task:
        self.task = run_task(
            send_jobs.send_plan,
            self.session.ctx,
            self.session.dossier_id,
            on_done=self._planned,
            on_error=self._failed,
            parent=self,
        )
        return self.task

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _planned(self, plan: send_jobs.SendPlan) -> None:
        self.plan = plan
        if not plan.trusted:
            guide = TrustGuideDialog(plan, label_text(self.session.detail.row.status_label), self._parent)
            guide.enroll_requested.connect(lambda: self._enroll(guide, plan))
            guide.finished.connect(lambda _r: self._end())
            self._show(guide)
            return
        target = free_name(package_folder(), plan)
        confirm = SendConfirmDialog(
            plan, target, lambda parent, name: widgets.ask_save_package(parent, name), self._parent
        )
        confirm.accepted.connect(lambda: self._write(confirm.target()))
        confirm.rejected.connect(self._end)
        self._show(confirm)

    def _write(self, target: Path) -> None:
        self.task = run_task(
            send_jobs.send_dossier,
            self.session.ctx,
            self.session.dossier_id,
            target,
            self.session.revision,
            on_done=self._sent,
            on_error=self._failed,
            on_cancel=lambda: self._cancelled(target),
            writes_db=True,
            parent=self._parent,
            progress_title=self.tr("Đang ghi gói gửi tỉnh…"),
        )

    def _sent(self, sent: send_jobs.Sent) -> None:
        self.session.adopt(sent.action.detail)
        self.sent.emit(sent)
        agent_for(self.session.ctx).nudge()  # up to the province's mailbox now, if one answers
        done = SentDialog(sent.package, self.plan.product_name if self.plan else "", self._parent)
        done.finished.connect(lambda _r: self._end())
        self._show(done)

    def _cancelled(self, target: Path) -> None:
        """ "Hủy" was pressed. A cancel that came after the last step cannot stop the export any more
        (the task still reports it as cancelled): read the dossier again and say what is true."""
        self.task = run_task(
            ops.load_detail,
            self.session.ctx,
            self.session.dossier_id,
            on_done=lambda detail: self._after_cancel(detail, target),
            on_error=self._failed,
            parent=self,
        )

    def _after_cancel(self, detail: DossierDetail, target: Path) -> None:
        if detail.row.status == Status.SENT.value and detail.row.status != self.session.detail.row.status:
            self.session.adopt(detail)
            errors.info(
                self._parent,
                self.tr(
                    "Gói đã ghi xong trước khi kịp hủy: hồ sơ đã chuyển sang “%1”. Tệp gói: %2\n"
                    "Hãy chép tệp vào USB hoặc gửi e-mail cho tỉnh."
                )
                .replace("%1", label_text(detail.row.status_label))
                .replace("%2", str(target)),
            )
        else:
            errors.info(
                self._parent,
                self.tr("Đã hủy: không có gói nào được ghi, hồ sơ vẫn ở trạng thái “%1”.").replace(
                    "%1", label_text(detail.row.status_label)
                ),
            )
        self._end()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            self.session.reload()
        errors.show_error(exc, self._parent)
        self._end()

    def _enroll(self, guide: TrustGuideDialog, plan: send_jobs.SendPlan) -> None:
        target = widgets.ask_save_package(guide, f"dang-ky-{plan.unit_code}.ocoppkg")
        if target is None:
            return
        self.task = run_task(
            send_jobs.export_enrollment,
            self.session.ctx,
            target,
            on_done=lambda result: self._enrolled(guide, result),
            writes_db=True,
            parent=guide,
        )

    @staticmethod
    def _enrolled(guide: TrustGuideDialog, result: ExportResult) -> None:
        guide.show_enrolled(result.path)

    def _end(self) -> None:
        self.dialog = None
        self.ended.emit()
