"""Undoing mistakes from the pages: deleting a producer or product entered by mistake (asked first, refused
with the reason when something depends on it), merging a duplicate producer, deleting a draft dossier
from its window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from helpers.builders import make_product
from helpers.qt import finish_tasks
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.store.models import Dossier, Producer, Product
from ocop_desktop.ui.kit.errors import RecordingSink
from ocop_desktop.ui.registry import ops as registry_ops
from ocop_desktop.ui.registry.producers_page import ProducersPage
from ocop_desktop.ui.registry.products_page import ProductsPage
from tests.helpers.dossier_ui import build_editor


def _count(ctx: AppContext, model: type) -> int:
    with ctx.read() as s:
        return s.query(model).count()


def _page(qtbot, page):  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1366, 600)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.table.selectRow(0)
    return page


def test_delete_asks_and_removes_a_product(qtbot, ctx: AppContext, messages: RecordingSink) -> None:  # type: ignore[no-untyped-def]
    make_product(ctx)
    page = _page(qtbot, ProductsPage(ctx))
    assert page.delete_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # the key works on the list
    finish_tasks(qtbot)
    assert messages.shown[-1].kind == "ask" and "Cà phê bột nguyên chất" in messages.shown[-1].text
    assert _count(ctx, Product) == 0
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_saying_no_keeps_it(qtbot, ctx: AppContext, messages: RecordingSink) -> None:  # type: ignore[no-untyped-def]
    make_product(ctx)
    page = _page(qtbot, ProductsPage(ctx))
    messages.answer = False
    page.delete_current()
    finish_tasks(qtbot)
    assert _count(ctx, Product) == 1


def test_delete_in_the_filter_box_edits_the_text(qtbot, ctx: AppContext, messages: RecordingSink) -> None:  # type: ignore[no-untyped-def]
    make_product(ctx)
    page = _page(qtbot, ProductsPage(ctx))
    page.filter.setText("ca phe")
    page.filter.setFocus()
    page.filter.setCursorPosition(0)
    qtbot.keyClick(page.filter, Qt.Key.Key_Delete)
    assert page.filter.text() == "a phe" and not messages.shown and _count(ctx, Product) == 1


def test_a_producer_with_products_is_refused(qtbot, ctx: AppContext, messages: RecordingSink) -> None:  # type: ignore[no-untyped-def]
    make_product(ctx)
    page = _page(qtbot, ProducersPage(ctx))
    page.delete_current()
    assert messages.shown[-1].kind == "warn" and "Gộp chủ thể trùng" in messages.shown[-1].text
    assert _count(ctx, Producer) == 1


def test_merge_dialog_moves_the_products(
    qtbot, ctx: AppContext, messages: RecordingSink, type_unicode
) -> None:  # type: ignore[no-untyped-def]
    make_product(ctx, producer="HTX Cà phê Hoàn Kiếm", product="Cà phê rang")
    make_product(ctx, producer="Hợp tác xã Cà phê HK", product="Cà phê bột")
    page = _page(qtbot, ProducersPage(ctx))
    keep = page.current_row()
    page.open_merge()
    dialog = page.merge_dialog
    assert dialog.picker.edit.hasFocus() or dialog.focusWidget() is dialog.picker.edit
    assert not dialog.merge_button.isEnabled()
    type_unicode(dialog.picker.edit, "hk" if keep.name.startswith("HTX") else "hoan kiem")
    dialog.picker.refresh()
    # the other producer as the picker names it: its products counted in words, no "SP" shorthand
    (_, shown), *others = registry_ops.same_commune_producers(ctx, keep, "")
    assert not others and shown.endswith("(1 sản phẩm)"), shown
    assert dialog.picker.value() is not None and dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.merged):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert _count(ctx, Producer) == 1
    assert ProducerService(ctx).get(keep.id).product_count == 2
    assert {p.producer_id for p in ProductService(ctx).search("")} == {keep.id}


def test_a_draft_dossier_is_deleted_from_its_window(qtbot, ctx: AppContext, messages: RecordingSink) -> None:  # type: ignore[no-untyped-def]
    dossier_id = DossierService(ctx).create(make_product(ctx), "first").row.id
    editor = build_editor(ctx, dossier_id)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.header.delete_button.isVisible()
    with qtbot.waitSignal(editor.changed):
        qtbot.mouseClick(editor.header.delete_button, Qt.MouseButton.LeftButton)
        finish_tasks(qtbot)
    assert not editor.isVisible() and editor.deleted
    assert _count(ctx, Dossier) == 0
    assert messages.shown[-1].kind == "ask"


def test_a_received_dossier_offers_no_delete(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.dossier_ui import complete_dossier

    service = DossierService(ctx)
    dossier_id = service.create(make_product(ctx), "first").row.id
    complete_dossier(ctx, dossier_id, tmp_path)
    service.act(dossier_id, "mark_complete")
    service.act(dossier_id, "receive")
    editor = build_editor(ctx, dossier_id)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.header.delete_button.isVisible()
