"""The dossier window's end of life and the producer's facts (issue 15): "Hủy hồ sơ…" asks a reason and
records it; "Lưu trữ…" asks, hides the dossier from the list unless "Hiện cả hồ sơ lưu trữ" is ticked, and
restores; a new dossier starts from the producer's facts, a contradiction is shown with its field, and a
dossier's facts go back to the producer when the officer confirms."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from helpers.builders import make_product
from helpers.dossier_ui import build_editor, sent_dossier
from helpers.qt import finish_tasks
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.profile import ProducerProfileService
from ocop_desktop.store.models import Dossier, DossierEvent, Product
from ocop_desktop.ui.dossiers.action_dialog import ActionDialog
from ocop_desktop.ui.dossiers.editor import DossierEditor
from ocop_desktop.ui.dossiers.list_page import DossiersPage


def open_editor(qtbot, ctx, dossier_id: str) -> DossierEditor:  # type: ignore[no-untyped-def]
    editor = build_editor(ctx, dossier_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_withdrawing_asks_a_reason_and_keeps_it(qtbot, ctx, tmp_path: Path, type_unicode) -> None:  # type: ignore[no-untyped-def]
    dossier_id = sent_dossier(ctx, tmp_path)
    editor = open_editor(qtbot, ctx, dossier_id)
    button = editor.header.action_buttons["withdraw"]
    assert button.text() == "Hủy hồ sơ…" and not editor.header.delete_button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = editor.actions.dialog
    assert isinstance(dialog, ActionDialog) and dialog.note_edit is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "lý do hủy" in dialog.messages.label("note").text()
    assert DossierService(ctx).get(dossier_id).row.status == "sent"  # nothing without a reason
    type_unicode(dialog.note_edit, "Chủ thể ngừng sản xuất, đơn ngày 01/12/2026")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    detail = DossierService(ctx).get(dossier_id)
    assert detail.row.status == "withdrawn" and detail.events[-1].note.startswith("Chủ thể ngừng")
    assert editor.header.values["status"].text() == "Đã hủy (chủ thể rút)"
    assert editor.header.action_buttons == {}
    assert editor.header.save_state.text() == "Chỉ xem: hồ sơ đã hủy, không sửa được nữa."
    assert editor.history.table.rowCount() == len(detail.events)
    editor.close()


def _withdrawn_last_year(ctx, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    dossier_id = sent_dossier(ctx, tmp_path)
    DossierService(ctx).act(dossier_id, "withdraw", note="Chủ thể rút hồ sơ")
    with ctx.sessions.begin() as s:
        for e in s.scalars(select(DossierEvent).where(DossierEvent.dossier_id == dossier_id)):
            e.at = datetime(2025, 6, 1, tzinfo=UTC)
    return dossier_id


def test_archive_asks_hides_from_the_list_and_restores(qtbot, ctx, tmp_path: Path, messages) -> None:  # type: ignore[no-untyped-def]
    old = _withdrawn_last_year(ctx, tmp_path)
    DossierService(ctx).create(make_product(ctx, product="Trà xanh"), "first")
    page = DossiersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    names = lambda: sorted(page.model.row_at(i).product_name for i in range(page.model.rowCount()))  # noqa: E731
    assert names() == ["Cà phê bột nguyên chất", "Trà xanh"]

    editor = open_editor(qtbot, ctx, old)
    assert editor.header.archive_button.isVisible() and not editor.header.restore_button.isVisible()
    messages.answer = False  # "Không": nothing is archived
    qtbot.mouseClick(editor.header.archive_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "Lưu trữ hồ sơ “Cà phê bột nguyên chất”?" in messages.shown[-1].text
    with ctx.read() as s:
        assert s.get(Dossier, old).archived_on is None  # type: ignore[union-attr]
    messages.answer = True
    editor.changed.connect(lambda _id: page.model.refresh())
    qtbot.mouseClick(editor.header.archive_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert editor.header.values["status"].text().endswith("· đã lưu trữ")
    assert editor.header.restore_button.isVisible() and not editor.header.archive_button.isVisible()
    qtbot.waitUntil(lambda: names() == ["Trà xanh"])

    page.with_archived.setChecked(True)
    assert names() == ["Cà phê bột nguyên chất", "Trà xanh"]
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).id == old)
    assert page.model.data(page.model.index(row, 3)).endswith("· lưu trữ")
    page.with_archived.setChecked(False)
    assert names() == ["Trà xanh"]

    qtbot.mouseClick(editor.header.restore_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    qtbot.waitUntil(lambda: names() == ["Cà phê bột nguyên chất", "Trà xanh"])
    assert editor.header.archive_button.isVisible()
    editor.close()


def test_a_new_dossier_starts_from_the_producers_facts_and_flags_what_differs(  # type: ignore[no-untyped-def]
    qtbot, ctx, messages, type_unicode
) -> None:
    product = make_product(ctx)
    with ctx.read() as s:
        producer_id = s.get(Product, product).producer_id  # type: ignore[union-attr]
    ProducerProfileService(ctx).update(producer_id, {"representative_ethnicity": "Tày", "history": "Từ 2015"})
    dossier_id = DossierService(ctx).create(product, "first").row.id
    editor = open_editor(qtbot, ctx, dossier_id)
    part1 = editor.forms["mau02_part1"]
    part1.build()
    assert part1.raw("representative_ethnicity") == "Tày" and part1.raw("history") == "Từ 2015"
    assert not editor.consistency.isVisible()  # filled from the record: nothing differs

    editor.show_tab("mau02_part1")
    address = part1.inputs["address"].widget
    address.setFocus()
    address.selectAll()
    type_unicode(address, "Thôn 3, xã Khác")
    ethnicity = part1.inputs["representative_ethnicity"].widget
    ethnicity.setFocus()
    ethnicity.selectAll()
    type_unicode(ethnicity, "Nùng")
    assert editor.save_now()
    finish_tasks(qtbot)
    panel = editor.consistency
    assert panel.isVisible()
    assert 'href="mau02_part1.address"' in panel.warnings.text() and "Số 5 Hàng Bài" in panel.warnings.text()
    assert "Dân tộc người đại diện" in panel.changes.text() and panel.take_back.isVisible()

    editor.show_tab("mau01")
    panel.focus_requested.emit("mau02_part1.address")  # the link of the warning
    assert editor.tabs.currentIndex() == editor.tab_of["mau02_part1"]

    qtbot.mouseClick(panel.take_back, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "Dân tộc người đại diện: Tày → Nùng" in messages.shown[-1].text
    assert ProducerProfileService(ctx).facts(producer_id)["representative_ethnicity"] == "Nùng"
    assert not panel.take_back.isVisible() and panel.warnings.isVisible()  # the address still differs
    editor.close()


def test_the_producer_dialog_shows_the_facts_kept_with_the_producer(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.services.registry.producers import ProducerService
    from ocop_desktop.ui.registry.producer_dialog import ProducerDialog

    product = make_product(ctx)
    with ctx.read() as s:
        producer_id = s.get(Product, product).producer_id  # type: ignore[union-attr]
    row = ProducerService(ctx).get(producer_id)
    bare = ProducerDialog(ctx, row)
    qtbot.addWidget(bare)
    assert not any(bare.facts.values().values())  # nothing kept yet: every fact empty (editable there too)
    ProducerProfileService(ctx).update(producer_id, {"representative_sex": "nu", "history": "Từ 2015"})
    dialog = ProducerDialog(ctx, row)
    qtbot.addWidget(dialog)
    shown = {k: v for k, v in dialog.facts.values().items() if v != ""}
    assert shown == {"representative_sex": "nu", "history": "Từ 2015"}
