"""A simple bar chart for a printed report, drawn with ReportLab's own graphics (no other dependency):
horizontal bars, one row per label (the first on top), the series side by side or stacked, the values
printed at the end of the bars, a legend when there is more than one series. Every string names the
bundled serif: ReportLab's graphics default to Helvetica, which has no Vietnamese glyphs."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from ocop_desktop.printing.fonts import SERIF, SERIF_BOLD, register_fonts
from ocop_desktop.printing.markup import number

# grey-blue tones that stay apart on a black-and-white office printer
PALETTE = (colors.HexColor("#4a6fa5"), colors.HexColor("#c9a227"), colors.HexColor("#8c8c8c"))
LABEL_SIZE = 9
LABEL_CHARS = 42  # a longer label is cut, with "…"
ROW = 5.5 * mm  # one bar's row
SERIES_ROW = 3.6 * mm  # one bar of a group of series side by side


@dataclass(frozen=True)
class ReportChartData:
    title: str
    labels: tuple[str, ...]
    series: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]  # values[series][label]
    stacked: bool = False
    unit: str = ""


def value_text(value: float, unit: str = "") -> str:
    """A value as printed: 1.234 and 12,5 (Vietnamese), with its unit."""
    text = f"{int(value):,}".replace(",", ".") if float(value).is_integer() else number(value, 1)
    return f"{text}{unit}"


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _step(top: float) -> float:
    """A round step giving about five ticks up to `top`, at least 1 (counts are whole)."""
    raw = max(top / 5, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def bar_chart(c: ReportChartData, width: float, n: int = 1) -> Drawing:
    """The chart, titled "Biểu đồ <n>: <title>"."""
    register_fonts()
    labels = [_short(x) for x in c.labels]
    grouped = len(c.series) > 1 and not c.stacked
    plot_height = len(labels) * (SERIES_ROW * len(c.series) + 2 * mm if grouped else ROW)
    label_width = min(max(stringWidth(x, SERIF, LABEL_SIZE) for x in labels) + 3 * mm, width * 0.42)
    legend_height = 7 * mm if len(c.series) > 1 else 0
    title_height, axis_height = 8 * mm, 6 * mm
    height = title_height + plot_height + axis_height + legend_height
    drawing = Drawing(width, height, initialFontName=SERIF)  # not Helvetica, even unused
    title = f"Biểu đồ {n}: {c.title}"
    drawing.add(String(0, height - 5 * mm, title, fontName=SERIF_BOLD, fontSize=10))

    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, axis_height + legend_height
    chart.width, chart.height = width - label_width - 14 * mm, plot_height
    # the category axis runs top-down (below); so that a group's series read top-down in the legend's
    # order too, side-by-side series are given in reverse
    order = list(range(len(c.series)))[::-1] if grouped else list(range(len(c.series)))
    chart.data = [list(c.values[i]) for i in order]
    top = max((sum(col) for col in zip(*c.values, strict=True)) if c.stacked else (max(v) for v in c.values))
    step = _step(top * 1.08)
    chart.valueAxis.valueMin, chart.valueAxis.valueStep = 0, step
    chart.valueAxis.valueMax = max(step, math.ceil(top * 1.08 / step) * step)
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = SERIF, 8
    chart.valueAxis.labelTextFormat = lambda v: value_text(v, c.unit)
    chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = True, colors.Color(0.85, 0.85, 0.85)
    axis = chart.categoryAxis
    axis.categoryNames, axis.reverseDirection = labels, True  # the first label on top, as in the table
    axis.labels.fontName, axis.labels.fontSize = SERIF, LABEL_SIZE
    axis.labels.boxAnchor, axis.labels.dx = "e", -4
    axis.style = "stacked" if c.stacked else "parallel"
    axis.tickLeft = 0  # the labels end at the axis
    chart.barSpacing, chart.groupSpacing = 0.6, 2.5 * mm if grouped else 1.6 * mm
    chart.strokeColor = None
    for position, i in enumerate(order):
        chart.bars[position].fillColor, chart.bars[position].strokeColor = PALETTE[i % len(PALETTE)], None
    if not c.stacked:  # the number at the end of each bar (stacked segments: the table has them)
        chart.barLabelFormat = lambda v: value_text(v, c.unit)
        chart.barLabels.fontName, chart.barLabels.fontSize = SERIF, 8
        chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 2
    drawing.add(chart)
    if len(c.series) > 1:
        drawing.add(_legend(c, label_width))
    return drawing


def _legend(c: ReportChartData, x: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, 3 * mm
    legend.alignment, legend.boxAnchor = "right", "w"
    legend.columnMaximum, legend.deltax = 1, 30 * mm
    legend.fontName, legend.fontSize = SERIF, 8
    legend.dx = legend.dy = 3 * mm
    legend.strokeColor = None
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, name in enumerate(c.series)]
    return legend
