"""The figures panel of the Reports page: nothing read until asked, the tables the service computes shown
cell by cell (numbers in the Vietnamese format, the total last), Excel and PDF written in the background."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.charts import charts_for
from ocop_desktop.services.reports.service import ReportService
from ocop_desktop.ui.reports.panel import FiguresPanel
from ocop_desktop.ui.reports.table_view import cell_text
from tests.helpers.pdf import pdf_text
from tests.services.reports.test_programme import work as work  # noqa: F401 - the fixture
from tests.services.reports.test_reports import ON
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture


@pytest.fixture
def panel(qtbot, work: AppContext) -> FiguresPanel:  # type: ignore[no-untyped-def]  # noqa: F811
    p = FiguresPanel(work)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    return p


def _compute(qtbot, panel: FiguresPanel, name: str, on: date) -> None:  # type: ignore[no-untyped-def]
    panel.choice.setCurrentIndex(panel.choice.findData(name))
    panel.day.setDate(QDate(on.year, on.month, on.day))
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.task is None and panel.report is not None, timeout=30_000)


def test_nothing_is_read_until_asked(panel: FiguresPanel) -> None:
    assert panel.task is None and panel.report is None
    assert not panel.xlsx_button.isEnabled() and not panel.pdf_button.isEnabled()
    assert panel.status.text() == "Chọn báo cáo và ngày, rồi bấm “Xem số liệu”."


@pytest.mark.parametrize("name", ["certified", "pass_rates", "returns"])
def test_the_tables_are_the_services(qtbot, panel: FiguresPanel, work: AppContext, name: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _compute(qtbot, panel, name, ON)
    want = getattr(ReportService(work), name)(ON)
    charts = charts_for(want)
    assert panel.tabs.count() == len(want.tables) + 1 and panel.tabs.tabText(0) == "Biểu đồ"  # charts first
    assert [c.chart for c in panel.charts.charts] == list(charts) and charts
    for i, table in enumerate(want.tables):
        assert panel.tabs.tabText(i + 1) == table.title
        view = panel.views[i]
        model = view.view.model()
        shown = [
            [model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
        rows = [*table.rows, *([table.total] if table.total is not None else [])]
        assert shown == [[cell_text(v) for v in row] for row in rows], table.key
    assert panel.xlsx_button.isEnabled() and "Số liệu đến ngày 01/09/2026" in panel.status.text()


def test_export_excel_and_pdf(qtbot, panel: FiguresPanel, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _compute(qtbot, panel, "pass_rates", ON)
    report = panel.report
    assert report is not None
    for kind in ("xlsx", "pdf"):
        target = tmp_path / f"r.{kind}"
        panel.ask_save_path = lambda _name, _kind, target=target: target  # type: ignore[method-assign]
        qtbot.mouseClick(panel.xlsx_button if kind == "xlsx" else panel.pdf_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.task is None, timeout=30_000)
        assert panel.saved == target and target.exists()
    ws = load_workbook(tmp_path / "r.xlsx")[report.tables[0].title[:31]]
    assert ws.cell(7, 1).value == report.tables[0].rows[0][0]
    assert "Đợt 1/2026" in pdf_text(tmp_path / "r.pdf")


def test_every_report_of_the_service_is_offered(panel: FiguresPanel) -> None:
    from ocop_desktop.services.reports.service import REPORT_NAMES

    offered = [panel.choice.itemData(i) for i in range(panel.choice.count())]
    assert sorted(offered) == sorted(REPORT_NAMES) and all(
        panel.choice.itemText(i) for i in range(len(offered))
    )


def test_the_catalogue_exports_as_csv_and_a_table_report_does_not(
    qtbot, panel: FiguresPanel, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _compute(qtbot, panel, "certified", ON)
    assert not panel.csv_button.isEnabled()  # several tables: Excel instead
    _compute(qtbot, panel, "catalogue", ON)
    assert panel.csv_button.isEnabled()
    target = tmp_path / "danh-muc.csv"
    panel.ask_save_path = lambda _name, _kind: target  # type: ignore[method-assign]
    qtbot.mouseClick(panel.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.task is None, timeout=30_000)
    assert panel.saved == target
    assert target.read_text(encoding="utf-8-sig").splitlines()[0].startswith("Mã sản phẩm,Sản phẩm")
