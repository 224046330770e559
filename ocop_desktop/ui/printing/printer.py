"""Printing a PDF on a `QPrinter`: each page rendered by PDFium at the printer's resolution
(at most 300 dpi: text stays sharp, spool files stay reasonable) and drawn at its real size,
so an A4 form comes out at 100 % on A4 paper. Page range, current page, copies, collation and
page order from the print dialog are honoured.

`print_pdf` needs no dialog and no GUI thread (QPainter may paint on a QPrinter from a worker
thread), so it runs as a background job with progress and cancel, and tests call it with a
`QPrinter` writing a PDF file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ocop_desktop.domain.errors import Cancelled, UserError
from ocop_desktop.progress import Progress
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.printing.pdf_pages import POINTS_PER_INCH, PdfPages

MAX_DPI = 300
translate = QCoreApplication.translate  # thread-safe: progress texts come from the worker


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # we place the page ourselves, at real size from the paper's corner
    return printer


def choose_printer(
    parent: QWidget | None, page_count: int, current_page: int = 1, printer: QPrinter | None = None
) -> QPrinter | None:
    """The system print dialog; the configured printer, or None when the person cancelled.
    (Tests replace this function: the dialog is modal.)"""
    printer = printer or new_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Printing", "In"))
    options = QAbstractPrintDialog.PrintDialogOption
    dialog.setOptions(
        options.PrintPageRange
        | options.PrintCurrentPage
        | options.PrintToFile
        | options.PrintCollateCopies
        | options.PrintShowPageSize
    )
    dialog.setMinMax(1, max(page_count, 1))
    dialog.setFromTo(1, max(page_count, 1))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    printer.setFullPage(True)
    return printer if accepted else None


def print_with_dialog(
    parent: QWidget | None,
    pdf: Path,
    title: str,
    page_count: int,
    current_page: int = 1,
    on_done: Callable[[int], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
) -> Task | None:
    """The system print dialog, then the pages go to the printer in the background, with a
    progress dialog and "Hủy". None when the person closed the print dialog."""
    chosen = choose_printer(parent, page_count, current_page)
    if chosen is None:
        return None
    return run_task(
        print_job,
        chosen,
        Path(pdf),
        current_page,
        on_done=on_done,
        on_cancel=on_cancel,
        parent=parent,
        progress_title=translate("Printing", "Đang in %1").replace("%1", title),
    )


def pages_to_print(printer: QPrinter, page_count: int, current_page: int = 1) -> list[int]:
    """1-based page numbers chosen in the dialog (all, a range such as "1-3,6", or the current
    page), in printing order, for one copy."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        pages = [min(max(current_page, 1), page_count)] if page_count else []
    elif mode == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            pages = [n for n in range(1, page_count + 1) if ranges.contains(n)]
        else:
            first, last = max(printer.fromPage(), 1), printer.toPage() or page_count
            pages = list(range(first, min(last, page_count) + 1))
    else:
        pages = list(range(1, page_count + 1))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def print_sequence(printer: QPrinter, pages: list[int]) -> list[int]:
    """The pages in the order they go to the printer, copies included when the printer (or the
    PDF writer) does not make copies itself."""
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    if copies == 1:
        return list(pages)
    if printer.collateCopies():
        return [p for _ in range(copies) for p in pages]
    return [p for p in pages for _ in range(copies)]


def target_rect(paper: QRectF, page_points: QSizeF, px_per_point_x: float, px_per_point_y: float) -> QRectF:
    """Where a page of `page_points` goes on `paper` (device pixels): real size, centred (so an
    A4 page on A4 paper fills it exactly); shrunk to fit only when the paper is smaller."""
    w, h = page_points.width() * px_per_point_x, page_points.height() * px_per_point_y
    shrink = min(paper.width() / w, paper.height() / h, 1.0) if w and h else 1.0
    w, h = w * shrink, h * shrink
    return QRectF(
        QPointF(paper.x() + (paper.width() - w) / 2, paper.y() + (paper.height() - h) / 2), QSizeF(w, h)
    )


def print_pdf(printer: QPrinter, pdf: Path, progress: Progress | None = None, current_page: int = 1) -> int:
    """Print `pdf` on the configured `printer`; returns the number of sheets sent. `progress`
    (optional) gets `set(fraction, text)` and is polled for `cancelled`: a cancelled job is
    aborted and, when printing to a PDF file, leaves no file."""
    with PdfPages(Path(pdf)) as pages:
        sequence = print_sequence(printer, pages_to_print(printer, len(pages), current_page))
        if not sequence:
            raise UserError(translate("Printing", "Không có trang nào trong khoảng đã chọn để in."))
        painter = QPainter()
        try:
            for done, number in enumerate(sequence):
                if progress is not None:
                    if progress.cancelled:
                        raise Cancelled()
                    progress.set(
                        done / len(sequence),
                        translate("Printing", "Đang in trang %1 (%2/%3)…")
                        .replace("%1", str(number))
                        .replace("%2", str(done + 1))
                        .replace("%3", str(len(sequence))),
                    )
                _next_sheet(printer, painter, pages.page_size(number - 1), first=done == 0)
                _draw_page(printer, painter, pages, number - 1)
        except BaseException:
            _abort(printer, painter)
            raise
        if not painter.end():
            raise UserError(
                translate("Printing", "Máy in không nhận lệnh in. Hãy kiểm tra máy in rồi thử lại.")
            )
    if progress is not None:
        progress.set(1.0, translate("Printing", "Đã gửi lệnh in."))
    return len(sequence)


def print_job(progress: Progress, printer: QPrinter, pdf: Path, current_page: int = 1) -> int:
    """`print_pdf` in the shape `run_task` calls: `fn(progress, *args)`."""
    return print_pdf(printer, pdf, progress, current_page)


def _orientation(size: QSizeF) -> QPageLayout.Orientation:
    wide = size.width() > size.height()
    return QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait


def _next_sheet(printer: QPrinter, painter: QPainter, size: QSizeF, *, first: bool) -> None:
    """Start a sheet turned the way the page is (certificates and result lists are landscape)."""
    if printer.pageLayout().orientation() != _orientation(size):
        printer.setPageOrientation(_orientation(size))
    if first:
        if not painter.begin(printer):
            raise UserError(
                translate(
                    "Printing",
                    "Không bắt đầu in được. Hãy kiểm tra máy in (đã bật, còn giấy, đúng tệp đích) "
                    "rồi thử lại.",
                )
            )
    elif not printer.newPage():
        raise UserError(
            translate("Printing", "Máy in ngừng nhận trang mới. Hãy kiểm tra máy in rồi thử lại.")
        )


def _draw_page(printer: QPrinter, painter: QPainter, pages: PdfPages, index: int) -> None:
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    paper_pt = printer.paperRect(QPrinter.Unit.Point)
    sx, sy = paper.width() / paper_pt.width(), paper.height() / paper_pt.height()
    size = pages.page_size(index)
    painter.save()
    if (paper.width() > paper.height()) != (size.width() > size.height()) and size.width() != size.height():
        # The driver kept the sheet the other way round: turn the page a quarter instead.
        painter.translate(paper.width(), 0)
        painter.rotate(90)
        paper = QRectF(0, 0, paper.height(), paper.width())
        sx, sy = sy, sx
    rect = target_rect(QRectF(0, 0, paper.width(), paper.height()), size, sx, sy)
    dpi = min(max(sx, sy) * POINTS_PER_INCH, MAX_DPI)
    image = pages.render(index, dpi / POINTS_PER_INCH)
    painter.drawImage(rect, image)
    painter.restore()


def _abort(printer: QPrinter, painter: QPainter) -> None:
    printer.abort()
    if painter.isActive():
        painter.end()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        Path(printer.outputFileName()).unlink(missing_ok=True)
