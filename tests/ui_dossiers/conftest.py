"""Dossier UI tests: a configured QApplication, messages recorded instead of shown, Vietnamese
typed without QTest (its keyClicks aborts on non-ASCII text), the service test builders, and no
window or background job left behind."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.shell.app import configure_application
from ocop_desktop.ui.kit import system_open
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.kit.tasks import wait_for_tasks
from ui_support import recorded_messages, type_unicode

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the dossier builders


@pytest.fixture(scope="session", autouse=True)
def _configured_app(qapp: QApplication) -> QApplication:
    return configure_application(qapp)


@pytest.fixture(autouse=True)
def messages(qapp: QApplication) -> Iterator[errors.RecordingSink]:
    """What would have been shown in message boxes; questions are answered "yes"."""
    yield from recorded_messages(qapp, wait_ms=10_000)


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


@pytest.fixture(name="type_unicode")
def type_unicode_fixture() -> Callable[[QWidget, str], None]:
    return type_unicode


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

