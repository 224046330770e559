"""Mailbox settings carried by the province's signed packs (docs/mailbox.md §Settings from the province).

The province's reference pack (and an evaluator's assignment) carries a `mailbox` object: the endpoint,
bucket, region and the province's office id in clear — the pack is signed, so they cannot be changed on
the way — and, for each office the province gave credentials to, its access key and secret **sealed to
that office's X25519 key** (the scheme of the package records: an ephemeral X25519 exchange wraps a
random AES-256-GCM key; the office id is the associated data, so an entry cannot be moved to another
office). A reference pack to every commune carries one sealed entry per commune; each opens only its own.

The receiving office applies them when it imports the pack from its trusted province (after the
fingerprint was confirmed, as for everything else in the pack). The province is the authority on the
mailbox — it rotates a key when a machine is lost — so its settings replace settings typed here; that
replacement is said before the import (a preview warning) and logged (endpoint, bucket and access key,
never the secret). This machine's own choice of reviewing before import (`auto_import`) is kept."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.ocoppkg import crypto
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore, fingerprint
from ocop_desktop.services.core import mailbox_settings as stored
from ocop_desktop.services.core.mailbox_settings import MailboxSettings
from ocop_desktop.services.sync.keys import encryption_key_of
from ocop_desktop.store.audit import record_change
from ocop_desktop.store.models import Office

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

log = logging.getLogger(__name__)
INSTALLED, REPLACED, UPDATED, UNCHANGED = "installed", "replaced", "updated", "unchanged"


def _aad(office_id: str) -> str:
    return f"ocop-desktop mailbox credentials for {office_id}"


def block_for(ctx: AppContext, s: Session, office_ids: list[str]) -> dict[str, Any] | None:
    """At the province: the `mailbox` object for a pack to `office_ids`, or None when this province has
    no mailbox configured. Offices without credentials set, or whose key is not trusted yet, get none."""
    own = stored.load(ctx.paths.keys_dir)
    if own is None:
        return None
    given = {c.office_id: c for c in stored.office_credentials(ctx.paths.keys_dir)}
    offices = []
    for office_id in sorted(set(office_ids) & set(given)):
        key = encryption_key_of(s, office_id)
        if key is not None:
            c = given[office_id]
            offices.append(_seal(office_id, key.public_key, key.fingerprint, c.access_key, c.secret_key))
    return {
        "endpoint": own.endpoint,
        "bucket": own.bucket,
        "region": own.region,
        "province_office_id": ctx.office().id,
        "allow_http": own.allow_http,
        "offices": offices,
    }


def communes_of(s: Session) -> list[str]:
    """The communes a reference pack for every commune is meant for: those this province knows."""
    query = select(Office.id).where(Office.is_self.is_(False), Office.role == "commune")
    return list(s.scalars(query))


def _seal(office_id: str, public: bytes, fp: str, access_key: str, secret_key: str) -> dict[str, str]:
    content_key = crypto.new_content_key()
    envelope = crypto.wrap_key(content_key, public, fp, _aad(office_id))
    nonce = os.urandom(crypto.NONCE)
    plain = json.dumps({"access_key": access_key, "secret_key": secret_key}).encode("utf-8")
    sealed = nonce + AESGCM(content_key).encrypt(nonce, plain, _aad(office_id).encode())
    return {"office_id": office_id, **envelope.to_json(), "sealed": crypto.b64(sealed)}


@dataclass(frozen=True)
class Carried:
    """What a pack carries for this office: settings to apply, and what applying them would do."""

    settings: MailboxSettings
    effect: str  # INSTALLED | REPLACED | UPDATED | UNCHANGED

    @property
    def warning(self) -> str:
        """The notice before the import (empty when nothing typed here is replaced)."""
        if self.effect != REPLACED:
            return ""
        return (
            f"Gói có cấu hình hộp thư tỉnh cấp cho cơ quan này ({self.settings.endpoint}, thùng "
            f"“{self.settings.bucket}”): cấu hình hộp thư đã nhập trên máy này sẽ được thay."
        )


def carried(ctx: AppContext, block: Any, sender_office_id: str) -> Carried | None:
    """The settings `block` carries for this office, or None (no block, or no entry for this office).
    A sealed entry this machine cannot open (sealed to a key it no longer has) refuses the pack: the
    province must export it again with this office's current key."""
    if not isinstance(block, dict):
        return None
    me = ctx.office().id
    entry = next((o for o in block.get("offices", []) if o.get("office_id") == me), None)
    if entry is None:
        return None
    access_key, secret_key = _open(ctx, entry, me)
    new = MailboxSettings(
        str(block["endpoint"]),
        str(block["bucket"]),
        access_key,
        secret_key,
        str(block.get("region") or "us-east-1"),
        sender_office_id,
        bool(block.get("allow_http", False)),
        source="province",
    )
    try:
        new = new.check()
    except ValueError as exc:  # ValidationError: the province's own settings were checked when saved
        raise PackageRefused("malformed", "Cấu hình hộp thư trong gói không hợp lệ.") from exc
    current = stored.load(ctx.paths.keys_dir)
    if current is not None:
        new = replace(new, auto_import=current.auto_import)
    return Carried(new, _effect(current, new))


def _effect(current: MailboxSettings | None, new: MailboxSettings) -> str:
    if current is None:
        return INSTALLED
    if replace(current, source=new.source) == new:  # the same settings, typed here or sent before
        return UNCHANGED
    return REPLACED if current.source != "province" else UPDATED


def _open(ctx: AppContext, entry: dict[str, Any], me: str) -> tuple[str, str]:
    store = KeyStore(ctx.paths.keys_dir)
    private = store.encryption_key() if store.has_encryption_key() else None
    envelope = crypto.Envelope.from_json(entry)
    mine = fingerprint(crypto.raw_public(private.public_key())) if private else ""
    try:
        if private is None or envelope.recipient_key != mine:
            raise ValueError("sealed to another key")
        content_key = crypto.unwrap_key(envelope, private, _aad(me))
        sealed = crypto.unb64(entry.get("sealed"), "sealed")
        plain = AESGCM(content_key).decrypt(sealed[: crypto.NONCE], sealed[crypto.NONCE :], _aad(me).encode())
        data = json.loads(plain)
        return str(data["access_key"]), str(data["secret_key"])
    except (ValueError, KeyError, TypeError, InvalidTag, PackageRefused) as exc:
        raise PackageRefused(
            "cannot_decrypt",
            "Không mở được cấu hình hộp thư tỉnh gửi cho máy này (mã hóa cho một khóa khác). Hãy đề nghị "
            "tỉnh xuất lại gói tham chiếu sau khi nhận khóa hiện tại của cơ quan.",
        ) from exc


def apply(ctx: AppContext, s: Session, found: Carried, package_id: str) -> str:
    """Save the carried settings (called in the import's transaction, once the pack's rows are written;
    the audit log keeps the change without the secret, as for settings typed here); returns the effect."""
    if found.effect == UNCHANGED:
        return UNCHANGED
    before = stored.load(ctx.paths.keys_dir)
    record_change(s, "settings", "mailbox", before.public() if before else None, found.settings.public())
    stored.save(ctx.paths.keys_dir, found.settings)
    new = found.settings
    if before is not None and found.effect == REPLACED:
        log.warning(
            "Mailbox settings typed on this machine (%s, bucket %s, access key %s) replaced by those of "
            "the province's pack %s (%s, bucket %s, access key %s)",
            before.endpoint,
            before.bucket,
            before.access_key,
            package_id,
            new.endpoint,
            new.bucket,
            new.access_key,
        )
    else:
        log.info(
            "Mailbox settings %s from the province's pack %s (%s, bucket %s, access key %s)",
            found.effect,
            package_id,
            new.endpoint,
            new.bucket,
            new.access_key,
        )
    return found.effect
