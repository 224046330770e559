"""The print preview: page count, A4 page images rendered lazily, navigation, zoom, saving a
copy and opening in the system viewer."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from ocop_desktop.printing import api
from ocop_desktop.ui.kit import system_open
from ocop_desktop.ui.printing import catalog, output
from ocop_desktop.ui.printing.entry import open_print_preview
from ocop_desktop.ui.printing.page_view import CACHE_PAGES
from ocop_desktop.ui.printing.pdf_pages import PdfPages
from ocop_desktop.ui.printing.preview import PrintPreviewDialog

A4_RATIO = 297 / 210


def blank_pages(path: Path, sizes: list[tuple[float, float]]) -> Path:
    writer = PdfWriter()
    for width, height in sizes:
        writer.add_blank_page(width=width, height=height)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


@pytest.fixture(scope="module")
def sheet_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The blank scoring sheet of set 1 (several pages, real content)."""
    out = tmp_path_factory.mktemp("sheet") / "sheet-01.pdf"
    return api.render("sheet", catalog.blank_data("sheet", 1), out)


@pytest.fixture
def preview(qtbot, sheet_pdf: Path):  # type: ignore[no-untyped-def]
    dialog = PrintPreviewDialog(
        sheet_pdf, "Phiếu chấm điểm – bộ 1", suggested_name="Phieu-cham-diem-bo-01.pdf"
    )
    qtbot.addWidget(dialog)
    dialog.resize(900, 1000)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()


def test_page_count_and_a4_page_images(preview: PrintPreviewDialog, sheet_pdf: Path) -> None:
    pages = len(PdfReader(sheet_pdf).pages)
    assert pages >= 5
    assert preview.page_text().strip() == f"Trang 1/{pages}"
    assert preview.windowTitle() == "Xem trước khi in – Phiếu chấm điểm – bộ 1"
    preview.grab()  # paint: renders what is in view
    image = preview.view.canvas.image(0)
    ratio = image.devicePixelRatio()
    assert abs(image.height() / image.width() - A4_RATIO) < 0.01
    # Rendered at screen resolution for the zoom shown, not at some fixed size.
    assert abs(image.width() / ratio - preview.view.canvas.rects[0].width()) <= 1
    assert image.pixelColor(2, 2).name() == "#ffffff"  # a white page …
    dark = sum(
        1
        for x in range(0, image.width(), 7)
        for y in range(0, image.height() // 3, 7)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 50  # … with the motto and the table printed on it


def test_only_visible_pages_are_rendered(preview: PrintPreviewDialog) -> None:
    preview.view.canvas.rendered.clear()
    preview.grab()
    shown = preview.view.visible_pages()
    assert set(preview.view.canvas.rendered) <= {n - 1 for n in shown}
    assert len(shown) < preview.view.page_count()


def test_navigation_updates_the_page_label(qtbot, preview: PrintPreviewDialog) -> None:  # type: ignore[no-untyped-def]
    total = preview.view.page_count()
    preview.next_action.trigger()
    assert preview.page_text().strip() == f"Trang 2/{total}"
    preview.page_spin.setValue(total)
    assert preview.page_text().strip() == f"Trang {total}/{total}"
    assert not preview.next_action.isEnabled() and preview.previous_action.isEnabled()
    assert preview.view.visible_pages()[-1] == total
    preview.previous_action.trigger()
    assert preview.view.current_page() == total - 1
    preview.view.verticalScrollBar().setValue(0)  # scrolling moves the label too
    assert preview.page_text().strip() == f"Trang 1/{total}"


def test_zoom_fit_width_real_size_and_steps(preview: PrintPreviewDialog) -> None:
    view = preview.view
    assert view.fit_width and preview.fit_action.isChecked()
    assert abs(view.canvas.rects[0].width() - (view.viewport().width() - 28)) <= 2
    preview.actual_action.trigger()
    assert preview.zoom_label.text() == "100 %" and not preview.fit_action.isChecked()
    a4_width_px = 210 / 25.4 * view.logicalDpiX()
    assert abs(view.canvas.rects[0].width() - a4_width_px) <= 2
    preview.zoom_in_action.trigger()
    assert preview.zoom_label.text() == "125 %"
    preview.zoom_out_action.trigger()
    preview.zoom_out_action.trigger()
    assert preview.zoom_label.text() == "80 %"
    preview.fit_action.trigger()
    assert view.fit_width


def test_a_long_document_keeps_few_images(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = blank_pages(tmp_path / "long.pdf", [(595.28, 841.89)] * 40 + [(841.89, 595.28)])
    dialog = open_print_preview(None, pdf, "Dài")
    qtbot.addWidget(dialog)
    assert dialog.page_text().strip() == "Trang 1/41"
    for page in range(1, 42, 3):
        dialog.view.go_to_page(page)
        dialog.grab()
    dialog.view.go_to_page(41)
    dialog.grab()
    assert len(dialog.view.canvas._cache) <= CACHE_PAGES
    landscape = dialog.view.canvas.image(40)
    assert abs(landscape.width() / landscape.height() - A4_RATIO) < 0.01
    dialog.close()


def test_save_as_copies_the_pdf_with_the_suggested_name(
    preview: PrintPreviewDialog, sheet_pdf: Path, tmp_path: Path
) -> None:
    asked: list[str] = []
    target = tmp_path / "chosen" / "ban-luu"
    target.parent.mkdir()
    preview.ask_save_path = lambda suggested: asked.append(suggested) or target  # type: ignore[method-assign]
    saved = preview.save_as()
    assert asked == ["Phieu-cham-diem-bo-01.pdf"]
    assert saved == target.with_name("ban-luu.pdf")
    assert saved.read_bytes() == sheet_pdf.read_bytes()
    assert "Đã lưu" in preview.status.text()
    preview.ask_save_path = lambda suggested: None  # type: ignore[method-assign]
    assert preview.save_as() is None


def test_open_in_the_system_viewer(
    preview: PrintPreviewDialog,
    sheet_pdf: Path,
    opened: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    messages,
) -> None:  # type: ignore[no-untyped-def]
    preview.open_action.trigger()
    assert opened == [sheet_pdf]
    monkeypatch.setattr(system_open, "open_path", lambda path: False)
    preview.open_action.trigger()
    assert "chưa có chương trình xem PDF" in messages.texts("warn")[0]


def test_a_file_that_is_not_a_pdf_is_a_plain_error(tmp_path: Path) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"not a pdf")
    from ocop_desktop.domain.errors import UserError

    with pytest.raises(UserError, match="Không mở được tệp PDF “hong.pdf”"):
        PdfPages(bad)


def test_file_names() -> None:
    assert output.suggested_name("mau01", "Cà phê bột Đắk Hà") == "Mau01-Ca-phe-bot-Dak-Ha.pdf"
    assert output.suggested_name("council-matrix") == "Ma-tran-hoi-dong.pdf"
    assert output.safe_file_name("Tất cả: phiếu/1.pdf") == "Tat-ca-phieu-1.pdf"
    assert output.preview_path("Mẫu 01.pdf").name == "Mau-01.pdf"
