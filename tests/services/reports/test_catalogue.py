"""The catalogue of certified products: exactly the products valid on the day (the upgrade's certificate
when two overlap, never a revoked or expired one), each with its producer's contact; as CSV (UTF-8 with
a BOM, dd/mm/yyyy) and through the CLI."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.catalogue import HEADERS, write_csv
from ocop_desktop.services.reports.service import ReportService
from tests.services.reports.test_reports import CERTS, ON, SET_NAMES, expected_current
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture


def test_the_catalogue_lists_the_valid_products_with_their_producers(province: AppContext) -> None:  # noqa: F811
    report = ReportService(province).catalogue(ON)
    table = report.tables[0]
    expected = expected_current(ON)
    assert sorted(r[1] for r in table.rows) == sorted(expected)
    for row in table.rows:
        cert = expected[str(row[1])]
        assert row[2] == f"{cert.product_set} – {SET_NAMES[cert.product_set]}"
        assert (row[3], row[4], row[5], row[9]) == (
            cert.stars,
            f"HTX {cert.product}",
            "An",
            f"{cert.product}/{cert.decided.year}",
        )
    assert [r[0] for r in table.rows] == sorted(str(r[0]) for r in table.rows)  # by product code
    figures = dict(report.figures)
    assert figures["Sản phẩm trong danh mục"] == len(expected)
    for n in (3, 4, 5):
        assert figures[f"{n} sao"] == sum(1 for c in expected.values() if c.stars == n)
    assert "Mật ong" in expected and next(r for r in table.rows if r[1] == "Mật ong")[3] == 4  # the upgrade


def test_csv_reads_back_in_excel_encoding(province: AppContext, tmp_path: Path) -> None:  # noqa: F811
    report = ReportService(province).catalogue(ON)
    path = write_csv(report, tmp_path / "danh-muc.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == HEADERS and len(rows) == len(report.tables[0].rows) + 1
    honey = next(r for r in rows if r[1] == "Mật ong")
    assert honey[10] == "01/10/2028"  # valid until (decided 01/10/2025), as a reader writes a date


def test_csv_of_a_report_with_several_tables_is_refused_and_writes_nothing(
    province: AppContext,  # noqa: F811
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError, match="nhiều bảng"):
        write_csv(ReportService(province).certified(ON), out / "x.csv")
    assert not list(out.iterdir())


def test_cli_writes_the_catalogue_as_csv(province: AppContext, tmp_path: Path) -> None:  # noqa: F811
    from ocop_desktop.main import main

    data = str(province.paths.data_dir)
    province.close()
    out = tmp_path / "c.csv"
    assert main(["--data-dir", data, "report", "catalogue", "--on", "01/09/2026", "--csv", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == len(expected_current(ON)) + 1
    assert len(CERTS) > len(expected_current(ON))  # some are out: revoked, expired
