"""Who is at the keyboard of the main window: asked at start when the office has several active
officers (the last one chosen on this PC offered first), switched from the status bar, remembered in
the UI settings; and the background check of the audit log once the window is up."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from ocop_desktop.services.core.audit import VerifyReport
from ocop_desktop.services.core.officers import OfficerRow
from ocop_desktop.ui.kit.settings import load_settings, save_settings
from ocop_desktop.ui.kit.tasks import Task, run_task, running
from ocop_desktop.ui.officers import ops
from ocop_desktop.ui.officers.chooser import OfficerChooser

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

CHECK_DELAY_MS = 3000  # the check of the log waits for the first page to be usable
CHECK_WAIT_MAX = 30  # seconds it then waits at most for the other start-up jobs to end


class OfficerButton(QPushButton):
    """“Cán bộ: <name>” in the status bar; a click switches officer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setToolTip(self.tr("Đổi cán bộ đang làm việc"))

    def show_name(self, name: str) -> None:
        self.setText(self.tr("Cán bộ: %1").replace("%1", name))
        self.setVisible(bool(name))


class OfficerSession(QObject):
    """Signals: changed(object): the OfficerRow now acting; audit_checked(object): the VerifyReport;
    quit_requested(): nobody was chosen at start."""

    changed = Signal(object)
    audit_checked = Signal(object)
    quit_requested = Signal()

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._ctx, self._window = ctx, window
        self.chooser: OfficerChooser | None = None
        self.check_task: Task | None = None
        self._check_waited = 0

    def start(self) -> None:
        run_task(ops.officers, self._ctx, on_done=self._listed_at_start, parent=self._window)
        QTimer.singleShot(CHECK_DELAY_MS, self, self.check_audit)  # not after the window is gone

    def switch(self) -> None:
        run_task(
            ops.officers,
            self._ctx,
            on_done=lambda rows: self._choose(rows, self._ctx.officer_id),
            parent=self._window,
        )

    def check_audit(self) -> None:
        """Check the log on a worker, once the start-up jobs (the pages' modules, the home page's
        figures) are done: run beside them, its reads and theirs took turns at the interpreter and the
        window waited for both (issue 15). After `CHECK_WAIT_MAX` seconds it starts anyway."""
        if self.check_task is not None:
            return
        if running() > 0 and self._check_waited < CHECK_WAIT_MAX:
            self._check_waited += 1
            QTimer.singleShot(1000, self, self.check_audit)
            return
        self.check_task = run_task(
            ops.verify, self._ctx, on_done=self._checked, on_error=self._check_failed, parent=self._window
        )
        app = QCoreApplication.instance()
        if app is not None:  # a long check must not hold the exit
            app.aboutToQuit.connect(self.check_task.cancel)

    def _checked(self, report: VerifyReport) -> None:
        self.check_task = None
        self.audit_checked.emit(report)

    def _check_failed(self, exc: BaseException) -> None:
        self.check_task = None
        from ocop_desktop.domain.errors import Cancelled

        if not isinstance(exc, Cancelled):
            from ocop_desktop.ui.kit import errors

            errors.show_error(exc, self._window)

    def _listed_at_start(self, rows: list[OfficerRow]) -> None:
        active = [r for r in rows if r.active]
        remembered = load_settings(self._ctx.paths.settings_path).last_officer
        if len(active) > 1:
            chooser = self._choose(rows, remembered or self._ctx.officer_id)
            chooser.rejected.connect(self.quit_requested.emit)
        else:
            current = next((r for r in active if r.id == self._ctx.officer_id), None)
            if current is not None:
                self.changed.emit(current)

    def _choose(self, rows: list[OfficerRow], preferred: str | None) -> OfficerChooser:
        self.chooser = OfficerChooser(self._ctx, rows, preferred, self._window)
        self.chooser.chosen.connect(self._chosen)
        self.chooser.finished.connect(self.chooser.deleteLater)
        self.chooser.open()
        return self.chooser

    def _chosen(self, row: OfficerRow) -> None:
        self.chooser = None
        path = self._ctx.paths.settings_path
        save_settings(path, replace(load_settings(path), last_officer=row.id))
        self.changed.emit(row)
