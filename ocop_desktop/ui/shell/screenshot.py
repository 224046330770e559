"""Render the main window (or the first-run wizard) to a PNG without a screen."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ocop_desktop.services.core.context import AppContext

WAIT_SECONDS = 5.0
_quieted = False
_NOISE = "This plugin does not support propagateSizeHints()"  # harmless, from the offscreen plugin


def _quiet_offscreen_noise() -> None:
    """Drop the offscreen plugin's harmless warning; every other Qt message goes on as before."""
    global _quieted
    if _quieted:
        return
    _quieted = True
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(kind, context, message):  # type: ignore[no-untyped-def]
        if message == _NOISE:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)


def _always() -> bool:
    return True


def take_screenshot(
    ctx: AppContext, out: str, view: str = "producers", size: tuple[int, int] = (1280, 800)
) -> Path:
    """Build the window on `view`, wait until its list has rows, grab it to `out` (PNG).

    An installation not set up yet is shown as the first-run wizard, whatever the view.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists
    from ocop_desktop.ui.kit.i18n import install_language
    from ocop_desktop.ui.kit.settings import load_settings
    from ocop_desktop.ui.shell.app import build_main_window, ensure_application

    app = ensure_application()
    _quiet_offscreen_noise()
    install_language(load_settings(ctx.paths.settings_path).language)
    widget: QWidget
    ready: Callable[[], bool] = _always
    if ctx.office_or_none() is None:
        from ocop_desktop.ui.shell.first_run import FirstRunWizard

        widget = FirstRunWizard(ctx)
    else:
        window = build_main_window(ctx)
        page = window.show_page(view)
        page_ready: Callable[[], bool] = getattr(page, "is_ready", _always)  # list pages: rows are loaded
        ready = lambda: window.summary_task is None and page_ready()  # noqa: E731 - and the status bar
        widget = window
    widget.resize(*size)
    widget.show()
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        app.processEvents()
        if ready() or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    app.processEvents()
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    pixmap = widget.grab()
    widget.close()
    widget.deleteLater()
    app.processEvents()
    if not pixmap.save(str(target), "PNG"):
        from ocop_desktop.domain.errors import EnvironmentProblem

        raise EnvironmentProblem(f"Không ghi được ảnh chụp vào “{target}”.")
    return target
