"""The simple bar charts of a report, drawn from its tables (never from the database: a chart and the
table beside it always agree). The PDF draws them with ReportLab's graphics, the GUI with QPainter
(docs/reports.md §Charts). Each chart is a few labelled bars, one or more series each; long lists are cut
to their `TOP` largest, and the title says so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ocop_desktop.services.reports.model import Cell, Report, ReportTable

TOP = 10  # bars of a chart over a long list (communes, reasons)
STAR_SERIES = ("3 sao", "4 sao", "5 sao")


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    labels: tuple[str, ...]  # one per bar (or group of bars)
    series: tuple[str, ...]  # the legend: one name per series
    values: tuple[tuple[float, ...], ...]  # values[series][label]
    stacked: bool = False  # the series of a label stacked in one bar (stars of a commune), else side by side
    unit: str = ""  # "%" for rates

    def total(self, label: int) -> float:
        return sum(v[label] for v in self.values)


def _number(cell: Cell) -> float:
    return float(cell) if isinstance(cell, int | float) else 0.0


def _column(
    table: ReportTable,
    key: str,
    title: str,
    label: Callable[[tuple[Cell, ...]], str],
    value: int,
    *,
    unit: str = "",
) -> Chart | None:
    """One bar per row: its label and the number in column `value`."""
    if not table.rows:
        return None
    return Chart(
        key,
        title,
        tuple(label(r) for r in table.rows),
        (table.headers[value],),
        (tuple(_number(r[value]) for r in table.rows),),
        unit=unit,
    )


def _top_by_star(table: ReportTable, key: str, title: str, name: int) -> Chart | None:
    """The `TOP` rows with the most products, each a bar of its 3★, 4★ and 5★ stacked (none for a single
    row: a commune's own report)."""
    if len(table.rows) < 2:
        return None
    stars = len(table.headers) - 4  # the 3, 4, 5 sao columns before "Tổng"
    rows = sorted(table.rows, key=lambda r: -_number(r[-1]))[:TOP]
    more = f" ({TOP} có nhiều sản phẩm nhất)" if len(table.rows) > TOP else ""
    return Chart(
        key,
        title + more,
        tuple(str(r[name]) for r in rows),
        STAR_SERIES,
        tuple(tuple(_number(r[stars + i]) for r in rows) for i in range(3)),
        stacked=True,
    )


def _targets(table: ReportTable, key: str, title: str) -> Chart | None:
    """Target against achieved for each kind, on the line for the whole area and every group (or the first
    line when there is none such)."""
    if not table.rows:
        return None
    row = next((r for r in table.rows if r[1] == "Tất cả"), table.rows[0])
    kinds = ("Sản phẩm mới", "Nâng hạng", "Đánh giá lại")
    named = [str(row[1])] if row[1] != "Tất cả" else []
    if table.key == "targets" and row[0] != "Toàn địa bàn":  # the province's targets: always this commune's
        named.insert(0, str(row[0]))
    where = f" — {', '.join(named)}" if named else ""
    return Chart(
        key,
        f"{title}{where}",
        kinds,
        ("Chỉ tiêu", "Đạt"),
        (tuple(_number(row[2 + 3 * i]) for i in range(3)), tuple(_number(row[3 + 3 * i]) for i in range(3))),
    )


def _targets_charts(report: Report) -> list[Chart | None]:
    out = [_targets(report.table("targets"), "targets", "Chỉ tiêu và kết quả")]
    if any(t.key == "province_targets" for t in report.tables):
        out.append(
            _targets(report.table("province_targets"), "province_targets", "Chỉ tiêu tỉnh giao và kết quả")
        )
    return out


def _top(chart: Chart | None) -> Chart | None:
    """A one-series chart cut to its `TOP` largest bars."""
    if chart is None or len(chart.labels) <= TOP:
        return chart
    order = sorted(range(len(chart.labels)), key=lambda i: -chart.values[0][i])[:TOP]
    return Chart(
        chart.key,
        f"{chart.title} ({TOP} nhiều nhất)",
        tuple(chart.labels[i] for i in order),
        chart.series,
        (tuple(chart.values[0][i] for i in order),),
        unit=chart.unit,
    )


def _first(r: tuple[Cell, ...]) -> str:
    return str(r[0])


def _name(r: tuple[Cell, ...]) -> str:
    return str(r[1])


BUILDERS: dict[str, Callable[[Report], list[Chart | None]]] = {
    "certified": lambda r: [
        _column(r.table("by_star"), "by_star", "Sản phẩm còn hiệu lực theo hạng sao", _first, 1),
        _top_by_star(r.table("by_commune"), "by_commune", "Sản phẩm theo xã/phường", 1),
    ],
    "dossiers": lambda r: [_column(r.table("by_status"), "by_status", "Hồ sơ theo trạng thái", _first, -1)],
    "pass_rates": lambda r: [
        _column(r.table("pass_rates"), "pass_rates", "Tỷ lệ công nhận theo đợt (%)", _first, 5, unit="%")
    ],
    "upgrades": lambda r: [
        _column(r.table("upgrades_by_year"), "upgrades", "Sản phẩm nâng hạng theo năm", _first, -1)
    ],
    "returns": lambda r: [
        _top(_column(r.table("return_reasons"), "return_reasons", "Lý do trả lại hồ sơ", _first, 1))
    ],
    "overdue": lambda r: [
        _top(_column(r.table("overdue_by_commune"), "overdue", "Hồ sơ quá hạn theo xã/phường", _name, 2))
    ],
    "years": lambda r: [_column(r.table("years"), "years", "Sản phẩm còn hiệu lực qua các năm", _first, 5)],
    "targets": _targets_charts,
}


def charts_for(report: Report) -> tuple[Chart, ...]:
    """The charts of `report` (none for the lists: coverage, expiring)."""
    build = BUILDERS.get(report.key)
    return tuple(c for c in build(report) if c is not None) if build else ()
