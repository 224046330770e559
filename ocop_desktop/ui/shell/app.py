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
from ocop_desktop.progress import Progress
from ocop_desktop.ui.kit import qt_workarounds
from ocop_desktop.ui.kit.geometry import open_window, remember
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.kit.perf import freeze_heap
from ocop_desktop.ui.kit.settings import load_settings
from ocop_desktop.ui.shell.startup import peek_office, report_ready

if TYPE_CHECKING:
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

FONT_FAMILY = "Be Vietnam Pro"
FONT_SIZE = 10
FIRST_FRAME_FACES = ("Regular", "Bold")  # what the window's first frame draws with; the rest follow
_registered: dict[str, bool] = {}  # face file stem -> loaded


def register_fonts(faces: tuple[str, ...] | None = None) -> bool:
    """Register bundled Be Vietnam Pro faces (each once): the named styles, or all when None.
    False if none of the bundled faces could be loaded."""
    for path in sorted(resources_root().glob("fonts/BeVietnamPro-*.ttf")):
        if path.stem not in _registered and (faces is None or path.stem.split("-", 1)[1] in faces):
            _registered[path.stem] = QFontDatabase.addApplicationFont(str(path)) >= 0
    if not any(_registered.values()):
        log.warning("bundled fonts not found under %s; using the system font", resources_root() / "fonts")
        return False
    return True


def configure_application(
    app: QApplication, *, set_style: bool = True, all_fonts: bool = True
) -> QApplication:
    """Same look on every machine: Fusion, bundled font, app identity. `set_style=False` when the
    application was created with `-style Fusion`; `all_fonts=False` registers only the faces of
    the first frame (the GUI start registers the others once the window shows)."""
    qt_workarounds.faster_feature_check()
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationVersion(__version__)
    if set_style:
        app.setStyle("Fusion")
    if register_fonts(None if all_fonts else FIRST_FRAME_FACES):
        app.setFont(QFont(FONT_FAMILY, FONT_SIZE))
    icon = resources_root() / "icons" / "ocop-desktop.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def ensure_application(*, all_fonts: bool = True) -> QApplication:
    """The running QApplication, created and configured if there is none yet."""
    app = QApplication.instance()
    if app is None:
        # Qt reads `-style` itself; app.setStyle() from Python first builds QStyle's Python enums (~15 ms).
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
        configure_application(app, set_style=False, all_fonts=all_fonts)
    assert isinstance(app, QApplication)
    return app


def build_main_window(ctx: AppContext) -> MainWindow:
    """The main window for an initialised store, not shown (tests and screenshots use this)."""
    from ocop_desktop.ui.shell.main_window import MainWindow

    return MainWindow(ctx)


def run(paths: AppPaths) -> int:
    """The GUI: returns the process exit code (2 when the data folder cannot be opened)."""
    app = ensure_application(all_fonts=False)
    install_language(load_settings(paths.settings_path).language)
    office_name = peek_office(paths.db_path)
    if office_name is None:
        return _run_opened(app, paths)
    from ocop_desktop.ui.shell.main_window import MainWindow

    # Only what the first frame needs runs before show(); the error dialogs, the log file, the
    # other font faces and the store (on a worker thread) come in the next turns of the loop.
    window = MainWindow(office_name=office_name)
    open_window(window, paths.windows_path, "main", (1200, 760))
    app.aboutToQuit.connect(lambda: remember(window, paths.windows_path, "main"))
    opened: list[AppContext] = []

    def attach(ctx: AppContext) -> None:
        opened.append(ctx)
        window.attach(ctx)
        # What start-up made (modules, bindings, rule set, mappings) lives as long as the program.
        freeze_heap("started")
        if report_ready("loaded"):
            QTimer.singleShot(0, app.quit)

    def failed(exc: BaseException) -> None:
        from ocop_desktop.ui.kit import errors

        errors.show_error(exc, window)
        app.exit(2)

    def after_show() -> None:
        from ocop_desktop.ui.kit import errors
        from ocop_desktop.ui.kit.tasks import run_task

        errors.install_excepthook()
        run_task(open_store, paths, on_done=attach, on_error=failed, parent=window)
        add_file_log(paths.log_dir)
        register_fonts()

    QTimer.singleShot(0, lambda: report_ready("shown") and app.quit())
    QTimer.singleShot(0, after_show)
    try:
        code = app.exec()
        _wait_for_tasks()
        return code
    finally:
        for ctx in opened:
            ctx.close()


def _wait_for_tasks() -> None:
    from ocop_desktop.ui.kit.tasks import wait_for_tasks

    wait_for_tasks()


def open_store(_progress: Progress, paths: AppPaths) -> AppContext:
    """The GUI's store, opened on a worker thread, with the caches its first pages use warmed."""
    from datetime import date

    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.services.core.rules import RuleService

    ctx = open_app(paths)
    # Lists name each product's set from the rule set in force: read and checked here (~100 ms)
    # rather than when a page first fills its list on the GUI thread.
    RuleService().in_force(date.today())
    return ctx


def _run_opened(app: QApplication, paths: AppPaths) -> int:
    """First run (or a store the quick look could not read): open first, then the window."""
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.ui.kit import errors

    errors.install_excepthook()
    register_fonts()
    add_file_log(paths.log_dir)
    try:
        ctx = open_app(paths)
    except UserError as exc:
        errors.show_error(exc)
        return 2
    try:
        if ctx.office_or_none() is None:
            chosen = _first_run(ctx)
            if chosen is None:
                return 0
            ctx = chosen  # the store on a server, when the wizard set up or joined the office there
        window = build_main_window(ctx)
        open_window(window, paths.windows_path, "main", (1200, 760))
        app.aboutToQuit.connect(lambda: remember(window, paths.windows_path, "main"))
        freeze_heap("started")
        # A desk on a server always starts this way (no quick look): the window comes with its store,
        # so the start-up benchmark's two stages are reached together (without this it never quit).
        QTimer.singleShot(0, lambda: (report_ready("shown") or report_ready("loaded")) and app.quit())
        code = app.exec()
        _wait_for_tasks()
        return code
    finally:
        ctx.close()


def _first_run(ctx: AppContext) -> AppContext | None:
    """Show the set-up wizard; the store to work on once the office was set up (or joined on a
    server), else None."""
    from ocop_desktop.services.core.store_choice import hand_over
    from ocop_desktop.ui.shell.first_run import FirstRunWizard

    wizard = FirstRunWizard(ctx)
    wizard.exec()  # the only window at this point: a nested loop is what we want
    if wizard.server_ctx is not None:
        return hand_over(ctx, wizard.server_ctx)
    return ctx if ctx.office_or_none() is not None and not wizard.restored else None  # a restore: start again
