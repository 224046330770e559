"""How the score-sheet editor builds: the first criteria at once and the rest over the next turns of
the event loop (with the state shown so far applied to them), the whole sheet at once for anything
that asks for it, and `open()` re-filling the same editor with another member's sheet."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.ui.scoring import MemoryStore, ScoreSheetEditor, SheetData
from ocop_desktop.ui.scoring.sheet_view import FIRST_CARDS, SheetView


def sheet_of(n: int) -> Sheet:
    return RuleService().sheet(n)


@pytest.fixture
def editors(qtbot: QtBot) -> Iterator[list[ScoreSheetEditor]]:
    made: list[ScoreSheetEditor] = []
    yield made
    for editor in made:
        editor.close()


def shown(qtbot: QtBot, editors: list[ScoreSheetEditor], store: MemoryStore) -> ScoreSheetEditor:
    editor = ScoreSheetEditor(store, autosave_ms=60_000)
    qtbot.addWidget(editor)
    editors.append(editor)
    editor.resize(1280, 900)
    editor.show()
    return editor


def building_view(editor: ScoreSheetEditor) -> SheetView:
    view = editor.scroll.widget()
    assert isinstance(view, SheetView)
    return view


def test_the_rest_of_the_sheet_is_built_after_the_first_screen_with_the_state_shown(
    qtbot: QtBot, editors: list[ScoreSheetEditor]
) -> None:
    sheet = sheet_of(1)
    last = sheet.leaves()[-1]
    store = MemoryStore(
        SheetData(
            sheet, answers={last.code: 1}, notes={last.code: "ghi chú cuối"}, opinion="Ý kiến", editable=False
        )
    )
    editor = shown(qtbot, editors, store)
    view = building_view(editor)
    assert view.pending and len(view.cards) == FIRST_CARDS and view.opinion is None
    with qtbot.waitSignal(view.completed, timeout=5000):
        pass
    assert not view.pending and [c.code for c in view.cards] == [leaf.code for leaf in sheet.leaves()]
    card = view.card_by_code[last.code]  # built after the editor showed the state: shows it too
    assert [b.option.index for b in card.options if b.isChecked()] == [1]
    assert card.note_edit.text() == "ghi chú cuối" and card.note_edit.isReadOnly()
    assert card.line.value.startswith(f"{editor.result.points[last.code]}/")
    assert view.opinion is not None and view.opinion.toPlainText() == "Ý kiến" and view.opinion.isReadOnly()
    assert view.part_headers["C"].line.value == f"{editor.result.parts['C']}/{sheet.parts[-1].max}"


def test_asking_for_a_criterion_not_built_yet_builds_the_rest_at_once(
    qtbot: QtBot, editors: list[ScoreSheetEditor]
) -> None:
    sheet = sheet_of(11)
    editor = shown(qtbot, editors, MemoryStore(SheetData(sheet)))
    last = sheet.leaves()[-1].code
    assert building_view(editor).pending
    assert editor.set_answer(last, 0)  # programmatic edits reach every criterion
    assert not building_view(editor).pending and editor.answers() == {last: 0}
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    assert editor.focus_criterion(last) and QApplication.focusWidget() is editor.card_by_code[last]


def test_an_unanswered_criterion_further_down_gets_the_focus_once_built(
    qtbot: QtBot, editors: list[ScoreSheetEditor]
) -> None:
    sheet = sheet_of(13)
    leaves = sheet.leaves()
    answers = {leaf.code: 0 for leaf in leaves[:-1]}  # only the last criterion is left
    editor = shown(qtbot, editors, MemoryStore(SheetData(sheet, answers=answers)))
    editor.activateWindow()
    qtbot.waitUntil(lambda: editor.current_code() == leaves[-1].code, timeout=5000)


def test_open_refills_the_same_widgets_after_saving_what_was_typed(
    qtbot: QtBot, editors: list[ScoreSheetEditor]
) -> None:
    sheet = sheet_of(13)
    first, second = (
        MemoryStore(SheetData(sheet)),
        MemoryStore(SheetData(sheet, answers={"1.2": 1}, notes={"1.2": "của thành viên 2"})),
    )
    editor = shown(qtbot, editors, first)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    cards = list(editor.cards)
    editor.set_answer("1.1", 2)
    editor.open(second)
    assert first.saves == 1 and first.data.answers == {"1.1": 2}  # typed into the first sheet: kept there
    assert editor.cards == cards  # same set: the widgets are re-filled, not rebuilt
    assert editor.answers() == {"1.2": 1} and not editor.dirty
    assert [b.isChecked() for b in editor.card_by_code["1.1"].options] == [False] * len(cards[0].options)
    assert editor.card_by_code["1.2"].note_edit.text() == "của thành viên 2"
    qtbot.waitUntil(lambda: editor.current_code() == "1.1")  # the first unanswered criterion of the new sheet
    editor.set_answer("1.3", 0)
    assert editor.flush() and second.data.answers == {"1.2": 1, "1.3": 0} and first.saves == 1

    other = sheet_of(11)
    editor.open(MemoryStore(SheetData(other)))  # another set: built anew
    assert [c.code for c in editor.cards] == [leaf.code for leaf in other.leaves()]
    assert editor.sheet is other and editor.answers() == {}
