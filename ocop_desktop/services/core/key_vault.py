"""The office keys shared by the desks of a province office on one database server (issue 18).

The desk that holds the keys (the one set up first, or moved to the server with `store migrate-to`)
seals them under an office passphrase the administrator chooses (`share_keys`); every other desk
installs them once with that passphrase (`fetch_keys`) and keeps them as its own (DPAPI, keyring or a
private file). The server only holds sealed bytes: reading the database, or its `pg_dump`, does not give
the keys. Trade-off (docs/province-server.md): whoever knows the passphrase and reads the database can
open them — choose a long one, give it only to the desks' officers, and share again after a change of
staff or keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.ocoppkg import vault
from ocop_desktop.ocoppkg.keys import (
    ENCRYPTION_SECRET_FILE,
    SECRET_FILE,
    SIGNING_KEY_FILE,
    KeyStore,
    fingerprint,
    protect_secret,
    public_raw,
    unprotect_secret,
)
from ocop_desktop.services.core.officers import require_admin
from ocop_desktop.store.models import KeyRecord, OfficeKeyVault

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

SECRETS = (SECRET_FILE, ENCRYPTION_SECRET_FILE)


@dataclass(frozen=True)
class VaultState:
    shared: bool  # the office's keys are in the database, sealed
    local: bool  # this desk has the office's signing key
    matches: bool  # … and it is the office's current one (False: another office's, or an old one)
    shared_fingerprint: str


def office_signing_fingerprint(ctx: AppContext) -> str:
    """The office's current signing key, as the database records it (not retired)."""
    office = ctx.office()
    with ctx.read() as s:
        fp = s.scalar(
            select(KeyRecord.fingerprint).where(
                KeyRecord.office_id == office.id,
                KeyRecord.purpose == "signing",
                KeyRecord.retired_at.is_(None),
            )
        )
    if fp is None:
        raise UserError("Cơ quan chưa có khóa ký trong cơ sở dữ liệu: hãy thiết lập máy trước.")
    return str(fp)


def vault_state(ctx: AppContext) -> VaultState:
    office = ctx.office()
    with ctx.read() as s:
        row = s.scalar(select(OfficeKeyVault).where(OfficeKeyVault.office_id == office.id))
    store = KeyStore(ctx.paths.keys_dir)
    local = store.has_signing_key()
    matches = local and _local_fingerprint(store) == office_signing_fingerprint(ctx)
    return VaultState(row is not None, local, matches, row.signing_fingerprint if row else "")


def share_keys(ctx: AppContext, passphrase: str, again: str) -> str:
    """Seal this desk's office keys in the database (replacing an earlier vault); the fingerprint."""
    require_admin(ctx, "chia sẻ khóa của cơ quan cho các máy trong văn phòng")
    _check_passphrase(passphrase, again)
    store = KeyStore(ctx.paths.keys_dir)
    if not store.has_signing_key():
        raise UserError("Máy này chưa có khóa của cơ quan: hãy nhận khóa từ máy đã có (office-keys fetch).")
    store.ensure_encryption_key()
    expected = office_signing_fingerprint(ctx)
    if _local_fingerprint(store) != expected:
        raise UserError(
            "Khóa ký trên máy này không phải khóa hiện hành của cơ quan trong cơ sở dữ liệu. "
            "Chưa có gì thay đổi."
        )
    files = {}
    for name in vault.VAULT_FILES:
        data = (ctx.paths.keys_dir / name).read_bytes()
        files[name] = unprotect_secret(data) if name in SECRETS else data
    office = ctx.office()
    sealed = vault.seal(files, passphrase, office.id)
    with ctx.unit_of_work() as s:
        row = s.scalar(select(OfficeKeyVault).where(OfficeKeyVault.office_id == office.id))
        if row is None:
            row = OfficeKeyVault(office_id=office.id)
            s.add(row)
        row.signing_fingerprint = expected
        row.salt, row.nonce, row.sealed = sealed.salt, sealed.nonce, sealed.sealed
        row.scrypt_n, row.scrypt_r, row.scrypt_p = sealed.n, sealed.r, sealed.p
    return expected


def fetch_keys(ctx: AppContext, passphrase: str) -> str:
    """Install the office keys on this desk from the database; the fingerprint. A wrong passphrase, a
    vault of another key, or a desk that already has different keys changes nothing."""
    office = ctx.office()
    with ctx.read() as s:
        row = s.scalar(select(OfficeKeyVault).where(OfficeKeyVault.office_id == office.id))
    if row is None:
        raise UserError(
            "Chưa có khóa dùng chung trong cơ sở dữ liệu. Trên máy đã có khóa, cán bộ quản trị chọn "
            "“Chia sẻ khóa cho các máy…” (office-keys share) trước."
        )
    sealed = vault.SealedKeys(row.salt, row.scrypt_n, row.scrypt_r, row.scrypt_p, row.nonce, row.sealed)
    try:
        files = vault.open_sealed(sealed, passphrase, office.id)
    except vault.WrongPassphrase:
        raise UserError("Mật khẩu khóa của văn phòng không đúng. Chưa có gì thay đổi.") from None
    got = _sealed_fingerprint(files)
    if got != row.signing_fingerprint or got != office_signing_fingerprint(ctx):
        raise UserError("Khóa dùng chung không phải khóa hiện hành của cơ quan. Chưa có gì thay đổi.")
    store = KeyStore(ctx.paths.keys_dir)
    if store.has_signing_key():
        if _local_fingerprint(store) == got:
            return got  # already installed
        raise UserError(
            "Máy này đang có khóa khác của cơ quan. Hãy sao lưu rồi xóa thư mục “keys” nếu chắc chắn "
            "muốn thay. Chưa có gì thay đổi."
        )
    keys_dir = ctx.paths.keys_dir
    keys_dir.mkdir(parents=True, exist_ok=True)
    for name in sorted(files, key=lambda n: n not in SECRETS):  # secrets first: a key file implies its secret
        data = protect_secret(files[name]) if name in SECRETS else files[name]
        atomic_write_bytes(keys_dir / name, data, private=True)
    return got


def _check_passphrase(passphrase: str, again: str) -> None:
    if len(passphrase) < vault.MIN_PASSPHRASE:
        raise ValidationError(
            {"passphrase": f"Mật khẩu khóa của văn phòng cần ít nhất {vault.MIN_PASSPHRASE} ký tự."}
        )
    if passphrase != again:
        raise ValidationError({"again": "Hai lần nhập mật khẩu không giống nhau."})


def _local_fingerprint(store: KeyStore) -> str:
    return fingerprint(public_raw(store.signing_key().public_key()))


def _sealed_fingerprint(files: dict[str, bytes]) -> str:
    try:
        key = serialization.load_pem_private_key(files[SIGNING_KEY_FILE], password=files[SECRET_FILE])
    except (KeyError, ValueError, TypeError) as exc:
        raise UserError("Khóa dùng chung bị hỏng. Chưa có gì thay đổi.") from exc
    return fingerprint(public_raw(key.public_key()))  # type: ignore[arg-type]
