"""Reading a backup's members: every member checked against the manifest before anyone uses it.

`read_members` decrypts the stream, writes each member into a staging folder (or nowhere, to only
verify), hashes it on the way and, at the end, compares what it saw with the manifest: the same
names, sizes, hashes and order, nothing before the summary and nothing after the manifest. Only
when it returns is the staging folder worth anything; the caller removes it otherwise."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ocop_desktop.paths import DB_FILENAME
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.backup import format as fmt
from ocop_desktop.services.backup.format import damaged
from ocop_desktop.services.backup.members import allowed
from ocop_desktop.services.backup.summary import DataSummary

MAX_SUMMARY = 1 << 20
MAX_SECRET = 1 << 16


class _Plain:
    """The plain stream as something to read exact byte counts from."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = bytearray()
        self.ended = False

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size and not self.ended:
            self._fill()
        if len(self._buffer) < size:
            raise damaged("tệp kết thúc giữa chừng")
        out = bytes(self._buffer[:size])
        del self._buffer[:size]
        return out

    def pieces(self, size: int) -> Iterator[bytes]:
        """`size` bytes as they come, without gathering them."""
        left = size
        while left:
            if not self._buffer:
                self._fill()
                if not self._buffer:
                    raise damaged("tệp kết thúc giữa chừng")
            piece = bytes(self._buffer[:left])
            del self._buffer[: len(piece)]
            left -= len(piece)
            yield piece

    def at_end(self) -> bool:
        while not self._buffer and not self.ended:
            self._fill()
        return not self._buffer

    def _fill(self) -> None:
        try:
            self._buffer += next(self._chunks)
        except StopIteration:
            self.ended = True


@dataclass
class Contents:
    """What a verified backup holds: its summary, its members and the secrets kept in memory."""

    summary: DataSummary
    names: list[str] = field(default_factory=list)
    secrets: dict[str, bytes] = field(default_factory=dict)


def _member_head(plain: _Plain) -> dict[str, Any]:
    (size,) = struct.unpack(">I", plain.read(4))
    if size > fmt.MAX_MEMBER_HEADER:
        raise damaged("mục lục thành phần quá lớn")
    try:
        head = json.loads(plain.read(size))
        ok = isinstance(head["name"], str) and isinstance(head["size"], int) and head["size"] >= 0
    except (ValueError, KeyError, TypeError) as exc:
        raise damaged("mục lục thành phần không đọc được") from exc
    if not ok:
        raise damaged("mục lục thành phần không hợp lệ")
    return dict(head)


def read_summary(src: IO[bytes], passphrase: str) -> DataSummary:
    """The backup's summary (office, counts, date), read from its first authenticated chunk only."""
    return _summary(_Plain(fmt.open_stream(src, passphrase)))[0]


def _summary(plain: _Plain) -> tuple[DataSummary, bytes]:
    head = _member_head(plain)
    if head["name"] != fmt.SUMMARY or head["size"] > MAX_SUMMARY:
        raise damaged("thiếu phần tóm tắt")
    raw = plain.read(head["size"])
    try:
        return DataSummary.from_json(json.loads(raw)), raw
    except (ValueError, TypeError) as exc:
        raise damaged("phần tóm tắt không đọc được") from exc


def read_members(
    src: IO[bytes], passphrase: str, staging: Path | None, progress: Progress | None, total: int
) -> Contents:
    """Decrypt and check every member; write the files into `staging` (None: only check)."""
    plain = _Plain(fmt.open_stream(src, passphrase))
    summary, raw = _summary(plain)
    contents = Contents(summary)
    seen = [{"name": fmt.SUMMARY, "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}]
    while True:
        head = _member_head(plain)
        name = head["name"]
        if name == fmt.MANIFEST:
            break
        if not allowed(name) or name in contents.names:
            raise damaged(f"thành phần không hợp lệ “{name[:80]}”")
        report(progress, src.tell() / max(total, 1), f"Đang kiểm tra {name}")
        digest = _member(plain, head, staging, contents)
        seen.append({"name": name, "size": head["size"], "sha256": digest, **_extra(head)})
        contents.names.append(name)
    _check_manifest(plain, head, seen)
    if DB_FILENAME not in contents.names:
        raise damaged("thiếu cơ sở dữ liệu")
    if staging is not None:
        _check_database(staging / DB_FILENAME)
    return contents


def _extra(head: dict[str, Any]) -> dict[str, Any]:
    return {"secret": True} if head.get("secret") is True else {}


def _member(plain: _Plain, head: dict[str, Any], staging: Path | None, contents: Contents) -> str:
    name, size = head["name"], head["size"]
    digest = hashlib.sha256()
    if head.get("secret") is True:
        if not name.startswith("keys/") or size > MAX_SECRET:
            raise damaged(f"thành phần bí mật không hợp lệ “{name[:80]}”")
        raw = plain.read(size)
        contents.secrets[name] = raw
        digest.update(raw)
        return digest.hexdigest()
    out = _open_staged(staging, name) if staging is not None else None
    try:
        for piece in plain.pieces(size):
            digest.update(piece)
            if out is not None:
                out.write(piece)
    finally:
        if out is not None:
            out.close()
    return digest.hexdigest()


def _open_staged(staging: Path, name: str) -> IO[bytes]:
    path = staging.joinpath(*name.split("/"))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "wb")


def _check_manifest(plain: _Plain, head: dict[str, Any], seen: list[dict[str, Any]]) -> None:
    raw = plain.read(head["size"]) if head["size"] <= 64 * MAX_SUMMARY else b""
    if not plain.at_end():
        raise damaged("có dữ liệu lạ sau mục lục")
    try:
        listed = json.loads(raw)["members"]
    except (ValueError, KeyError, TypeError) as exc:
        raise damaged("mục lục không đọc được") from exc
    if listed != seen:
        raise damaged("nội dung không khớp với mục lục (mã băm SHA-256)")


def _check_database(db: Path) -> None:
    try:
        conn = sqlite3.connect(db)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise damaged("cơ sở dữ liệu trong tệp không đọc được") from exc
    if result is None or result[0] != "ok":
        raise damaged("cơ sở dữ liệu trong tệp không toàn vẹn")
