"""Score-sheet editor tests share the UI fixtures of tests/ui (configured QApplication, messages
recorded instead of shown and no leaked windows, `type_unicode` for Vietnamese: QTest's keyClicks
aborts on non-ASCII text) and the dossier builders of tests/services."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "services"))  # test_dossier_walk: make_product, pdf_file, TODAY

_spec = importlib.util.spec_from_file_location("ui_scoring_shared_ui_fixtures", TESTS / "ui" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_ui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ui)

_configured_app = _ui._configured_app
messages = _ui.messages
type_unicode_fixture = _ui.type_unicode_fixture
