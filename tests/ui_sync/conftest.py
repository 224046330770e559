"""Sync page tests: the UI fixtures of tests/ui (configured QApplication, messages recorded instead of
shown, no leaked windows or jobs), two installations on real SQLite files linked like the sync tests
link them, and file dialogs answered by the test."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "sync"))  # sync_builders (which adds tests/services), package_surgery

_spec = importlib.util.spec_from_file_location("ui_sync_shared_ui_fixtures", TESTS / "ui" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_ui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ui)

_configured_app = _ui._configured_app
messages = _ui.messages
type_unicode_fixture = _ui.type_unicode_fixture

from sync_builders import Pair, link, open_installation  # noqa: E402

from ocop_desktop.ui.sync import widgets  # noqa: E402
from ocop_desktop.ui.kit.tasks import wait_for_tasks  # noqa: E402


@pytest.fixture
def pair(tmp_path: Path, _template_dir: Path) -> Iterator[Pair]:
    commune = open_installation(tmp_path / "commune", _template_dir, "commune", "00070", "Nguyễn Văn An")
    province = open_installation(tmp_path / "province", _template_dir, "province", "01", "Trần Thị Bình")
    folder = tmp_path / "usb"
    folder.mkdir()
    link(commune, province, folder)
    yield Pair(commune, province, folder)
    wait_for_tasks(10_000)
    commune.close()
    province.close()


class Files:
    """What the file dialogs answer: `open_next` / `save_next` are consumed in order; with nothing
    queued the dialog counts as cancelled (a real, modal file dialog never opens in a test)."""

    def __init__(self) -> None:
        self.open_next: list[Path] = []
        self.save_next: list[Path] = []
        self.asked_save: list[str] = []

    def open(self, _parent: object) -> Path | None:
        return self.open_next.pop(0) if self.open_next else None

    def save(self, _parent: object, suggested: str) -> Path | None:
        self.asked_save.append(suggested)
        return self.save_next.pop(0) if self.save_next else None


@pytest.fixture(autouse=True)
def files(monkeypatch: pytest.MonkeyPatch) -> Files:
    answers = Files()
    monkeypatch.setattr(widgets, "ask_open_package", answers.open)
    monkeypatch.setattr(widgets, "ask_save_package", answers.save)
    return answers
