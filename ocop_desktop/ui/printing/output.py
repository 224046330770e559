"""Where generated PDFs go and how they leave the application: a per-session folder for
previews (removed at exit), file names people recognise ("Mau01-Ca-phe-bot.pdf"), saving a
copy atomically. (Opening a file with the system's viewer: `ui.kit.system_open`.)"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from ocop_desktop.domain.text import slug
from ocop_desktop.files import atomic_write_bytes

_session_dir: Path | None = None

# The file-name stem of each form ("Mau01-<product>.pdf").
FILE_STEMS = {
    "mau01": "Mau01",
    "mau02": "Mau02",
    "mau03": "Mau03",
    "sheet": "Phieu-cham-diem",
    "receipt": "Phieu-tiep-nhan",
    "checklist": "Danh-muc-ho-so",
    "supplement": "Huong-dan-bo-sung",
    "certificate": "Giay-chung-nhan",
    "results": "Danh-sach-ket-qua",
    "council-matrix": "Ma-tran-hoi-dong",
}


def preview_dir() -> Path:
    """A private folder for this session's generated PDFs, deleted when the program ends."""
    global _session_dir
    if _session_dir is None or not _session_dir.is_dir():
        _session_dir = Path(tempfile.mkdtemp(prefix="ocop-ban-in-"))
        atexit.register(shutil.rmtree, _session_dir, True)
    return _session_dir


def preview_path(name: str) -> Path:
    """A fresh path in the preview folder whose file name is `name` (made unique)."""
    folder = Path(tempfile.mkdtemp(dir=preview_dir()))
    return folder / safe_file_name(name)


def safe_file_name(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, "pdf"
    return f"{slug(stem, keep_case=True) or 'ban-in'}.{ext}"


def suggested_name(form: str, subject: str = "") -> str:
    """ "Mau01-Ca-phe-bot.pdf"; "Mau01.pdf" for a blank form."""
    stem = FILE_STEMS.get(form, slug(form, keep_case=True) or "Bieu-mau")
    extra = slug(subject, keep_case=True)
    return f"{stem}-{extra}.pdf" if extra else f"{stem}.pdf"


def save_copy(source: Path, target: Path) -> Path:
    """Copy a generated PDF to where the person chose, atomically (never a half file)."""
    atomic_write_bytes(Path(target), Path(source).read_bytes())
    return Path(target)
