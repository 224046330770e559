"""Every report as XLSX and PDF: read back (openpyxl, the PDF's text) and compared with the service's
figures, cell by cell for the workbook."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ocop_desktop.printing.report import text
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.export import HEADER_ROW, SUMMARY, sheet_names, write_pdf, write_xlsx
from ocop_desktop.services.reports.service import REPORT_NAMES, ReportService, build
from tests.helpers.pdf import assert_sound_pdf, pdf_text
from tests.services.reports.test_programme import work as work  # noqa: F401 - the fixture
from tests.services.reports.test_reports import ON
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture

MADE = date(2026, 9, 2)


def plain(v: object) -> object:
    """A cell as read back: openpyxl gives dates as datetimes, empty cells as None."""
    if isinstance(v, datetime):
        return v.date()
    return "" if v is None else v


@pytest.mark.parametrize("name", list(REPORT_NAMES))
def test_xlsx_holds_every_cell(work: AppContext, tmp_path: Path, name: str) -> None:  # noqa: F811
    report = build(ReportService(work), name, ON)
    path = write_xlsx(report, "Sở Nông nghiệp", tmp_path / f"{name}.xlsx", made_on=MADE)
    wb = load_workbook(path)
    names = sheet_names(report)
    assert wb.sheetnames == ([SUMMARY] if report.figures else []) + names
    if report.figures:
        ws = wb[SUMMARY]
        got = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=HEADER_ROW + 1, max_col=2)]
        assert got == [tuple(f) for f in report.figures]
    for sheet, table in zip(names, report.tables, strict=True):
        ws = wb[sheet]
        assert ws["A1"].value == "SỞ NÔNG NGHIỆP"
        assert ws["A2"].value == f"{report.title.upper()} — {table.title}"
        assert "Số liệu đến ngày 01/09/2026" in ws["A3"].value
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
        width = len(table.headers)
        rows = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=HEADER_ROW, max_col=width)]
        want = [table.headers, *table.rows] + ([table.total] if table.total is not None else [])
        assert [tuple(plain(v) for v in r) for r in rows] == [
            tuple("" if v is None else v for v in r) for r in want
        ], sheet
        formats = {int: "#,##0", float: "#,##0.0", date: "dd/mm/yyyy"}
        for written, r in zip(table.rows, ws.iter_rows(min_row=HEADER_ROW + 1, max_col=width), strict=False):
            for v, c in zip(written, r, strict=True):
                if type(v) in formats:
                    assert c.number_format == formats[type(v)], (sheet, v)
        if table.rows:
            assert ws.auto_filter.ref is not None


@pytest.mark.parametrize("name", list(REPORT_NAMES))
def test_pdf_says_the_figures(work: AppContext, tmp_path: Path, name: str) -> None:  # noqa: F811
    report = build(ReportService(work), name, ON)
    path = write_pdf(report, "Sở Nông nghiệp", tmp_path / f"{name}.pdf", made_on=MADE)
    assert_sound_pdf(path)
    words = " ".join(pdf_text(path).split())
    assert report.title.upper() in words and "Số liệu đến ngày 01/09/2026" in words
    for label, value in report.figures:
        assert f"{label}: {text(value)}" in words
    for table in report.tables:
        assert table.title in words
        for row in (*table.rows, *([table.total] if table.total else [])):
            assert " ".join(text(v) for v in row if text(v)) in words, row


def test_cli_writes_both(work: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    from ocop_desktop.main import main

    xlsx, pdf = tmp_path / "a.xlsx", tmp_path / "a.pdf"
    data = str(work.paths.data_dir)
    work.close()
    args = ["--data-dir", data, "report", "pass_rates", "--on", "01/09/2026"]
    assert main([*args, "--xlsx", str(xlsx), "--pdf", str(pdf)]) == 0
    assert xlsx.exists() and pdf.exists()
    assert "Đợt 1/2026" in pdf_text(pdf)
