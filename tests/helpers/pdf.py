"""Reading printed PDFs back, with packages from PyPI only (no qpdf or poppler on the machine):

- `assert_sound_pdf`: the structure is sound (`qpdf --check`, through pikepdf's bundled libqpdf), every
  font is embedded and none is a base-14 font, the text is NFC;
- `pdf_text`: the text of every page (pypdf), as extracted, *not* normalised; `page_texts` page by page;
  `page_lines` page by page and line by line, in the order drawn;
- `page_count`, `pdf_title`: the number of pages and the document title (pypdf);
- `page_fonts`: the fonts the pages use (pikepdf);
- `decode_qr`: the QR codes of one page (rendered with pypdfium2, decoded with zxing-cpp).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pikepdf
import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader

# The fonts every PDF reader has built in: a PDF naming one embeds nothing, and none has Vietnamese glyphs.
BASE14 = {"Helvetica", "Times-Roman", "Times", "Courier", "Symbol", "ZapfDingbats", "Arial"}
QR_DPI = 150  # what `pdftoppm -r 150` gave before: enough for the footer QR codes, fast to decode
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


class PdfFont(NamedTuple):
    """One font of a page: its /BaseFont, whether its program is in the file, and whether it is a
    subset (a `ABCDEF+` tag before the name, PDF 32000 §9.6.4)."""

    name: str
    embedded: bool

    @property
    def subset(self) -> bool:
        tag, plus, _ = self.name.lstrip("/").partition("+")
        return bool(plus) and len(tag) == 6 and tag.isupper() and tag.isalpha()

    @property
    def family(self) -> str:
        """The name without the leading slash and the subset tag, e.g. `LiberationSerif`."""
        return self.name.lstrip("/").split("+")[-1]


def pdf_structure_problems(path: Path) -> list[str]:
    """What `qpdf --check` reports (errors and warnings, opening included), empty for a sound file.

    pikepdf repairs a damaged file silently while opening it; the repair leaves warnings, which
    `check_pdf_syntax` returns along with its own, as qpdf --check prints them (exit code 3)."""
    try:
        with pikepdf.open(path) as pdf:
            return pdf.check_pdf_syntax()
    except pikepdf.PdfError as error:  # beyond repair: qpdf --check exits 2
        return [f"ERROR: {error}"]


def _fonts_in(resources: pikepdf.Object | None) -> Iterator[PdfFont]:
    """The fonts of a /Resources dictionary, and of the form XObjects it draws."""
    if resources is None:
        return
    for font in resources.get("/Font", pikepdf.Dictionary()).values():
        # a Type0 font keeps its descriptor on its descendant CIDFont
        descendants = font.get("/DescendantFonts")
        targets = list(descendants) if descendants is not None else [font]
        embedded = any(
            "/FontDescriptor" in target and any(key in target.FontDescriptor for key in _FONT_FILES)
            for target in targets
        )
        yield PdfFont(str(font.get("/BaseFont", "")), embedded)
    for xobject in resources.get("/XObject", pikepdf.Dictionary()).values():
        yield from _fonts_in(xobject.get("/Resources"))


def page_fonts(path: Path) -> list[PdfFont]:
    """Every font in every page's /Resources, including those of form XObjects, one entry per use."""
    with pikepdf.open(path) as pdf:
        found: list[PdfFont] = []
        for page in pdf.pages:
            found.extend(_fonts_in(page.obj.get("/Resources")))
        return found


def page_texts(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed, not normalised (see `pdf_text`)."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def page_lines(path: Path) -> list[list[str]]:
    """The non-empty lines of each page, stripped, in the order they were drawn (pypdf)."""
    pages = PdfReader(str(path)).pages
    return [[line.strip() for line in (p.extract_text() or "").splitlines() if line.strip()] for p in pages]


def pdf_text(path: Path) -> str:
    """All text of the document, pages joined by a space, whitespace collapsed.

    Not normalised on purpose: a test compares it with its own (NFC) literals, and a form that
    printed NFD text must fail that comparison, not be fixed up here. `assert_sound_pdf` checks NFC."""
    return " ".join(page_texts(path))


def page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def pdf_title(path: Path) -> str | None:
    """The document information's /Title (None when there is none)."""
    metadata = PdfReader(str(path)).metadata
    return None if metadata is None else metadata.title


def assert_sound_pdf(path: Path) -> None:
    """No structural damage, every font embedded, no base-14 font anywhere, text in NFC."""
    problems = pdf_structure_problems(path)
    assert not problems, "\n".join(problems)
    fonts = page_fonts(path)
    assert fonts, "no fonts found"
    for font in fonts:
        assert font.embedded, f"font not embedded: {font.name}"
        assert font.family not in BASE14, f"base-14 font used: {font.name}"
    raw = path.read_bytes()
    for base in (b"/Helvetica", b"/Times-Roman", b"/Courier"):
        assert base not in raw, f"{base!r} referenced in the file"
    text = pdf_text(path)
    assert text == unicodedata.normalize("NFC", text), "text not in NFC"


def decode_qr(path: Path, page: int = 1) -> list[str]:
    """The texts of the QR codes on one page (1-based), rendered at 150 dpi."""
    document = pdfium.PdfDocument(str(path))
    try:
        # decoded before the document closes: the PIL image shares the bitmap's memory
        image = document[page - 1].render(scale=QR_DPI / 72).to_pil()
        found = zxingcpp.read_barcodes(image)
    finally:
        document.close()
    return [r.text for r in found if r.format == zxingcpp.BarcodeFormat.QRCode]
