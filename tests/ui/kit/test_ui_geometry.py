"""Windows fit the screen they open on and reopen as they were closed (issue 15: 1366×768 laptops)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ocop_desktop.ui.kit.geometry import open_window, remember


def _window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    return window


def test_a_window_too_large_for_the_screen_opens_maximised_and_one_that_fits_at_its_size(
    qtbot: QtBot, tmp_path: Path
) -> None:
    free = QGuiApplication.primaryScreen().availableGeometry()
    big = _window(qtbot)
    open_window(big, tmp_path / "windows.json", "main", (free.width() + 200, free.height() + 100))
    assert big.isVisible() and big.isMaximized()
    small = _window(qtbot)
    open_window(small, tmp_path / "windows.json", "main", (free.width() // 2, free.height() // 2))
    assert small.isVisible() and not small.isMaximized()
    assert (small.width(), small.height()) == (free.width() // 2, free.height() // 2)


def test_a_window_reopens_with_the_size_it_was_closed_with(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "windows.json"
    first = _window(qtbot)
    open_window(first, path, "dossier", (400, 300))
    first.resize(520, 340)
    remember(first, path, "dossier")
    assert set(json.loads(path.read_text(encoding="utf-8"))) == {"dossier"}
    again = _window(qtbot)
    open_window(again, path, "dossier", (400, 300))
    assert (again.width(), again.height()) == (520, 340)
    other = _window(qtbot)  # another key keeps its own default
    open_window(other, path, "main", (410, 310))
    assert (other.width(), other.height()) == (410, 310)


def test_an_unreadable_file_means_the_default_placement(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "windows.json"
    for junk in (
        b"{not json",
        b"[1, 2]",
        json.dumps({"main": "%%%"}).encode(),
        json.dumps({"main": 5}).encode(),
    ):
        path.write_bytes(junk)
        window = _window(qtbot)
        open_window(window, path, "main", (400, 300))
        assert (window.width(), window.height()) == (400, 300)
    remember(window, tmp_path / "missing-folder" / "windows.json", "main")  # no folder: logged, no error
