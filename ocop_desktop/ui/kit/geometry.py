"""Windows that fit the screen they open on and remember their size (issue 15: a 1366×768 laptop at
100 % or 125 % has less free height than the main window's 760 px or the dossier window's 800 px).

A window opens where and as large as it was last closed (`QWidget.saveGeometry`, which also keeps
"maximised"); the first time, at its preferred size, or maximised when that does not fit the
screen's free area. The geometries live in one small JSON file next to the database; an unreadable
file only means the default placement.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ocop_desktop.files import atomic_write_bytes

log = logging.getLogger(__name__)


def open_window(window: QWidget, path: Path | None, key: str, size: tuple[int, int]) -> None:
    """Show `window` as it was last closed under `key`, else at `size` or maximised."""
    saved = _load(path).get(key) if path is not None else None
    if isinstance(saved, str) and window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
        window.show()
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    free = screen.availableGeometry()
    width, height = size
    window.resize(min(width, free.width()), min(height, free.height()))
    if width > free.width() or height > free.height():
        window.showMaximized()  # not setWindowState(Qt.…): no Qt namespace before the first frame
    else:
        window.show()


def remember(window: QWidget, path: Path | None, key: str) -> None:
    """Keep `window`'s geometry under `key` for the next time it opens."""
    if path is None:
        return
    stored = _load(path)
    stored[key] = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    try:
        atomic_write_bytes(path, json.dumps(stored, indent=1).encode("utf-8"))
    except OSError as exc:  # a read-only folder costs the placement, never the close
        log.warning("window geometry not saved to %s: %s", path, exc)


def _load(path: Path | None) -> dict[str, object]:
    if path is None:
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("window geometry file %s unreadable, using defaults: %s", path, exc)
        return {}
    return raw if isinstance(raw, dict) else {}


def natural_size(dialog: QWidget) -> None:
    """Open `dialog` at the size its contents ask for, within the screen. Qt sizes a new window to at
    most two thirds of the screen: a two-column dialog (the producer with its Mẫu 02 facts, ~950 pixels)
    would open squeezed on a 1366×768 laptop."""
    screen = dialog.screen().availableGeometry()
    want = dialog.sizeHint()
    dialog.resize(
        min(want.width(), int(screen.width() * 0.95)), min(want.height(), int(screen.height() * 0.9))
    )
