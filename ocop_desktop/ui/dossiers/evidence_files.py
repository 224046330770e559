"""Which files a drop or a chosen folder means, and how big they are, in plain Python."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ocop_desktop.ui.kit.formatting import format_number

SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Files to import and files skipped. A file named directly is always taken (the service
    judges it by content and explains a refusal); inside a folder only evidence-looking files
    are taken, so a scanner's thumbs.db does not refuse the whole folder."""
    files: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                (files if child.suffix.lower() in SUFFIXES else skipped).append(child)
        else:
            files.append(path)
    return files, skipped


def format_size(size: int) -> str:
    """1.536 -> "1,5 KB"; sizes in the binary units file managers use."""
    if size < 1024:
        return f"{size} B"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < scale * 1024 or unit == "GB":
            return f"{format_number(size / scale, 1)} {unit}"
    raise AssertionError("unreachable")


MEDIA_LABELS = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG", "image/tiff": "TIFF"}
