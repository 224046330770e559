"""The pages of a PDF as images, through PDFium (pypdfium2: wheels for Windows and Linux, no
system library).

PDFium is not thread-safe, not even across different documents: every call into it, including
closing pages and bitmaps, holds `PDFIUM_LOCK`. The preview renders on the GUI thread and the
print job on a worker, so the lock is what keeps them apart; objects are closed explicitly
inside it rather than left to garbage collection (which could run a finaliser on any thread).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QCoreApplication, QSizeF
from PySide6.QtGui import QImage

from ocop_desktop.domain.errors import UserError

PDFIUM_LOCK = threading.RLock()
POINTS_PER_INCH = 72.0
translate = QCoreApplication.translate


class PdfPages:
    """An open PDF: page count, page sizes in points, and pages rendered to `QImage`."""

    def __init__(self, source: Path | bytes) -> None:
        self.source = source
        self._doc: pdfium.PdfDocument | None = None
        doc = self._document()
        with PDFIUM_LOCK:
            self._sizes = [QSizeF(*doc.get_page_size(i)) for i in range(len(doc))]

    def _document(self) -> pdfium.PdfDocument:
        """The open document (opened again after `close()`)."""
        with PDFIUM_LOCK:
            if self._doc is None:
                source = self.source
                try:
                    self._doc = pdfium.PdfDocument(str(source) if isinstance(source, Path) else source)
                except (pdfium.PdfiumError, OSError) as exc:
                    name = source.name if isinstance(source, Path) else "PDF"
                    raise UserError(
                        translate("Printing", "Không mở được tệp PDF “%1”.").replace("%1", name),
                        detail=str(exc),
                    ) from exc
            return self._doc

    def __len__(self) -> int:
        return len(self._sizes)

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    def page_size(self, index: int) -> QSizeF:
        """Size of page `index` (0-based) in points (1/72 inch), as the page is displayed."""
        return QSizeF(self._sizes[index])

    def render(self, index: int, scale: float, *, gray: bool = False) -> QImage:
        """Page `index` at `scale` pixels per point (72 dpi × scale), white background. The image
        owns its memory (the PDFium bitmap is freed before returning)."""
        with PDFIUM_LOCK:
            page = self._document()[index]
            try:
                if gray:
                    bitmap = page.render(
                        scale=scale,
                        grayscale=True,
                        may_draw_forms=False,
                        force_bitmap_format=pdfium_c.FPDFBitmap_Gray,
                    )
                    fmt = QImage.Format.Format_Grayscale8
                else:
                    bitmap = page.render(
                        scale=scale, may_draw_forms=False, force_bitmap_format=pdfium_c.FPDFBitmap_BGRx
                    )
                    fmt = QImage.Format.Format_RGB32  # 0xffRRGGBB: BGRx in memory on little-endian
                try:
                    return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
                finally:
                    bitmap.close()
            finally:
                page.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self._doc is not None:
                self._doc.close()
                self._doc = None

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
