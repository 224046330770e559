"""A report as a file: XLSX (`reports.xlsx`: one sheet per table, a title block with the office, the report,
whose figures and "Số liệu đến ngày …", the header row frozen and filtered, numbers as numbers and dates as
dates in Vietnamese formats) or an A4 PDF through the printing layer, with the report's simple bar charts
(`charts.py`). Both written atomically: no half-written file, ever."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.printing.report import ReportData, ReportTableData, render_report
from ocop_desktop.printing.report_chart import ReportChartData
from ocop_desktop.progress import Progress
from ocop_desktop.progress import report as report_progress
from ocop_desktop.services.reports.charts import charts_for
from ocop_desktop.services.reports.model import Report
from ocop_desktop.services.reports.xlsx import HEADER_ROW, SUMMARY, sheet_names, workbook_bytes

__all__ = ["HEADER_ROW", "SUMMARY", "sheet_names", "workbook_bytes", "write_pdf", "write_xlsx"]


def place_of(scope: str) -> str:
    """ "Thành phố Hà Nội" → "Hà Nội": the place a date line names."""
    return re.sub(r"^(Thành phố|Tỉnh|Phường|Xã|Đặc khu)\s+", "", scope)


def pdf_data(report: Report, agency: str, made_on: date) -> ReportData:
    return ReportData(
        key=report.key,
        title=report.title,
        agency=agency,
        place=place_of(report.scope),
        scope=report.scope,
        on=report.on,
        made_on=made_on,
        figures=report.figures,
        tables=tuple(ReportTableData(t.title, t.headers, t.rows, t.total) for t in report.tables),
        charts=tuple(
            ReportChartData(c.title, c.labels, c.series, c.values, c.stacked, c.unit)
            for c in charts_for(report)
        ),
    )


def write_pdf(
    report: Report, agency: str, path: Path, *, made_on: date | None = None, progress: Progress | None = None
) -> Path:
    """The A4 PDF; with `progress`, its steps are reported, and a cancel (`Cancelled`) writes nothing."""
    pdf = render_report(pdf_data(report, agency, made_on or date.today()), progress)
    return _write(Path(path), pdf, progress)


def write_xlsx(
    report: Report, agency: str, path: Path, *, made_on: date | None = None, progress: Progress | None = None
) -> Path:
    """The XLSX workbook; with `progress` as `write_pdf`."""
    return _write(Path(path), workbook_bytes(report, agency, made_on, progress), progress)


def _write(path: Path, data: bytes, progress: Progress | None) -> Path:
    report_progress(progress, 0.98, "Đang ghi tệp…")  # the last chance to cancel: nothing on disk yet
    atomic_write_bytes(path, data)
    if progress is not None:
        progress.set(1.0, "Đã ghi xong.")
    return path
