"""The three package steps of an evaluator laptop (docs/province.md §7, sync-package.md §13), each
a job of `jobs.py` run in the background with `run_task`:

- **enrollment out**: the package with this laptop's public keys, then the fingerprint to read to
  the province by phone (`EnrollmentDoneDialog`);
- **assignment in**: a dry run, its preview (`AssignmentPreviewDialog`, where the province's
  fingerprint is typed the first time), and on accepting, the import;
- **signed scores out**: after saying how many sheets are complete and naming the others.

Each step is a method taking an optional path; without one the file is chosen with
`choose_open_path` / `choose_save_path`, which tests replace. What the steps need of the workspace
(the assignment shown, saving the open sheet, the sheets' state) is the `SheetsOnScreen` protocol.
Texts keep the translation context "EvaluatorWorkspace", where they were first written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ocop_desktop.domain.text import slug
from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.services.sync.types import ImportPreview, ImportResult
from ocop_desktop.ui.evaluator import jobs
from ocop_desktop.ui.evaluator.dialogs import AssignmentPreviewDialog, EnrollmentDoneDialog
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.evaluator.work import AssignmentRow

PACKAGE_FILTER = "OCOP (*.ocoppkg)"
translate = QCoreApplication.translate


class SheetsOnScreen(Protocol):
    """The workspace, as the package steps see it."""

    @property
    def assignment(self) -> AssignmentRow | None: ...

    def flush(self) -> bool:
        """Save the open sheet; False when the store refused (the error has been shown)."""
        ...

    def reread_sheets(self) -> list[tuple[str, bool]]:
        """Re-read the assigned dossiers: (product name, sheet complete) of each, as stored."""
        ...

    def show_imported(self) -> AssignmentRow | None:
        """Show the assignment just imported from the start; the assignment now shown."""
        ...


class PackageSteps(QObject):
    """Signals:
    exported(object): a package was written (`ExportResult`).
    imported(object): an assignment package was applied (`ImportResult`); the workspace shows it.
    """

    exported = Signal(object)
    imported = Signal(object)

    def __init__(self, ctx: AppContext, sheets: SheetsOnScreen, owner: QWidget) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.sheets = sheets
        self.owner = owner  # dialogs, messages and tasks belong to it
        # replaceable (tests): (title) / (title, suggested name) -> Path | None
        self.choose_open_path: Callable[[str], Path | None] = self._ask_open_path
        self.choose_save_path: Callable[[str, str], Path | None] = self._ask_save_path
        self.preview_dialog: AssignmentPreviewDialog | None = None
        self.enrollment_dialog: EnrollmentDoneDialog | None = None
        self.last_task: Task | None = None

    # -- enrollment out ------------------------------------------------------------------------
    def export_enrollment(self, target: Path | None = None) -> Task | None:
        """Write the enrollment package; then show the fingerprint to read to the province."""
        office = self.ctx.office()
        target = target or self.choose_save_path(
            translate("EvaluatorWorkspace", "Lưu gói đăng ký máy chấm"),
            f"dang-ky-may-cham-{slug(office.name, fallback='goi')}.ocoppkg",
        )
        if target is None:
            return None
        self.last_task = run_task(
            jobs.export_enrollment,
            self.ctx,
            Path(target),
            on_done=self._enrollment_written,
            parent=self.owner,
            writes_db=True,
            progress_title=translate("EvaluatorWorkspace", "Đang xuất gói đăng ký…"),
        )
        return self.last_task

    def _enrollment_written(self, value: tuple[ExportResult, str]) -> None:
        result, fingerprint = value
        if self.enrollment_dialog is not None:
            self.enrollment_dialog.close()
            self.enrollment_dialog.deleteLater()
        self.enrollment_dialog = EnrollmentDoneDialog(result, fingerprint, self.owner)
        self.enrollment_dialog.open()
        self.exported.emit(result)

    # -- assignment in -------------------------------------------------------------------------
    def import_assignment(self, path: Path | None = None) -> Task | None:
        """Dry run of an assignment package in the background, then its preview (`preview_dialog`);
        accepting the preview applies it (`apply_assignment`)."""
        path = path or self.choose_open_path(translate("EvaluatorWorkspace", "Chọn gói phân công chấm điểm"))
        if path is None:
            return None
        path = Path(path)
        self.last_task = run_task(
            jobs.preview_assignment,
            self.ctx,
            path,
            on_done=lambda preview: self._show_preview(path, preview),
            parent=self.owner,
            progress_title=translate("EvaluatorWorkspace", "Đang kiểm tra gói phân công…"),
        )
        return self.last_task

    def _show_preview(self, path: Path, preview: ImportPreview) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog.deleteLater()
        dialog = AssignmentPreviewDialog(preview, self.owner)
        if not preview.already_imported:
            dialog.accepted.connect(
                lambda: self.apply_assignment(
                    path, dialog.confirmed_fingerprint(), dialog.confirmed_key_change()
                )
            )
        self.preview_dialog = dialog
        dialog.open()

    def apply_assignment(
        self, path: Path, confirm_fingerprint: str | None = None, confirm_key_change: str | None = None
    ) -> Task:
        """Import the assignment in the background (with the province's fingerprint the first time;
        after the province replaced its key, with the old fingerprint too)."""
        self.sheets.flush()
        self.last_task = run_task(
            jobs.import_assignment,
            self.ctx,
            Path(path),
            confirm_fingerprint,
            confirm_key_change,
            on_done=self._assignment_imported,
            parent=self.owner,
            writes_db=True,
            progress_title=translate("EvaluatorWorkspace", "Đang nhập gói phân công…"),
        )
        return self.last_task

    def _assignment_imported(self, result: ImportResult) -> None:
        shown = self.sheets.show_imported()
        self.imported.emit(result)
        if result.applied:
            text = translate("EvaluatorWorkspace", "Đã nhập gói phân công: %1 hồ sơ của %2.").replace(
                "%1", str(len(result.preview.dossiers))
            )
            errors.info(self.owner, text.replace("%2", shown.round_label if shown else ""))

    # -- signed scores out ---------------------------------------------------------------------
    def export_scores(self, target: Path | None = None) -> Task | None:
        """Say how many sheets are complete (warn about the others), then write the signed scores package."""
        a = self.sheets.assignment
        if a is None:
            errors.warn(
                self.owner, translate("EvaluatorWorkspace", "Chưa có gói phân công nào trên máy này.")
            )
            return None
        if not self.sheets.flush() or not self._confirm_complete(self.sheets.reread_sheets()):
            return None
        target = target or self.choose_save_path(
            translate("EvaluatorWorkspace", "Lưu gói phiếu chấm"),
            f"phieu-cham-{a.member_label}-{slug(a.round_label, fallback='goi')}-"
            f"{date.today():%Y%m%d}.ocoppkg".lower(),
        )
        if target is None:
            return None
        self.last_task = run_task(
            jobs.export_scores,
            self.ctx,
            Path(target),
            a.round_id,
            on_done=self._scores_written,
            parent=self.owner,
            writes_db=True,
            progress_title=translate("EvaluatorWorkspace", "Đang xuất gói phiếu chấm…"),
        )
        return self.last_task

    def _confirm_complete(self, sheets: list[tuple[str, bool]]) -> bool:
        """Only complete sheets are sent: none is a warning, some missing a question."""
        complete = sum(1 for _name, done in sheets if done)
        if complete == 0:
            errors.warn(
                self.owner,
                translate(
                    "EvaluatorWorkspace",
                    "Chưa có phiếu nào chấm đủ mọi tiêu chí, nên chưa có gì để gửi tỉnh.",
                ),
            )
            return False
        names = [name for name, done in sheets if not done]
        if not names:
            return True
        text = (
            translate(
                "EvaluatorWorkspace",
                "%1 phiếu đã chấm đủ sẽ được gửi. %2 phiếu chưa chấm đủ mọi tiêu chí và sẽ KHÔNG được gửi:",
            )
            .replace("%1", str(complete))
            .replace("%2", str(len(names)))
            + "\n• "
            + "\n• ".join(names)
            + "\n\n"
            + translate("EvaluatorWorkspace", "Vẫn xuất gói phiếu chấm?")
        )
        return errors.ask(
            self.owner,
            text,
            yes=translate("EvaluatorWorkspace", "Xuất gói"),
            no=translate("EvaluatorWorkspace", "Chấm tiếp"),
            title=translate("EvaluatorWorkspace", "Còn phiếu chưa chấm xong"),
        )

    def _scores_written(self, result: ExportResult) -> None:
        self.sheets.reread_sheets()
        self.exported.emit(result)
        errors.info(
            self.owner,
            translate(
                "EvaluatorWorkspace", "Đã xuất %1 phiếu chấm vào:\n%2\n\nGửi tệp này cho cơ quan OCOP tỉnh."
            )
            .replace("%1", str(len(result.dossier_ids)))
            .replace("%2", str(result.path)),
        )

    # -- choosing files (replaced in tests) ----------------------------------------------------
    def _ask_open_path(self, title: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.owner, title, str(Path.home()), PACKAGE_FILTER)
        return Path(name) if name else None

    def _ask_save_path(self, title: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.owner, title, str(Path.home() / suggested), PACKAGE_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".ocoppkg")
