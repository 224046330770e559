"""Producers page: lazy loading, diacritics-insensitive filter, the create/edit dialog."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from helpers.qt import finish_tasks
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.ui.registry.producers_page import ProducersPage, producers_model

COMMUNE = "00070"


def _add(ctx, name: str, kind: ProducerKind = ProducerKind.ENTERPRISE, **extra: str):  # type: ignore[no-untyped-def]
    return ProducerService(ctx).create(
        ProducerInput(name, kind, COMMUNE, representative="Lê Văn Tám", **extra)
    )


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    _add(ctx, "Hợp tác xã Nông nghiệp Hoàn Kiếm", ProducerKind.COOPERATIVE)
    _add(ctx, "Hợp tác xã Chè Tân Cương", ProducerKind.COOPERATIVE)
    _add(ctx, "Công ty TNHH Bánh cốm Hàng Than")
    p = ProducersPage(ctx)
    qtbot.addWidget(p)
    p.resize(1000, 600)
    p.show()
    qtbot.waitExposed(p)
    return p


def _names(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.row_at(i).name for i in range(model.rowCount())]


def test_model_loads_pages_lazily(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    for i in range(25):
        _add(ctx, f"Doanh nghiệp số {i:02d}")
    model = producers_model(ctx)
    model.page_size = 10
    model.set_query("")
    assert (model.total, model.rowCount()) == (25, 10)
    assert model.canFetchMore()
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore()
    assert model.rowCount() == 20
    model.fetchMore()
    assert model.rowCount() == 25 and not model.canFetchMore()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Tên chủ thể"
    assert model.data(model.index(0, 6)) == "0"


def test_filter_ignores_diacritics(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.filter, "hop tac xa")
    qtbot.waitUntil(lambda: page.model.query == "hop tac xa", timeout=2000)
    assert sorted(_names(page.model)) == ["Hợp tác xã Chè Tân Cương", "Hợp tác xã Nông nghiệp Hoàn Kiếm"]
    assert page.count_label.text() == "2 chủ thể"
    page.filter.setText("khong co ai")
    page.apply_filter()
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "Không tìm thấy chủ thể nào."


def test_create_through_the_dialog(qtbot, page, type_unicode) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.commune.value() == COMMUNE  # the office's own commune is preselected
    type_unicode(dialog.name, "Tổ hợp tác Rau sạch Phúc Tân")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ProducerKind.COOPERATIVE_GROUP.value))
    type_unicode(dialog.representative, "Đỗ Thị Lan")
    qtbot.keyClicks(dialog.tax_code, "0101234567")
    qtbot.keyClicks(dialog.phone, "0912 345 678")
    assert dialog.is_dirty()
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Tổ hợp tác Rau sạch Phúc Tân" in _names(page.model)
    saved = page.current_row()
    assert saved.name == "Tổ hợp tác Rau sạch Phúc Tân" and saved.phone == "0912345678"


def test_invalid_tax_code_is_explained_and_nothing_saved(qtbot, page, ctx, type_unicode) -> None:
    before = ProducerService(ctx).count()
    page.open_new()
    dialog = page.dialog
    type_unicode(dialog.name, "Hộ kinh doanh Mật ong")
    type_unicode(dialog.representative, "Vũ Văn Hải")
    qtbot.keyClicks(dialog.tax_code, "12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "Mã số thuế “12345” không hợp lệ" in dialog.message("tax_code")
    assert dialog.message("name") == ""
    assert dialog.isVisible() and not dialog.summary.isHidden()
    assert ProducerService(ctx).count() == before
    dialog.close()  # answered "Bỏ thay đổi" by the recording sink
    assert not dialog.isVisible()


def test_required_fields_show_next_to_the_fields(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.open_new()
    dialog = page.dialog
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "không được để trống" in dialog.message("name")
    assert "người đại diện" in dialog.message("representative")
    dialog.mark_clean()
    dialog.reject()


def test_unsaved_changes_are_not_lost_silently(qtbot, page, messages) -> None:  # type: ignore[no-untyped-def]
    page.open_new()
    dialog = page.dialog
    qtbot.keyClicks(dialog.name, "HTX")
    messages.answer = False  # "Tiếp tục sửa"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.name.text() == "HTX"
    assert messages.shown[-1].kind == "ask"
    messages.answer = True  # "Bỏ thay đổi"
    dialog.close()
    assert not dialog.isVisible()


def test_enter_opens_edit_and_stale_revision_is_reported(qtbot, page, ctx, messages) -> None:
    page.table.setFocus()
    page.table.selectRow(0)
    first = page.current_row()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Sửa chủ thể"
    assert dialog.name.text() == first.name
    # Someone else saves the same producer meanwhile.
    changed = replace(first.as_input(), address="Số 9 Hàng Bạc")
    ProducerService(ctx).update(first.id, changed, expected_revision=first.revision)
    qtbot.keyClicks(dialog.address, "so 1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "người khác sửa" in dialog.summary.text()
    assert "người khác sửa" in messages.texts("warn")[-1]
    assert dialog.isVisible() and dialog.address.text().endswith("so 1")  # nothing typed is lost
    dialog.mark_clean()
    dialog.reject()


def test_ctrl_f_focuses_the_filter(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.table.setFocus()
    page.activateWindow()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter.hasFocus()


def test_model_passes_qt_model_checks(qtmodeltester, ctx) -> None:  # type: ignore[no-untyped-def]
    for i in range(5):
        _add(ctx, f"Hộ sản xuất số {i}", ProducerKind.PRODUCTION_HOUSEHOLD)
    model = producers_model(ctx)
    model.page_size = 2
    model.set_query("ho san xuat")
    qtmodeltester.check(model)
    assert model.known_total() is None  # full first page: counted just after, not before
    assert model.total == 5


def test_short_result_needs_no_count(ctx) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    service = ProducerService(ctx)
    from ocop_desktop.ui.kit.lazy_model import LazyTableModel
    from ocop_desktop.ui.registry.producers_page import COLUMNS

    model = LazyTableModel(
        lambda q, o, n: service.search(q, offset=o, limit=n),
        lambda q: calls.append(q) or service.count(q),
        COLUMNS,
    )
    model.set_query("khong ai")
    assert model.known_total() == 0 and calls == []


def test_double_click_opens_edit(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    rect = page.table.visualRect(page.model.index(1, 0))
    qtbot.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )  # as a real one starts
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name.text() == page.model.row_at(1).name
    dialog.close()


def test_down_from_the_filter_reaches_the_list_and_a_new_filter_starts_at_the_top(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: ↓ from a search box did not reach the list; a new filter kept the old scroll."""
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    qtbot.keyClicks(page.filter, "hop tac")
    qtbot.keyClick(page.filter, Qt.Key.Key_Down)  # before the debounce fired: the filter applies first
    qtbot.waitUntil(lambda: page.model.query == "hop tac", timeout=2000)
    assert page.table.hasFocus() or page.focusWidget() is page.table
    assert page.current_row() is not None
    page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum())
    page.filter.setText("che")
    page.apply_filter()
    assert page.table.verticalScrollBar().value() == 0
