"""A report as an XLSX workbook, written in openpyxl's write-only mode: one sheet per table (and a
summary sheet of the figures), a title block, the header row bold on grey, frozen and filtered, numbers as
numbers and dates as dates in Vietnamese formats, columns as wide as their contents. Write-only streams the
rows: the catalogue's 20,000 products take a few seconds, not the 20 of a workbook built in memory."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ocop_desktop.progress import Cancelled, Progress
from ocop_desktop.progress import report as report_progress
from ocop_desktop.services.reports.model import Cell, Report

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

HEADER_ROW = 6  # rows 1–4: the title block, 5: blank
DATE_FORMAT = "dd/mm/yyyy"
INT_FORMAT = "#,##0"
FLOAT_FORMAT = "#,##0.0"
SUMMARY = "Tổng hợp"
WIDTH_SAMPLE = 500  # rows read to size the columns


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


def workbook_bytes(
    report: Report, agency: str, made_on: date | None = None, progress: Progress | None = None
) -> bytes:
    """The workbook; with `progress`, the rows written are reported and a cancel raises `Cancelled`."""
    from openpyxl import Workbook

    made = made_on or date.today()
    wb = Workbook(write_only=True)
    rows = _RowsWritten(progress, sum(len(t.rows) for t in report.tables))
    try:
        if report.figures:
            sheet = _Sheet(wb.create_sheet(SUMMARY), None)
            sheet.write(
                _title(report, agency, made, None), ("Chỉ tiêu", "Giá trị"), report.figures, None, False
            )
        for name, table in zip(sheet_names(report), report.tables, strict=True):
            sheet = _Sheet(wb.create_sheet(name), rows)
            sheet.write(
                _title(report, agency, made, table.title), table.headers, table.rows, table.total, True
            )
        report_progress(progress, 0.9, "Đang nén tệp Excel…")
    except Cancelled:
        _discard(wb)
        raise
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _discard(wb: Any) -> None:
    """A cancelled workbook's sheets: each stream ended (an open one complains when collected) and its
    temporary file removed."""
    for ws in wb.worksheets:
        ws.close()
        ws._writer.cleanup()


class _RowsWritten:
    """The table rows written, reported every `EVERY` rows: nine tenths of the job, saving the rest."""

    EVERY = 500

    def __init__(self, progress: Progress | None, rows: int) -> None:
        self.progress, self.rows, self.done = progress, max(rows, 1), 0

    def step(self) -> None:
        self.done += 1
        if self.done % self.EVERY == 0:
            text = f"Đang ghi dòng {self.done:,}/{self.rows:,}…".replace(",", ".")
            report_progress(self.progress, 0.9 * self.done / self.rows, text)


def _title(report: Report, agency: str, made: date, subtitle: str | None) -> tuple[str, str, str, str]:
    """Rows 1–4: the office, the report (and the table), whose figures and the day, the day it was made."""
    heading = report.title.upper() if subtitle is None else f"{report.title.upper()} — {subtitle}"
    return (
        agency.upper(),
        heading,
        f"{report.scope} — Số liệu đến ngày {report.on:%d/%m/%Y}",
        f"Ngày lập: {made:%d/%m/%Y}",
    )


class _Sheet:
    def __init__(self, ws: WriteOnlyWorksheet, counted: _RowsWritten | None = None) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.ws = ws
        self.counted = counted  # None: the summary's figures, not table rows
        self.bold = Font(bold=True)
        self.grey = PatternFill("solid", fgColor="DDDDDD")
        self.centred = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.formats = {date: DATE_FORMAT, int: INT_FORMAT, float: FLOAT_FORMAT}

    def write(
        self,
        title: tuple[str, str, str, str],
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        total: Sequence[Cell] | None,
        filtered: bool,
    ) -> None:
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        ws = self.ws
        for letter, width in _widths(headers, rows).items():  # before any row: write-only needs it first
            ws.column_dimensions[letter].width = width
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        if filtered and rows:
            ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(headers))}{HEADER_ROW + len(rows)}"
        fonts = (self.bold, Font(bold=True, size=13), Font(italic=True), None)
        for text, font in zip(title, fonts, strict=True):
            ws.append([self._cell(text, font=font)])
        ws.append([])
        ws.append([self._cell(h, font=self.bold, fill=self.grey, alignment=self.centred) for h in headers])
        for row in rows:
            ws.append([self._value(v) for v in row])
            if self.counted is not None:
                self.counted.step()
        if total is not None:
            ws.append([self._value(v, bold=True) for v in total])

    def _value(self, value: Cell, *, bold: bool = False) -> Any:
        """A plain value where no style is needed (most cells: fast), a styled cell where one is."""
        number_format = None if isinstance(value, bool) else self.formats.get(type(value))
        if number_format is None and not bold:
            return value
        return self._cell(value, font=self.bold if bold else None, number_format=number_format)

    def _cell(self, value: Cell, **style: Any) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.ws, value)
        for name, setting in style.items():
            if setting is not None:
                setattr(cell, name, setting)
        return cell


def _widths(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> dict[str, float]:
    from openpyxl.utils import get_column_letter

    out: dict[str, float] = {}
    for i, head in enumerate(headers):
        longest = max(8, min(len(head), 24))
        for row in rows[:WIDTH_SAMPLE]:
            v = row[i] if i < len(row) else None
            longest = max(longest, 10 if isinstance(v, date) else len(str(v)) if v is not None else 0)
        out[get_column_letter(i + 1)] = min(longest + 2, 60)
    return out
