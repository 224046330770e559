"""The writer and the reader stream encrypted scans (docs/sync-package.md §5): a 64 MiB scan is
written and read back through a real package file holding about a chunk at a time, and the manifest
written over its placeholders is the one the reader accepts (signature, CRC-32, every hash)."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from ocop_desktop.ocoppkg import crypto
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import fingerprint
from ocop_desktop.ocoppkg.manifest import Manifest, Party
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.ocoppkg.writer import PackageWriter

MIB = 1 << 20


def _write(folder: Path, scans: list[Path]) -> tuple[Path, bytes, X25519PrivateKey, Ed25519PrivateKey]:
    """A submission with these scans, encrypted to a new recipient key; returns the file, the
    content key, the recipient's key and the signing key."""
    signer, recipient = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    package_id, content_key = str(uuid.uuid4()), crypto.new_content_key()
    recipient_fp = fingerprint(crypto.raw_public(recipient.public_key()))
    envelope = crypto.wrap_key(
        content_key, crypto.raw_public(recipient.public_key()), recipient_fp, package_id
    )
    writer = PackageWriter(folder / "p.ocoppkg", package_id)
    for path in scans:
        digest = hashlib.sha256()
        with path.open("rb") as f:
            while chunk := f.read(MIB):
                digest.update(chunk)
        writer.add_blob(digest.hexdigest(), path, path.stat().st_size, content_key)

    def seal(files: tuple[fmt.FileEntry, ...]) -> tuple[bytes, bytes]:
        raw = Manifest(
            package_id=package_id,
            kind=fmt.Kind.SUBMISSION.value,
            created_at="2026-12-03T10:00:00Z",
            sender=Party(str(uuid.uuid4()), "UBND xã Hoàn Kiếm", "00070", "commune"),
            signing_key=fingerprint(crypto.raw_public(signer.public_key())),
            sequence=1,
            previous_sha256=None,
            recipient=Party(str(uuid.uuid4()), "Sở Nông nghiệp", "01", "province"),
            encryption_key=recipient_fp,
            files=files,
            encryption=envelope.to_json(),
            format_version=fmt.version_for(files),
        ).to_bytes()
        return raw, crypto.sign(signer, raw)

    tmp = writer.write(seal)
    PackageWriter.commit(tmp, writer.target)
    return writer.target, content_key, recipient, signer


def _scan(folder: Path, size: int) -> Path:
    path = folder / f"scan-{size}.jpg"
    with path.open("wb") as f:
        f.write(b"\xff\xd8\xff\xe0")
        left = size - 4
        while left:
            f.write(os.urandom(min(MIB, left)))
            left -= min(MIB, left)
    return path


def test_a_large_scan_is_written_and_read_holding_about_one_chunk(tmp_path: Path) -> None:
    scan = _scan(tmp_path, 64 * MIB)
    tracemalloc.start()
    try:
        package, content_key, recipient, signer = _write(tmp_path, [scan])
        written_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        with PackageReader(package) as reader:
            reader.verify_signature(crypto.raw_public(signer.public_key()), "xã")
            [name] = reader.names("blob")
            key = crypto.unwrap_key(
                crypto.Envelope.from_json(reader.manifest.encryption), recipient, reader.manifest.package_id
            )
            assert key == content_key and reader.manifest.format_version == 2
            plain = hashlib.sha256()

            class Sink(io.RawIOBase):
                def write(self, b: object) -> int:  # type: ignore[override]
                    plain.update(b)  # type: ignore[arg-type]
                    return len(b)  # type: ignore[arg-type]

            reader.copy_blob(name, Sink(), content_key=key)  # type: ignore[arg-type]
        read_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (
        name
        == f"blobs/{plain.hexdigest()}.enc"
        == f"blobs/{hashlib.sha256(scan.read_bytes()).hexdigest()}.enc"
    )
    assert package.stat().st_size > 64 * MIB + crypto.OVERHEAD
    assert written_peak < 8 * MIB and read_peak < 8 * MIB, (written_peak, read_peak)
    print(f"peaks: write {written_peak / MIB:.1f} MiB, read {read_peak / MIB:.1f} MiB")


def test_the_manifest_over_its_placeholders_is_what_is_signed_and_listed(tmp_path: Path) -> None:
    scans = [_scan(tmp_path, size) for size in (0 + 4, 5000, 3 * MIB + 7)]
    package, content_key, _recipient, signer = _write(tmp_path, scans)
    with PackageReader(package) as reader:  # layout, CRC-32 of the manifest and the signature, listing
        reader.verify_signature(crypto.raw_public(signer.public_key()), "xã")
        names = reader.names("blob")
        assert len(names) == 3 and all(n.endswith(".enc") for n in names)
        assert all(f.sha256 != "0" * 64 for f in reader.manifest.files)
        for name in names:
            reader.copy_blob(name, None, content_key=content_key)
        with pytest.raises(PackageRefused) as refused:
            reader.copy_blob(names[0], None, content_key=crypto.new_content_key())
        assert refused.value.code == "tampered"  # the key is the unwrapped one: a failing tag is a change
        with pytest.raises(PackageRefused) as refused:
            reader.copy_blob(names[0], None)
        assert refused.value.code == "cannot_decrypt"
    raw = package.read_bytes()
    assert all(s.read_bytes()[4:] not in raw for s in scans[1:])
