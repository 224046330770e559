"""UI test fixtures: a configured QApplication, messages recorded instead of shown, no leaked
windows, and typing Vietnamese without QTest (whose keyClicks aborts on non-ASCII text)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ocop_desktop.ui import errors
from ocop_desktop.ui.app import configure_application
from ocop_desktop.ui.i18n import install_language
from ocop_desktop.ui.tasks import wait_for_tasks


@pytest.fixture(scope="session", autouse=True)
def _configured_app(qapp: QApplication) -> QApplication:
    return configure_application(qapp)


@pytest.fixture(autouse=True)
def messages(qapp: QApplication) -> Iterator[errors.RecordingSink]:
    """What would have been shown in message boxes; questions are answered "yes"."""
    sink = errors.RecordingSink()
    previous = errors.install_sink(sink)
    install_language("vi")
    yield sink
    try:
        assert wait_for_tasks(5000), "a background task is still running"
        qapp.processEvents()
        leaked = [w for w in qapp.topLevelWidgets() if w.isVisible()]
        sink.answer = True  # close them without asking anybody
        for widget in leaked:
            widget.close()
        assert not leaked, f"windows left open: {leaked}"
    finally:
        errors.install_sink(previous)
        install_language("vi")


def _type_unicode(widget: QWidget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def type_unicode() -> Callable[[QWidget, str], None]:
    """`type_unicode(widget, "Hợp tác xã")`: key events carrying the characters."""
    return _type_unicode


@pytest.fixture
def ctx(ctx):  # type: ignore[no-untyped-def]
    """The shared `ctx`, closed only after background jobs using it have ended."""
    yield ctx
    wait_for_tasks(5000)


@pytest.fixture
def empty_ctx(empty_ctx):  # type: ignore[no-untyped-def]
    yield empty_ctx
    wait_for_tasks(5000)
