"""Bad input shows a message where it belongs and changes nothing; autosave keeps everything typed
(pauses, tab changes, closing, reopening); a change made elsewhere is detected, not overwritten."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from helpers.dossier_ui import build_editor, new_dossier, sent_dossier
from helpers.qt import finish_tasks
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.ui.dossiers.editor import DossierEditor
from ocop_desktop.ui.kit.formatting import format_date


@pytest.fixture
def dossier_id(ctx) -> str:  # type: ignore[no-untyped-def]
    return new_dossier(ctx)


def open_editor(qtbot, ctx, dossier_id: str, **kwargs) -> DossierEditor:  # type: ignore[no-untyped-def]
    editor = build_editor(ctx, dossier_id, **kwargs)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def retype(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_an_impossible_date_is_shown_kept_and_not_saved(qtbot, ctx, dossier_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ctx, dossier_id)
    form = editor.forms["mau01"]
    before = DossierService(ctx).get(dossier_id).forms["mau01"]
    retype(qtbot, form.inputs["registered_on"].widget, "31/02/2026")
    retype(qtbot, form.inputs["phone"].widget, "0987654321")
    retype(qtbot, form.inputs["sample_count"].widget, "abc")
    assert not editor.save_now()
    assert "31/02/2026" in form.problem("registered_on") and "dd/mm/yyyy" in form.problem("registered_on")
    assert "số nguyên" in form.problem("sample_count")
    assert form.raw("registered_on") == "31/02/2026"  # kept as typed
    stored = DossierService(ctx).get(dossier_id).forms["mau01"]
    assert stored["registered_on"] == before["registered_on"] and stored["sample_count"] == 5
    assert stored["phone"] == "0987654321"  # the good value of the same section is saved
    assert editor.header.save_state.text() == "Có ô chưa lưu được (xem thông báo đỏ)"
    assert not editor.tabs.tabIcon(editor.tab_of["mau01"]).isNull()

    retype(qtbot, form.inputs["registered_on"].widget, "28/2/2026")
    retype(qtbot, form.inputs["sample_count"].widget, "5")
    assert editor.save_now()
    assert form.problem("registered_on") == "" and editor.tabs.tabIcon(editor.tab_of["mau01"]).isNull()
    assert DossierService(ctx).get(dossier_id).forms["mau01"]["registered_on"] == "2026-02-28"
    editor.forms["mau02_part1"].setFocus()
    form.show_saved({"registered_on": "2026-02-28"})
    assert form.raw("registered_on") == "28/02/2026"  # shown in the normal format once saved
    editor.close()


def test_numbers_in_vietnamese_format_and_cross_field_checks(qtbot, ctx, dossier_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ctx, dossier_id)
    part2, mau03 = editor.forms["mau02_part2"], editor.forms["mau03"]
    retype(qtbot, part2.inputs["revenue_last_year"].widget, "1.500.000.000")
    retype(qtbot, part2.inputs["profit_last_year"].widget, "-200.000")  # a loss (issue 15)
    retype(qtbot, mau03.inputs["workers_total"].widget, "20")
    retype(qtbot, mau03.inputs["workers_local"].widget, "30")
    editor.save_now()
    forms = DossierService(ctx).get(dossier_id).forms
    assert forms["mau02_part2"]["revenue_last_year"] == 1_500_000_000
    assert forms["mau02_part2"]["profit_last_year"] == -200_000
    assert forms["mau03"] == {"workers_total": 20}  # saved on leaving the field; the local count refused
    assert "lớn hơn tổng số" in mau03.problem("workers_local")
    assert editor.mau03.share.text().startswith("Nhập tổng")  # no share of an impossible count
    retype(qtbot, mau03.inputs["workers_total"].widget, "40")  # fixing the other field saves both
    assert editor.save_now()
    assert DossierService(ctx).get(dossier_id).forms["mau03"] == {"workers_total": 40, "workers_local": 30}
    assert "75,0%" in editor.mau03.share.text()
    part2.inputs["revenue_last_year"].widget.clearFocus()
    editor.close()


def test_mark_complete_too_early_says_what_is_missing(qtbot, ctx, dossier_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ctx, dossier_id)
    qtbot.mouseClick(editor.header.action_buttons["mark_complete"], Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert editor.problems.isVisible()
    text = editor.problems.text()
    assert text.startswith("Chưa thể “Xác nhận đủ thành phần”:")
    assert "Giới tính người đại diện" in editor.forms["mau02_part1"].problem("representative_sex")
    assert "vấn đề khác" in text  # the long list is cut, the messages are under the fields
    assert not editor.tabs.tabIcon(editor.tab_of["mau02_part1"]).isNull()
    assert DossierService(ctx).get(dossier_id).row.status == "draft"
    assert editor.header.values["status"].text() == "Đang soạn"
    editor.focus_problem("mau02_part1.representative_sex")
    assert editor.tabs.currentWidget() is editor.forms["mau02_part1"]
    editor.close()


def test_receive_refuses_an_impossible_or_future_date(qtbot, ctx, dossier_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from helpers.dossier_ui import complete_dossier

    complete_dossier(ctx, dossier_id, tmp_path)
    DossierService(ctx).act(dossier_id, "mark_complete")
    editor = open_editor(qtbot, ctx, dossier_id)
    qtbot.mouseClick(editor.header.action_buttons["receive"], Qt.MouseButton.LeftButton)
    dialog = editor.actions.dialog
    retype(qtbot, dialog.date_edit, "31/02/2026")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "không hợp lệ" in dialog.messages.labels["received_on"].text()
    retype(qtbot, dialog.date_edit, format_date(date.today() + timedelta(days=3)))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert dialog.isVisible() and "ở tương lai" in dialog.messages.labels["received_on"].text()
    assert DossierService(ctx).get(dossier_id).row.status == "complete"
    dialog.reject()
    editor.close()


def test_a_sent_dossier_is_read_only_and_offers_no_province_step(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dossier_id = sent_dossier(ctx, tmp_path)
    editor = open_editor(qtbot, ctx, dossier_id)
    assert editor.forms["mau01"].inputs["phone"].widget.isReadOnly()
    assert not editor.evidence.add_button.isEnabled()
    assert editor.header.save_state.text().startswith("Chỉ xem")
    # accepting, returning and deciding are the province's: at the commune they are never buttons,
    # only a paper outcome can be recorded (tests/ui/dossiers/test_dossier_ui_send.py)
    assert not {"accept", "return", "decide"} & set(editor.header.action_buttons)
    assert editor.header.paper_button.isVisible()
    editor.close()


def test_autosave_after_a_pause_and_on_close(qtbot, ctx, dossier_id, type_unicode) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ctx, dossier_id)
    email = editor.forms["mau01"].inputs["email"].widget
    email.setFocus()
    qtbot.keyClicks(email, "mai@htx.vn")
    assert editor.header.save_state.text() == "Đang sửa…"
    qtbot.waitUntil(
        lambda: DossierService(ctx).get(dossier_id).forms["mau01"].get("email") == "mai@htx.vn", timeout=1500
    )  # nothing but the pause in typing saved it
    assert editor.header.save_state.text().startswith("Đã lưu lúc ")
    editor.show_tab("mau02_part4")
    plan = editor.forms["mau02_part4"].inputs["plan"].widget
    plan.setFocus()
    type_unicode(plan, "Xây xưởng sơ chế mới.")
    editor.close()  # at once, well within the pause
    assert DossierService(ctx).get(dossier_id).forms["mau02_part4"]["plan"] == "Xây xưởng sơ chế mới."

    again = open_editor(qtbot, ctx, dossier_id)
    assert again.forms["mau02_part4"].raw("plan") == "Xây xưởng sơ chế mới."
    assert again.forms["mau01"].raw("email") == "mai@htx.vn"
    again.close()


def test_closing_with_a_refused_value_asks_first(qtbot, ctx, dossier_id, messages) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ctx, dossier_id)
    retype(qtbot, editor.forms["mau01"].inputs["registered_on"].widget, "31/02/2026")
    messages.answer = False
    editor.close()
    assert editor.isVisible() and "31/02/2026" in messages.texts("ask")[-1]
    messages.answer = True
    editor.close()
    assert not editor.isVisible()


def test_a_change_made_elsewhere_is_not_overwritten(qtbot, ctx, dossier_id, messages) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ctx, dossier_id)
    service = DossierService(ctx)
    d = service.get(dossier_id)
    service.save_section(dossier_id, "mau01", {"phone": "0911111111"}, expected_revision=d.row.revision)
    retype(qtbot, editor.forms["mau01"].inputs["email"].widget, "khac@htx.vn")
    editor.save_now()
    finish_tasks(qtbot)
    warning = messages.texts("warn")[-1]
    assert "thay đổi ở nơi khác" in warning and "khac@htx.vn" in warning
    assert editor.forms["mau01"].raw("phone") == "0911111111"  # reloaded
    assert service.get(dossier_id).forms["mau01"].get("email", "") == ""
    editor.close()


def test_checklist_expiry_warns_and_an_impossible_date_is_kept_unsaved(
    qtbot, ctx, dossier_id, choose
) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.services.dossiers.checklists import ChecklistService

    editor = open_editor(qtbot, ctx, dossier_id)
    checklist = editor.checklist
    editor.show_tab("checklist")
    key = "food_safety_certificate"
    choose(checklist.status_boxes[key], "provided")
    expiry = checklist.expiry_edits[key]
    retype(qtbot, expiry, "31/02/2027")
    qtbot.keyClick(expiry, Qt.Key.Key_Return)
    assert "không hợp lệ" in checklist.message.text() and expiry.text() == "31/02/2027"
    assert next(r for r in ChecklistService(ctx).items(dossier_id) if r.key == key).expires_on is None
    past = date.today() - timedelta(days=1)
    retype(qtbot, expiry, format_date(past))
    qtbot.keyClick(expiry, Qt.Key.Key_Return)
    row = checklist.rows[key]
    assert row.expires_on == past and row.expired
    assert "Đã hết hạn" in expiry.toolTip() and "#fde0dc" in expiry.styleSheet()
    assert "1 giấy tờ đã hết hạn." in checklist.summary.text()
    assert (
        "Thiếu giấy tờ loại trực tiếp" in checklist.summary.text()
    )  # an expired knock-out paper counts as missing
    editor.close()


def test_opening_and_acting_run_on_a_worker(qtbot, ctx, dossier_id) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.dossiers.list_page import DossiersPage

    page = DossiersPage(ctx)
    qtbot.addWidget(page)
    assert page.open_dossier(dossier_id) is None  # read in the background; the window goes on
    assert dossier_id not in page.editors
    finish_tasks(qtbot)
    editor = page.editors[dossier_id]
    qtbot.waitExposed(editor)
    task = editor.actions.perform("mark_complete", "", None)
    assert task is not None and not task.done  # the action too
    assert editor.actions.perform("mark_complete", "", None) is None  # one at a time
    finish_tasks(qtbot)
    assert task.done and editor.problems.isVisible()
    editor.close()


def test_a_date_is_typed_as_digits_and_an_empty_one_reads_as_empty(qtbot, ctx, dossier_id) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: the dates of the forms had no input mask."""
    editor = open_editor(qtbot, ctx, dossier_id)
    form = editor.forms["mau01"]
    field = form.inputs["registered_on"].widget
    retype(qtbot, field, "01032026")
    assert form.raw("registered_on") == "01/03/2026"
    assert editor.save_now()
    assert DossierService(ctx).get(dossier_id).forms["mau01"]["registered_on"] == "2026-03-01"
    field.clear()
    assert form.raw("registered_on") == ""
    editor.close()


def test_hidden_sections_are_built_after_the_window_opens_with_what_they_must_show(
    qtbot, ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dossier_id = sent_dossier(ctx, tmp_path)  # read-only, Mẫu 02 Parts I and IV filled
    editor = open_editor(qtbot, ctx, dossier_id)
    # the first tab at once; the hidden sections one per turn of the event loop, right after
    assert editor.forms["mau01"].built
    qtbot.waitUntil(lambda: all(form.built for form in editor.forms.values()), timeout=2000)
    part1, part4 = editor.forms["mau02_part1"], editor.forms["mau02_part4"]
    assert part1.raw("representative_ethnicity") == "Kinh"
    assert part4.raw("plan") == "Mở rộng vùng nguyên liệu lên 20 ha."
    assert part4.inputs["plan"].widget.isReadOnly()  # the read-only state asked for before it was built
    editor.close()

    # a section asked for before its turn is built then, with the same values
    editor = build_editor(ctx, dossier_id)
    qtbot.addWidget(editor)
    assert not editor.forms["mau02_part4"].built
    assert editor.forms["mau02_part4"].raw("plan") == "Mở rộng vùng nguyên liệu lên 20 ha."
    assert editor.forms["mau02_part4"].built and editor.forms["mau02_part4"].problem("plan") == ""
    editor.close()


def test_the_checklist_and_mau03_are_built_after_the_window_opens_and_keep_what_came_meanwhile(
    qtbot, ctx, dossier_id
) -> None:  # type: ignore[no-untyped-def]
    editor = build_editor(ctx, dossier_id)
    qtbot.addWidget(editor)
    checklist, mau03 = editor.checklist, editor.mau03
    assert not checklist.built and checklist.table.rowCount() == 0 and not mau03.form.built
    assert checklist.bar.value() == checklist.completeness.percent  # the header line is there at once
    checklist.set_file_counts({"food_safety_certificate": 3})  # evidence added before the table exists
    checklist.set_read_only(True)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: checklist.built and mau03.form.built, timeout=2000)
    row = checklist.row_of["food_safety_certificate"]
    assert checklist.table.item(row, 4).text() == "3"
    assert not checklist.status_boxes["food_safety_certificate"].isEnabled()
    assert mau03.share.text().startswith("Nhập tổng")  # the suggestion follows the form once it exists
    editor.close()
