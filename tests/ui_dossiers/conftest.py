"""Dossier UI tests: a configured QApplication, messages recorded instead of shown, Vietnamese
typed without QTest (its keyClicks aborts on non-ASCII text), the service test builders, and no
window or background job left behind."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from ocop_desktop.ui import errors
from ocop_desktop.ui.app import configure_application
from ocop_desktop.ui.dossiers import system_open
from ocop_desktop.ui.i18n import install_language
from ocop_desktop.ui.tasks import wait_for_tasks

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
    try:
        assert wait_for_tasks(10_000), "a background task is still running"
        qapp.processEvents()
        leaked = [w for w in qapp.topLevelWidgets() if w.isVisible()]
        sink.answer = True
        for widget in leaked:
            widget.close()
        assert not leaked, f"windows left open: {leaked}"
    finally:
        errors.install_sink(previous)
        install_language("vi")


@pytest.fixture(autouse=True)
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files handed to the system viewer (nothing is launched in tests)."""
    paths: list[Path] = []
    monkeypatch.setattr(system_open, "open_path", lambda path: paths.append(Path(path)) or True)
    return paths


@pytest.fixture
def ctx(ctx):  # type: ignore[no-untyped-def]
    yield ctx
    wait_for_tasks(10_000)


def _type_unicode(widget: QWidget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def type_unicode() -> Callable[[QWidget, str], None]:
    return _type_unicode


@pytest.fixture
def choose(qtbot):  # type: ignore[no-untyped-def]
    """choose(combo, data): pick an item with the keyboard, as a person would."""
    def pick(combo: QComboBox, data: object) -> None:
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(combo.count()):
            if combo.currentData() == data:
                return
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentData() == data, f"{data!r} is not in the list"
    return pick

