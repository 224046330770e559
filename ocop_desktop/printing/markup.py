"""Turning plain data into Paragraph markup.

ReportLab's Paragraph parses a small XML dialect: an unescaped "&" or "<" in user data either
raises or silently drops the rest of the line ("Công ty A & B <C>" printed as "Công ty A & B").
Decomposed (NFD) Vietnamese prints with misplaced marks because ReportLab does no mark
positioning. So every string from data goes through `esc` (NFC + XML escape) and nothing else
builds markup from data.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from ocop_desktop.domain.text import nfc, nfc_multiline

DOT = "…"  # one ellipsis glyph = three dots, the way the decision's forms draw blanks


def esc(value: object) -> str:
    """NFC-normalised, whitespace-collapsed, XML-escaped text of any value ('' for None)."""
    if value is None:
        return ""
    return escape(nfc(str(value)))


def esc_lines(value: str | None) -> str:
    """Free text keeping its line breaks (as <br/>); blank lines become paragraph gaps."""
    if not value:
        return ""
    return "<br/>".join(escape(line) for line in nfc_multiline(value).split("\n"))


def dots(count: int) -> str:
    """A run of dots for handwriting, `count` ellipsis glyphs long."""
    return DOT * max(count, 1)


def fill(value: object, blank: int = 20) -> str:
    """The escaped value, or a dotted blank of `blank` ellipses when it is empty."""
    text = esc(value)
    return text if text else dots(blank)


def vn_date(value: dt.date | None, place: str = "") -> str:
    """ "Hà Nội, ngày 05 tháng 02 năm 2026" (escaped). Decree 30/2020 App. I: days below 10 and
    months 1 and 2 take a leading zero. An empty date prints the dotted form."""
    where = esc(place) or dots(4)
    if value is None:
        return f"{where}, ngày {dots(2)} tháng {dots(2)} năm {dots(3)}"
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{where}, ngày {value.day:02d} tháng {month} năm {value.year}"


def short_date(value: dt.date | None, blank: int = 6) -> str:
    """dd/mm/yyyy, the format the application uses everywhere, or a dotted blank."""
    return value.strftime("%d/%m/%Y") if value else dots(blank)


def number(value: object, decimals: int = 2, blank: int = 0) -> str:
    """Vietnamese number format: comma as decimal separator, no trailing zeros ("72,5").
    None prints `blank` ellipses (none by default: an empty cell to write in)."""
    if value is None:
        return dots(blank) if blank else ""
    text = f"{float(value):.{decimals}f}"  # type: ignore[arg-type]
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text.replace(".", ",")
