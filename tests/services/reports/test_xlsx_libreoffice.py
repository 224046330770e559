"""The XLSX files open where a reader opens them: LibreOffice converts each to PDF and the figures are
where a reader expects them. Needs `soffice` (Debian: apt-get install libreoffice-calc-nogui); CI
installs it, elsewhere the test skips with that hint."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.export import write_xlsx
from ocop_desktop.services.reports.service import ReportService
from tests.helpers.pdf import pdf_text
from tests.services.reports.test_reports import ON
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice not installed (Debian: apt-get install libreoffice-calc-nogui)"
)


def _to_pdf(xlsx: Path, out: Path) -> Path:
    assert SOFFICE is not None
    profile = f"-env:UserInstallation={(out / 'profile').as_uri()}"  # its own: no clash with a running one
    command = [SOFFICE, profile, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(xlsx)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return out / f"{xlsx.stem}.pdf"


@pytest.mark.parametrize("name", ["certified", "catalogue"])
def test_libreoffice_opens_the_xlsx_with_its_figures(province: AppContext, tmp_path: Path, name: str) -> None:  # noqa: F811
    report = getattr(ReportService(province), name)(ON)
    xlsx = write_xlsx(report, "Sở Nông nghiệp", tmp_path / f"{name}.xlsx")
    words = " ".join(pdf_text(_to_pdf(xlsx, tmp_path)).split())
    assert report.title.upper() in words
    first = report.tables[0]
    assert all(head.split()[0] in words for head in first.headers)
    row = first.rows[0]
    assert str(row[1]) in words  # a product (catalogue) or a count's label, as written
