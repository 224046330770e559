"""The Qt binding must not lose references to None or True (PySide6 6.12.0 did: one per void
call and one per emit, which aborts the interpreter after a few thousand calls in a session).
pyproject excludes that release; this test catches the next one that does the same."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel


class _Probe(QObject):
    ping = Signal()


def test_void_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(500):
        timer.stop()
        label.setText("Hồ sơ")
    assert before - sys.getrefcount(None) < 50


def test_emits_keep_true_alive() -> None:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(500):
        probe.ping.emit()
    assert before - sys.getrefcount(True) < 50
