"""The score-sheet editor's saving: autosave to a real dossier, nothing lost on close or hide,
read-only sheets, conflicts (service and memory store), evidence links among the dossier's files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers.builders import pdf_file
from helpers.scoring_ui import Open, TypeUnicode, checked, click, dossier, sheet_of, tick
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService
from ocop_desktop.store.models import Dossier
from ocop_desktop.ui.kit.errors import RecordingSink
from ocop_desktop.ui.scoring import MemoryStore, SelfAssessmentStore, SheetData

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
