"""The score-sheet editor: the whole sheet of every set, live totals from the engine, keyboard,
5.2 without a story, tourism cases, knock-outs and stops, autosave to a real dossier, read-only,
conflicts, evidence links."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from helpers.builders import TODAY, make_product, pdf_file
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.store.models import Dossier
from ocop_desktop.ui.kit.errors import RecordingSink
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.scoring import MemoryStore, ScoreSheetEditor, SelfAssessmentStore, SheetData, SheetStore
from ocop_desktop.ui.scoring.summary import NEXT_UNANSWERED

Open = Callable[..., ScoreSheetEditor]
TypeUnicode = Callable[[QWidget, str], None]


def sheet_of(n: int) -> Sheet:
    return RuleService().sheet(n)


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


def dossier(ctx: AppContext, product_set: int) -> str:
    return DossierService(ctx, today=TODAY).create(make_product(ctx, product_set), "first").row.id


def activate(qtbot: QtBot, editor: ScoreSheetEditor) -> None:
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its indicator (its click area ends with its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def click(qtbot: QtBot, editor: ScoreSheetEditor, code: str, index: int) -> None:
    button = next(b for b in editor.card_by_code[code].options if b.option.index == index)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def checked(editor: ScoreSheetEditor, code: str) -> list[int]:
    return [b.option.index for b in editor.card_by_code[code].options if b.isChecked()]


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
    for leaf in sheet.leaves() * 2:
        if rng.random() < 0.2:
            continue
        index = rng.randrange(len(leaf.options))
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


# -- saving -------------------------------------------------------------------------------------


def test_autosave_persists_answers_notes_and_knockouts_to_the_dossier(
    qtbot: QtBot, ctx: AppContext, open_editor: Open, type_unicode: TypeUnicode
) -> None:
    dossier_id = dossier(ctx, 1)
    editor = open_editor(SelfAssessmentStore(ctx, dossier_id))
    assert not editor.stop_boxes  # the self-assessment has no place for criterion stops
    assert editor.header.heading.text().startswith("Phiếu tự đánh giá — Bộ 1 (I.1.a)")
    click(qtbot, editor, "1.1", 2)
    click(qtbot, editor, "6.1", 1)
    type_unicode(editor.card_by_code["1.1"].note_edit, "Có hóa đơn mua rau của 12 hộ trong xã")
    tick(qtbot, editor.knockout_boxes["registration_dossier"])
    assert editor.dirty and editor.header.save_status.text() == "Đang chờ lưu…"
    saved = SelfAssessmentService(ctx).load(dossier_id)
    assert saved.answers == {}  # debounced: nothing written yet
    qtbot.waitUntil(lambda: not editor.dirty, timeout=3000)
    assert editor.header.save_status.text() == "Đã lưu"

    saved = SelfAssessmentService(ctx).load(dossier_id)
    assert saved.answers == {"1.1": 2, "6.1": 1}
    assert saved.notes == {"1.1": "Có hóa đơn mua rau của 12 hộ trong xã"}
    assert saved.knockouts == ("registration_dossier",)
    assert editor.revision == saved.revision

    again = open_editor(SelfAssessmentStore(ctx, dossier_id))
    assert again.answers() == {"1.1": 2, "6.1": 1} and checked(again, "1.1") == [2]
    assert again.card_by_code["1.1"].note_edit.text() == "Có hóa đơn mua rau của 12 hộ trong xã"
    assert again.knockout_boxes["registration_dossier"].isChecked()
    assert again.summary.star.text() == "Bị loại"


def test_nothing_typed_is_lost_on_close(
    ctx: AppContext, open_editor: Open, type_unicode: TypeUnicode
) -> None:
    dossier_id = dossier(ctx, 26)
    editor = open_editor(SelfAssessmentStore(ctx, dossier_id), autosave_ms=60_000)
    editor.set_answer("8", 3)
    type_unicode(editor.card_by_code["8"].note_edit, "Điểm du lịch được công nhận năm 2025")
    editor.opinion.setFocus()
    type_unicode(editor.opinion, "Sản phẩm đặc sắc")
    assert editor.dirty
    editor.close()  # flushes at once
    saved = SelfAssessmentService(ctx).load(dossier_id)
    assert saved.answers == {"8": 3}
    assert saved.notes == {"8": "Điểm du lịch được công nhận năm 2025"}
    assert saved.opinion == "Sản phẩm đặc sắc"


def test_hiding_the_editor_saves_too(ctx: AppContext, open_editor: Open) -> None:
    dossier_id = dossier(ctx, 1)
    editor = open_editor(SelfAssessmentStore(ctx, dossier_id), autosave_ms=60_000)
    editor.set_answer("1.2", 1)
    editor.hide()
    assert SelfAssessmentService(ctx).load(dossier_id).answers == {"1.2": 1}


def test_read_only_sheet_refuses_changes(qtbot: QtBot, ctx: AppContext, open_editor: Open) -> None:
    dossier_id = dossier(ctx, 1)
    SelfAssessmentService(ctx).save(dossier_id, answers={"1.1": 1}, notes={"1.1": "cũ"})
    with ctx.unit_of_work() as s:
        s.get(Dossier, dossier_id).status = "sent"
    editor = open_editor(SelfAssessmentStore(ctx, dossier_id))
    assert editor.read_only and editor.header.read_only_banner.isVisible()
    assert editor.header.save_status.text() == "Chỉ xem"
    click(qtbot, editor, "1.1", 2)
    assert editor.answers() == {"1.1": 1} and checked(editor, "1.1") == [1]
    editor.focus_criterion("1.2")
    qtbot.keyClick(editor.card_by_code["1.2"], Qt.Key.Key_2)
    assert "1.2" not in editor.answers()
    tick(qtbot, editor.knockout_boxes["forged_dossier"])
    assert editor.knockouts() == () and not editor.knockout_boxes["forged_dossier"].isChecked()
    assert editor.card_by_code["1.1"].note_edit.isReadOnly() and editor.opinion.isReadOnly()
    assert not editor.set_note("1.1", "mới") and not editor.set_evidence("1.1", ["x"])
    assert not editor.dirty
    editor.close()
    assert SelfAssessmentService(ctx).load(dossier_id).notes == {"1.1": "cũ"}


def test_a_conflict_is_reported_and_the_stored_sheet_reloaded(
    qtbot: QtBot, ctx: AppContext, open_editor: Open, messages: RecordingSink
) -> None:
    dossier_id = dossier(ctx, 1)
    editor = open_editor(SelfAssessmentStore(ctx, dossier_id), autosave_ms=60_000)
    state = SelfAssessmentService(ctx).load(dossier_id)
    SelfAssessmentService(ctx).save(
        dossier_id, answers={"1.1": 2}, expected_revision=state.revision
    )  # elsewhere
    click(qtbot, editor, "1.2", 1)
    assert not editor.flush()
    assert any("sửa ở nơi khác" in text for text in messages.texts("warn"))
    assert editor.answers() == {"1.1": 2} and checked(editor, "1.1") == [2] and checked(editor, "1.2") == []
    assert not editor.dirty and editor.summary.total.text() == "3/100"
    click(qtbot, editor, "1.2", 1)  # after the reload, saving works again
    assert editor.flush()
    assert SelfAssessmentService(ctx).load(dossier_id).answers == {"1.1": 2, "1.2": 1}


def test_conflict_with_the_memory_store_too(qtbot: QtBot, open_editor: Open, messages: RecordingSink) -> None:
    store = MemoryStore(SheetData(sheet_of(26)))
    editor = open_editor(store, autosave_ms=0)
    click(qtbot, editor, "6", 2)
    qtbot.waitUntil(lambda: store.saves == 1)
    store.touch()
    click(qtbot, editor, "7", 2)
    qtbot.waitUntil(lambda: bool(messages.texts("warn")))
    assert editor.answers() == {"6": 2}


# -- evidence -----------------------------------------------------------------------------------


def test_evidence_links_are_picked_among_the_dossier_files_and_saved(
    qtbot: QtBot, ctx: AppContext, open_editor: Open, tmp_path: Path
) -> None:
    dossier_id = dossier(ctx, 1)
    files = EvidenceService(ctx)
    contract = files.add_file(dossier_id, pdf_file(tmp_path, "hợp-đồng-liên-kết.pdf"), criteria=("1.5",))
    photo = files.add_file(dossier_id, pdf_file(tmp_path, "vùng-trồng.pdf", pages=1))
    editor = open_editor(SelfAssessmentStore(ctx, dossier_id), autosave_ms=60_000)
    card = editor.card_by_code["1.5"]
    assert card.evidence_button.text() == "Minh chứng…" and not card.chips.isVisible()
    qtbot.mouseClick(card.evidence_button, Qt.MouseButton.LeftButton)
    dialog = editor.evidence_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() == 2 and dialog.list.item(0).text().startswith(
        "hợp-đồng-liên-kết.pdf"
    )  # tagged first
    dialog.set_checked(contract.id, True)
    dialog.set_checked(photo.id, True)
    dialog.accept()
    assert editor.evidence() == {"1.5": (contract.id, photo.id)}
    assert card.evidence_button.text() == "Minh chứng (2)…"
    assert card.chips.isVisible() and "hợp-đồng-liên-kết.pdf" in card.chips.text()
    assert editor.flush()
    assert SelfAssessmentService(ctx).load(dossier_id).evidence == {"1.5": [contract.id, photo.id]}

    again = open_editor(SelfAssessmentStore(ctx, dossier_id), autosave_ms=60_000)
    dialog = again.open_evidence("1.5")
    assert [dialog.list.item(i).checkState() for i in range(2)] == [Qt.CheckState.Checked] * 2
    dialog.set_checked(photo.id, False)
    dialog.accept()
    assert again.evidence() == {"1.5": (contract.id,)}


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
