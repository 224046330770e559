"""The QPainter bar chart: values become bar lengths in proportion (the largest fills the plot), a zero is
no bar, stacked segments follow each other, side-by-side series share a row; and it paints (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from ocop_desktop.services.reports.charts import Chart
from ocop_desktop.ui.kit.bar_chart import PALETTE, BarChart, ChartGrid

SIMPLE = Chart("by_star", "Theo hạng sao", ("3 sao", "4 sao", "5 sao"), ("Số sản phẩm",), ((8.0, 2.0, 0.0),))


@pytest.fixture
def chart(qtbot):  # type: ignore[no-untyped-def]
    widget = BarChart(SIMPLE)
    qtbot.addWidget(widget)
    widget.resize(500, widget.sizeHint().height())
    widget.show()
    return widget


def test_lengths_follow_the_values(chart: BarChart) -> None:
    plot = chart.plot_rect()
    (three,), (four,), (five,) = chart.bars()
    assert three.left() == four.left() == plot.left()
    assert three.width() == pytest.approx(plot.width())  # the largest value fills the plot
    assert four.width() == pytest.approx(plot.width() * 2 / 8)
    assert five.width() == 0
    assert three.top() < four.top() < five.top()  # in the table's order, top down


def test_a_wider_widget_keeps_the_proportions(chart: BarChart) -> None:
    before = [r[0].width() for r in chart.bars()]
    chart.resize(900, chart.height())
    after = [r[0].width() for r in chart.bars()]
    assert after[0] > before[0] and after[1] / after[0] == pytest.approx(0.25)


def test_stacked_segments_follow_each_other(qtbot) -> None:  # type: ignore[no-untyped-def]
    values = ((1.0, 3.0), (2.0, 0.0), (1.0, 1.0))
    stars = Chart("c", "Theo xã", ("A", "B"), ("3 sao", "4 sao", "5 sao"), values, stacked=True)
    widget = BarChart(stars)
    qtbot.addWidget(widget)
    widget.resize(600, 200)
    a, b = widget.bars()
    assert [r.left() for r in a[1:]] == pytest.approx([r.right() for r in a[:-1]])
    assert a[-1].right() - a[0].left() == pytest.approx(widget.plot_rect().width())  # 4 is the largest total
    assert b[-1].right() - b[0].left() == pytest.approx(widget.plot_rect().width())
    assert b[1].width() == 0 and a[1].width() == pytest.approx(widget.plot_rect().width() / 2)


def test_side_by_side_series_share_a_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    targets = Chart("t", "Chỉ tiêu", ("Mới", "Nâng hạng"), ("Chỉ tiêu", "Đạt"), ((10.0, 2.0), (5.0, 0.0)))
    widget = BarChart(targets)
    qtbot.addWidget(widget)
    widget.resize(600, widget.sizeHint().height())
    (target, done), (up, up_done) = widget.bars()
    assert target.bottom() <= done.top() and done.bottom() < up.top()
    assert done.width() == pytest.approx(target.width() / 2) and up_done.width() == 0


def test_it_paints_the_bars(chart: BarChart) -> None:
    image = chart.grab().toImage()
    three = chart.bars()[0][0]
    inside = image.pixelColor(int(three.center().x()), int(three.center().y()))
    assert inside == QColor(PALETTE[0])
    past_five = chart.bars()[2][0].left() + 40
    assert image.pixelColor(int(past_five), int(chart.bars()[2][0].center().y())) != QColor(PALETTE[0])


def test_grid_replaces_its_charts(qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = ChartGrid(2)
    qtbot.addWidget(grid)
    grid.set_charts((SIMPLE, SIMPLE, SIMPLE))
    assert len(grid.charts) == 3 and grid.grid.itemAtPosition(1, 0).widget() is grid.charts[2]
    grid.set_charts(())
    assert grid.charts == []
