"""Open a file with the system's viewer. Stored evidence is content-addressed (no name, never
modified), so the viewer gets a copy named like the original, in a temporary folder: a viewer
that saves annotations in place can never change the stored evidence."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_path(path: Path) -> bool:
    """Hand a file or folder to the desktop's viewer for it; False when there is none. Every
    "open with the system viewer" of the application goes through here (tests replace it)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def viewing_copy(blob: Path, sha256: str, filename: str) -> Path:
    """A read-only copy of a stored file under its own name (made once per content)."""
    folder = Path(tempfile.gettempdir()) / "ocop-desktop-xem" / sha256[:16]
    target = folder / Path(filename).name
    if not target.exists() or target.stat().st_size != blob.stat().st_size:
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(blob, partial)
        partial.replace(target)
        target.chmod(0o444)
    return target
