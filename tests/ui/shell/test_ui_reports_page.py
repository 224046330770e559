"""The Reports page: built from the main window, each button does its job (preview, print,
save, all 26 blank sheets, chosen dossiers), messages go to the RecordingSink."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from helpers.builders import TODAY, answer_everything, fill_producer_forms, make_product, provide_required  # noqa: I001
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.ui.shell.app import build_main_window
from ocop_desktop.ui.shell.reports_page import ReportsPage


@pytest.fixture
def window(qtbot, ctx):  # type: ignore[no-untyped-def]
    w = build_main_window(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


@pytest.fixture
def page(qtbot, window) -> ReportsPage:  # type: ignore[no-untyped-def]
    shown = window.show_page("reports")
    assert isinstance(shown, ReportsPage)
    assert shown.parts.currentWidget() is shown.figures and shown.figures.report is None  # nothing read yet
    shown.parts.setCurrentWidget(shown.forms_part)
    # the product sets and the dossiers are read in the background
    qtbot.waitUntil(lambda: shown.sets_task is None and shown.dossiers.load_task is None)
    return shown


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _wait_idle(qtbot, page: ReportsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: page.task is None and page.dossiers.task is None and page.dossiers.load_task is None,
        timeout=60_000,
    )


def _choose(page: ReportsPage, form: str, set_number: int = 1) -> None:
    page.form.setCurrentIndex(page.form.findData(form))
    page.product_set.setCurrentIndex(page.product_set.findData(set_number))


def test_page_lists_every_form_and_the_26_sets(page: ReportsPage) -> None:
    assert page.heading.text() == "Báo cáo và biểu mẫu"
    assert page.form.count() == 10 and page.product_set.count() == 26
    assert page.form.itemText(0).startswith("Mẫu 01 – Phiếu đăng ký")
    assert page.product_set.itemText(0).startswith("1. ")
    _choose(page, "mau01")
    assert not page.product_set.isEnabled()
    _choose(page, "sheet", 12)
    assert page.product_set.isEnabled() and page.chosen() == ("sheet", 12)
    assert page.all_sheets_button.text() == "In cả 26 phiếu trống…"
    assert page.dossiers.print_button.text() == "In hồ sơ đã chọn…"
    assert not page.dossiers.print_button.isEnabled()  # nothing chosen
    assert page.dossiers.empty.isVisible()


def test_preview_button_opens_the_blank_form(qtbot, page: ReportsPage) -> None:  # type: ignore[no-untyped-def]
    _choose(page, "mau01")
    _click(qtbot, page.preview_button)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=30_000)
    assert page.preview.windowTitle() == "Xem trước khi in – Mẫu 01"
    assert page.preview.page_text().strip() == "Trang 1/2"
    assert page.preview.suggested_name == "Mau01.pdf"
    page.preview.close()
    _wait_idle(qtbot, page)


def test_save_button_writes_the_chosen_file(qtbot, page: ReportsPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    target = tmp_path / "phieu.pdf"
    page.ask_save_path = lambda suggested: asked.append(suggested) or target  # type: ignore[method-assign]
    _choose(page, "checklist", 18)
    _click(qtbot, page.save_button)
    _wait_idle(qtbot, page)
    assert asked == ["Danh-muc-ho-so-bo-18.pdf"]
    assert "18." in (PdfReader(target).pages[0].extract_text() or "")


def test_print_button_goes_through_the_print_dialog(
    qtbot,
    page: ReportsPage,  # type: ignore[no-untyped-def]
    print_dialog: list[Path],
) -> None:
    _choose(page, "certificate")
    _click(qtbot, page.print_button)
    qtbot.waitUntil(lambda: bool(print_dialog) and page.task is None, timeout=30_000)
    printed = PdfReader(print_dialog[0]).pages
    assert len(printed) == 1 and printed[0].mediabox.width > printed[0].mediabox.height  # landscape


def test_all_blank_sheets_button(qtbot, page: ReportsPage) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, page.all_sheets_button)
    assert not page.all_sheets_button.isEnabled()  # one job at a time
    qtbot.waitUntil(lambda: page.preview is not None, timeout=60_000)
    total = len(PdfReader(page.preview.pdf_path).pages)
    assert total > 26 and page.preview.page_text().strip() == f"Trang 1/{total}"
    assert page.preview.suggested_name == "Phieu-cham-diem-26-bo.pdf"
    page.preview.close()
    _wait_idle(qtbot, page)
    assert page.all_sheets_button.isEnabled()


def _received(ctx: AppContext, tmp_path: Path) -> str:
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    fill_producer_forms(service, d.row.id)
    provide_required(ctx, d.row.id, tmp_path / d.row.id)
    answer_everything(ctx, d.row.id)
    service.act(d.row.id, "mark_complete")
    service.act(d.row.id, "receive", on=date(2026, 11, 20))
    return d.row.id


def test_print_chosen_dossiers(qtbot, window, ctx: AppContext, tmp_path: Path, messages) -> None:  # type: ignore[no-untyped-def]
    _received(ctx, tmp_path)
    DossierService(ctx, today=TODAY).create(make_product(ctx), "first")  # a draft: no receipt yet
    page = window.show_page("reports")
    panel = page.dossiers
    qtbot.waitUntil(lambda: panel.load_task is None and len(panel.rows) == 2, timeout=10_000)
    assert panel.table.model().rowCount() == 2 and not panel.empty.isVisible()
    assert panel.list.shown_rows()[0].product_name == "Cà phê bột nguyên chất"
    asked: list[int] = []
    panel.choose_forms = lambda n: asked.append(n) or ["mau01", "receipt"]  # type: ignore[method-assign]
    _click(qtbot, panel.all_button)
    _click(qtbot, panel.print_button)
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=60_000)
    assert asked == [2]
    assert panel.preview.windowTitle() == "Xem trước khi in – 2 hồ sơ"
    merged = PdfReader(panel.preview.pdf_path)
    assert len(merged.outline) == 3  # Mẫu 01 of both, the receipt of the received one
    assert panel.preview.page_text().strip() == f"Trang 1/{len(merged.pages)}"
    skipped = messages.texts("info")
    assert len(skipped) == 1 and "Phiếu tiếp nhận: Hồ sơ chưa được tiếp nhận" in skipped[0]
    panel.preview.close()
    _wait_idle(qtbot, page)


def test_choosing_no_form_prints_nothing(qtbot, window, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    DossierService(ctx, today=TODAY).create(make_product(ctx), "first")
    panel = window.show_page("reports").dossiers
    qtbot.waitUntil(lambda: panel.load_task is None and len(panel.rows) == 1, timeout=10_000)
    panel.table.selectRow(0)
    panel.choose_forms = lambda n: []  # type: ignore[method-assign]
    _click(qtbot, panel.print_button)
    assert panel.task is None and panel.preview is None
