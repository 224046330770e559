"""What an evidence file is, judged by its content (not its name): PDF, JPEG, PNG or TIFF.
PDFs must open and must not be encrypted, or the province could not read them either."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.domain.errors import UserError

ACCEPTED = "PDF, JPEG, PNG, TIFF"
MAGIC = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
]


@dataclass(frozen=True)
class FileInfo:
    media_type: str
    pages: int | None


def sniff(path: Path) -> FileInfo:
    """Media type and page count; a UserError that names the file when it is not acceptable."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise UserError(f"Không đọc được tệp “{path.name}”.", detail=str(exc)) from exc
    media = next(
        (m for magic, m in MAGIC if head.startswith(magic) or (m == "application/pdf" and magic in head)),
        None,
    )
    if media is None:
        raise UserError(f"Tệp “{path.name}” không phải là loại được nhận. Chỉ nhận {ACCEPTED}.")
    if media == "application/pdf":
        return FileInfo(media, _pdf_pages(path))
    return FileInfo(media, 1)


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns about benign quirks of scanners
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            raise UserError(
                f"Tệp PDF “{path.name}” có mật khẩu/mã hóa. Hãy lưu bản không mã hóa rồi đính kèm lại."
            )
        return len(reader.pages)
    except UserError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UserError(f"Tệp PDF “{path.name}” bị hỏng hoặc không đọc được.", detail=str(exc)) from exc
