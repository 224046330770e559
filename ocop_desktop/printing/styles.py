"""Paragraph styles. Decree 30/2020: Times New Roman (here its metric twin), body 13-14 pt,
motto 12-13 pt bold, agency name 12-13 pt upper case. Everything names the serif family so
no text can fall back to Helvetica."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ocop_desktop.printing.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts


@dataclass(frozen=True)
class Styles:
    size: float
    body: ParagraphStyle
    justify: ParagraphStyle
    center: ParagraphStyle
    right: ParagraphStyle
    bold_center: ParagraphStyle
    title: ParagraphStyle
    italic_center: ParagraphStyle
    heading: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_bold: ParagraphStyle


@lru_cache(maxsize=8)
def styles(size: float = 13) -> Styles:
    """Styles for a body size; a scoring sheet uses 11 pt, the forms 13 pt."""
    register_fonts()
    lead = round(size * 1.25, 1)
    cell_size = max(size - 2, 8)

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": SERIF,
            "fontSize": size,
            "leading": lead,
            "spaceAfter": size * 0.35,
        }
        base.update(kw)
        return ParagraphStyle(f"{name}-{size}", **base)  # type: ignore[arg-type]

    cell = dict(fontSize=cell_size, leading=round(cell_size * 1.2, 1), spaceAfter=0)
    return Styles(
        size=size,
        body=style("body", alignment=TA_LEFT),
        justify=style("justify", alignment=TA_JUSTIFY),
        center=style("center", alignment=TA_CENTER),
        right=style("right", alignment=TA_RIGHT),
        bold_center=style("bold-center", alignment=TA_CENTER, fontName=SERIF_BOLD),
        title=style(
            "title",
            alignment=TA_CENTER,
            fontName=SERIF_BOLD,
            fontSize=size + 1,
            leading=lead + 1.5,
            spaceAfter=2,
        ),
        italic_center=style("italic-center", alignment=TA_CENTER, fontName=SERIF_ITALIC),
        heading=style("heading", fontName=SERIF_BOLD, spaceBefore=size * 0.3),
        small=style("small", fontSize=size - 3, leading=round((size - 3) * 1.2, 1), spaceAfter=0),
        small_center=style(
            "small-center",
            alignment=TA_CENTER,
            fontSize=size - 3,
            leading=round((size - 3) * 1.2, 1),
            spaceAfter=0,
        ),
        cell=style("cell", **cell),
        cell_center=style("cell-center", alignment=TA_CENTER, **cell),
        cell_bold=style("cell-bold", fontName=SERIF_BOLD, **cell),
    )
