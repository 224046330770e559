"""Taking packages apart and putting them back together, for the malformed-package tests and the
ownership tests (records and payloads edited and re-encrypted, then signed again by the sender)."""

from __future__ import annotations

import io
import json
import struct
import warnings
import zipfile
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

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


def edit_json_entries(
    data: bytes,
    signer: Ed25519PrivateKey,
    recipient: X25519PrivateKey | None,
    change: Callable[[str, Any], tuple[str, Any] | None],
    manifest: Callable[[dict[str, Any]], None] | None = None,
    *,
    new_id: bool = False,
) -> bytes:
    """Edit the JSON entries (records, payload) as their sender could: each is decrypted with the
    `recipient`'s key when it is encrypted, given to `change(name, document)` — which returns the new
    name and document, or None to keep the entry as it is — re-encrypted with the package's content
    key under its (new) name, and the whole is listed and signed again with `signer`. `new_id`: a
    new package id (the content key wrapped again for it), so that the edit is not a replay."""
    import uuid

    from ocop_desktop.ocoppkg import crypto
    from ocop_desktop.ocoppkg.keys import fingerprint

    header = manifest_of(data)
    old_id = header["package_id"]
    package_id = str(uuid.uuid4()) if new_id else old_id
    key = envelope = None
    if header.get("encryption") is not None:
        assert recipient is not None, "the records are encrypted: give the recipient's key"
        key = crypto.unwrap_key(crypto.Envelope.from_json(header["encryption"]), recipient, old_id)
        public = crypto.raw_public(recipient.public_key())
        envelope = crypto.wrap_key(key, public, fingerprint(public), package_id).to_json()

    def renamed(m: dict[str, Any]) -> None:
        m["package_id"] = package_id
        if envelope is not None:
            m["encryption"] = envelope
        if manifest:
            manifest(m)

    def edit(items: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        out = []
        for name, stored in items:
            if not name.endswith((".json", ".json.enc")) or name.startswith("reference/"):
                out.append((name, stored))
                continue
            sealed = name.endswith(".enc")
            plain = crypto.decrypt_file(key, old_id, name, stored) if sealed and key else stored
            changed = change(name.removesuffix(".enc"), json.loads(plain))
            new_name, doc = changed or (name.removesuffix(".enc"), json.loads(plain))
            raw = json.dumps(doc, ensure_ascii=False).encode()
            if sealed and key:
                new_name += ".enc"
                raw = crypto.encrypt_file(key, package_id, new_name, raw)
            out.append((new_name, raw))
        return out

    return resign(data, signer, renamed, files=edit, relist=True)


def edit_records(
    data: bytes,
    signer: Ed25519PrivateKey,
    recipient: X25519PrivateKey | None,
    change: Callable[[dict[str, Any]], None],
    manifest: Callable[[dict[str, Any]], None] | None = None,
    *,
    new_id: bool = False,
) -> bytes:
    """`edit_json_entries` for dossier records: `change(record)` edits each record in place; the
    record's `hash` is computed again and the file is named after its (possibly new) dossier id, so
    the package is exactly what a sender running modified software would sign."""
    from ocop_desktop.services.sync.records import part_hash

    def one(name: str, rec: Any) -> tuple[str, Any] | None:
        if not name.startswith("records/"):
            return None
        change(rec)
        rec["hash"] = part_hash(rec["part"], rec["data"])
        return f"records/{rec['dossier_id']}.json", rec

    return edit_json_entries(data, signer, recipient, one, manifest, new_id=new_id)


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
