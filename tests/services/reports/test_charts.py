"""The charts of a report are its tables' numbers: checked against counts made here from the certificates
the test wrote, the top-N cut on a long table, and the printed PDF read back (titles, labels, values,
legend) with nothing in a base-14 font."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ocop_desktop.printing.report_chart import value_text
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.charts import TOP, charts_for
from ocop_desktop.services.reports.export import write_pdf
from ocop_desktop.services.reports.model import Report, ReportTable
from ocop_desktop.services.reports.plans import PlanLine, PlanService
from ocop_desktop.services.reports.service import REPORT_NAMES, ReportService, build
from tests.helpers.pdf import assert_sound_pdf, page_lines
from tests.services.reports.test_programme import work as work  # noqa: F401 - the fixture
from tests.services.reports.test_reports import ON, expected_current
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture


def test_certified_charts_count_what_the_certificates_say(province: AppContext) -> None:  # noqa: F811
    current = expected_current(ON).values()
    by_star, by_commune = charts_for(ReportService(province).certified(ON))
    assert by_star.labels == ("3 sao", "4 sao", "5 sao")
    assert by_star.values == (tuple(float(sum(1 for c in current if c.stars == n)) for n in (3, 4, 5)),)
    per_commune = Counter(c.commune for c in current)
    assert by_commune.stacked and by_commune.series == ("3 sao", "4 sao", "5 sao")
    names = {"00004": "Phường Ba Đình", "00070": "Phường Hoàn Kiếm", "00073": "Phường Cửa Nam"}
    assert {by_commune.labels[i]: by_commune.total(i) for i in range(len(by_commune.labels))} == {
        names[code]: n for code, n in per_commune.items()
    }
    assert by_commune.labels[0] == "Phường Ba Đình"  # the most products first


def test_targets_chart_is_the_area_wide_line(province: AppContext) -> None:  # noqa: F811
    groups = ReportService(province).product_groups(ON)
    PlanService(province).set(PlanLine(2026, "00073", "", 1, 0, 0), groups=groups)
    PlanService(province).set(PlanLine(2026, "", "", 10, 2, 3), groups=groups)
    (chart,) = charts_for(ReportService(province).targets(ON))
    assert chart.labels == ("Sản phẩm mới", "Nâng hạng", "Đánh giá lại")
    assert chart.series == ("Chỉ tiêu", "Đạt") and chart.title == "Chỉ tiêu và kết quả"
    assert chart.values == ((10.0, 2.0, 3.0), (2.0, 0.0, 0.0))  # Tinh dầu and Miến are new in 2026


def test_a_long_table_keeps_its_largest_rows() -> None:
    rows = tuple((f"{i:05d}", f"Xã {i}", i % 3, i, 0, i % 3 + i) for i in range(25))
    table = ReportTable("by_commune", "Theo xã/phường", ("Mã xã", "Xã/phường", "3", "4", "5", "Tổng"), rows)
    star = ReportTable("by_star", "", ("Hạng sao", "Số"), (("3 sao", 1),))
    (_, chart) = charts_for(Report("certified", "", ON, "", (star, table)))
    largest = sorted(rows, key=lambda r: -r[-1])[:TOP]
    assert chart.labels == tuple(r[1] for r in largest) and "(10 có nhiều" in chart.title
    assert [chart.total(i) for i in range(TOP)] == [r[-1] for r in largest]
    assert chart.values[1] == tuple(float(r[3]) for r in largest)  # the 4★ of each


def test_every_report_has_its_charts_or_none(work: AppContext) -> None:  # noqa: F811
    for name in REPORT_NAMES:
        report = build(ReportService(work), name, ON)
        for chart in charts_for(report):
            assert len(chart.values) == len(chart.series) and chart.labels
            assert all(len(v) == len(chart.labels) for v in chart.values), (name, chart.key)
    assert not charts_for(build(ReportService(work), "coverage", ON))


def chart_block(lines: list[str], title: str, tables: set[str]) -> list[str]:
    """The lines of a printed chart: from its title to the next chart or the first table's title."""
    start = lines.index(title)
    after = range(start + 1, len(lines))
    end = next((i for i in after if lines[i].startswith("Biểu đồ ") or lines[i] in tables), len(lines))
    return lines[start + 1 : end]


def test_pdf_prints_the_charts(province: AppContext, tmp_path: Path) -> None:  # noqa: F811
    groups = ReportService(province).product_groups(ON)
    PlanService(province).set(PlanLine(2026, "", "", 10, 2, 3), groups=groups)
    for name in ("certified", "targets"):
        report = build(ReportService(province), name, ON)
        path = write_pdf(report, "Sở Nông nghiệp", tmp_path / f"{name}.pdf")
        assert_sound_pdf(path)  # every chart string in the embedded serif: no Helvetica
        lines = [line for page in page_lines(path) for line in page]
        for n, chart in enumerate(charts_for(report), 1):
            block = chart_block(lines, f"Biểu đồ {n}: {chart.title}", {t.title for t in report.tables})
            assert len(block) < 40, block  # the chart's own lines, not the tables'
            assert set(chart.labels) <= set(block), (name, chart.labels, block)
            if len(chart.series) > 1:
                assert set(chart.series) <= set(block)
            if not chart.stacked:  # each bar's value at its end
                values = Counter(value_text(v, chart.unit) for series in chart.values for v in series)
                assert not values - Counter(block), (values, block)


def test_landscape_pages_put_two_charts_a_row(tmp_path: Path) -> None:

    from ocop_desktop.printing.report import ReportData, ReportTableData, render_report
    from ocop_desktop.printing.report_chart import ReportChartData

    charts = tuple(
        ReportChartData(f"Biểu đồ thử {i}", ("Một", "Hai"), ("Chỉ tiêu", "Đạt"), ((3.0, 1.0), (2.0, 0.0)))
        for i in range(3)
    )
    wide = ReportTableData("Bảng rộng", tuple(f"Cột {i}" for i in range(8)), ((*range(8),),))
    data = ReportData("targets", "Thử", "Sở", "Hà Nội", "Thành phố Hà Nội", ON, ON, (), (wide,), charts)
    path = tmp_path / "wide.pdf"
    path.write_bytes(render_report(data))
    assert_sound_pdf(path)
    page = page_lines(path)[0]  # three charts in two rows on the first landscape page
    titles = [line for line in page if line.startswith("Biểu đồ ")]
    assert titles == [f"Biểu đồ {n}: Biểu đồ thử {n - 1}" for n in (1, 2, 3)]
