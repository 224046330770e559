"""The faster PySide6 import-hook check answers as PySide6's own does."""

from __future__ import annotations

import json
import sys

import sqlalchemy

from ocop_desktop.ui.kit import qt_workarounds
from ocop_desktop.ui.shell import main_window


def test_feature_check_gives_the_same_answers() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert qt_workarounds.faster_feature_check()
    fast = feature._mod_uses_pyside
    assert getattr(fast, "ocop_fast", False)
    assert qt_workarounds.faster_feature_check()  # idempotent: not wrapped twice
    assert feature._mod_uses_pyside is fast
    assert fast(main_window) is True  # imports PySide6
    assert fast(qt_workarounds) is True
    assert fast(json) is False
    assert fast(sqlalchemy) is False
    assert fast(sys) is False  # built in: no source
