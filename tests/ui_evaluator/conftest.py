"""Evaluator workspace tests: the UI fixtures of tests/ui (configured QApplication, messages
recorded instead of shown, no leaked windows or jobs) and the province + evaluator laptop of
tests/sync_evaluator, each on its own data folder."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
for folder in ("sync_evaluator", "province", "sync"):
    sys.path.insert(0, str(TESTS / folder))

_spec = importlib.util.spec_from_file_location("ui_evaluator_shared_ui_fixtures", TESTS / "ui" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_ui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ui)

_configured_app = _ui._configured_app
messages = _ui.messages
type_unicode_fixture = _ui.type_unicode_fixture

from evaluator_builders import Offices, make_offices  # noqa: E402

from ocop_desktop.ui.kit.tasks import wait_for_tasks  # noqa: E402


@pytest.fixture
def offices(tmp_path: Path, _template_dir: Path) -> Iterator[Offices]:
    made = make_offices(tmp_path, _template_dir)
    yield made
    wait_for_tasks(10_000)
    made.close()
