"""The GUI start shows the window before the store is open, then attaches it; what the first
frame does not need (error dialogs, the other font faces) is loaded after the window shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from ocop_desktop.ui.shell.main_window import MainWindow
from ocop_desktop.ui.shell.startup import READY_ENV, peek_office

ROOT = Path(__file__).resolve().parents[3]

# Imported by the GUI start only after the window shows (PySide6 builds Python enums for every
# Qt class it touches; the Qt namespace alone costs ~18 ms).
FIRST_FRAME_PROBE = """
import gc, os, sys
from ocop_desktop.main import main
code = main(["--data-dir", sys.argv[1]])
print("FROZEN", gc.get_freeze_count())
print("MODULES", " ".join(sorted(m for m in sys.modules if m.startswith("ocop_desktop"))))
sys.exit(code)
"""


def _start(data_dir: Path, stage: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", READY_ENV: stage, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.sqlite_only  # the quick look reads the SQLite file (a server desk skips it)
def test_window_shows_before_the_store_then_the_page_loads(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    name = peek_office(ctx.paths.db_path)
    assert name == "UBND Phường Hoàn Kiếm"
    window = MainWindow(office_name=name)
    qtbot.addWidget(window)
    window.show()
    shown = window.show_page("products")  # asked for before the store is attached: remembered
    assert isinstance(shown, QLabel) and shown.text() == "Đang mở dữ liệu…"
    assert shown.isVisible() and window.windowTitle().endswith(name)
    window.attach(ctx)
    assert window.current_page_name() == "products"
    qtbot.waitUntil(lambda: window.summary_task is None)  # the office is read in the background
    assert "UBND cấp xã" in window.office_label.text()


def test_a_real_start_reports_shown_then_loaded(ctx) -> None:  # type: ignore[no-untyped-def]
    data_dir = ctx.paths.db_path.parent
    ctx.close()
    shown = _start(data_dir, "shown")
    assert shown.returncode == 0, shown.stderr
    assert "READY shown" in shown.stdout
    loaded = _start(data_dir, "loaded")
    assert loaded.returncode == 0, loaded.stderr
    assert "READY loaded" in loaded.stdout
    assert int(loaded.stdout.split("FROZEN", 1)[1].split()[0]) > 10_000  # the start-up heap is set aside
    modules = loaded.stdout.split("MODULES", 1)[1].split()
    assert "ocop_desktop.ui.kit.errors" in modules and "ocop_desktop.services.core.context" in modules


def test_an_unreadable_store_is_not_peeked(tmp_path: Path) -> None:
    bad = tmp_path / "ocop.sqlite3"
    bad.write_bytes(b"not a database")
    assert peek_office(bad) is None
    assert peek_office(tmp_path / "missing.sqlite3") is None


@pytest.mark.sqlite_only  # starts from a desk on its file, then names a server
def test_a_desk_on_a_server_does_not_peek_at_a_left_over_file(ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.paths import DATABASE_CHOICE_FILENAME, DATABASE_ENV

    monkeypatch.setenv(DATABASE_ENV, "")
    assert peek_office(ctx.paths.db_path) == "UBND Phường Hoàn Kiếm"
    (ctx.paths.data_dir / DATABASE_CHOICE_FILENAME).write_text(
        '{"url": "postgresql://h/ocop"}', encoding="utf-8"
    )
    assert peek_office(ctx.paths.db_path) is None  # the office lives on the server: opened the slow way
