"""The fonts every printed form uses.

Decree 30/2020 asks for Times New Roman; Liberation Serif has the same metrics and full
Vietnamese coverage and may be bundled (SIL OFL). ReportLab's built-in Helvetica/Times have no
Vietnamese glyphs, so nothing may ever fall back to them: every style, table and canvas in this
package names SERIF explicitly (see the pitfalls in docs/printing.md).
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ocop_desktop.paths import resource

SERIF = "OcopSerif"
SERIF_BOLD = "OcopSerif-Bold"
SERIF_ITALIC = "OcopSerif-Italic"
SERIF_BOLD_ITALIC = "OcopSerif-BoldItalic"

_FILES = {
    SERIF: "fonts/LiberationSerif-Regular.ttf",
    SERIF_BOLD: "fonts/LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "fonts/LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "fonts/LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the serif family once per process (parsing the TTFs costs ~50 ms) and return
    the family name. Without registerFontFamily, <b> and <i> would silently print regular."""
    global _registered
    with _lock:
        if not _registered:
            for name, rel in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource(rel))))
            pdfmetrics.registerFontFamily(
                SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
            )
            _registered = True
    return SERIF


def has_glyph(char: str, font: str = SERIF) -> bool:
    """True when the registered font can draw `char` (used to pick box symbols safely)."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    return ord(char) in face.charToGlyph
