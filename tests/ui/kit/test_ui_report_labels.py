"""No Vietnamese left in English mode on the reports page and the home page: every title, header,
figure and total-row word of every report is known to `report_text` (numbers inside a label
included), and Vietnamese mode shows the reports' own words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.demo.load import load_demo_data
from ocop_desktop.services.reports.charts import charts_for
from ocop_desktop.services.reports.model import Report
from ocop_desktop.services.reports.service import ReportService
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.kit.report_labels import report_text

REPORTS = ("certified", "coverage", "expiring", "dossiers", "pass_rates", "upgrades", "returns", "overdue")
REPORTS += ("years", "targets", "catalogue")
LETTER = re.compile(r"[^\W\d_]")


@pytest.fixture
def english() -> Iterator[None]:
    assert install_language("en") == "en"
    yield
    install_language("vi")


def _labels(report: Report) -> set[str]:
    """What a reader sees that the service wrote: not the records' names, codes or dates."""
    out = {report.title, *(label for label, _ in report.figures)}
    for chart in charts_for(report):  # the chart's labels are the table's rows: names, checked there
        out |= {chart.title, *chart.series}
    for table in report.tables:
        out |= {table.title, *table.headers}
        out |= {c for c in table.total or () if isinstance(c, str)}
    return {text for text in out if LETTER.search(text)}


@pytest.fixture
def reports(empty_ctx: AppContext) -> list[Report]:
    load_demo_data(empty_ctx, scale="commune", seed=5)
    service = ReportService(empty_ctx)
    return [getattr(service, name)(date(2026, 12, 4)) for name in REPORTS]


@pytest.mark.usefixtures("english")
def test_english_mode_knows_every_label_of_every_report(reports: list[Report]) -> None:
    labels = set().union(*(_labels(r) for r in reports))
    assert len(labels) > 80
    unknown = sorted(label for label in labels if report_text(label) == label)
    assert not unknown, unknown


@pytest.mark.usefixtures("english")
def test_numbers_inside_a_label_are_kept() -> None:
    assert report_text("Sản phẩm mới từ 3 sao năm 2026") == "New products of 3 stars or more in 2026"
    assert report_text("Còn hiệu lực (04/12/2026)") == "Valid (04/12/2026)"
    assert report_text("12/140 xã/phường") == "12/140 communes/wards"
    assert report_text("Đã có quyết định") == "Decided"  # a status: the domain's own table
    assert report_text("HTX Chè Tân Cương") == "HTX Chè Tân Cương"  # a name is no label
    assert report_text("66-24235-007-2025") == "66-24235-007-2025"


def test_vietnamese_mode_shows_the_reports_own_words(reports: list[Report]) -> None:
    for label in set().union(*(_labels(r) for r in reports)):
        assert report_text(label) == label
