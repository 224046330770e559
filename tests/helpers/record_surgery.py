"""Changing the encrypted records of a real package as a sender could, for the validation tests:
decrypt with the recipient's key, change, encrypt again with the package's content key (under a new
package id when asked), relist and sign again with the sender's real key (`package_surgery.resign`)."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from helpers.package_surgery import build, entries, manifest_of, resign
from helpers.sync import Pair, blob_files, db_state, logical_dump, ready_dossier
from ocop_desktop.ocoppkg import crypto
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.sync.opened import content_key
from ocop_desktop.services.sync.records import part_hash
from ocop_desktop.services.sync.service import PackageService

Change = Callable[[dict[str, Any]], Any]


@dataclass
class Surgeon:
    """One good submission from the commune to its province, and what it takes to change it."""

    pair: Pair
    good: bytes
    key: Ed25519PrivateKey
    content: bytes
    package_id: str
    record_name: str
    plain: bytes  # the record as exported

    def record(self) -> dict[str, Any]:
        return json.loads(self.plain)  # type: ignore[no-any-return]

    def with_record(self, change: Change) -> bytes:
        """The package with its record changed by `change` (which may return the record's new bytes),
        its hash recomputed as an honest sender would, encrypted and signed again."""
        rec = self.record()
        raw = change(rec)
        if not isinstance(raw, bytes):
            try:
                rec["hash"] = part_hash(rec["part"], rec["data"])
            except Exception:  # noqa: BLE001 - the change broke the data beyond hashing: keep the old hash
                pass
            raw = json.dumps(rec, ensure_ascii=False).encode()
        return self.with_record_bytes(raw)

    def with_record_bytes(self, raw: bytes, *, new_id: bool = False) -> bytes:
        """The record's bytes replaced; `new_id`: as a new package (its own id, the content key
        wrapped again for that id), so that it is not the replay of one imported before."""
        package_id = str(uuid.uuid4()) if new_id else self.package_id
        stored = crypto.encrypt_file(self.content, package_id, self.record_name, raw)
        envelope = manifest_of(self.good)["encryption"]
        if new_id:
            province = KeyStore(self.pair.province.paths.keys_dir).encryption_key().public_key()
            public = crypto.raw_public(province)
            envelope = crypto.wrap_key(self.content, public, envelope["recipient_key"], package_id).to_json()
        return resign(
            self.good,
            self.key,
            lambda m: m.update(package_id=package_id, encryption=envelope),
            files=lambda items: [(n, stored if n == self.record_name else b) for n, b in items],
            relist=True,
        )

    def with_manifest_text(self, change: Callable[[str], str]) -> bytes:
        """The manifest's text changed (for what `json.dumps` would not write) and signed again."""
        raw = change(dict(entries(self.good))["manifest.json"].decode()).encode()
        rest = [(n, b) for n, b in entries(self.good) if n not in ("manifest.json", "manifest.sig")]
        return build([("manifest.json", raw), ("manifest.sig", self.key.sign(raw)), *rest])

    def write(self, data: bytes, name: str = "package.ocoppkg") -> Path:
        target = self.pair.send(name)
        target.write_bytes(data)
        return target


def make_surgeon(pair: Pair, scans: Path) -> Surgeon:
    """A dossier made ready at the commune and exported to the province, record decrypted."""
    ready_dossier(pair.commune, scans)
    path = PackageService(pair.commune).export_dossiers(pair.send("good.ocoppkg"), pending=True).path
    with PackageReader(path) as reader:
        key = content_key(pair.province, reader.manifest)
        assert key is not None
        (name,) = reader.names("record")
        plain = reader.read_json_bytes(name, key)
        package_id = reader.manifest.package_id
    signing = KeyStore(pair.commune.paths.keys_dir).signing_key()
    return Surgeon(pair, path.read_bytes(), signing, key, package_id, name, plain)


def snapshot(ctx: AppContext) -> tuple[object, ...]:
    """Database (file after a checkpoint, and its logical dump), blob store, every other file of the
    data folder with its SHA-256."""
    root = ctx.paths.data_dir
    files = sorted(
        (str(p.relative_to(root)), hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir")
        for p in root.rglob("*")
        if not p.name.startswith(ctx.paths.db_path.name)
    )
    return db_state(ctx), logical_dump(ctx.paths.db_path), blob_files(ctx), files


def with_payload(path: Path, reader: AppContext, key: Ed25519PrivateKey, change: Change) -> bytes:
    """The package at `path` with its payload changed by `change`, decrypted with `reader`'s key when
    it is encrypted and encrypted again with the same content key, then signed again with `key`."""
    with PackageReader(path) as package:
        (name,) = package.names("payload")
        content = content_key(reader, package.manifest) if name.endswith(".enc") else None
        doc = json.loads(package.read_json_bytes(name, content))
        package_id = package.manifest.package_id
    change(doc)
    raw = json.dumps(doc, ensure_ascii=False).encode()
    stored = crypto.encrypt_file(content, package_id, name, raw) if content else raw
    return resign(
        path.read_bytes(),
        key,
        files=lambda items: [(n, stored if n == name else b) for n, b in items],
        relist=True,
    )
