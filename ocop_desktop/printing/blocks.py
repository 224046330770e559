"""Building blocks of an administrative document (Decree 30/2020, Appendix I): national motto
with its rule, agency name block, form number, place-and-date line, signature blocks, dotted
lines for handwriting and tick boxes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ocop_desktop.printing.fonts import SERIF, SERIF_BOLD
from ocop_desktop.printing.markup import DOT, dots, esc, esc_lines, vn_date
from ocop_desktop.printing.page import PORTRAIT_WIDTH
from ocop_desktop.printing.styles import Styles

MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
GROUP_ROW_SHADE = colors.Color(0.93, 0.93, 0.93)
BOX = "□"
TICKED = "■"  # Liberation Serif has no ☑/☒; a filled box reads unambiguously on paper

# A table without borders whose cells carry their own paragraphs; FONTNAME is set so any plain
# string cell could never fall back to Helvetica.
PLAIN = [
    ("FONTNAME", (0, 0), (-1, -1), SERIF),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def box(checked: bool | None) -> str:
    return TICKED if checked else BOX


class CenteredRule(Flowable):
    """A horizontal line of fixed length centred in whatever width it is given. (HRFlowable's
    hAlign is ignored inside table cells, which is where the motto and agency blocks live.)"""

    def __init__(self, length: float, thickness: float = 0.6, gap: float = 2.5) -> None:
        super().__init__()
        self.length, self.thickness, self.gap = length, thickness, gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.gap * 2

    def draw(self) -> None:
        x0 = (self._avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.setStrokeColor(colors.black)
        self.canv.line(x0, self.gap * 1.2, x0 + self.length, self.gap * 1.2)


def rule(text: str, font: str, size: float, fraction: float = 1.0) -> CenteredRule:
    """A centred line as long as `text` (times `fraction`), drawn under the motto/agency."""
    return CenteredRule(stringWidth(text, font, size) * fraction)


def leader(st: Styles, before: str, width: float = PORTRAIT_WIDTH, reserve: float = 0) -> str:
    """Dots that fill the rest of a line after the plain text `before` (minus `reserve` points),
    so a blank field ends at the right margin instead of wrapping onto a second line."""
    dot = stringWidth(DOT, SERIF, st.size)
    used = stringWidth(before, SERIF, st.size)
    room = width - reserve - (used % width if used > width else used)
    return dots(max(int(room / dot) - 1, 2))


def motto(st: Styles) -> list[Flowable]:
    size = st.size - 0.5
    return [
        Paragraph(f"<b>{MOTTO_1}</b>", st.center.clone("motto1", fontSize=size - 0.5, spaceAfter=0)),
        Paragraph(f"<b>{MOTTO_2}</b>", st.center.clone("motto2", fontSize=size, spaceAfter=0)),
        rule(MOTTO_2, SERIF_BOLD, size),
    ]


def agency(st: Styles, parent: str, name: str) -> list[Flowable]:
    """Agency block: the superior body in regular upper case, the agency in bold, a short rule."""
    size = st.size - 1
    out: list[Flowable] = []
    if parent:
        out.append(Paragraph(esc(parent.upper()), st.center.clone("agency0", fontSize=size, spaceAfter=0)))
    shown = esc(name.upper()) if name else dots(12)
    out.append(Paragraph(f"<b>{shown}</b>", st.center.clone("agency1", fontSize=size, spaceAfter=0)))
    out.append(rule(name.upper() if name else "XXXXXXXXXX", SERIF_BOLD, size, 0.4))
    return out


def header(
    st: Styles,
    width: float,
    *,
    parent: str = "",
    agency_name: str | None = None,
    under_left: Sequence[Flowable] = (),
    under_right: Sequence[Flowable] = (),
) -> Table:
    """Agency block left, motto right (or the motto alone, centred, when agency_name is None).
    `under_left` / `under_right` go below them (document number, place and date)."""
    if agency_name is None:
        return Table([[motto(st) + list(under_right)]], colWidths=[width], style=TableStyle(PLAIN))
    left = agency(st, parent, agency_name) + list(under_left)
    right = motto(st) + list(under_right)
    return Table([[left, right]], colWidths=[width * 0.42, width * 0.58], style=TableStyle(PLAIN))


def form_number(st: Styles, code: str) -> Paragraph:
    """ "Mẫu số 01" in the top right corner, as the forms of Phụ lục III are cited."""
    return Paragraph(f"<b>{esc(code)}</b>", st.right.clone("formno", fontSize=st.size - 1, spaceAfter=2))


def date_line(st: Styles, place: str, when: dt.date | None) -> Paragraph:
    return Paragraph(f"<i>{vn_date(when, place)}</i>", st.center.clone("dateline", spaceAfter=0))


def signature(
    st: Styles,
    title: str,
    note: str,
    name: str = "",
    *,
    place: str | None = None,
    when: dt.date | None = None,
    blank_date: bool = False,
) -> list[Flowable]:
    """Date line (optional), title in bold capitals, "(Ký, …)" in italics, room to sign, name."""
    out: list[Flowable] = []
    if place is not None or when is not None or blank_date:
        out.append(date_line(st, place or "", when))
    out.append(Paragraph(f"<b>{esc(title)}</b>", st.center.clone("sigtitle", spaceAfter=0)))
    if note:
        out.append(Paragraph(f"<i>{esc(note)}</i>", st.center.clone("signote", spaceAfter=0)))
    out.append(Spacer(1, 22 * mm))
    out.append(Paragraph(f"<b>{esc(name)}</b>" if name else "", st.center))
    return out


def signatures(st: Styles, width: float, left: Sequence[Flowable] | None, right: Sequence[Flowable]) -> Table:
    """Two signature columns (left may be empty, as in most forms: signer on the right)."""
    cells = [list(left) if left else [Spacer(1, 1)], list(right)]
    table = Table([cells], colWidths=[width * 0.42, width * 0.58], style=TableStyle(PLAIN))
    table.keepWithNext = False
    return table


def field(st: Styles, label: str, value: object, width: float = PORTRAIT_WIDTH) -> Paragraph:
    """ "label: value", or "label: ……" dotted to the end of the line when the value is empty."""
    text = esc(value)
    return Paragraph(f"{esc(label)}: {text or leader(st, label + ': ', width, reserve=4)}", st.body)


def fields_inline(
    st: Styles, pairs: Sequence[tuple[str, object]], prefix: str = "", width: float = PORTRAIT_WIDTH
) -> Paragraph:
    """Several "label: value" sharing one line ("Điện thoại: … Email: …"), blanks split evenly.
    A label that ends with a space is printed as it is, colon included ("- Giới tính: (Nam/nữ) ")."""
    share = width / len(pairs)
    parts = []
    for i, (label, value) in enumerate(pairs):
        head = (prefix if i == 0 else "") + (label if label.endswith(" ") else f"{label}: ")
        # escape() rather than esc(): esc trims, and the space after the colon must stay
        parts.append(f"{escape(head)}{esc(value) or leader(st, head, share)}")
    return Paragraph("&nbsp;&nbsp;&nbsp; ".join(parts), st.body)


def dotted_lines(st: Styles, count: int, width: float = PORTRAIT_WIDTH) -> list[Paragraph]:
    """Empty dotted lines to write on, each as wide as the text column."""
    return [Paragraph(leader(st, "", width), st.body) for _ in range(count)]


def text_or_lines(st: Styles, text: str, count: int, width: float = PORTRAIT_WIDTH) -> list[Flowable]:
    """Free text as justified paragraphs, or `count` dotted lines when there is none."""
    if text and text.strip():
        return [Paragraph(esc_lines(text), st.justify)]
    return list(dotted_lines(st, count, width))


def grid(
    rows: list[list[object]], widths: Sequence[float], *, header_rows: int = 1, extra: Sequence[tuple] = ()
) -> Table:
    """A ruled table whose header rows repeat on every page. Cells should be Paragraphs; the
    FONTNAME entry still matters: it is what ReportLab uses for any plain string cell."""
    style = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *extra,
    ]
    return Table(rows, colWidths=list(widths), repeatRows=header_rows, style=TableStyle(style))


def cells(
    st: Styles, *values: object, bold: bool = False, center_from: int = 99, centered: Sequence[int] = ()
) -> list[Paragraph]:
    """One table row of escaped Paragraph cells, centred from column `center_from` on and in
    the columns listed in `centered`."""
    out = []
    for i, value in enumerate(values):
        style = st.cell_center if i >= center_from or i in centered else st.cell
        text = esc(value)
        # an empty Paragraph has no height; a blank row must still be tall enough to write in
        out.append(Paragraph(f"<b>{text}</b>" if bold and text else (text or "&nbsp;"), style))
    return out
