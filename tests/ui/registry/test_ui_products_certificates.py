"""Products page: stars, valid-until and its state colour; the star and validity filters narrow the list
and its count; a click on a column header sorts every match, not only the loaded rows."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from helpers.builders import make_product
from helpers.qt import finish_tasks
from ocop_desktop.domain.certificate_state import CertificateState
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService
from ocop_desktop.ui.kit import style
from ocop_desktop.ui.registry.products_page import ProductsPage


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    today = date.today()
    certificates = CertificateService(ctx, today=today)
    for name, stars, years_ago in (("Mật ong rừng", 4, 0), ("Gạo tám thơm", 3, 3), ("Chè búp", 0, 0)):
        product = make_product(ctx, product=name, producer=f"HTX {name}")
        if stars:  # a decision `years_ago` years back: 3 years → expired or nearly so
            decided = date(today.year - years_ago, 6, 1) if years_ago else today
            basis = "qd26-2026" if decided >= date(2026, 5, 22) else "qd148-2023"
            certificates.add(CertificateInput(product, stars, f"{name}/QĐ", decided, "province", basis))
    p = ProductsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1366, 600)
    p.show()
    finish_tasks(qtbot)
    return p


def _names(page: ProductsPage) -> list[str]:
    return [page.model.row_at(i).name for i in range(page.model.rowCount())]


def test_columns_show_the_current_certificate(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    rows = {page.model.row_at(i).name: i for i in range(page.model.rowCount())}
    honey = rows["Mật ong rừng"]
    assert page.model.data(page.model.index(honey, 5)) == "4★"
    assert page.model.data(page.model.index(rows["Chè búp"], 5)) == ""
    rice = page.model.row_at(rows["Gạo tám thơm"])
    assert rice.certificate_state in (CertificateState.DUE, CertificateState.EXPIRED)
    background = page.model.data(page.model.index(rows["Gạo tám thơm"], 6), Qt.ItemDataRole.BackgroundRole)
    assert background in (style.WARN[0], style.BAD[0])
    tip = page.model.data(page.model.index(honey, 6), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Còn hiệu lực"


def test_star_and_validity_filters(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    # a filter on the certificate is read on a worker (issue 15): the rows come a moment later
    page.star_filter.setCurrentIndex(page.star_filter.findData(4))
    finish_tasks(qtbot)
    assert _names(page) == ["Mật ong rừng"]
    assert page.count_label.text() == "1 sản phẩm"
    page.star_filter.setCurrentIndex(0)
    page.state_filter.setCurrentIndex(page.state_filter.findData(CertificateState.NONE))
    finish_tasks(qtbot)
    assert _names(page) == ["Chè búp"]
    page.state_filter.setCurrentIndex(page.state_filter.findData(CertificateState.VALID))
    finish_tasks(qtbot)
    assert _names(page) == ["Mật ong rừng"]


def test_header_click_sorts_and_a_column_without_key_does_not(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    header.setSortIndicator(5, Qt.SortOrder.DescendingOrder)  # what a click on "Hạng" does
    finish_tasks(qtbot)
    assert _names(page) == ["Mật ong rừng", "Gạo tám thơm", "Chè búp"]
    header.setSortIndicator(5, Qt.SortOrder.AscendingOrder)
    finish_tasks(qtbot)
    assert _names(page) == ["Gạo tám thơm", "Mật ong rừng", "Chè búp"]  # no certificate: last both ways
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    assert _names(page) == ["Chè búp", "Gạo tám thơm", "Mật ong rừng"]  # by name: at once, as before
    assert page.model.order == ("name", False)


def test_a_narrow_window_keeps_the_name_and_the_code_readable(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.kit.list_page import FIXED_MIN_SHARE, NAME_MIN_CHARS

    header, char = page.table.horizontalHeader(), page.table.fontMetrics().horizontalAdvance("0")
    page.resize(1800, 600)
    qtbot.waitUntil(lambda: header.sectionSize(3) == 21 * char + 12)  # wide: every column at its width
    page.resize(900, 600)  # 1366×768 at 125 % leaves about this much
    qtbot.waitUntil(lambda: header.sectionSize(3) < 21 * char + 12)
    assert header.sectionSize(1) >= NAME_MIN_CHARS * char or header.sectionSize(3) == int(
        (21 * char + 12) * FIXED_MIN_SHARE
    )
    assert header.sectionSize(0) == 16 * char + 12  # the code is read whole


def test_a_certificate_filter_keeps_the_rows_shown_until_its_own_arrive_and_the_newest_wins(
    qtbot, page
) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.services.registry.product_listing import NO_STARS

    page.star_filter.setCurrentIndex(page.star_filter.findData(4))
    assert page.products.loading and len(_names(page)) == 3  # read on a worker; the old rows stay
    page.star_filter.setCurrentIndex(page.star_filter.findData(NO_STARS))  # changed before it came
    finish_tasks(qtbot)
    assert not page.products.loading and _names(page) == ["Chè búp"]  # the older answer was dropped
    assert page.count_label.text() == "1 sản phẩm"


def test_scrolling_reads_the_next_page_on_a_worker_and_a_save_selects_the_product(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.products.page_size = 2
    page.hide()  # a shown view asks for the next page itself while it has room: here the test asks
    page.table.horizontalHeader().setSortIndicator(6, Qt.SortOrder.AscendingOrder)  # "Hiệu lực đến"
    finish_tasks(qtbot)
    assert page.model.rowCount() == 2 and page.model.canFetchMore()
    page.model.fetchMore()
    assert not page.model.canFetchMore()  # one read at a time
    finish_tasks(qtbot)
    assert _names(page)[-1] == "Chè búp" and page.model.rowCount() == 3  # no certificate: last
    page.show()
    honey = page.model.row_at(_names(page).index("Mật ong rừng"))
    page.show_saved(honey)  # after its dialog saved it: reloaded on a worker, then selected
    assert page.current_row() is None
    finish_tasks(qtbot)
    assert page.current_row() is not None and page.current_row().name == "Mật ong rừng"


def test_a_refresh_under_a_certificate_filter_keeps_the_count_shown_until_the_new_one(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """Another desk's change reloads the list every few seconds (ui.kit.change_watch): under a certificate
    filter the rows come from a worker, and the count shown must not blink while they do."""
    page.products.page_size = 2
    page.hide()  # the test asks for the rows itself
    page.table.horizontalHeader().setSortIndicator(6, Qt.SortOrder.AscendingOrder)  # "Hiệu lực đến"
    finish_tasks(qtbot)
    counted = page.model.known_total()
    assert counted == 3 and page.model.rowCount() == 2  # a first page, and the count of all
    page.model.refresh()
    assert page.model.known_total() == counted  # the old count stands in while the rows are read again
    finish_tasks(qtbot)
    assert page.model.known_total() == counted
