"""A simple horizontal bar chart painted with QPainter: the title, one row per label (its name on the left,
elided when long), the series side by side or stacked, the value at the end of each bar, a legend when
there is more than one series. No QtCharts: it would add a module (and its QML/OpenGL dependencies) to the
installer for a few bars (docs/reports.md §Charts).

In the kit, not in `ui/reports`, because both the reports page and the home page draw charts and the UI
layers keep those two apart."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from ocop_desktop.services.reports.charts import Chart
from ocop_desktop.ui.kit.formatting import format_number
from ocop_desktop.ui.kit.report_labels import report_text
from ocop_desktop.ui.kit.style import MUTED

PALETTE = (QColor("#4a6fa5"), QColor("#c9a227"), QColor("#8c8c8c"))  # as the printed charts
GRID = QColor("#dddddd")
PAD = 6.0
LABEL_SHARE = 0.45  # at most this much of the width for the labels


def value_text(value: float, unit: str = "") -> str:
    text = format_number(value, 0 if float(value).is_integer() else 1)
    return f"{text}{unit}"


class BarChart(QWidget):
    def __init__(self, chart: Chart | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.set_chart(chart)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(150)

    def set_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self.setToolTip(
            report_text(chart.title) if chart else ""
        )  # the whole title, when the chart is narrow
        self.updateGeometry()
        self.update()

    # -- geometry (tests read it) ----------------------------------------------------------------
    def _grouped(self) -> bool:
        return self.chart is not None and len(self.chart.series) > 1 and not self.chart.stacked

    def _row_height(self) -> float:
        line = QFontMetrics(self.font()).height()
        if self.chart is not None and self._grouped():
            return line * 0.75 * len(self.chart.series) + PAD
        return line + PAD

    def _title_height(self) -> float:
        return QFontMetrics(self._bold()).height() + PAD

    def _legend_height(self) -> float:
        many = self.chart is not None and len(self.chart.series) > 1
        return QFontMetrics(self.font()).height() + PAD if many else 0.0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        rows = len(self.chart.labels) if self.chart else 0
        height = self._title_height() + rows * self._row_height() + self._legend_height() + PAD
        return QSize(420, int(height + 0.5))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(150, self.sizeHint().height())

    def label_width(self) -> float:
        if not self.chart or not self.chart.labels:
            return 0.0
        metrics = QFontMetrics(self.font())
        widest = max(metrics.horizontalAdvance(x) for x in self.chart.labels) + PAD
        return min(widest, self.width() * LABEL_SHARE)

    def plot_rect(self) -> QRectF:
        """Where the bars go: right of the labels, left of room for the longest value's text."""
        metrics = QFontMetrics(self.font())
        room = metrics.horizontalAdvance(value_text(self._top(), self.chart.unit if self.chart else "")) + PAD
        left = self.label_width() + PAD
        rows = len(self.chart.labels) if self.chart else 0
        return QRectF(
            left, self._title_height(), max(self.width() - left - room, 1.0), rows * self._row_height()
        )

    def _top(self) -> float:
        c = self.chart
        if c is None or not c.labels:
            return 0.0
        if c.stacked:
            return max(c.total(i) for i in range(len(c.labels)))
        return max(max(v) for v in c.values)

    def bars(self) -> list[list[QRectF]]:
        """bars()[label][series]: each bar's rectangle (zero wide for a zero)."""
        c = self.chart
        if c is None:
            return []
        plot, row = self.plot_rect(), self._row_height()
        scale = plot.width() / self._top() if self._top() > 0 else 0.0
        out = []
        for i in range(len(c.labels)):
            top = plot.top() + i * row + PAD / 2
            rects, x = [], plot.left()
            for s, values in enumerate(c.values):
                width = values[i] * scale
                if c.stacked:
                    rects.append(QRectF(x, top, width, row - PAD))
                    x += width
                else:
                    height = (row - PAD) / len(c.series)
                    rects.append(QRectF(plot.left(), top + s * height, width, height - 1))
            out.append(rects)
        return out

    # -- painting ----------------------------------------------------------------------------------
    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        c = self.chart
        if c is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        metrics = QFontMetrics(self.font())
        p.setFont(self._bold())
        title = QFontMetrics(self._bold()).elidedText(
            report_text(c.title), Qt.TextElideMode.ElideRight, self.width()
        )
        p.drawText(QRectF(0, 0, self.width(), self._title_height()), Qt.AlignmentFlag.AlignLeft, title)
        p.setFont(self.font())
        plot, row = self.plot_rect(), self._row_height()
        p.setPen(GRID)
        p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
        for i, (label, rects) in enumerate(zip(c.labels, self.bars(), strict=True)):
            band = QRectF(0, plot.top() + i * row, self.label_width(), row)
            p.setPen(self.palette().text().color())
            shown = metrics.elidedText(report_text(label), Qt.TextElideMode.ElideRight, int(band.width()))
            p.drawText(band, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
            for s, rect in enumerate(rects):
                p.fillRect(rect, PALETTE[s % len(PALETTE)])
            self._values(p, c, i, rects)
        if len(c.series) > 1:
            self._legend(p, c, plot)
        p.end()

    def _values(self, p: QPainter, c: Chart, i: int, rects: list[QRectF]) -> None:
        p.setPen(MUTED)
        ends = (
            [(max(r.right() for r in rects), rects[0], c.total(i))]
            if c.stacked
            else [(r.right(), r, c.values[s][i]) for s, r in enumerate(rects)]
        )
        for right, rect, value in ends:
            where = QRectF(right + 3, rect.top() - 2, 80, rect.height() + 4)
            p.drawText(
                where, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value_text(value, c.unit)
            )

    def _legend(self, p: QPainter, c: Chart, plot: QRectF) -> None:
        metrics = QFontMetrics(self.font())
        x, y, box = plot.left(), plot.bottom() + PAD, metrics.height() * 0.7
        for s, name in enumerate(report_text(n) for n in c.series):
            p.fillRect(QRectF(x, y + (metrics.height() - box) / 2, box, box), PALETTE[s % len(PALETTE)])
            p.setPen(self.palette().text().color())
            p.drawText(QPointF(x + box + 4, y + metrics.ascent()), name)
            x += box + 4 + metrics.horizontalAdvance(name) + 3 * PAD


class ChartGrid(QWidget):
    """Charts side by side, `columns` a row (the reports page's "Biểu đồ" tab, the home page's figures)."""

    def __init__(self, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.charts: list[BarChart] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(16)

    def set_charts(self, charts: tuple[Chart, ...]) -> None:
        for old in self.charts:
            self.grid.removeWidget(old)
            old.deleteLater()
        self.charts = [BarChart(c, self) for c in charts]
        for i, widget in enumerate(self.charts):
            self.grid.addWidget(widget, i // self.columns, i % self.columns, Qt.AlignmentFlag.AlignTop)
        for column in range(self.columns):
            self.grid.setColumnStretch(column, 1)
        self.grid.setRowStretch(len(self.charts) // self.columns + 1, 1)
