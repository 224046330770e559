"""What UI tests share: messages recorded instead of shown (with a check
that no window or background job is left behind), typing Vietnamese without QTest (whose
keyClicks aborts the process on non-ASCII text), and waiting for background jobs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.kit.tasks import running, wait_for_tasks


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
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


class Files:
    """What the file dialogs answer (consumed in order); with nothing queued the dialog counts as
    cancelled, so a real, modal file dialog never opens in a test."""

    def __init__(self) -> None:
        self.open_next: list[Path] = []
        self.save_next: list[Path] = []
        self.asked_save: list[str] = []

    def open(self, _parent: object) -> Path | None:
        return self.open_next.pop(0) if self.open_next else None

    def save(self, _parent: object, suggested: str) -> Path | None:
        self.asked_save.append(suggested)
        return self.save_next.pop(0) if self.save_next else None


def answer_file_dialogs(monkeypatch: pytest.MonkeyPatch) -> Files:
    """Body of an autouse `files` fixture: the package file dialogs answer from a `Files` queue."""
    from ocop_desktop.ui.sync import widgets

    answers = Files()
    monkeypatch.setattr(widgets, "ask_open_package", answers.open)
    monkeypatch.setattr(widgets, "ask_save_package", answers.save)
    return answers


def finish_tasks(qtbot: QtBot, timeout_ms: int = 20_000) -> None:
    """Wait until every background job (a save, a load, a lifecycle action) has ended and its
    result reached the widgets."""
    qtbot.waitUntil(lambda: running() == 0, timeout=timeout_ms)
