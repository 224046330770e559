"""Builders shared by the dossier UI tests: real PDFs of any size, a product ready for a dossier."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfWriter


def write_pdf(folder: Path, name: str, pages: int = 1, *, password: str | None = None,
              page_bytes: int = 0) -> Path:
    """A real PDF; `page_bytes` of comment lines per page make it as big as a scan."""
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    filler = (b"% " + b"x" * 97 + b"\n") * (page_bytes // 100)
    for i in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        if filler:
            stream = DecodedStreamObject()
            stream.set_data(filler + f"% page {i}\n".encode())
            page[NameObject("/Contents")] = writer._add_object(stream)
    if password:
        writer.encrypt(password)
    buf = io.BytesIO()
    writer.write(buf)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(buf.getvalue())
    return path
