"""Writing a package: a temp file next to the target, canonical zip entries (fixed time and
attributes), blobs stored uncompressed and streamed, then fsync and rename.

The manifest and its signature come first in the archive so that `unzip -l` shows them on top,
but the SHA-256 of an encrypted blob (of its stored bytes) is known only once it is written. Its
length is known before (plain size + nonce + tag), and a hash is always 64 hex digits, so the
manifest is written first with zeros in place of those hashes, the blobs are encrypted and hashed
as they stream in (one pass over each scan, never whole in memory), and the manifest and its
signature are then written again over the placeholders — same length, same offsets — with their
CRC-32 in the local headers (the central directory is written last, from the updated entries).
Records are built in memory, and blobs are content-addressed: their plain bytes are re-hashed
while copied, and a local blob that no longer matches its name stops the export.
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ocop_desktop.domain.backup import restore_from_backup
from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.ocoppkg import crypto, ziplayout
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.progress import Progress, report

CHUNK = 1 << 20
PENDING = "0" * 64  # the SHA-256 of an encrypted blob until it is written
LOCAL_HEADER = 30  # bytes before a local header's name; its CRC-32 is at offset 14

# Builds and signs the manifest for the files as listed: (manifest bytes, signature).
Seal = Callable[[tuple[fmt.FileEntry, ...]], tuple[bytes, bytes]]


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

    def __init__(self, target: Path, package_id: str = "") -> None:
        self.target = Path(target)
        self.package_id = package_id  # part of each encrypted file's associated data
        self._small: list[tuple[str, bytes]] = []  # name, stored bytes
        self._blobs: list[tuple[int, Path, bytes | None]] = []  # index in files, path, content key
        self.files: list[fmt.FileEntry] = []

    def add_file(self, name: str, stored: bytes, *, encrypted: bool = False) -> None:
        self._small.append((name, stored))
        self.files.append(fmt.FileEntry(name, len(stored), fmt.sha256_hex(stored), encrypted))

    def add_blob(self, sha256: str, path: Path, size: int, content_key: bytes | None = None) -> None:
        """A scan, named by the SHA-256 of its bytes; encrypted with `content_key` when given."""
        self._blobs.append((len(self.files), path, content_key))
        if content_key is None:
            self.files.append(fmt.FileEntry(fmt.blob_name(sha256, encrypted=False), size, sha256))
        else:
            name = fmt.blob_name(sha256, encrypted=True)
            self.files.append(fmt.FileEntry(name, size + crypto.OVERHEAD, PENDING, True))

    def write(self, seal: Seal, progress: Progress | None = None, temp: Path | None = None) -> Path:
        """Write to a temp file in the target folder and return its path (call `commit` to publish).
        `temp`: its name, when the caller keeps a journal of it (a new file; it must not exist)."""
        try:
            fd, tmp = self._open_temp(temp)
        except OSError as exc:
            raise EnvironmentProblem(
                f"Không ghi được gói “{self.target.name}” vào thư mục “{self.target.parent}” (không có quyền "
                "ghi hoặc ổ đĩa đầy).",
                detail=str(exc),
            ) from exc
        try:
            with os.fdopen(fd, "w+b") as raw:
                with zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                    self._entries(zf, seal, progress)
                    if any(f.sha256 == PENDING for f in self.files):  # pragma: no cover - a bug
                        raise AssertionError("a blob's hash is still unknown")
                    if any(f.encrypted and fmt.BLOB_NAME.match(f.name) for f in self.files):
                        _overwrite(zf, raw, seal(tuple(self.files)))
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

    def _open_temp(self, temp: Path | None) -> tuple[int, Path]:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        if temp is None:
            prefix = f".{self.target.name}."
            fd, name = tempfile.mkstemp(dir=self.target.parent, prefix=prefix, suffix=".part")
            return fd, Path(name)
        return os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), temp

    def _entries(self, zf: zipfile.ZipFile, seal: Seal, progress: Progress | None) -> None:
        manifest, signature = seal(tuple(self.files))  # final, or with placeholders for encrypted blobs
        zf.writestr(zip_info(fmt.MANIFEST, len(manifest)), manifest)
        zf.writestr(zip_info(fmt.SIGNATURE, len(signature)), signature)
        total = sum(self.files[i].size for i, _, _ in self._blobs) + sum(len(b) for _, b in self._small) or 1
        done = 0
        for entry_name, data in self._small:
            zf.writestr(zip_info(entry_name, len(data)), data)
            done += len(data)
        for index, path, content_key in self._blobs:
            done = self._copy_blob(zf, index, path, content_key, (done, total), progress)

    def _copy_blob(
        self,
        zf: zipfile.ZipFile,
        index: int,
        path: Path,
        content_key: bytes | None,
        done_total: tuple[int, int],
        progress: Progress | None,
    ) -> int:
        entry = self.files[index]
        sha = fmt.blob_sha256(entry.name)
        plain, stored = hashlib.sha256(), hashlib.sha256()
        done, total = done_total
        with path.open("rb") as src, zf.open(zip_info(entry.name, entry.size), "w") as dst:
            chunks = _read(src, plain)
            if content_key is not None:
                chunks = crypto.seal_chunks(content_key, self.package_id, entry.name, chunks)
            for chunk in chunks:
                if content_key is not None:
                    stored.update(chunk)
                dst.write(chunk)
                done += len(chunk)
                report(progress, done / total, "Đang ghi tệp đính kèm…")
        if plain.hexdigest() != sha:
            raise EnvironmentProblem(
                f"Tệp đính kèm {sha[:12]}… trên máy này đã bị hỏng (nội dung không khớp mã "
                "băm). " + restore_from_backup("thư mục dữ liệu")
            )
        if content_key is not None:
            self.files[index] = fmt.FileEntry(entry.name, entry.size, stored.hexdigest(), True)
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


def _read(src: BinaryIO, digest: hashlib._Hash) -> Iterator[bytes]:
    while chunk := src.read(CHUNK):
        digest.update(chunk)
        yield chunk


def _overwrite(zf: zipfile.ZipFile, raw: BinaryIO, sealed: tuple[bytes, bytes]) -> None:
    """Put the final manifest and signature over their placeholders (same lengths), with their CRC-32
    in the local headers and in the entries the central directory is written from."""
    for name, data in zip((fmt.MANIFEST, fmt.SIGNATURE), sealed, strict=True):
        info = zf.getinfo(name)
        if len(data) != info.file_size:  # pragma: no cover - lengths are fixed by construction
            raise AssertionError(f"{name} changed length")
        info.CRC = zlib.crc32(data)
        raw.seek(info.header_offset + 26)
        name_len, extra_len = struct.unpack("<HH", raw.read(4))
        raw.seek(info.header_offset + 14)
        raw.write(struct.pack("<I", info.CRC))
        raw.seek(info.header_offset + LOCAL_HEADER + name_len + extra_len)
        raw.write(data)
    raw.seek(zf.start_dir)
