"""The QR code printed on every page, and its payload.

Payload (version 1), ASCII, fields separated by ";":

    OCOP1;F=<form>;<K>=<id>;R=<revision>;H=<hash16>;P=<page>/<pages>

F is the form name as on the command line (mau01, sheet, ...). The reference key K says what
the id is: D = dossier id, S = rule set / sheet ("qd26-2026/1"), C = council round, Q = decision
number, N = nothing (blank form; the id is the form name). R is left out when the revision is
unknown (blank forms). H is the first 16 hex digits of `hashing.content_hash` of the DTO. The
same text is printed beside the code, so a copy can be matched by eye when no scanner is around.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from ocop_desktop.printing.fonts import SERIF
from ocop_desktop.printing.hashing import SHORT_HASH_LEN

PREFIX = "OCOP1"
REF_KEYS = {"dossier": "D", "set": "S", "council": "C", "decision": "Q", "blank": "N"}


@dataclass(frozen=True)
class QrPayload:
    form: str
    ref_kind: str  # a key of REF_KEYS
    ref_id: str
    revision: int | None
    content_hash: str

    def text(self, page: int, pages: int) -> str:
        ref_id = "".join(ch for ch in self.ref_id if ch not in ";\n\r") or self.form
        parts = [PREFIX, f"F={self.form}", f"{REF_KEYS[self.ref_kind]}={ref_id}"]
        if self.revision is not None:
            parts.append(f"R={self.revision}")
        parts += [f"H={self.content_hash[:SHORT_HASH_LEN]}", f"P={page}/{pages}"]
        return ";".join(parts)


def parse_payload(text: str) -> dict[str, str]:
    """Fields of a scanned payload, e.g. {"F": "mau01", "D": "…", "R": "3", "H": "…", "P": "1/2"}.
    Raises ValueError for text that is not an OCOP1 payload."""
    head, _, rest = text.strip().partition(";")
    if head != PREFIX or not rest:
        raise ValueError(f"not an {PREFIX} payload: {text[:40]!r}")
    fields = dict(part.split("=", 1) for part in rest.split(";") if "=" in part)
    if "F" not in fields or "H" not in fields:
        raise ValueError(f"incomplete {PREFIX} payload: {text[:40]!r}")
    return fields


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw a QR code of `size` points (quiet zone included) with its lower-left corner at x, y.
    Level M survives a crease or a stamp over a corner; the payload stays well under v7."""
    widget = QrCodeWidget(text, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    width, height = x1 - x0, y1 - y0
    drawing = Drawing(size, size, transform=[size / width, 0, 0, size / height, 0, 0])
    # The graphics renderer starts every drawing with a font; its default is Helvetica, which
    # would put an un-embedded base-14 font into the PDF.
    drawing.initialFontName = SERIF  # type: ignore[attr-defined]
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)
