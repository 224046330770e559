"""Score-sheet editor tests: a configured QApplication, messages recorded instead of shown, Vietnamese
typed without QTest (whose keyClicks aborts on non-ASCII text), and editors closed before the store."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ocop_desktop.ui import errors
from ocop_desktop.ui.app import configure_application
from ocop_desktop.ui.i18n import install_language

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the dossier builders


@pytest.fixture(scope="session", autouse=True)
def _configured_app(qapp: QApplication) -> QApplication:
    return configure_application(qapp)


@pytest.fixture(autouse=True)
def messages(qapp: QApplication) -> Iterator[errors.RecordingSink]:
    sink = errors.RecordingSink()
    previous = errors.install_sink(sink)
    install_language("vi")
    yield sink
    errors.install_sink(previous)
    install_language("vi")


def _type_unicode(widget: QWidget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def type_unicode() -> Callable[[QWidget, str], None]:
    return _type_unicode
