"""Writing a package: a temp file next to the target, canonical zip entries (fixed time and
attributes), blobs stored uncompressed and streamed, then fsync and rename.

The manifest and its signature come first in the archive so that `unzip -l` shows them on top;
the writer therefore needs every file's hash before it starts, which it has: records are built in
memory and blobs are content-addressed (their bytes are re-hashed while copied, and a local blob
that no longer matches its name stops the export).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg import ziplayout
from ocop_desktop.progress import Progress, report

CHUNK = 1 << 20


def zip_info(name: str, size: int) -> zipfile.ZipInfo:
    """The one way entries are described, so that the strict reader accepts them (see ziplayout):
    stored, fixed time and attributes."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = ziplayout.UNIX
    info.external_attr = ziplayout.FILE_ATTR
    info.file_size = size
    return info


class PackageWriter:
    """Collects small files in memory and blob paths, then writes everything in one pass."""

    def __init__(self, target: Path) -> None:
        self.target = Path(target)
        self._small: list[tuple[str, bytes]] = []  # name, stored bytes
        self._blobs: list[tuple[str, Path, int]] = []  # sha256, path, size
        self.files: list[fmt.FileEntry] = []

    def add_file(self, name: str, stored: bytes, *, encrypted: bool = False) -> None:
        self._small.append((name, stored))
        self.files.append(fmt.FileEntry(name, len(stored), fmt.sha256_hex(stored), encrypted))

    def add_blob(self, sha256: str, path: Path, size: int) -> None:
        self._blobs.append((sha256, path, size))
        self.files.append(fmt.FileEntry(f"blobs/{sha256}", size, sha256))

    def write(self, manifest: bytes, signature: bytes, progress: Progress | None = None) -> Path:
        """Write to a temp file in the target folder and return its path (call `commit` to publish)."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".part")
        tmp = Path(name)
        total = sum(size for _, _, size in self._blobs) + sum(len(b) for _, b in self._small) or 1
        done = 0
        try:
            with os.fdopen(fd, "wb") as raw:
                with zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                    zf.writestr(zip_info(fmt.MANIFEST, len(manifest)), manifest)
                    zf.writestr(zip_info(fmt.SIGNATURE, len(signature)), signature)
                    for entry_name, data in self._small:
                        zf.writestr(zip_info(entry_name, len(data)), data)
                        done += len(data)
                    for sha, path, size in self._blobs:
                        done = self._copy_blob(zf, sha, path, size, done, total, progress)
                raw.flush()
                os.fsync(raw.fileno())
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise EnvironmentProblem(
                    f"Không ghi được gói “{self.target.name}” (ổ đĩa đầy hoặc không có quyền ghi).",
                    detail=str(exc),
                ) from exc
            raise
        return tmp

    def _copy_blob(
        self,
        zf: zipfile.ZipFile,
        sha: str,
        path: Path,
        size: int,
        done: int,
        total: int,
        progress: Progress | None,
    ) -> int:
        digest = hashlib.sha256()
        with path.open("rb") as src, zf.open(zip_info(f"blobs/{sha}", size), "w") as dst:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                dst.write(chunk)
                done += len(chunk)
                report(progress, done / total, "Đang ghi tệp đính kèm…")
        if digest.hexdigest() != sha:
            raise EnvironmentProblem(
                f"Tệp đính kèm {sha[:12]}… trên máy này đã bị hỏng (nội dung không khớp mã "
                "băm). Hãy khôi phục thư mục “blobs” từ bản sao lưu."
            )
        return done

    @staticmethod
    def commit(tmp: Path, target: Path) -> None:
        try:
            os.replace(tmp, target)
            _fsync_dir(target.parent)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise EnvironmentProblem(f"Không ghi được gói “{target.name}”.", detail=str(exc)) from exc


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
