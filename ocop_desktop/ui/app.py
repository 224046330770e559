"""Starting the GUI: one QApplication set up the same way everywhere (Fusion style, bundled
Be Vietnam Pro, the chosen language), then the first-run wizard if needed, then the window."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from ocop_desktop import APP_AUTHOR, APP_NAME, __version__
from ocop_desktop.applog import add_file_log
from ocop_desktop.domain.errors import UserError
from ocop_desktop.paths import resources_root
from ocop_desktop.ui import errors, qt_workarounds
from ocop_desktop.ui.i18n import install_language
from ocop_desktop.ui.settings import load_settings
from ocop_desktop.ui.startup import peek_office, report_ready
from ocop_desktop.ui.tasks import run_task, wait_for_tasks

if TYPE_CHECKING:
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.context import AppContext
    from ocop_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FONT_FAMILY = "Be Vietnam Pro"
FONT_SIZE = 10
_fonts_registered = False


def register_fonts() -> bool:
    """Register the bundled Be Vietnam Pro faces (once); False if none could be loaded."""
    global _fonts_registered
    if not _fonts_registered:
        faces = sorted(resources_root().glob("fonts/BeVietnamPro-*.ttf"))
        loaded = [QFontDatabase.addApplicationFont(str(face)) for face in faces]
        _fonts_registered = any(i >= 0 for i in loaded)
        if not _fonts_registered:
            log.warning("bundled fonts not found under %s; using the system font", resources_root() / "fonts")
    return _fonts_registered


def configure_application(app: QApplication) -> QApplication:
    """Same look on every machine: Fusion, bundled font, app identity."""
    qt_workarounds.install()
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    if register_fonts():
        app.setFont(QFont(FONT_FAMILY, FONT_SIZE))
    icon = resources_root() / "icons" / "ocop-desktop.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def ensure_application() -> QApplication:
    """The running QApplication, created and configured if there is none yet."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        configure_application(app)
    assert isinstance(app, QApplication)
    return app


def build_main_window(ctx: "AppContext") -> "MainWindow":
    """The main window for an initialised store, not shown (tests and screenshots use this)."""
    from ocop_desktop.ui.main_window import MainWindow

    return MainWindow(ctx)


def run(paths: "AppPaths") -> int:
    """The GUI: returns the process exit code (2 when the data folder cannot be opened)."""
    app = ensure_application()
    errors.install_excepthook()
    install_language(load_settings(paths.settings_path).language)
    office_name = peek_office(paths.db_path)
    if office_name is None:
        return _run_opened(app, paths)
    from ocop_desktop.ui.main_window import MainWindow

    window = MainWindow(office_name=office_name)
    window.show()
    opened: list["AppContext"] = []

    def attach(ctx: "AppContext") -> None:
        opened.append(ctx)
        window.attach(ctx)
        if report_ready("loaded"):
            QTimer.singleShot(0, app.quit)

    def failed(exc: BaseException) -> None:
        errors.show_error(exc, window)
        app.exit(2)

    QTimer.singleShot(0, lambda: report_ready("shown") and app.quit())
    QTimer.singleShot(0, lambda: add_file_log(paths.log_dir))
    QTimer.singleShot(0, lambda: run_task(_open_store, paths, on_done=attach, on_error=failed, parent=window))
    try:
        code = app.exec()
        wait_for_tasks()
        return code
    finally:
        for ctx in opened:
            ctx.close()


def _open_store(_progress: object, paths: "AppPaths") -> "AppContext":
    from ocop_desktop.services.context import AppContext

    return AppContext.open(paths)


def _run_opened(app: QApplication, paths: "AppPaths") -> int:
    """First run (or a store the quick look could not read): open first, then the window."""
    from ocop_desktop.services.context import AppContext

    add_file_log(paths.log_dir)
    try:
        ctx = AppContext.open(paths)
    except UserError as exc:
        errors.show_error(exc)
        return 2
    try:
        if ctx.office_or_none() is None and not _first_run(ctx):
            return 0
        window = build_main_window(ctx)
        window.show()
        code = app.exec()
        wait_for_tasks()
        return code
    finally:
        ctx.close()


def _first_run(ctx: "AppContext") -> bool:
    """Show the set-up wizard; True when the office was set up."""
    from ocop_desktop.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(ctx)
    wizard.exec()  # the only window at this point: a nested loop is what we want
    return ctx.office_or_none() is not None
