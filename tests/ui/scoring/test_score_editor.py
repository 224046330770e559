"""The score-sheet editor: the whole sheet of every set, live totals from the engine, keyboard,
5.2 without a story, tourism cases, knock-outs and stops, the interface language. (Saving and
evidence links: test_score_editor_saving.py.)"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helpers.scoring_ui import Open, activate, checked, click, sheet_of, tick
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.ui.kit.errors import RecordingSink
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.scoring import MemoryStore, SheetData
from ocop_desktop.ui.scoring.summary import NEXT_UNANSWERED

# -- the whole sheet ----------------------------------------------------------------------------


@pytest.mark.parametrize("number", range(1, 27))
def test_every_sheet_builds_with_all_its_leaves_options_and_markers(open_editor: Open, number: int) -> None:
    sheet = sheet_of(number)
    editor = open_editor(MemoryStore(SheetData(sheet)))
    leaves = sheet.leaves()
    assert [c.code for c in editor.cards] == [leaf.code for leaf in leaves]  # printed order
    for leaf in leaves:
        buttons = editor.card_by_code[leaf.code].options
        assert [b.text() for b in buttons] == [o.label for o in leaf.options]  # verbatim
        assert [b._marker for b in buttons] == ["*" * o.star if o.star else "" for o in leaf.options]
    assert set(editor.view.part_headers) == {"A", "B", "C"}
    assert editor.view.part_headers["A"].line.title.startswith("PHẦN A: ")
    assert editor.view.part_headers["A"].line.title.endswith("(40 điểm)")
    parents = [c.code for _, _, c, _ in sheet.walk() if not c.is_leaf]
    assert [p.criterion.code for p in editor.view.parent_cards] == parents
    assert set(editor.knockout_boxes) == {k.id for k in sheet.knockouts}
    assert editor.stop_boxes.keys() == {s.id for s in sheet.stops if s.trigger == "flag"}
    assert editor.summary.total.text() == "0/100"


def test_tea_sub_criteria_are_indented_under_their_parent(open_editor: Open) -> None:
    editor = open_editor(MemoryStore(SheetData(sheet_of(11))))
    assert "6.1.1" in editor.card_by_code and "6.1" not in editor.card_by_code
    assert editor.card_by_code["6.1.1"].indent > editor.card_by_code["5.3"].indent


# -- live totals from the engine --------------------------------------------------------------


@pytest.mark.parametrize("number", [1, 11, 16, 19, 26])
def test_clicking_options_updates_totals_and_star_exactly_as_the_engine(
    qtbot: QtBot, open_editor: Open, number: int
) -> None:
    sheet = sheet_of(number)
    editor = open_editor(MemoryStore(SheetData(sheet)), autosave_ms=60_000)
    rng = random.Random(number)
    answers: dict[str, int] = {}
    case = rng.randrange(2)  # a tourism sheet is answered in one alternative case
    for leaf in sheet.leaves() * 2:
        if rng.random() < 0.2:
            continue
        index = rng.choice(leaf.choices(case))
        click(qtbot, editor, leaf.code, index)
        card = editor.card_by_code[leaf.code]
        if card.applicable:
            answers[leaf.code] = index
        expected = score(sheet, answers, partial=True)
        got = editor.result
        assert (got.parts, got.groups, got.total, got.band_star, got.star, got.unanswered) == (
            expected.parts,
            expected.groups,
            expected.total,
            expected.band_star,
            expected.star,
            expected.unanswered,
        )
    expected = score(sheet, answers, partial=True)
    summary = editor.summary
    for part in sheet.parts:
        assert summary.part_rows[part.code][2].text() == f"{expected.parts[part.code]}/{part.max}"
        assert editor.view.part_headers[part.code].line.value == f"{expected.parts[part.code]}/{part.max}"
    assert summary.total.text() == f"{expected.total}/100"
    assert f"hạng {expected.band_star} sao" in summary.band.text()
    if expected.eliminated:
        assert summary.star.text() == "Bị loại"
    else:
        assert f"{expected.star} sao" in summary.star.text()
    if expected.unanswered:
        assert f"Còn {len(expected.unanswered)} tiêu chí chưa chấm" in summary.unanswered.text()
    assert editor.answers() == answers


def test_blocking_floors_are_listed_and_jump_to_the_criterion(qtbot: QtBot, open_editor: Open) -> None:
    sheet = sheet_of(1)
    best = {leaf.code: len(leaf.options) - 1 for leaf in sheet.leaves()}
    answers = dict(best, **{"2.2": 0})  # 2.2 is a 3★ floor: the product falls to 2★ though it has 97 points
    editor = open_editor(MemoryStore(SheetData(sheet, answers=answers)), autosave_ms=60_000)
    assert editor.result.star == 2 and editor.result.total == 97
    assert "2.2&nbsp;(***)" in editor.summary.next.text()
    editor.summary.next.linkActivated.emit("goto:2.2")
    assert editor.current_code() == "2.2"
    assert editor.card_by_code["2.2"].current
    click(qtbot, editor, "2.2", 2)
    assert editor.result.star == 5
    assert "Đã đạt hạng cao nhất" in editor.summary.next.text()


def test_unanswered_link_and_shortcuts_go_to_the_next_unanswered(qtbot: QtBot, open_editor: Open) -> None:
    sheet = sheet_of(1)
    answers = {leaf.code: 0 for leaf in sheet.leaves() if leaf.code not in ("1.4", "3.2")}
    editor = open_editor(MemoryStore(SheetData(sheet, answers=answers)), autosave_ms=60_000)
    editor.focus_criterion("1.1")
    editor.summary.unanswered.linkActivated.emit(NEXT_UNANSWERED)
    assert editor.current_code() == "1.4"
    activate(qtbot, editor)
    editor.focus_criterion("1.4")
    qtbot.keyClick(editor.card_by_code["1.4"], Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_code() == "3.2"
    assert QApplication.focusWidget() is editor.card_by_code["3.2"]


# -- keyboard -----------------------------------------------------------------------------------


def test_digits_choose_options_and_arrows_pages_move_between_criteria(
    qtbot: QtBot, open_editor: Open
) -> None:
    sheet = sheet_of(11)
    editor = open_editor(MemoryStore(SheetData(sheet)), autosave_ms=60_000)
    activate(qtbot, editor)
    editor.focus_criterion("1.1")
    card = editor.card_by_code["1.1"]
    assert QApplication.focusWidget() is card and card.current
    qtbot.keyClick(card, Qt.Key.Key_2)
    assert editor.answers()["1.1"] == 1 and checked(editor, "1.1") == [1]
    qtbot.keyClick(card, Qt.Key.Key_9)  # no 9th option: ignored
    assert editor.answers()["1.1"] == 1
    qtbot.keyClick(card, Qt.Key.Key_0)  # clears
    assert "1.1" not in editor.answers() and checked(editor, "1.1") == []
    qtbot.keyClick(card, Qt.Key.Key_3, Qt.KeyboardModifier.KeypadModifier)
    assert editor.answers()["1.1"] == 2

    qtbot.keyClick(card, Qt.Key.Key_Down)
    assert editor.current_code() == "1.2" and QApplication.focusWidget() is editor.card_by_code["1.2"]
    assert not card.current
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert editor.current_code() == "1.1"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert editor.current_code() == "2.1"  # first criterion of group 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert editor.current_code() == "3.1"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp)  # back to the start of its group
    assert editor.current_code() == "3.1"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp)
    assert editor.current_code() == "2.1"

    editor.focus_criterion("5.3")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # the parent 6.1 takes no answer
    assert editor.current_code() == "6.1.1"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert editor.current_code() == sheet.leaves()[-1].code
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home)
    assert editor.current_code() == "1.1"

    click(qtbot, editor, "2.2", 1)  # a click puts the keyboard on that criterion
    assert QApplication.focusWidget() is editor.card_by_code["2.2"] and editor.current_code() == "2.2"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert editor.answers()["2.2"] == 2

    # arrows also leave the notes field; digits typed there are text
    note = editor.card_by_code["1.1"].note_edit
    note.setFocus()
    qtbot.keyClicks(note, "12")
    assert note.text() == "12" and editor.answers()["1.1"] == 2
    qtbot.keyClick(note, Qt.Key.Key_Down)
    assert editor.current_code() == "1.2"


def test_the_focused_criterion_is_scrolled_into_view(qtbot: QtBot, open_editor: Open) -> None:
    editor = open_editor(MemoryStore(SheetData(sheet_of(1))), autosave_ms=60_000)
    last = editor.cards[-1]
    editor.focus_criterion(last.code)
    qtbot.wait(10)
    viewport = editor.scroll.viewport()
    top_left = last.mapTo(viewport, last.rect().topLeft())
    assert 0 <= top_left.y() < viewport.height()


# -- rules shown in the form -----------------------------------------------------------------


def test_52_is_disabled_without_a_product_story(qtbot: QtBot, open_editor: Open) -> None:
    editor = open_editor(MemoryStore(SheetData(sheet_of(1))), autosave_ms=60_000)
    card = editor.card_by_code["5.2"]
    assert not card.applicable  # 5.1 not answered yet: 5.2 does not count
    click(qtbot, editor, "5.1", 0)  # "Không có câu chuyện sản phẩm"
    assert not card.applicable and not card.options[0].isEnabled()
    assert card.not_applicable.isVisible() and "chưa có câu chuyện" in card.not_applicable.text()
    assert not editor.set_answer("5.2", 2)
    click(qtbot, editor, "5.2", 2)
    assert "5.2" not in editor.answers() and checked(editor, "5.2") == []
    assert "5.2" not in editor.result.unanswered

    click(qtbot, editor, "5.1", 2)
    assert card.applicable and card.options[0].isEnabled() and not card.not_applicable.isVisible()
    click(qtbot, editor, "5.2", 2)
    assert editor.result.points["5.2"] == 2 and editor.result.groups["5"] == 4
    click(qtbot, editor, "5.1", 0)  # the story goes: the old answer is kept but scores 0
    assert editor.answers()["5.2"] == 2 and editor.result.points["5.2"] == 0
    assert card.line.value.startswith("–/2")


def test_tourism_cases_are_mutually_exclusive(qtbot: QtBot, open_editor: Open) -> None:
    sheet = sheet_of(26)
    editor = open_editor(MemoryStore(SheetData(sheet)), autosave_ms=60_000)
    for code in ("8", "9", "15"):
        card = editor.card_by_code[code]
        assert [label.text().split(":")[0] for label in card.case_labels] == ["Trường hợp 1", "Trường hợp 2"]
    click(qtbot, editor, "8", 1)  # case 1, 3 points
    assert checked(editor, "8") == [1] and editor.result.cases["8"] == 0 and editor.result.points["8"] == 3
    click(qtbot, editor, "8", 2)  # case 2, 1 point: the case-1 choice goes
    assert checked(editor, "8") == [2] and editor.result.cases["8"] == 1 and editor.result.points["8"] == 1
    editor.focus_criterion("8")
    qtbot.keyClick(editor.card_by_code["8"], Qt.Key.Key_4)  # digits run across the cases
    assert checked(editor, "8") == [3] and editor.result.cases["8"] == 1
    assert editor.answers() == {"8": 3}


def test_one_tourism_case_for_the_whole_sheet(
    qtbot: QtBot, open_editor: Open, messages: RecordingSink
) -> None:
    editor = open_editor(MemoryStore(SheetData(sheet_of(26))), autosave_ms=60_000)
    click(qtbot, editor, "8", 2)  # 8 in case 2 ("Điểm dịch vụ du lịch")
    click(qtbot, editor, "9", 0)  # 9 in case 1: refused, and the evaluator is told why and what to do
    assert checked(editor, "9") == [] and editor.answers() == {"8": 2}
    [warning] = messages.texts("warn")
    assert "Tiêu chí 8 đã chấm theo Trường hợp 2 (Điểm dịch vụ du lịch)" in warning
    assert "bỏ chọn tiêu chí 8 (phím 0)" in warning
    assert not editor.set_answer("15", 1) and "15" not in editor.answers()  # case 1 again
    click(qtbot, editor, "9", 3)  # the same case is taken
    assert editor.answers() == {"8": 2, "9": 3} and editor.result.cases == {"8": 1, "9": 1}
    click(qtbot, editor, "8", 0)  # 8 alone may not change case while 9 keeps case 2
    assert editor.answers()["8"] == 2
    assert editor.set_answer("9", None) and editor.set_answer("8", 0)  # cleared first: the case changes
    assert editor.answers() == {"8": 0} and editor.set_answer("15", 1)


def test_a_sheet_saved_with_mixed_cases_opens_and_must_be_put_in_one_case_to_save(
    qtbot: QtBot, open_editor: Open, messages: RecordingSink
) -> None:
    store = MemoryStore(SheetData(sheet_of(26), answers={"8": 2, "9": 0}))  # saved by an earlier release
    editor = open_editor(store, autosave_ms=60_000)
    assert checked(editor, "8") == [2] and checked(editor, "9") == [0]
    assert editor.result.cases == {"8": 1, "9": 0}  # shown as saved
    assert editor.set_note("1.1", "ghi chú") and not editor.flush()  # a save of the mix is refused
    assert any("trộn" in text for text in messages.texts())
    assert editor.set_answer("9", None) and editor.flush()  # one case: saved
    assert store.data.answers == {"8": 2}


def test_corrections_and_suspect_values_are_marked_where_they_apply(open_editor: Open) -> None:
    editor = open_editor(MemoryStore(SheetData(sheet_of(7))))
    marker = editor.card_by_code["3.1"].notice
    assert marker.isVisible() and marker.text().startswith("⚑ Giá trị nghi vấn")
    assert "mọi bộ khác cho 2 điểm" in marker.toolTip() and "bộ 7, tiêu chí 3.1" in marker.toolTip()
    assert not editor.card_by_code["3.2"].notice.isVisible()
    assert not editor.header.notice.isVisible()

    editor = open_editor(MemoryStore(SheetData(sheet_of(26))))
    part_a = editor.view.part_headers["A"].notice
    assert part_a.isVisible() and '"35 Điểm"' in part_a.toolTip()
    assert not editor.view.part_headers["B"].notice.isVisible()
    for code in ("8", "9", "15"):
        assert "Trường hợp 1/2" in editor.card_by_code[code].notice.toolTip()

    editor = open_editor(MemoryStore(SheetData(sheet_of(4))))
    corrected = editor.card_by_code["7"].notice
    assert corrected.text().startswith("✎ Đã hiệu chỉnh") and "Điểm in 13" in corrected.toolTip()

    editor = open_editor(MemoryStore(SheetData(sheet_of(1))))  # the duplicated header line
    assert editor.header.notice.isVisible() and "tiêu đề phiếu" in editor.header.notice.toolTip()


def test_a_knockout_shows_eliminated_with_the_reason(qtbot: QtBot, open_editor: Open) -> None:
    sheet = sheet_of(1)
    best = {leaf.code: len(leaf.options) - 1 for leaf in sheet.leaves()}
    editor = open_editor(MemoryStore(SheetData(sheet, answers=best)), autosave_ms=60_000)
    assert editor.result.star == 5
    box = editor.knockout_boxes["forged_dossier"]
    tick(qtbot, box)
    assert box.isChecked() and editor.knockouts() == ("forged_dossier",)
    assert editor.summary.star.text() == "Bị loại"
    assert "Giả mạo hồ sơ" in editor.summary.reason.text()
    assert editor.summary.total.text() == "100/100"  # points still shown
    tick(qtbot, box)
    assert editor.summary.star.text().endswith("5 sao")


def test_a_criterion_stop_shows_eliminated_and_sensory_zero_fires_by_itself(
    qtbot: QtBot, open_editor: Open
) -> None:
    sheet = sheet_of(1)
    best = {leaf.code: len(leaf.options) - 1 for leaf in sheet.leaves()}
    editor = open_editor(MemoryStore(SheetData(sheet, answers=best)), autosave_ms=60_000)
    box = editor.card_by_code["6.1"].stop_boxes["foreign_matter"]
    assert editor.stop_boxes["foreign_matter"] is box
    tick(qtbot, box)
    assert editor.stops() == ("foreign_matter",) and editor.result.eliminated
    assert editor.summary.star.text() == "Bị loại"
    assert "tiêu chí 6.1" in editor.summary.reason.text()

    sensory = sheet_of(16)
    answers = {leaf.code: len(leaf.options) - 1 for leaf in sensory.leaves()}
    editor16 = open_editor(MemoryStore(SheetData(sensory, answers=answers)), autosave_ms=60_000)
    assert not editor16.result.eliminated and not editor16.stop_boxes  # automatic: no box to tick
    zero = next(o.index for o in sensory.criterion("6.2").options if o.points == 0)
    click(qtbot, editor16, "6.2", zero)
    assert editor16.summary.star.text() == "Bị loại"


# -- language -----------------------------------------------------------------------------------


def test_switching_to_english_retranslates_the_chrome_but_not_the_official_sheet(
    qtbot: QtBot, open_editor: Open
) -> None:
    sheet = sheet_of(1)
    editor = open_editor(MemoryStore(SheetData(sheet, answers={"5.1": 0}, kind="self")), autosave_ms=60_000)
    install_language("en")
    qtbot.waitUntil(lambda: editor.summary.total_caption.text() == "Total")
    assert editor.header.heading.text().startswith(
        "Self-assessment sheet — Set 1 (I.1.a): Rau, củ, quả, hạt tươi"
    )
    assert (
        editor.view.part_headers["A"].line.title == "PART A: SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (40 points)"
    )
    assert editor.card_by_code["5.2"].not_applicable.text().startswith("Not applicable")
    assert editor.card_by_code["1.1"].options[0].text() == sheet.criterion("1.1").options[0].label  # verbatim
    assert editor.card_by_code["1.1"].line.value == "–/3 pts"
    install_language("vi")
    qtbot.waitUntil(lambda: editor.summary.total_caption.text() == "Tổng điểm")
