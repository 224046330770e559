"""Taking packages apart and putting them back together, for the malformed-package tests."""

from __future__ import annotations

import io
import json
import struct
import warnings
import zipfile
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ocop_desktop.ocoppkg.writer import zip_info


def entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def build(items: list[tuple[str, bytes]], *, deflate: frozenset[str] = frozenset()) -> bytes:
    """A zip laid out exactly as our writer does (so only the intended defect is there)."""
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w") as zf:
        warnings.simplefilter("ignore")  # duplicate names are wanted in one test
        for name, payload in items:
            info = zip_info(name, len(payload))
            if name in deflate:
                info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, payload)
    return buf.getvalue()


def manifest_of(data: bytes) -> dict[str, Any]:
    return json.loads(dict(entries(data))["manifest.json"])


def resign(
    data: bytes,
    key: Ed25519PrivateKey,
    change: Callable[[dict[str, Any]], None] | None = None,
    files: Callable[[list[tuple[str, bytes]]], list[tuple[str, bytes]]] | None = None,
    relist: bool = False,
) -> bytes:
    """Change the manifest and/or the files and sign again with `key` (what a sender could do)."""
    import hashlib

    items = [(n, b) for n, b in entries(data) if n not in ("manifest.json", "manifest.sig")]
    if files:
        items = files(items)
    manifest = manifest_of(data)
    if relist:
        manifest["files"] = [
            {
                "name": n,
                "size": len(b),
                "sha256": hashlib.sha256(b).hexdigest(),
                **({"encrypted": True} if n.endswith(".enc") else {}),
            }
            for n, b in items
        ]
    if change:
        change(manifest)
    raw = json.dumps(manifest, ensure_ascii=False, indent=1).encode() + b"\n"
    return build([("manifest.json", raw), ("manifest.sig", key.sign(raw)), *items])


def replace_entry(data: bytes, name: str, payload: bytes) -> bytes:
    return build([(n, payload if n == name else b) for n, b in entries(data)])


def eocd_with_entries(data: bytes, count: int) -> bytes:
    """The end record claims `count` entries (a huge-entry-count bomb without the entries)."""
    head, eocd = data[:-22], bytearray(data[-22:])
    struct.pack_into("<HH", eocd, 8, min(count, 0xFFFF), min(count, 0xFFFF))
    return head + bytes(eocd)


def overlapping(data: bytes) -> bytes:
    """Every central entry points at the first local header (Fifield's overlapping-files bomb)."""
    out = bytearray(data)
    cd_offset = struct.unpack_from("<I", data, len(data) - 22 + 16)[0]
    pos = cd_offset
    while out[pos : pos + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, pos + 28)
        struct.pack_into("<I", out, pos + 42, 0)
        pos += 46 + name_len + extra_len + comment_len
    return bytes(out)


def declared_size(data: bytes, name: str, size: int) -> bytes:
    """The central directory says `name` is `size` bytes (stored), the data is not."""
    out = bytearray(data)
    cd_offset = struct.unpack_from("<I", data, len(data) - 22 + 16)[0]
    pos = cd_offset
    while out[pos : pos + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, pos + 28)
        if out[pos + 46 : pos + 46 + name_len].decode() == name:
            struct.pack_into("<II", out, pos + 20, size, size)
        pos += 46 + name_len + extra_len + comment_len
    return bytes(out)


def wrong_crc(data: bytes, name: str) -> bytes:
    """`name`'s CRC-32 changed in its local header and its central entry alike (so the headers agree
    with each other, and only the CRC disagrees with the bytes)."""
    out = bytearray(data)
    cd_offset = struct.unpack_from("<I", data, len(data) - 22 + 16)[0]
    pos = cd_offset
    while out[pos : pos + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, pos + 28)
        if out[pos + 46 : pos + 46 + name_len].decode() == name:
            crc, local = (
                struct.unpack_from("<I", out, pos + 16)[0] ^ 1,
                struct.unpack_from("<I", out, pos + 42)[0],
            )
            struct.pack_into("<I", out, pos + 16, crc)
            struct.pack_into("<I", out, local + 14, crc)
        pos += 46 + name_len + extra_len + comment_len
    return bytes(out)
