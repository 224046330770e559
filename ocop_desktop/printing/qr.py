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

import functools
import itertools
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
    code.dataCache = _codewords(code)  # makeImpl would compute the same, several times slower
    code.makeImpl(False, FIXED_MASK)
    return code.modules


def _codewords(code: qrencoder.QRCode) -> list[int]:
    """The symbol's codewords as `QRCode.createData` makes them (data, terminator, padding, then each
    block's error correction, interleaved), with the Reed-Solomon remainders computed from tables: a long
    report draws a code on each of its thousands of pages, and ReportLab rebuilds the generator polynomial
    and divides recursively for every one of them."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(code.version, code.errorCorrectLevel)
    buffer = qrencoder.QRBitBuffer()
    for data in code.dataList:
        data.write(buffer, code.version)
    capacity = sum(block.dataCount for block in blocks) * 8
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = itertools.cycle((qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1))
    while buffer.getLengthInBits() < capacity:
        buffer.put(next(pads), 8)
    data_words, ec_words, offset = [], [], 0
    for block in blocks:
        words = buffer.buffer[offset : offset + block.dataCount]
        offset += block.dataCount
        data_words.append(words)
        ec_words.append(_remainder(words, _generator(block.totalCount - block.dataCount)))
    interleaved = itertools.chain(itertools.zip_longest(*data_words), itertools.zip_longest(*ec_words))
    return [word for column in interleaved for word in column if word is not None]


@functools.cache
def _generator(degree: int) -> tuple[int, ...]:
    """The logarithms of the generator polynomial's coefficients after the leading 1 (all non-zero)."""
    coefficients = qrencoder.QRUtil.getErrorCorrectPolynomial(degree).num
    return tuple(qrencoder.LOG_TABLE[c] for c in coefficients[1:])


def _remainder(data: list[int], generator: tuple[int, ...]) -> list[int]:
    """data·x^n mod the generator over GF(256): the block's n error-correction codewords."""
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    rest = [*data, *([0] * len(generator))]
    for i in range(len(data)):
        if rest[i]:
            lead = log[rest[i]]
            for j, g in enumerate(generator, i + 1):
                rest[j] ^= exp[(lead + g) % 255]
    return rest[len(data) :]


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
