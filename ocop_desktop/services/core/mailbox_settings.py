"""Mailbox settings (endpoint, bucket, access key, secret), kept encrypted at rest next to the office
keys: AES-256-GCM under a random key that is DPAPI-protected on Windows (bound to the Windows user)
and, elsewhere, in a file only this user can read, apart from the settings file, as the office keys
are (`ocoppkg.keys`). Copying the database alone never leaks the secret, and it is never logged:
`repr` leaves it out. At the province, the credentials it gave each office are kept the same way.

Below the sync layer because the province's reference pack carries them (`sync/mailbox_pack.py`)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ocop_desktop.domain.errors import EnvironmentProblem, ValidationError
from ocop_desktop.domain.text import nfc
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.ocoppkg.keys import protect_secret, unprotect_secret

SETTINGS_FILE = "mailbox-settings.enc"
SECRET_FILE = "mailbox-settings.secret"
OFFICES_FILE = "mailbox-offices.enc"  # at the province: each office's credentials
_AAD = b"ocop-desktop mailbox settings v1"
_OFFICES_AAD = b"ocop-desktop mailbox office credentials v1"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class MailboxSettings:
    endpoint: str  # https://s3.example.gov.vn (http only on this machine or when allowed)
    bucket: str
    access_key: str
    secret_key: str = field(repr=False)
    region: str = "us-east-1"
    province_office_id: str | None = None  # where uploads go; else the one trusted province
    allow_http: bool = False  # a server on the province's own network without TLS, chosen by IT
    # at the province: submissions and evaluators' scores fetched are imported at once (True) or wait
    # for an officer's import on the sync page (False); receipts always apply
    auto_import: bool = True
    # "typed" (Settings, `mailbox configure`) or "province" (applied from the province's signed pack)
    source: str = "typed"

    def check(self) -> MailboxSettings:
        """The settings, trimmed, or `ValidationError` naming what is wrong."""
        s = MailboxSettings(
            nfc(self.endpoint).strip().rstrip("/"),
            self.bucket.strip(),
            self.access_key.strip(),
            self.secret_key.strip(),
            self.region.strip() or "us-east-1",
            (self.province_office_id or "").strip() or None,
            self.allow_http,
            self.auto_import,
            self.source,
        )
        errors: dict[str, str] = {}
        url = urlsplit(s.endpoint)
        if url.scheme not in ("https", "http") or not url.hostname:
            errors["endpoint"] = "Địa chỉ hộp thư phải có dạng https://tên-máy-chủ[:cổng]."
        elif url.scheme == "http" and not s.allow_http and url.hostname not in LOOPBACK:
            errors["endpoint"] = (
                "Địa chỉ hộp thư không dùng https: dữ liệu đăng nhập sẽ đi không mã hóa. Hãy dùng https, "
                "hoặc chỉ khi máy chủ nằm trong mạng nội bộ của tỉnh, chọn cho phép http."
            )
        if not (3 <= len(s.bucket) <= 63) or not all(
            c.islower() or c.isdigit() or c in "-." for c in s.bucket
        ):
            errors["bucket"] = (
                "Tên thùng chứa (bucket) gồm 3–63 chữ thường, số, dấu gạch ngang hoặc dấu chấm."
            )
        if not s.access_key:
            errors["access_key"] = "Hãy nhập mã truy cập (access key) tỉnh cấp cho cơ quan."
        if not s.secret_key:
            errors["secret_key"] = "Hãy nhập khóa bí mật (secret key) tỉnh cấp cho cơ quan."
        if errors:
            raise ValidationError(errors)
        return s

    def public(self) -> dict[str, object]:
        """What may be shown or printed: everything but the secret."""
        data = asdict(self)
        data.pop("secret_key")
        return data


def save(keys_dir: Path, settings: MailboxSettings) -> None:
    _write(keys_dir, SETTINGS_FILE, _AAD, asdict(settings))


def load(keys_dir: Path) -> MailboxSettings | None:
    """The saved settings, or None when the mailbox was never configured on this machine."""
    data = _read(keys_dir, SETTINGS_FILE, _AAD)
    try:
        return None if data is None else MailboxSettings(**data)
    except TypeError as exc:
        raise _unreadable(keys_dir / SETTINGS_FILE, exc) from exc


@dataclass(frozen=True)
class OfficeCredentials:
    """What the province gave one office (a commune or an evaluator laptop) to reach the mailbox."""

    office_id: str
    access_key: str
    secret_key: str = field(repr=False)


def save_office_credentials(keys_dir: Path, credentials: OfficeCredentials | None, office_id: str) -> None:
    """At the province: set (or, with None, forget) one office's access key and secret. Kept encrypted
    like the province's own settings; the reference pack to that office carries them sealed to its key."""
    found = {c.office_id: c for c in office_credentials(keys_dir)}
    found.pop(office_id, None)
    if credentials is not None:
        if not credentials.access_key.strip() or not credentials.secret_key.strip():
            raise ValidationError({"access_key": "Cần cả mã truy cập và khóa bí mật của cơ quan."})
        found[office_id] = OfficeCredentials(
            office_id, credentials.access_key.strip(), credentials.secret_key.strip()
        )
    _write(keys_dir, OFFICES_FILE, _OFFICES_AAD, [asdict(c) for c in found.values()])


def office_credentials(keys_dir: Path) -> list[OfficeCredentials]:
    data = _read(keys_dir, OFFICES_FILE, _OFFICES_AAD)
    try:
        return sorted((OfficeCredentials(**row) for row in data or []), key=lambda c: c.office_id)
    except TypeError as exc:
        raise _unreadable(keys_dir / OFFICES_FILE, exc) from exc


def _write(keys_dir: Path, name: str, aad: bytes, data: object) -> None:
    key = _key(keys_dir, create=True)
    nonce = os.urandom(12)
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    atomic_write_bytes(keys_dir / name, nonce + AESGCM(key).encrypt(nonce, raw, aad), private=True)


def _read(keys_dir: Path, name: str, aad: bytes) -> Any:
    path = keys_dir / name
    if not path.is_file():
        return None
    try:
        blob = path.read_bytes()
        return json.loads(AESGCM(_key(keys_dir, create=False)).decrypt(blob[:12], blob[12:], aad))
    except (OSError, ValueError, InvalidTag) as exc:
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: BaseException) -> EnvironmentProblem:
    return EnvironmentProblem(
        "Không đọc được cấu hình hộp thư của máy này. Hãy cấu hình lại hộp thư (lệnh: mailbox configure).",
        detail=f"{path}: {type(exc).__name__}",  # never the content
    )


def _key(keys_dir: Path, *, create: bool) -> bytes:
    path = keys_dir / SECRET_FILE
    if create and not path.is_file():
        key = AESGCM.generate_key(bit_length=256)
        atomic_write_bytes(path, protect_secret(key), private=True)
        return key
    return unprotect_secret(path.read_bytes())
