"""Products page: the 26 product sets, producer picker, code given on first save."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from helpers.qt import finish_tasks
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.domain.products import ProductInput
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.ui.registry.products_page import ProductsPage


@pytest.fixture
def producer(ctx):  # type: ignore[no-untyped-def]
    return ProducerService(ctx).create(
        ProducerInput(
            "Hợp tác xã Chè Tân Cương", ProducerKind.COOPERATIVE, "00070", representative="Lê Văn Tám"
        )
    )


@pytest.fixture
def page(qtbot, ctx, producer):  # type: ignore[no-untyped-def]
    ProductService(ctx).create(ProductInput(producer.id, "Chè búp Tân Cương", 11))
    p = ProductsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1000, 600)
    p.show()
    return p


def test_list_and_filter_without_diacritics(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    row = page.model.row_at(0)
    assert row.name == "Chè búp Tân Cương"
    assert page.model.data(page.model.index(0, 2)) == "11 – Chè tươi, chè chế biến"
    qtbot.keyClicks(page.filter, "che bup")
    qtbot.waitUntil(lambda: page.model.query == "che bup", timeout=2000)
    assert page.model.rowCount() == 1
    assert page.count_label.text() == "1 sản phẩm"


def test_create_shows_the_generated_code(qtbot, page, producer, type_unicode) -> None:  # type: ignore[no-untyped-def]
    page.open_new()
    dialog = page.dialog
    labels = [dialog.product_set.itemText(i) for i in range(1, dialog.product_set.count())]
    assert len(labels) == 26 and labels[0] == "1 – Rau, củ, quả, hạt tươi"
    assert dialog.code.isReadOnly() and dialog.code.text() == ""
    qtbot.keyClicks(dialog.producer.edit, "tan cuong")
    dialog.producer.refresh()
    assert dialog.producer.value() == producer.id
    type_unicode(dialog.name, "Trà xanh Tân Cương")
    dialog.product_set.setCurrentIndex(dialog.product_set.findData(11))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # stays open to show the code
    assert re.fullmatch(r"01-00070-\d{3}-\d{4}", dialog.code.text())
    assert dialog.code.text() in dialog.notice.text()
    assert dialog.windowTitle() == "Sửa sản phẩm" and dialog.cancel_button.text() == "Đóng"
    assert "Trà xanh Tân Cương" in [page.model.row_at(i).name for i in range(page.model.rowCount())]
    dialog.close()
    assert not dialog.isVisible()


def test_product_set_and_producer_are_required(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.open_new()
    dialog = page.dialog
    qtbot.keyClicks(dialog.name, "Mat ong")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "26 bộ sản phẩm" in dialog.message("product_set")
    assert "chủ thể" in dialog.message("producer_id")
    assert ProductService(ctx).count() == 1
    dialog.close()


def test_edit_keeps_the_code(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.table.selectRow(0)
    page.edit_current()
    dialog = page.dialog
    code = dialog.code.text()
    assert code and dialog.producer.value() == page.model.row_at(0).producer_id
    dialog.brand.setText("Tân Cương Xanh")
    dialog.mark_dirty()
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.current_row().code == code and page.current_row().brand == "Tân Cương Xanh"
