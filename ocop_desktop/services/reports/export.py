"""A report as a file: XLSX (openpyxl; one sheet per table, a title block with the office, the report, whose
figures and "Số liệu đến ngày …", the header row frozen and filtered, numbers as numbers and dates as dates
in Vietnamese formats, columns as wide as their contents) or an A4 PDF through the printing layer, with
the report's simple bar charts (`charts.py`). Both
written atomically: no half-written file, ever."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.printing.report import ReportData, ReportTableData, render_report
from ocop_desktop.printing.report_chart import ReportChartData
from ocop_desktop.services.reports.charts import charts_for
from ocop_desktop.services.reports.model import Report, ReportTable

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_ROW = 6  # rows 1–4: the title block, 5: blank
DATE_FORMAT = "dd/mm/yyyy"
INT_FORMAT = "#,##0"
FLOAT_FORMAT = "#,##0.0"
SUMMARY = "Tổng hợp"


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


def write_pdf(report: Report, agency: str, path: Path, *, made_on: date | None = None) -> Path:
    atomic_write_bytes(Path(path), render_report(pdf_data(report, agency, made_on or date.today())))
    return Path(path)


def sheet_names(report: Report) -> list[str]:
    """One name per table: its title, without the characters Excel refuses, at most 31 long, unique."""
    names: list[str] = []
    for t in report.tables:
        base = re.sub(r"[\[\]:*?/\\]", "-", t.title)[:31].strip() or t.key[:31]
        name, n = base, 2
        while name.lower() in (x.lower() for x in [*names, SUMMARY]):
            name = f"{base[: 31 - len(str(n)) - 1]} {n}"
            n += 1
        names.append(name)
    return names


def workbook_bytes(report: Report, agency: str, made_on: date | None = None) -> bytes:
    from openpyxl import Workbook

    made = made_on or date.today()
    wb = Workbook()
    first = wb.active
    assert first is not None
    if report.figures:
        first.title = SUMMARY
        _title_block(first, report, agency, made, None)
        first.append(["Chỉ tiêu", "Giá trị"])
        for label, value in report.figures:
            first.append([label, value])
        _style(first, 2, len(report.figures))
    else:
        wb.remove(first)
    for name, table in zip(sheet_names(report), report.tables, strict=True):
        ws = wb.create_sheet(name)
        _table_sheet(ws, report, table, agency, made)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def write_xlsx(report: Report, agency: str, path: Path, *, made_on: date | None = None) -> Path:
    atomic_write_bytes(Path(path), workbook_bytes(report, agency, made_on))
    return Path(path)


def _title_block(ws: Worksheet, report: Report, agency: str, made: date, subtitle: str | None) -> None:
    """Rows 1–4: the office, the report (and the table), whose figures and the day, the day it was made."""
    from openpyxl.styles import Font

    ws.append([agency.upper()])
    ws.append([report.title.upper() if subtitle is None else f"{report.title.upper()} — {subtitle}"])
    ws.append([f"{report.scope} — Số liệu đến ngày {report.on:%d/%m/%Y}"])
    ws.append([f"Ngày lập: {made:%d/%m/%Y}"])
    ws.append([])
    ws["A1"].font = Font(bold=True)
    ws["A2"].font = Font(bold=True, size=13)
    ws["A3"].font = Font(italic=True)


def _table_sheet(ws: Worksheet, report: Report, table: ReportTable, agency: str, made: date) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    _title_block(ws, report, agency, made, table.title)
    ws.append(list(table.headers))
    for row in table.rows:
        ws.append(list(row))
    if table.total is not None:
        ws.append(list(table.total))
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
    _style(ws, len(table.headers), len(table.rows) + (table.total is not None))
    if table.rows:
        last = get_column_letter(len(table.headers))
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(table.rows)}"


def _style(ws: Worksheet, width: int, count: int) -> None:
    """Header bold on grey and frozen; number formats; column widths from the contents."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    grey = PatternFill("solid", fgColor="DDDDDD")
    for cell in ws[HEADER_ROW]:
        cell.font = Font(bold=True)
        cell.fill = grey
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + count, max_col=width):
        for cell in row:
            if isinstance(cell.value, bool):
                continue
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, int):
                cell.number_format = INT_FORMAT
            elif isinstance(cell.value, float):
                cell.number_format = FLOAT_FORMAT
    for i in range(1, width + 1):
        longest = 8
        for (cell,) in ws.iter_rows(
            min_row=HEADER_ROW, max_row=HEADER_ROW + min(count, 500), min_col=i, max_col=i
        ):
            v = cell.value
            n = 10 if isinstance(v, date) else len(str(v)) if v is not None else 0
            if cell.row == HEADER_ROW:
                n = min(n, 24)
            longest = max(longest, n)
        ws.column_dimensions[get_column_letter(i)].width = min(longest + 2, 60)
