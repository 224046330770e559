"""A4 pages per Decree 30/2020 (margins: top 20, bottom 20+, left 30, right 15 mm) with a
footer on every page: the QR code, its payload text and "Trang x/y".

"x/y" needs the page count before the first page is finished, so the canvas keeps every
page's drawing operations and writes them out in `save`, adding the footer then (the usual
ReportLab two-phase canvas). Output is deterministic: `invariant=1` fixes the creation date
and document id, so the same data gives the same bytes.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from ocop_desktop.printing.fonts import SERIF, register_fonts
from ocop_desktop.printing.qr import QrPayload, draw_qr

QR_SIZE = 16 * mm
FOOTER_Y = 7 * mm
MARGINS = {"top": 20 * mm, "bottom": 26 * mm, "left": 30 * mm, "right": 15 * mm}
LANDSCAPE_MARGINS = {"top": 15 * mm, "bottom": 26 * mm, "left": 20 * mm, "right": 15 * mm}
PRODUCER = "OCOP Desktop"
PagesDone = Callable[[int, int], None]  # (pages finished, pages)
PORTRAIT_WIDTH = A4[0] - MARGINS["left"] - MARGINS["right"]  # 165 mm of text column
LANDSCAPE_WIDTH = A4[1] - LANDSCAPE_MARGINS["left"] - LANDSCAPE_MARGINS["right"]  # 262 mm


class Section(Flowable):
    """Starts a new numbered section (one form in a combined PDF): pages from here on carry
    `payload` in their QR code and are numbered "Trang 1/n" within the section. `on_start` is
    called when layout reaches it (progress reporting and cancellation of batch jobs)."""

    def __init__(self, payload: QrPayload, on_start: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.payload = payload
        self.on_start = on_start

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.on_start is not None:
            self.on_start()
        self.canv._section = self.payload  # type: ignore[attr-defined]


class _FooterCanvas(Canvas):
    """Defers each page until the page count is known, then stamps the footer on all of them."""

    def __init__(
        self,
        *args: Any,
        payload: QrPayload,
        left: float,
        right: float,
        on_page: PagesDone | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._section = payload
        self._on_page = on_page
        self._left = left
        self._right = right
        self._deferred: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab API)
        self._deferred.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        sections = [state["_section"] for state in self._deferred]
        totals: dict[int, int] = {}
        for section in sections:
            totals[id(section)] = totals.get(id(section), 0) + 1
        seen: dict[int, int] = {}
        for done, (state, section) in enumerate(zip(self._deferred, sections, strict=True)):
            if self._on_page is not None:
                self._on_page(done, len(sections))
            seen[id(section)] = seen.get(id(section), 0) + 1
            self.__dict__.update(state)
            self._footer(section, seen[id(section)], totals[id(section)])
            Canvas.showPage(self)
        Canvas.save(self)

    def _footer(self, payload: QrPayload, page: int, pages: int) -> None:
        width = self._pagesize[0]
        text = payload.text(page, pages)
        draw_qr(self, text, self._left, FOOTER_Y, QR_SIZE)
        self.setFillColorRGB(0, 0, 0)
        self.setFont(SERIF, 7)
        self.drawString(self._left + QR_SIZE + 2 * mm, FOOTER_Y + 2 * mm, text)
        self.setFont(SERIF, 10)
        self.drawRightString(width - self._right, FOOTER_Y + 2 * mm, f"Trang {page}/{pages}")


def build_pdf(
    story: Sequence[Flowable],
    *,
    payload: QrPayload,
    title: str,
    subject: str = "",
    wide: bool = False,
    base_size: float = 13,
    on_page: PagesDone | None = None,
) -> bytes:
    """Lay out `story` on A4 (landscape when `wide`) and return the PDF bytes. `on_page(done, pages)` is
    called before each page gets its footer (progress and cancellation of a long report)."""
    register_fonts()
    margins = LANDSCAPE_MARGINS if wide else MARGINS
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4) if wide else A4,
        leftMargin=margins["left"],
        rightMargin=margins["right"],
        topMargin=margins["top"],
        bottomMargin=margins["bottom"],
        title=title,
        subject=subject,
        author=PRODUCER,
        creator=PRODUCER,
        keywords=payload.text(0, 0).rsplit(";P=", 1)[0],
        invariant=1,
        initialFontName=SERIF,
        initialFontSize=base_size,
        lang="vi-VN",
    )
    maker = functools.partial(
        _FooterCanvas, payload=payload, left=margins["left"], right=margins["right"], on_page=on_page
    )
    doc.build(list(story), canvasmaker=maker)
    return buffer.getvalue()
