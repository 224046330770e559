"""Evaluation page tests: the UI fixtures of tests/ui (configured QApplication, messages recorded
instead of shown, no leaked windows or jobs), the province builders, and PDFs "opened" into a list
instead of a window."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "province"))  # province_builders
sys.path.insert(0, str(TESTS / "services"))  # test_dossier_walk
sys.path.insert(0, str(TESTS / "sync"))  # sync_builders
sys.path.insert(0, str(TESTS / "sync_evaluator"))  # evaluator_builders

_spec = importlib.util.spec_from_file_location("ui_evaluation_shared_ui_fixtures", TESTS / "ui" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_ui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ui)

_configured_app = _ui._configured_app
messages = _ui.messages
type_unicode_fixture = _ui.type_unicode_fixture
ctx = _ui.ctx
empty_ctx = _ui.empty_ctx


@pytest.fixture(autouse=True)
def opened_pdfs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str]]:
    """PDFs the page would show in the print preview: (path, title)."""
    from ocop_desktop.ui.province import printing

    shown: list[tuple[Path, str]] = []

    def record(_parent: Any, path: Path, title: str, _suggested: str) -> None:
        shown.append((Path(path), title))

    monkeypatch.setattr(printing, "open_pdf", record)
    return shown


class Files:
    """What the file dialogs answer (consumed in order); with nothing queued the dialog counts as
    cancelled, so a real, modal file dialog never opens in a test."""

    def __init__(self) -> None:
        self.open_next: list[Path] = []
        self.save_next: list[Path] = []

    def open(self, _parent: object) -> Path | None:
        return self.open_next.pop(0) if self.open_next else None

    def save(self, _parent: object, _suggested: str) -> Path | None:
        return self.save_next.pop(0) if self.save_next else None


@pytest.fixture(autouse=True)
def files(monkeypatch: pytest.MonkeyPatch) -> Files:
    from ocop_desktop.ui.sync import widgets

    answers = Files()
    monkeypatch.setattr(widgets, "ask_open_package", answers.open)
    monkeypatch.setattr(widgets, "ask_save_package", answers.save)
    return answers
