"""The QR code printed on every page, and its payload.

Payload (version 1), UTF-8 text (ASCII but for ids such as "123/QĐ-UBND"), fields separated by ";":

    OCOP1;F=<form>;<K>=<id>;R=<revision>;H=<hash16>;P=<page>/<pages>

F is the form name as on the command line (mau01, sheet, ...). The reference key K says what
the id is: D = dossier id, S = rule set / sheet ("qd26-2026/1"), C = council round, Q = decision
number, N = nothing (blank form; the id is the form name). R is left out when the revision is
unknown (blank forms). H is the first 16 hex digits of `hashing.content_hash` of the DTO. The
same text is printed beside the code, so a copy can be matched by eye when no scanner is around.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

from ocop_desktop.printing.hashing import SHORT_HASH_LEN

PREFIX = "OCOP1"
QUIET = 2  # modules of white border (the code sits in the page margin, which is white anyway)
FIXED_MASK = 2
REF_KEYS = {"dossier": "D", "set": "S", "council": "C", "decision": "Q", "blank": "N", "report": "B"}


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


def qr_modules(text: str) -> list[list[bool]]:
    """The module matrix of `text` at error-correction level M, from ReportLab's own encoder.

    The mask pattern is fixed instead of searched: the search encodes the symbol eight times
    and made the QR code the slowest part of a printed page (~30 ms). Every mask is valid QR;
    the tests decode each page's code to prove it scans."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, FIXED_MASK)
    return code.modules


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw a QR code `size` points wide (2-module quiet zone included) with its lower-left
    corner at x, y: one filled path of horizontal runs, so a page costs a few hundred
    rectangles rather than a graphics tree."""
    modules = qr_modules(text)
    count = len(modules)
    unit = size / (count + 2 * QUIET)
    path = canvas.beginPath()
    for row, line in enumerate(modules):
        top = y + size - (QUIET + row + 1) * unit
        col = 0
        while col < count:
            if line[col]:
                start = col
                while col < count and line[col]:
                    col += 1
                path.rect(x + (QUIET + start) * unit, top, (col - start) * unit, unit)
            else:
                col += 1
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
