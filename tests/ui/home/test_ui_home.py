"""The home page: counted on a worker, the most urgent line first and open, a record opens itself, a line
opens the report of them all; and the main window follows those requests to the right page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.home.page import TARGET, HomePage
from ocop_desktop.ui.shell.app import build_main_window
from tests.services.reports.test_programme import work as work  # noqa: F401 - the fixture
from tests.services.reports.test_reports import ON
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture


@pytest.fixture
def page(qtbot, work: AppContext) -> HomePage:  # type: ignore[no-untyped-def]  # noqa: F811
    p = HomePage(work)
    p.today = lambda: ON
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()  # showing it starts the count
    qtbot.waitUntil(lambda: p.task is None and p.summary is not None, timeout=30_000)
    return p


def test_lines_in_order_with_their_records(page: HomePage) -> None:
    tree = page.tree
    lines = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert lines[0].text(0) == "Quá hạn đánh giá cấp xã (1)"  # red first
    assert lines[0].isExpanded() and lines[0].child(0).text(0) == "Rượu"
    assert "quá hạn" in lines[0].child(0).text(1)
    assert any(line.text(0).startswith("Giấy chứng nhận đã hết hiệu lực") for line in lines)
    assert tree.currentItem() is lines[0]  # the keyboard starts on the most urgent line
    assert not page.nothing.isVisible()
    assert "Số liệu ngày" in page.state.text()
    assert page.figures.rowCount() >= 3
    assert [c.chart.key for c in page.charts.charts] == ["by_star"]  # no plan yet: no targets chart
    assert page.charts.charts[0].chart.values == ((2.0, 1.0, 1.0),)  # as the certified report counts


def test_a_record_opens_itself_and_a_line_opens_the_report(qtbot, page: HomePage) -> None:  # type: ignore[no-untyped-def]
    line = page.tree.topLevelItem(0)
    record = line.child(0)
    with qtbot.waitSignal(page.goTo) as opened:
        page.tree.setCurrentItem(record)
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert opened.args == ["dossiers/open", record.data(0, TARGET)[1]]
    with qtbot.waitSignal(page.goTo) as listed:
        page.tree.itemActivated.emit(line, 0)
    assert listed.args == ["reports/overdue", None]


def test_f5_counts_again(qtbot, page: HomePage) -> None:  # type: ignore[no-untyped-def]
    first = page.summary
    task = page.refresh()
    assert task is not None and page.state.text() == "Đang tính…"
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert page.summary is not first


def test_nothing_to_do_says_so(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    p = HomePage(ctx)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitUntil(lambda: p.task is None and p.summary is not None, timeout=30_000)
    assert p.nothing.isVisible() and not p.tree.isVisible()


def test_the_window_follows_the_home_page(qtbot, work: AppContext) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    window = build_main_window(work)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.summary_task is None)
    products = window.go_to("products/find", "Chè")
    assert window.current_page_name() == "products" and products.filter.text() == "Chè"
    reports = window.go_to("reports/expiring")
    assert window.current_page_name() == "reports"
    figures = reports.figures
    assert reports.parts.currentWidget() is figures and figures.chosen()[0] == "expiring"
    qtbot.waitUntil(lambda: figures.task is None and figures.report is not None, timeout=30_000)
    assert figures.report.key == "expiring"


def test_a_change_elsewhere_counts_again_keeping_what_the_officer_opened_and_chose(
    qtbot, page: HomePage
) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.services.core.changes import Changes

    page.recount_seconds = 0.0  # at most every 30 s in use; the test does not wait
    first_line = page.tree.topLevelItem(0)
    first_line.setExpanded(False)  # the officer closed the red line and chose a record of another
    chosen = next(
        page.tree.topLevelItem(i).child(0)
        for i in range(1, page.tree.topLevelItemCount())
        if page.tree.topLevelItem(i).childCount()
    )
    page.tree.setCurrentItem(chosen)
    target, before = chosen.data(0, TARGET), page.summary
    page.refresh_if(Changes(frozenset({"officer"})))  # not what the page counts
    assert page.task is None and not page.stale
    page.refresh_if(Changes(frozenset({"dossier"})))
    qtbot.waitUntil(lambda: page.task is None and page.summary is not before, timeout=30_000)
    assert not page.tree.topLevelItem(0).isExpanded()
    assert page.tree.currentItem().data(0, TARGET) == target
