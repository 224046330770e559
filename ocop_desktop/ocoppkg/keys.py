"""Office keys: Ed25519 for signing packages and X25519 for receiving encrypted records, both kept
encrypted at rest.

The private key is written as encrypted PKCS#8 under a random passphrase. On Windows the passphrase is
protected with DPAPI (bound to the Windows user); elsewhere it goes into the system keyring where one
exists (`keyring_store`), else into a file readable only by the user, kept apart from the key file.
Copying the database alone never leaks a key. A backup (`services/backup`) carries the passphrases
inside its own encryption and a restore protects them again for the new machine.
"""

from __future__ import annotations

import hashlib
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from ocop_desktop.domain.backup import restore_from_backup
from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.files import atomic_write_bytes

SIGNING_KEY_FILE = "office-signing.pem"
SECRET_FILE = "office-signing.secret"
ENCRYPTION_KEY_FILE = "office-encryption.pem"
ENCRYPTION_SECRET_FILE = "office-encryption.secret"


def fingerprint(public_raw: bytes) -> str:
    """Key id: SHA-256 of the raw public key, hex."""
    return hashlib.sha256(public_raw).hexdigest()


def readable_fingerprint(public_raw: bytes) -> str:
    """Six groups of five digits, easy to compare by reading aloud over the phone."""
    return readable_from_fingerprint(fingerprint(public_raw))


def readable_from_fingerprint(hex_fingerprint: str) -> str:
    """The same six groups from the hex fingerprint (as named in a manifest)."""
    number = int(hex_fingerprint[:32], 16) % 10**30
    text = f"{number:030d}"
    return " ".join(text[i : i + 5] for i in range(0, 30, 5))


def normalise_readable(text: str) -> str:
    """What an officer typed, as digits only in groups of five (spaces, dots, dashes ignored)."""
    digits = "".join(ch for ch in text if ch.isdigit())
    return " ".join(digits[i : i + 5] for i in range(0, len(digits), 5))


def public_raw(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass
class KeyStore:
    """The folder holding this installation's private keys."""

    keys_dir: Path

    def create_signing_key(self) -> bytes:
        """Generate and store a new Ed25519 key; return its raw public key."""
        key = Ed25519PrivateKey.generate()
        passphrase = self._new_passphrase()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(passphrase),
        )
        atomic_write_bytes(self.keys_dir / SIGNING_KEY_FILE, pem, private=True)
        return public_raw(key.public_key())

    def signing_key(self) -> Ed25519PrivateKey:
        path = self.keys_dir / SIGNING_KEY_FILE
        try:
            pem = path.read_bytes()
            key = serialization.load_pem_private_key(pem, password=self._passphrase())
        except (OSError, ValueError, TypeError) as exc:
            raise EnvironmentProblem(
                "Không đọc được khóa ký của cơ quan. " + restore_from_backup("thư mục dữ liệu"),
                detail=f"{path}: {exc}",
            ) from exc
        assert isinstance(key, Ed25519PrivateKey)
        return key

    def has_signing_key(self) -> bool:
        return (self.keys_dir / SIGNING_KEY_FILE).exists()

    # -- encryption key (X25519): created on first use, also for installations made before it existed
    def ensure_encryption_key(self) -> bytes:
        """This installation's X25519 public key, generating the pair the first time."""
        if not self.has_encryption_key():
            key = X25519PrivateKey.generate()
            passphrase = self._new_passphrase(ENCRYPTION_SECRET_FILE)
            pem = key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(passphrase),
            )
            atomic_write_bytes(self.keys_dir / ENCRYPTION_KEY_FILE, pem, private=True)
            return public_raw(key.public_key())
        return public_raw(self.encryption_key().public_key())

    def encryption_key(self) -> X25519PrivateKey:
        path = self.keys_dir / ENCRYPTION_KEY_FILE
        try:
            pem = path.read_bytes()
            key = serialization.load_pem_private_key(pem, password=self._passphrase(ENCRYPTION_SECRET_FILE))
        except (OSError, ValueError, TypeError) as exc:
            raise EnvironmentProblem(
                "Không đọc được khóa giải mã của cơ quan. " + restore_from_backup("thư mục dữ liệu"),
                detail=f"{path}: {exc}",
            ) from exc
        assert isinstance(key, X25519PrivateKey)
        return key

    def has_encryption_key(self) -> bool:
        return (self.keys_dir / ENCRYPTION_KEY_FILE).exists()

    # -- passphrase protection -------------------------------------------------
    def _new_passphrase(self, secret_file: str = SECRET_FILE) -> bytes:
        passphrase = secrets.token_urlsafe(32).encode()
        atomic_write_bytes(self.keys_dir / secret_file, protect_secret(passphrase), private=True)
        return passphrase

    def _passphrase(self, secret_file: str = SECRET_FILE) -> bytes:
        return unprotect_secret((self.keys_dir / secret_file).read_bytes())


def protect_secret(data: bytes) -> bytes:
    """A secret as written at rest: DPAPI-protected on Windows (bound to this Windows user); elsewhere in
    the system keyring when there is one (`keyring:<entry>`), else marked plain (the file's permissions,
    readable only by this user, protect it there)."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        from ocop_desktop.ocoppkg import dpapi

        return b"dpapi:" + dpapi.protect(data)
    from ocop_desktop.ocoppkg import keyring_store

    return keyring_store.store(data) or b"plain:" + data


def unprotect_secret(blob: bytes) -> bytes:
    if blob.startswith(b"dpapi:"):  # pragma: no cover - Windows only
        from ocop_desktop.ocoppkg import dpapi

        return dpapi.unprotect(blob[6:])
    if blob.startswith(b"plain:"):
        return blob[6:]
    if blob.startswith(b"keyring:"):
        from ocop_desktop.ocoppkg import keyring_store

        return keyring_store.load(blob)
    raise ValueError("unknown key protection")


def protection(keys_dir: Path) -> str:
    """How this installation's secrets are kept: "dpapi", "keyring", "plain", or "" when there are none."""
    kinds = {
        path.read_bytes().split(b":", 1)[0].decode("ascii", "replace") for path in _secret_files(keys_dir)
    }
    for kind in ("plain", "keyring", "dpapi"):  # the weakest in use is the one to tell
        if kind in kinds:
            return kind
    return ""


def upgrade_protection(keys_dir: Path) -> int:
    """Move secrets still kept plain into the keyring, where one has appeared (installations made
    before the keyring was used, or on a machine that had none). Each file is rewritten only once its
    secret reads back from the keyring; returns how many moved."""
    if sys.platform == "win32":  # pragma: no cover - DPAPI from the start there
        return 0
    plain = [path for path in _secret_files(keys_dir) if path.read_bytes().startswith(b"plain:")]
    if not plain:
        return 0
    from ocop_desktop.ocoppkg import keyring_store

    moved = 0
    for path in plain:
        raw = path.read_bytes()[6:]
        reference = keyring_store.store(raw)
        if reference is None or keyring_store.load(reference) != raw:
            break
        atomic_write_bytes(path, reference, private=True)
        moved += 1
    return moved


def _secret_files(keys_dir: Path) -> list[Path]:
    return sorted(keys_dir.glob("*.secret")) if keys_dir.is_dir() else []
