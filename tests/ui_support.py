"""What every UI test folder's conftest shares: messages recorded instead of shown (with a check
that no window or background job is left behind), and typing Vietnamese without QTest (whose
keyClicks aborts the process on non-ASCII text)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.kit.tasks import wait_for_tasks


def recorded_messages(qapp: QApplication, *, wait_ms: int) -> Iterator[errors.RecordingSink]:
    """Body of an autouse `messages` fixture: questions are answered "yes"; after the test, every
    background job must end within `wait_ms` and no window may be left open."""
    sink = errors.RecordingSink()
    previous = errors.install_sink(sink)
    install_language("vi")
    yield sink
    try:
        assert wait_for_tasks(wait_ms), "a background task is still running"
        qapp.processEvents()
        leaked = [w for w in qapp.topLevelWidgets() if w.isVisible()]
        sink.answer = True  # close them without asking anybody
        for widget in leaked:
            widget.close()
        assert not leaked, f"windows left open: {leaked}"
    finally:
        errors.install_sink(previous)
        install_language("vi")


def type_unicode(widget: QWidget, text: str) -> None:
    """Key events carrying the characters: `type_unicode(widget, "Hợp tác xã")`."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
