"""Printing on a QPrinter (a PDF-writing one stands in for the print dialog's choice): every
page at real size, page ranges, copies, landscape pages, cancelling."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter

from ocop_desktop.domain.errors import Cancelled, UserError
from ocop_desktop.printing import api
from ocop_desktop.ui.kit.tasks import Progress
from ocop_desktop.ui.printing import catalog, printer
from ocop_desktop.ui.printing.preview import PrintPreviewDialog

A4 = (595.0, 842.0)  # points, as Qt's PDF writer rounds them


def sizes(path: Path) -> list[tuple[float, float]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(path).pages]


@pytest.fixture(scope="module")
def mixed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mẫu 01 (portrait, 2 pages) followed by the certificate (landscape, 1 page)."""
    folder = tmp_path_factory.mktemp("mixed")
    writer = PdfWriter()
    for form in ("mau01", "certificate"):
        writer.append(str(api.render(form, catalog.blank_data(form), folder / f"{form}.pdf")))
    out = folder / "mixed.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def test_every_page_prints_at_a4(
    mixed_pdf: Path, tmp_path: Path, make_printer: Callable[[Path], QPrinter]
) -> None:
    out = tmp_path / "printed.pdf"
    sent = printer.print_pdf(make_printer(out), mixed_pdf)
    pages = len(PdfReader(mixed_pdf).pages)
    assert sent == pages == len(PdfReader(out).pages)
    assert sizes(out) == [A4] * (pages - 1) + [A4[::-1]]  # the certificate comes out landscape


def test_page_range_copies_and_collation(
    mixed_pdf: Path, tmp_path: Path, make_printer: Callable[[Path], QPrinter]
) -> None:
    p = make_printer(tmp_path / "range.pdf")
    p.setPrintRange(QPrinter.PrintRange.PageRange)
    p.setPageRanges(QPageRanges.fromString("2-3"))  # type: ignore[attr-defined]
    p.setCopyCount(2)
    p.setCollateCopies(True)
    assert not p.supportsMultipleCopies()  # the PDF writer: copies are ours to make
    assert printer.print_sequence(p, printer.pages_to_print(p, 3)) == [2, 3, 2, 3]
    assert printer.print_pdf(p, mixed_pdf) == 4
    assert sizes(tmp_path / "range.pdf") == [A4, A4[::-1], A4, A4[::-1]]
    p.setCollateCopies(False)
    assert printer.print_sequence(p, printer.pages_to_print(p, 3)) == [2, 2, 3, 3]
    p.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert printer.pages_to_print(p, 3) == [3, 2]
    p.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert printer.pages_to_print(p, 3, current_page=2) == [2]
    p.setPrintRange(QPrinter.PrintRange.AllPages)
    p.setPageOrder(QPrinter.PageOrder.FirstPageFirst)
    assert printer.pages_to_print(p, 3) == [1, 2, 3]


def test_a_range_outside_the_document_is_a_plain_error(
    mixed_pdf: Path, tmp_path: Path, make_printer: Callable[[Path], QPrinter]
) -> None:
    p = make_printer(tmp_path / "none.pdf")
    p.setPrintRange(QPrinter.PrintRange.PageRange)
    p.setPageRanges(QPageRanges.fromString("7-9"))  # type: ignore[attr-defined]
    with pytest.raises(UserError, match="Không có trang nào"):
        printer.print_pdf(p, mixed_pdf)
    assert not (tmp_path / "none.pdf").exists()


def test_cancel_stops_and_leaves_no_file(
    mixed_pdf: Path, tmp_path: Path, make_printer: Callable[[Path], QPrinter]
) -> None:
    out = tmp_path / "cancelled.pdf"
    progress = Progress()
    seen: list[str] = []

    class CancelAfterFirst(Progress):
        def set(self, fraction: float, text: str = "") -> None:
            seen.append(text)
            if len(seen) == 2:
                progress.cancel()

        @property
        def cancelled(self) -> bool:
            return progress.cancelled

    with pytest.raises(Cancelled):
        printer.print_pdf(make_printer(out), mixed_pdf, CancelAfterFirst())
    assert seen[0].startswith("Đang in trang 1 (1/3)")
    assert not out.exists()


def test_a4_page_on_a4_paper_fills_it_and_shrinks_only_to_fit() -> None:
    px = 300 / 72
    a4_px = QRectF(0, 0, 595.28 * px, 841.89 * px)
    assert printer.target_rect(a4_px, QSizeF(595.28, 841.89), px, px) == a4_px
    letter = QRectF(0, 0, 612 * px, 792 * px)
    fitted = printer.target_rect(letter, QSizeF(595.28, 841.89), px, px)
    assert fitted.height() == pytest.approx(letter.height())
    assert fitted.width() / fitted.height() == pytest.approx(595.28 / 841.89)
    assert fitted.center().x() == pytest.approx(letter.center().x())


def test_print_from_the_preview_in_the_background(
    qtbot,
    mixed_pdf: Path,  # type: ignore[no-untyped-def]
    print_dialog: list[Path],
) -> None:
    dialog = PrintPreviewDialog(mixed_pdf, "Hỗn hợp")
    qtbot.addWidget(dialog)
    task = dialog.print_action.trigger() or dialog.print_task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert len(PdfReader(print_dialog[0]).pages) == 3
    assert dialog.status.text() == "Đã gửi 3 trang tới máy in."
    assert dialog.print_task is None
    dialog.close()
