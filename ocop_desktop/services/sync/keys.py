"""Keys and trust between offices: this installation's two key pairs, and the peer offices whose
keys an officer has confirmed (by comparing the fingerprint read aloud over the phone)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import UserError
from ocop_desktop.ocoppkg import crypto
from ocop_desktop.ocoppkg.keys import KeyStore, fingerprint, readable_fingerprint
from ocop_desktop.store.models import AdminUnit, KeyRecord, Office

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

ALGORITHMS = {"signing": "ed25519", "encryption": "x25519"}


@dataclass(frozen=True)
class KeyInfo:
    purpose: str
    algorithm: str
    fingerprint: str
    readable: str  # six groups of five digits, to read aloud


@dataclass(frozen=True)
class OwnKeys:
    office_id: str
    office_name: str
    unit_code: str
    role: str
    signing: KeyInfo
    encryption: KeyInfo


def key_info(purpose: str, public: bytes) -> KeyInfo:
    return KeyInfo(purpose, ALGORITHMS[purpose], fingerprint(public), readable_fingerprint(public))


def own_keys(ctx: AppContext) -> OwnKeys:
    """This office's public keys; the encryption pair is made (and recorded) on first use, which
    covers installations set up before it existed."""
    office = ctx.office()
    store = KeyStore(ctx.paths.keys_dir)
    signing = crypto.raw_public(store.signing_key().public_key())
    encryption = store.ensure_encryption_key()
    fp = fingerprint(encryption)
    with ctx.read() as s:
        known = s.get(KeyRecord, fp) is not None
    if not known:
        with ctx.unit_of_work() as s:
            s.add(
                KeyRecord(
                    fingerprint=fp,
                    office_id=office.id,
                    purpose="encryption",
                    algorithm="x25519",
                    public_key=encryption,
                    trusted=True,
                )
            )
    return OwnKeys(
        office.id,
        office.name,
        office.unit_code,
        office.role,
        key_info("signing", signing),
        key_info("encryption", encryption),
    )


def keys_json(keys: OwnKeys, ctx: AppContext) -> list[dict[str, str]]:
    """The public keys as carried in enrollment and reference packs."""
    store = KeyStore(ctx.paths.keys_dir)
    raws = {
        "signing": crypto.raw_public(store.signing_key().public_key()),
        "encryption": store.ensure_encryption_key(),
    }
    return [
        {
            "purpose": p,
            "algorithm": ALGORITHMS[p],
            "public_key": crypto.b64(raw),
            "fingerprint": fingerprint(raw),
        }
        for p, raw in raws.items()
    ]


def trusted_signing_key(s: Session, fp: str, office_id: str) -> KeyRecord | None:
    key = s.get(KeyRecord, fp)
    if key is None or not key.trusted or key.purpose != "signing" or key.office_id != office_id:
        return None
    return key


def trusted_fingerprints(s: Session, office_id: str) -> set[str]:
    """The fingerprints of the keys of that office an officer has confirmed."""
    query = select(KeyRecord.fingerprint).where(KeyRecord.office_id == office_id, KeyRecord.trusted.is_(True))
    return set(s.scalars(query))


def encryption_key_of(s: Session, office_id: str) -> KeyRecord | None:
    query = (
        select(KeyRecord)
        .where(
            KeyRecord.office_id == office_id, KeyRecord.purpose == "encryption", KeyRecord.trusted.is_(True)
        )
        .order_by(KeyRecord.created_at.desc())
    )
    return s.scalars(query).first()


def peer_offices(s: Session) -> list[Office]:
    return list(s.scalars(select(Office).where(Office.is_self.is_(False)).order_by(Office.unit_code)))


def find_peer(s: Session, ref: str) -> Office:
    """A known peer office by id or by administrative unit code."""
    peers = [o for o in peer_offices(s) if ref in (o.id, o.unit_code)]
    if len(peers) != 1:
        known = ", ".join(f"{o.unit_code} ({o.name})" for o in peer_offices(s)) or "chưa có"
        raise UserError(
            f"Không có cơ quan nhận “{ref}” trong danh sách đã tin cậy (hiện có: {known}). Cơ quan nhận "
            "phải được ghi danh trước (gói ghi danh hoặc gói dữ liệu tham chiếu)."
        )
    return peers[0]


def parent_unit(s: Session, unit_code: str) -> str | None:
    unit = s.get(AdminUnit, unit_code)
    return unit.parent_code if unit else None
