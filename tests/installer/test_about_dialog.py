"""The About dialog (ocop_desktop/ui/shell/about.py): version, data folder and licence notes.

It lives with the installer tests because the notes are what the bundled LGPL/OFL parts
require us to show in the distributed application."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from ocop_desktop import APP_NAME, __version__  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402


@pytest.fixture
def dialog(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.shell.about import AboutDialog

    dlg = AboutDialog(None, paths=AppPaths.for_data_dir(tmp_path / "data"))
    qtbot.addWidget(dlg)
    return dlg


def test_about_shows_name_version_and_data_folder(dialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert APP_NAME in dialog.windowTitle()
    assert dialog.title.text() == APP_NAME
    assert __version__ in dialog.version.text()
    assert dialog.data_dir.text() == str((tmp_path / "data").resolve())
    assert dialog.log_dir.text().endswith("logs")
    assert "không xóa dữ liệu" in dialog.data_note.text()
    assert not dialog.icon.pixmap().isNull(), "resources/icons/ocop-desktop.png is bundled and loads"


def test_about_carries_the_licence_notes(dialog) -> None:  # type: ignore[no-untyped-def]
    text = dialog.licences.text()
    for needle in (
        "MIT",
        "LGPL",
        "SIL Open Font License 1.1",
        "Be Vietnam Pro",
        "Liberation Serif",
        "PySide6",
    ):
        assert needle in text


def test_about_defaults_to_the_environment_data_dir(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.shell.about import AboutDialog

    monkeypatch.setenv("OCOP_DESKTOP_DATA_DIR", str(tmp_path / "env-data"))
    dlg = AboutDialog()
    qtbot.addWidget(dlg)
    assert dlg.data_dir.text() == str((tmp_path / "env-data").resolve())
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.buttons.rejected.emit()
    assert not dlg.isVisible()
