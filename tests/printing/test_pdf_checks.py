"""The PDF checks the printing tests rely on (tests/helpers/pdf.py) fail on a broken PDF: a check
that cannot fail would let a broken form through."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen import canvas

from helpers.pdf import assert_sound_pdf, decode_qr, page_fonts, pdf_structure_problems, pdf_text
from ocop_desktop.printing import api
from ocop_desktop.printing.fonts import register_fonts

NAME = "Nguyễn Thị Ỷ Đặng"


def _one_line(path: Path, text: str, font: str | None = None) -> Path:
    """A one-page PDF with one line of text, in Helvetica (base-14, ReportLab's default) unless `font`
    is given. The font must be the canvas's initial one: setFont later leaves Helvetica in the page."""
    page = canvas.Canvas(str(path), initialFontName=font or "Helvetica", initialFontSize=12)
    page.drawString(72, 720, text)
    page.save()
    return path


@pytest.fixture(scope="module")
def receipt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real blank form: sound, fonts embedded and subset, a QR code in the footer."""
    return api.render("receipt", api.blank("receipt"), tmp_path_factory.mktemp("pdf") / "receipt.pdf")


def test_a_printed_form_passes(receipt: Path) -> None:
    assert_sound_pdf(receipt)
    fonts = page_fonts(receipt)
    assert {f.family for f in fonts} >= {"LiberationSerif", "LiberationSerif-Bold"}
    assert all(f.embedded and f.subset for f in fonts)
    assert decode_qr(receipt)[0].startswith("OCOP1;F=receipt;")


@pytest.mark.parametrize("keep", [0.999, 0.5], ids=["xref-lost", "half"])
def test_a_truncated_file_fails(receipt: Path, tmp_path: Path, keep: float) -> None:
    """Cut before the xref, libqpdf repairs the file (a warning, qpdf --check exits 3); cut in half,
    it cannot (an error). Both must fail."""
    raw = receipt.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(raw[: int(len(raw) * keep)])
    assert pdf_structure_problems(cut)
    with pytest.raises(AssertionError, match="damaged|trailer"):
        assert_sound_pdf(cut)


def test_a_corrupt_stream_fails(receipt: Path, tmp_path: Path) -> None:
    raw = receipt.read_bytes()
    start = raw.index(b"stream\n") + len(b"stream\n") + 20
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(raw[:start] + b"\xff" * 30 + raw[start + 30 :])  # same length: the xref stays right
    with pytest.raises(AssertionError, match="error decoding stream"):
        assert_sound_pdf(bad)


def test_a_font_not_embedded_fails(receipt: Path, tmp_path: Path) -> None:
    stripped = tmp_path / "stripped.pdf"
    with pikepdf.open(receipt) as pdf:
        font = next(iter(pdf.pages[0].Resources.Font.values()))
        del font.FontDescriptor["/FontFile2"]
        pdf.save(stripped)
    with pytest.raises(AssertionError, match="font not embedded"):
        assert_sound_pdf(stripped)


def test_a_base14_font_fails(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="font not embedded: /Helvetica"):
        assert_sound_pdf(_one_line(tmp_path / "helvetica.pdf", "Hello"))


def test_nfd_text_fails_and_is_not_normalised_on_reading(tmp_path: Path) -> None:
    serif = register_fonts()
    assert_sound_pdf(_one_line(tmp_path / "nfc.pdf", NAME, serif))
    nfd = _one_line(tmp_path / "nfd.pdf", unicodedata.normalize("NFD", NAME), serif)
    assert NAME not in pdf_text(nfd)  # a test comparing wording sees the difference
    with pytest.raises(AssertionError, match="not in NFC"):
        assert_sound_pdf(nfd)


def test_a_page_without_a_qr_code_gives_none(tmp_path: Path) -> None:
    assert decode_qr(_one_line(tmp_path / "plain.pdf", "Hello")) == []
