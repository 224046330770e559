"""The File menu's backup entries and the automatic backups' timer, installed by the main window.

Automatic backups are checked a minute after the store opens and every ten minutes after that
(`jobs.automatic_if_due`: due when the last one is older than the chosen hours); one runs quietly on a
worker and says in the status bar that it was made, or why not (a USB stick unplugged)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from ocop_desktop.domain.errors import UserError

if TYPE_CHECKING:  # the rest is imported when used: this module is built before the first frame
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.backup.create import Created
    from ocop_desktop.ui.kit.tasks import Task

FIRST_CHECK_MS = 60_000
CHECK_EVERY_MS = 10 * 60_000


class BackupMenu(QObject):
    """Tệp > Sao lưu… and Tệp > Khôi phục từ bản sao lưu…, before `before` (the Quit action)."""

    def __init__(self, window: QMainWindow, menu: QMenu, paths: Callable[[], AppPaths | None]) -> None:
        super().__init__(window)
        self._window, self._paths = window, paths
        self.backup_action = menu.addAction("")
        self.restore_action = menu.addAction("")
        menu.addSeparator()
        self.backup_action.triggered.connect(self.open_backup)
        self.restore_action.triggered.connect(self.open_restore)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check_automatic)
        self.auto_task: Task | None = None
        self.dialog: QObject | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.backup_action.setText(self.tr("Sao lưu…"))
        self.restore_action.setText(self.tr("Khôi phục từ bản sao lưu…"))

    def start_timer(self) -> None:
        """The store is open: start watching for automatic backups; move older key secrets into the
        keyring in the background (loading `keyring` costs a second: never before the first frame)."""
        from ocop_desktop.ui.backup import jobs
        from ocop_desktop.ui.kit.tasks import run_task

        paths = self._paths()
        if paths is None:
            return
        run_task(jobs.upgrade_protection, paths, parent=self, on_error=lambda _exc: None)
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check_automatic)
        self.timer.start(CHECK_EVERY_MS)

    def check_automatic(self) -> Task | None:
        from ocop_desktop.ui.backup import jobs
        from ocop_desktop.ui.kit.tasks import run_task

        paths = self._paths()
        if paths is None or self.auto_task is not None:
            return None
        self.auto_task = run_task(
            jobs.automatic_if_due, paths, on_done=self._auto_done, on_error=self._auto_failed, parent=self
        )
        return self.auto_task

    def _auto_done(self, made: Created | None) -> None:
        self.auto_task = None
        if made is not None:
            self._window.statusBar().showMessage(
                self.tr("Đã sao lưu tự động: {0}").format(made.path.name), 15_000
            )

    def _auto_failed(self, exc: BaseException) -> None:
        self.auto_task = None
        from ocop_desktop.ui.kit import errors

        if isinstance(exc, UserError):
            self._window.statusBar().showMessage(
                self.tr("Chưa sao lưu tự động được: {0}").format(exc.message), 60_000
            )
        else:
            errors.show_error(exc, self._window)

    def open_backup(self) -> QObject | None:
        from ocop_desktop.ui.backup.dialog import BackupDialog

        paths = self._paths()
        if paths is None:
            return None
        dialog = BackupDialog(paths, self._window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
        return dialog

    def open_restore(self) -> QObject | None:
        from ocop_desktop.ui.backup.restore_dialog import RestoreDialog

        paths = self._paths()
        if paths is None:
            return None
        dialog = RestoreDialog(paths, self._release_store, self._window)
        dialog.restored.connect(self._restored)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _release_store(self) -> None:
        """Let go of the database files (Windows cannot move an open file); automatic backups wait."""
        self.timer.stop()
        window_ctx = getattr(self._window, "ctx", None)
        if window_ctx is not None:
            window_ctx.engine.dispose()

    def _restored(self, restored: object) -> None:
        from ocop_desktop.ui.kit import errors

        if restored is None:  # refused after all: carry on with the data as it was
            self.timer.start(CHECK_EVERY_MS)
            return
        errors.info(
            self._window,
            self.tr(
                "Đã khôi phục dữ liệu từ bản sao lưu. OCOP Desktop sẽ đóng lại; hãy mở lại để làm việc "
                "với dữ liệu đã khôi phục."
            ),
        )
        QApplication.quit()
