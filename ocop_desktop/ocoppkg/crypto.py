"""Signatures (Ed25519) and encryption of record files to the recipient (X25519 + HKDF + AES-GCM).

Encryption, per package: a random 256-bit content key; it is wrapped for the recipient with an
ephemeral X25519 key pair (ECDH → HKDF-SHA256 → AES-256-GCM), so only the holder of the
recipient's private key can open it. Each encrypted file is `nonce (12 bytes) || AES-256-GCM
ciphertext+tag`, with the package id and the file name as associated data, so a file cannot be
moved to another package or renamed without the tag failing.

Scans (format 2) are encrypted the same way, as a stream: `seal_chunks` / `open_chunks` give the
same bytes as `encrypt_file` / `decrypt_file` without holding a whole scan in memory.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ocop_desktop.ocoppkg.errors import PackageRefused

SCHEME = "x25519-hkdf-sha256-aes256gcm"
WRAP_INFO = b"ocop-package/1 content-key wrap"
NONCE = 12
TAG = 16
OVERHEAD = NONCE + TAG  # stored size of an encrypted file = plain size + OVERHEAD


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (ValueError, TypeError) as exc:
        raise PackageRefused("malformed", f"Trường “{what}” trong gói không đúng định dạng.") from exc


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def verify(public_raw: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class Envelope:
    """The wrapped content key as written in the manifest's "encryption" object."""

    recipient_key: str  # fingerprint of the recipient's X25519 key
    ephemeral_public: bytes
    nonce: bytes
    wrapped_key: bytes

    def to_json(self) -> dict[str, str]:
        return {
            "scheme": SCHEME,
            "recipient_key": self.recipient_key,
            "ephemeral_public_key": b64(self.ephemeral_public),
            "nonce": b64(self.nonce),
            "wrapped_key": b64(self.wrapped_key),
        }

    @classmethod
    def from_json(cls, data: Any) -> Envelope:
        if not isinstance(data, dict) or data.get("scheme") != SCHEME:
            raise PackageRefused(
                "unsupported_encryption",
                "Gói được mã hóa theo cách mà phiên bản này không đọc được. Hãy cập nhật OCOP Desktop.",
            )
        return cls(
            str(data.get("recipient_key", "")),
            unb64(data.get("ephemeral_public_key"), "ephemeral_public_key"),
            unb64(data.get("nonce"), "nonce"),
            unb64(data.get("wrapped_key"), "wrapped_key"),
        )


def _kek(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public, info=WRAP_INFO
    ).derive(shared)


def new_content_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def wrap_key(
    content_key: bytes, recipient_public: bytes, recipient_fingerprint: str, package_id: str
) -> Envelope:
    ephemeral = X25519PrivateKey.generate()
    eph_pub = raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce = os.urandom(NONCE)
    wrapped = AESGCM(_kek(shared, eph_pub, recipient_public)).encrypt(nonce, content_key, package_id.encode())
    return Envelope(recipient_fingerprint, eph_pub, nonce, wrapped)


def unwrap_key(envelope: Envelope, private: X25519PrivateKey, package_id: str) -> bytes:
    recipient_public = raw_public(private.public_key())
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(envelope.ephemeral_public))
        return AESGCM(_kek(shared, envelope.ephemeral_public, recipient_public)).decrypt(
            envelope.nonce, envelope.wrapped_key, package_id.encode()
        )
    except (InvalidTag, ValueError) as exc:
        raise PackageRefused(
            "cannot_decrypt",
            "Không mở được phần dữ liệu mã hóa của gói bằng khóa của máy này "
            "(gói không được mã hóa cho cơ quan này, hoặc đã bị sửa đổi).",
        ) from exc


def encrypt_file(content_key: bytes, package_id: str, name: str, plaintext: bytes) -> bytes:
    nonce = os.urandom(NONCE)
    return nonce + AESGCM(content_key).encrypt(nonce, plaintext, _associated(package_id, name))


def decrypt_file(content_key: bytes, package_id: str, name: str, stored: bytes) -> bytes:
    try:
        return AESGCM(content_key).decrypt(stored[:NONCE], stored[NONCE:], _associated(package_id, name))
    except (InvalidTag, ValueError) as exc:
        raise _undecryptable(name) from exc


def _associated(package_id: str, name: str) -> bytes:
    return f"{package_id}/{name}".encode()


def seal_chunks(content_key: bytes, package_id: str, name: str, plain: Iterable[bytes]) -> Iterator[bytes]:
    """`encrypt_file` as a stream: the nonce, the ciphertext of each chunk, then the tag. A fresh
    random nonce per file, so one content key never sees a nonce twice."""
    nonce = os.urandom(NONCE)
    sealer = Cipher(algorithms.AES(content_key), modes.GCM(nonce)).encryptor()
    sealer.authenticate_additional_data(_associated(package_id, name))
    yield nonce
    for chunk in plain:
        yield sealer.update(chunk)
    sealer.finalize()
    yield sealer.tag


def open_chunks(content_key: bytes, package_id: str, name: str, stored: Iterable[bytes]) -> Iterator[bytes]:
    """`decrypt_file` as a stream. The plain chunks come out before the tag is checked (at the end):
    a caller keeps them where nothing uses them (a hash, a staging file) until this generator has
    finished without raising `cannot_decrypt`."""
    head, tail = bytearray(), bytearray()  # the nonce, then the last TAG bytes seen (the tag, at the end)
    opener = None
    for chunk in stored:
        if opener is None:
            head += chunk
            if len(head) < NONCE:
                continue
            chunk, nonce = bytes(head[NONCE:]), bytes(head[:NONCE])
            opener = Cipher(algorithms.AES(content_key), modes.GCM(nonce)).decryptor()
            opener.authenticate_additional_data(_associated(package_id, name))
        tail += chunk
        if len(tail) > TAG:
            with memoryview(tail) as view:  # no copy of the chunk; released before `tail` shrinks
                out = opener.update(view[:-TAG])
            del tail[:-TAG]
            yield out
    if opener is None or len(tail) < TAG:
        raise _undecryptable(name)
    try:
        opener.finalize_with_tag(bytes(tail))
    except InvalidTag as exc:
        raise _undecryptable(name) from exc


def _undecryptable(name: str) -> PackageRefused:
    return PackageRefused(
        "cannot_decrypt",
        f"Tệp “{name}” trong gói không giải mã được (bị sửa đổi hoặc không dành cho máy này).",
    )
