"""Helpers for reading printed PDFs back: text, fonts, qpdf --check, QR codes."""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

BASE14 = {"Helvetica", "Times-Roman", "Times", "Courier", "Symbol", "ZapfDingbats", "Arial"}


def pdf_text(path: Path) -> str:
    """All text of the document, NFC-checked by the caller, whitespace collapsed."""
    reader = PdfReader(str(path))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def page_fonts(path: Path) -> list[tuple[str, bool]]:
    """(BaseFont, embedded?) of every font in every page's /Resources, including XObjects."""
    reader = PdfReader(str(path))
    found: list[tuple[str, bool]] = []

    def visit(resources: object) -> None:
        if not resources:
            return
        res = resources.get_object()  # type: ignore[attr-defined]
        for font in (res.get("/Font") or {}).values():
            font = font.get_object()
            name = str(font.get("/BaseFont", ""))
            embedded = False
            descendants = font.get("/DescendantFonts")
            targets = [d.get_object() for d in descendants] if descendants else [font]
            for target in targets:
                desc = target.get("/FontDescriptor")
                if desc is not None:
                    desc = desc.get_object()
                    embedded = embedded or any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.append((name, embedded))
        for xobject in (res.get("/XObject") or {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found


def assert_sound_pdf(path: Path) -> None:
    """qpdf finds no damage, every font is embedded, no base-14 font anywhere, text is NFC."""
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    fonts = page_fonts(path)
    assert fonts, "no fonts found"
    for name, embedded in fonts:
        assert embedded, f"font not embedded: {name}"
        assert name.split("+")[-1].lstrip("/") not in BASE14, f"base-14 font used: {name}"
    raw = path.read_bytes()
    for base in (b"/Helvetica", b"/Times-Roman", b"/Courier"):
        assert base not in raw, f"{base!r} referenced in the file"
    text = pdf_text(path)
    assert text == unicodedata.normalize("NFC", text)


def decode_qr(path: Path, page: int = 1, tmp: Path | None = None) -> list[str]:
    """Render one page at 150 dpi with pdftoppm and decode its QR codes with zxing-cpp."""
    import zxingcpp
    from PIL import Image

    out_dir = tmp or path.parent
    prefix = out_dir / f"{path.stem}-qr"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-f",
            str(page),
            "-l",
            str(page),
            "-png",
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
        timeout=60,
    )
    with Image.open(f"{prefix}.png") as image:
        return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.fixture
def check_pdf() -> Callable[[Path], None]:
    return assert_sound_pdf


@pytest.fixture
def read_text() -> Callable[[Path], str]:
    return pdf_text


@pytest.fixture
def read_qr() -> Callable[..., list[str]]:
    return decode_qr


@pytest.fixture(scope="session")
def ruleset():  # type: ignore[no-untyped-def]
    from ocop_desktop.services.core.rules import RuleService

    return RuleService().get("qd26-2026")
