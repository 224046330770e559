"""The office's private keys sealed under an office passphrase, so that the desks of one province office
can share them through their common database server without the server (or whoever reads its backups)
being able to use them: scrypt turns the passphrase into a key, AES-256-GCM seals the key files, and the
office id is bound in as associated data (a vault cannot be moved to another office's row).

What is sealed is what `keys/` holds for the office's two keys: the PEM files (themselves encrypted
with a random passphrase) and those passphrases in clear — each desk protects them again its own way
(DPAPI, the keyring or a private file), as a restored backup does."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ocop_desktop.ocoppkg.keys import (
    ENCRYPTION_KEY_FILE,
    ENCRYPTION_SECRET_FILE,
    SECRET_FILE,
    SIGNING_KEY_FILE,
)

VAULT_FILES = (SIGNING_KEY_FILE, SECRET_FILE, ENCRYPTION_KEY_FILE, ENCRYPTION_SECRET_FILE)
N, R, P = 2**15, 8, 1  # ~0.1 s and 32 MiB once per desk: a stolen server dump costs as much per guess
MIN_PASSPHRASE = 12


class WrongPassphrase(Exception):
    """The passphrase does not open the vault (or the vault was altered)."""


@dataclass(frozen=True)
class SealedKeys:
    salt: bytes
    n: int
    r: int
    p: int
    nonce: bytes
    sealed: bytes


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2**26, dklen=32)


def _aad(office_id: str) -> bytes:
    return f"ocop-office-key-vault/1/{office_id}".encode()


def seal(files: dict[str, bytes], passphrase: str, office_id: str) -> SealedKeys:
    """`files`: file name → contents (the `.secret` ones unprotected). Only VAULT_FILES are sealed."""
    body = json.dumps(
        {name: base64.b64encode(files[name]).decode("ascii") for name in VAULT_FILES if name in files},
        sort_keys=True,
    ).encode("ascii")
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_key(passphrase, salt, N, R, P)).encrypt(nonce, body, _aad(office_id))
    return SealedKeys(salt, N, R, P, nonce, sealed)


def open_sealed(vault: SealedKeys, passphrase: str, office_id: str) -> dict[str, bytes]:
    try:
        key = _key(passphrase, vault.salt, vault.n, vault.r, vault.p)
        body = AESGCM(key).decrypt(vault.nonce, vault.sealed, _aad(office_id))
    except (InvalidTag, ValueError) as exc:
        raise WrongPassphrase from exc
    files = json.loads(body)
    return {name: base64.b64decode(files[name]) for name in VAULT_FILES if name in files}
