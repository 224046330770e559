"""The score-sheet editor tests' fixture: editors opened at 1280×900, closed after the test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from helpers.scoring_ui import Open
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.scoring import ScoreSheetEditor, SheetStore


@pytest.fixture
def open_editor(qtbot: QtBot, ctx: AppContext) -> Iterator[Open]:
    """Opens editors shown at 1280×900 and closes them (saving what is pending) before the store closes."""
    made: list[ScoreSheetEditor] = []

    def make(store: SheetStore, **kwargs: object) -> ScoreSheetEditor:
        editor = ScoreSheetEditor(store, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(editor)
        editor.resize(1280, 900)
        editor.show()
        qtbot.waitExposed(editor)
        made.append(editor)
        return editor

    yield make
    for editor in made:
        editor.close()
