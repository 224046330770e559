"""A strict reader of the zip layout our writer produces, and nothing else.

Why not just `zipfile`: it accepts archives with gaps, overlapping entries (a classic zip bomb),
prepended data, comments, data descriptors, and never compares local headers with the central
directory. A package is a security boundary, so the layout must be exactly canonical: entries
back to back from offset 0, every local header equal to its central entry, fixed timestamps and
attributes, central directory then end record, then end of file. Every byte of a package is then
either checked here or covered by a SHA-256 in the signed manifest, so no change goes unnoticed.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused, damaged, not_a_package

STORED = 0
DOS_EPOCH = (0, (1 << 5) | 1)  # raw (time, date) of 1980-01-01 00:00:00
UNIX = 3
FILE_ATTR = 0o100644 << 16
CHUNK = 1 << 20

_EOCD = struct.Struct("<4sHHHHIIH")
_EOCD64 = struct.Struct("<4sQHHIIQQQQ")
_LOCATOR = struct.Struct("<4sIQI")
_CENTRAL = struct.Struct("<4sBBBBHHHHIIIHHHHHII")
_LOCAL = struct.Struct("<4sBBHHHHIIIHH")
U32, U16 = 0xFFFFFFFF, 0xFFFF


@dataclass(frozen=True)
class Entry:
    name: str
    method: int
    compressed_size: int
    size: int
    crc: int
    data_offset: int


def too_big(what: str) -> PackageRefused:
    return PackageRefused("too_big", f"Gói bị từ chối vì {what} (dấu hiệu của tệp nén độc hại, “bom nén”).")


def compressed(name: str) -> PackageRefused:
    return PackageRefused(
        "zip_bomb",
        f"Gói bị từ chối vì tệp “{name[:120]}” được nén, trong khi gói OCOP chỉ dùng "
        "tệp không nén: dấu hiệu của tệp nén độc hại (“bom nén”).",
    )


def read_layout(fh: BinaryIO, file_size: int) -> dict[str, Entry]:
    """All entries by name, after checking the whole layout. Refuses anything non-canonical."""
    if file_size < _EOCD.size:
        raise not_a_package(f"{file_size} bytes")
    if file_size > fmt.MAX_PACKAGE_BYTES:
        raise too_big(f"tệp lớn bất thường ({file_size} byte)")
    fh.seek(file_size - _EOCD.size)
    sig, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, comment = _EOCD.unpack(fh.read(_EOCD.size))
    if sig != b"PK\x05\x06":
        raise not_a_package("no end record at the end of the file (truncated, or a comment)")
    if disk or cd_disk or comment or n_disk != n_total:
        raise damaged("end record: multi-disk or comment")
    end_of_cd = file_size - _EOCD.size
    if _has_zip64_locator(fh, end_of_cd) or U16 == n_total or U32 in (cd_size, cd_offset):
        # zipfile writes zip64 end records as soon as the directory starts past 2 GiB
        n_total, cd_size, cd_offset, end_of_cd = _zip64_end(fh, end_of_cd, n_total, cd_size, cd_offset)
    if n_total > fmt.MAX_ENTRIES:
        raise too_big(f"có quá nhiều tệp bên trong ({n_total})")
    if cd_offset + cd_size != end_of_cd or cd_size > n_total * (_CENTRAL.size + 200):
        raise damaged("central directory position")
    fh.seek(cd_offset)
    central = fh.read(cd_size)
    if len(central) != cd_size:
        raise not_a_package("truncated central directory")
    entries: dict[str, Entry] = {}
    pos, expected_offset = 0, 0
    for _ in range(n_total):
        entry, pos, local_offset = _central_entry(central, pos)
        if entry.size > file_size or entry.compressed_size > file_size:
            raise too_big(f"tệp “{entry.name[:120]}” khai báo kích thước {entry.size} byte, lớn hơn cả gói")
        if local_offset != expected_offset:  # gaps, overlaps, prepended data or reordering
            raise damaged(f"{entry.name}: local header at {local_offset}, expected {expected_offset}")
        entry = _check_local(fh, entry, local_offset)
        if entry.name in entries:
            raise PackageRefused(
                "duplicate_entry",
                f"Gói chứa hai tệp cùng tên “{entry.name}”: gói không hợp lệ "
                "(có thể bị sửa đổi). " + "Hãy đề nghị bên gửi xuất và gửi lại gói.",
            )
        entries[entry.name] = entry
        expected_offset = entry.data_offset + entry.compressed_size
    if pos != cd_size or expected_offset != cd_offset:
        raise damaged("central directory size or trailing data before it")
    return entries


def _has_zip64_locator(fh: BinaryIO, eocd_at: int) -> bool:
    if eocd_at < _LOCATOR.size:
        return False
    fh.seek(eocd_at - _LOCATOR.size)
    return fh.read(4) == b"PK\x06\x07"


def _zip64_end(fh: BinaryIO, eocd_at: int, n: int, size: int, offset: int) -> tuple[int, int, int, int]:
    locator_at = eocd_at - _LOCATOR.size
    record_at = locator_at - _EOCD64.size
    if record_at < 0:
        raise damaged("zip64 records missing")
    fh.seek(record_at)
    record = _EOCD64.unpack(fh.read(_EOCD64.size))
    locator = _LOCATOR.unpack(fh.read(_LOCATOR.size))
    sig, rec_size, _made, _needed, disk, cd_disk, n_disk, n_total, cd_size, cd_offset = record
    if (
        sig != b"PK\x06\x06"
        or rec_size != _EOCD64.size - 12
        or disk
        or cd_disk
        or n_disk != n_total
        or locator[0] != b"PK\x06\x07"
        or locator[1] != 0
        or locator[2] != record_at
        or locator[3] != 1
    ):
        raise damaged("zip64 end records")
    for small, big, limit in ((n, n_total, U16), (size, cd_size, U32), (offset, cd_offset, U32)):
        if small != min(big, limit):
            raise damaged("zip64 and classic end records disagree")
    return n_total, cd_size, cd_offset, record_at


def _central_entry(central: bytes, pos: int) -> tuple[Entry, int, int]:
    if pos + _CENTRAL.size > len(central):
        raise damaged("central directory entry cut short")
    (
        sig,
        made_version,
        made_system,
        need_version,
        reserved,
        flags,
        method,
        raw_time,
        raw_date,
        crc,
        csize,
        usize,
        name_len,
        extra_len,
        comment_len,
        disk,
        internal,
        external,
        offset,
    ) = _CENTRAL.unpack_from(central, pos)
    if sig != b"PK\x01\x02":
        raise damaged("central directory signature")
    pos += _CENTRAL.size
    raw_name = central[pos : pos + name_len]
    extra = central[pos + name_len : pos + name_len + extra_len]
    pos += name_len + extra_len + comment_len
    if pos > len(central):
        raise damaged("central directory entry cut short")
    name = _name(raw_name)
    if (
        made_system != UNIX
        or made_version != need_version
        or need_version not in (20, 45)
        or reserved
        or flags
        or (raw_time, raw_date) != DOS_EPOCH
        or comment_len
        or disk
        or internal
        or external != FILE_ATTR
    ):
        raise damaged(f"{name}: non-canonical central directory entry")
    if method != STORED:
        raise compressed(name)
    usize, csize, offset = _zip64_extra(extra, name, [usize, csize, offset])
    return Entry(name, method, csize, usize, crc, 0), pos, offset


def _zip64_extra(extra: bytes, name: str, values: list[int]) -> list[int]:
    """Replace 0xFFFFFFFF placeholders by the zip64 extra field's values (the only extra allowed)."""
    needed = [i for i, v in enumerate(values) if v == U32]
    if not extra:
        if needed:
            raise damaged(f"{name}: zip64 values missing")
        return values
    header_id, size = struct.unpack_from("<HH", extra) if len(extra) >= 4 else (None, None)
    if header_id != 1 or size != 8 * len(needed) or len(extra) != 4 + size or not needed:
        raise damaged(f"{name}: unexpected extra field")
    big = struct.unpack_from(f"<{len(needed)}Q", extra, 4)
    out = list(values)
    for index, value in zip(needed, big, strict=True):
        out[index] = value  # zipfile moves values out from 2 GiB on, so they may still fit 32 bits
    return out


def _check_local(fh: BinaryIO, entry: Entry, offset: int) -> Entry:
    fh.seek(offset)
    head = fh.read(_LOCAL.size)
    if len(head) != _LOCAL.size:
        raise not_a_package("local header cut short")
    (
        sig,
        need_version,
        reserved,
        flags,
        method,
        raw_time,
        raw_date,
        crc,
        csize,
        usize,
        name_len,
        extra_len,
    ) = _LOCAL.unpack(head)
    rest = fh.read(name_len + extra_len)
    raw_name, extra = rest[:name_len], rest[name_len:]
    if sig != b"PK\x03\x04" or len(rest) != name_len + extra_len:
        raise damaged(f"{entry.name}: local header")
    # Python's zipfile (our writer) gives a local header its zip64 field exactly when the size
    # declared up front is within 5 % of 2 GiB; anything else was not written by it.
    if bool(extra) != (entry.size * 1.05 > zipfile.ZIP64_LIMIT):
        raise damaged(f"{entry.name}: zip64 field of the local header where the writer puts none, or missing")
    if extra:
        usize, csize = _zip64_extra(extra, entry.name, [usize, csize])
    if (
        need_version not in (20, 45)
        or reserved
        or flags
        or method != entry.method
        or (raw_time, raw_date) != DOS_EPOCH
        or crc != entry.crc
        or csize != entry.compressed_size
        or usize != entry.size
        or _name(raw_name) != entry.name
    ):
        raise damaged(f"{entry.name}: local header differs from the central directory")
    if entry.size != entry.compressed_size:
        raise damaged(f"{entry.name}: stored sizes differ")
    return Entry(
        entry.name,
        entry.method,
        entry.compressed_size,
        entry.size,
        entry.crc,
        offset + _LOCAL.size + name_len + extra_len,
    )


def _name(raw: bytes) -> str:
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        return raw.decode("cp437")  # shown in messages; such a name is refused by the name rules


def iter_entry(fh: BinaryIO, entry: Entry) -> Iterator[bytes]:
    """The bytes of an entry, in chunks of at most 1 MiB; a CRC-32 that does not match them is refused
    (`damaged`) once the last chunk is read."""
    fh.seek(entry.data_offset)
    left = entry.size
    crc = 0
    while left:
        chunk = fh.read(min(CHUNK, left))
        if not chunk:
            raise not_a_package(f"{entry.name}: data cut short")
        left -= len(chunk)
        crc = zlib.crc32(chunk, crc)
        yield chunk
    if crc != entry.crc:
        raise damaged(f"{entry.name}: CRC-32")


def read_entry(fh: BinaryIO, entry: Entry) -> bytes:
    return b"".join(iter_entry(fh, entry))
