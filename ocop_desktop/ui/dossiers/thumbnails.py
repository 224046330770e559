"""Small pictures for the evidence list: photos are shrunk while decoding (cheap for JPEG), PDFs
and TIFF scans get the file icon (their page count is in the list)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

DECODED = ("image/jpeg", "image/png")
MAX_BYTES = 30 * 1024 * 1024  # beyond this a thumbnail costs more than it is worth


class Thumbnails:
    def __init__(self, edge: int) -> None:
        self.size = QSize(edge, edge)
        self._cache: dict[str, QIcon] = {}

    def icon(self, path: Path, sha256: str, media_type: str) -> QIcon:
        if sha256 not in self._cache:
            self._cache[sha256] = self._make(path, media_type)
        return self._cache[sha256]

    def _make(self, path: Path, media_type: str) -> QIcon:
        if media_type in DECODED and path.exists() and path.stat().st_size <= MAX_BYTES:
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
            full = reader.size()
            if full.isValid() and not full.isEmpty():
                reader.setScaledSize(full.scaled(self.size, Qt.AspectRatioMode.KeepAspectRatio))
                image = reader.read()
                if not image.isNull():
                    return QIcon(QPixmap.fromImage(image))
        style = QApplication.style()
        return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
