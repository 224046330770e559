"""Translations: the committed .qm matches the .ts, the .ts knows every UI string, and
switching language retranslates what is on screen and is remembered."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ocop_desktop.paths import resource
from ocop_desktop.ui.kit.i18n import current_language, install_language
from ocop_desktop.ui.kit.settings import UiSettings, load_settings, save_settings
from ocop_desktop.ui.shell.app import build_main_window

TS = resource("translations/ocop_desktop_en.ts")
QM = resource("translations/ocop_desktop_en.qm")
UI_SOURCES = Path(__file__).resolve().parents[3] / "ocop_desktop" / "ui"


def _tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    if not path.exists():
        pytest.skip(f"{name} not installed")
    return str(path)


def _ui_sources() -> list[str]:
    """The committed UI modules (a shared working tree may hold someone's unfinished ones)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "*.py"], cwd=UI_SOURCES, capture_output=True, text=True, check=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return [str(UI_SOURCES)]
    return [str(UI_SOURCES / name) for name in listed] or [str(UI_SOURCES)]


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "") for c in root for m in c.findall("message")
    }


def test_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    out = tmp_path / "en.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease (see resources/translations/README.md)"


def test_ts_knows_every_string_of_the_ui_and_translates_it(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-extensions",
            "py",
            "-locations",
            "none",
            "-no-obsolete",
            *_ui_sources(),
            "-ts",
            str(fresh),
        ],
        check=True,
    )
    assert _messages(fresh) == _messages(TS), "run pyside6-lupdate (see resources/translations/README.md)"
    unfinished = [
        m.findtext("source")
        for c in ET.parse(TS).getroot()
        for m in c.findall("message")
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == []


def test_switching_language_retranslates_and_is_remembered(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    producers = window.show_page("producers")
    settings = window.show_page("settings")
    assert window.nav.item(0).text() == "Tổng quan"
    settings.language.setCurrentIndex(settings.language.findData("en"))
    settings.language.activated.emit(settings.language.currentIndex())
    assert current_language() == "en"
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Overview")  # LanguageChange is an event
    assert settings.language_box.title() == "Interface language"
    assert producers.new_button.text() == "Add producer"
    assert producers.model.headerData(0, Qt.Orientation.Horizontal) == "Producer"
    assert load_settings(ctx.paths.settings_path).language == "en"
    install_language("vi")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Tổng quan")
    assert producers.count_label.text() == "Chưa có chủ thể nào. Bấm “Thêm chủ thể” (Ctrl+N) để bắt đầu."


def test_settings_file_round_trip_and_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == UiSettings()
    save_settings(path, UiSettings(language="en"))
    assert load_settings(path).language == "en"
    save_settings(path, UiSettings())
    assert path.read_text(encoding="utf-8").strip() == "{}"  # only what differs from defaults
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == UiSettings()
    path.write_text('{"language": "fr"}', encoding="utf-8")
    assert load_settings(path).language == "vi"
