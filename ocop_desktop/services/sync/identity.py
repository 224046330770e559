"""Identities that cannot be taken over (docs/sync-package.md §5, "An office id cannot be taken over").

An office's id travels in clear in every manifest it sends: anyone can write it into an enrollment
or reference pack signed with a key of their own. So a pack that names an office this machine
already knows (enrollment, reference pack, or an evaluator assignment, which carries the province's
keys too) is compared with what is known here before anything is trusted:

- another unit or role: refused, always (`identity_changed`): an office never changes either;
- a key recorded here for another office: refused (`identity_changed`); a key this machine stopped
  trusting (replaced earlier, perhaps on a lost PC): refused, never trusted again (`key_retired`);
- another name or other keys (a commune renamed, keys replaced after a lost PC): a *key change*
  (`KeyChange`), shown as such and applied only when the officer confirms the new fingerprint AND
  acknowledges the change by typing the old one (`Confirmation.key_change`), never by the ordinary
  confirmation of a new office (`identity_changed` without it, `key_change_mismatch` when wrong).

`trust_office` is the one place that writes a peer's identity: it checks again, inside the
transaction, that the change is exactly the one acknowledged, and keeps every replaced key, retired
(when, by which officer, by which package).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import normalise_readable, readable_from_fingerprint
from ocop_desktop.services.sync.keys import ALGORITHMS
from ocop_desktop.services.sync.types import Confirmation, KeyChange
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.models import KeyRecord, Office

ROLE_LABELS = {"commune": "xã", "province": "tỉnh", "evaluator": "máy chấm điểm"}
KEY_LABELS = {"signing": "khóa ký", "encryption": "khóa mã hóa"}


def typed(confirm: Confirmation | str | None) -> Confirmation:
    """What the officer confirmed, from a `Confirmation` or (older callers) the fingerprint alone."""
    return confirm if isinstance(confirm, Confirmation) else Confirmation(confirm)


def identity_change(s: Session, office: dict[str, Any], keys: list[dict[str, Any]]) -> KeyChange | None:
    """How the office and keys a pack carries differ from what is known here: None for an office not
    known yet, or known exactly so; a `KeyChange` for another name or other keys. Refuses another
    unit or role, a key of another office and a retired key."""
    _refuse_foreign_or_retired(s, office, keys)
    row = s.get(Office, office["office_id"])
    if row is None:
        return _replacing(s, office, keys)
    fixed = [
        d
        for d in (
            _diff("đơn vị", row.unit_code, office["unit_code"]),
            _diff("vai trò", _role(row.role), _role(office["role"])),
        )
        if d
    ]
    if fixed or row.is_self:
        raise PackageRefused(
            "identity_changed",
            f"Gói mang mã cơ quan của “{row.name}” (mã đơn vị {row.unit_code}) mà máy này đã biết, "
            f"nhưng khác {'; '.join(fixed) or 'cơ quan của chính máy này'}. Một cơ quan không bao giờ "
            "đổi đơn vị hay vai trò: gói có thể là giả mạo và bị từ chối. Hãy gọi điện cho cơ quan đó "
            "để kiểm tra.",
        )
    trusted = {k.purpose: k.fingerprint for k in _keys_of(s, row.id) if k.trusted}
    carried = {k["purpose"]: k["fingerprint"] for k in keys}
    differences = [d for d in (_diff("tên", f"“{row.name}”", f"“{office['name']}”"),) if d]
    for purpose, label in KEY_LABELS.items():
        old, new = trusted.get(purpose), carried[purpose]
        if old != new:
            differences.append(f"{label}: {_readable(old)} → {_readable(new)}")
    if not differences:
        return None
    return KeyChange(
        row.id,
        row.name,
        office["name"],
        _readable(trusted.get("signing")) if "signing" in trusted else "",
        _readable(carried["signing"]),
        tuple(differences),
    )


def _replacing(s: Session, office: dict[str, Any], keys: list[dict[str, Any]]) -> KeyChange | None:
    """A new office id for a unit and role another office here holds with trusted keys: the same
    commune or province on a machine reinstalled without its backup (a lost PC), or someone posing
    as it. Never an ordinary new office: a key change of the office trusted until now, acknowledged
    the same way, whose keys are then retired. (Evaluator laptops share their province's unit: each
    is its own office.)"""
    if office["role"] == "evaluator":
        return None
    held = s.scalars(
        select(Office).where(
            Office.unit_code == office["unit_code"],
            Office.role == office["role"],
            Office.id != office["office_id"],
        )
    ).all()
    for old in held:
        signing = next(
            (k.fingerprint for k in _keys_of(s, old.id) if k.trusted and k.purpose == "signing"), ""
        )
        if old.is_self or not signing:
            continue  # this machine's own unit never reaches here; an office whose keys were retired
        carried = {k["purpose"]: k["fingerprint"] for k in keys}
        return KeyChange(
            old.id,
            old.name,
            office["name"],
            _readable(signing),
            _readable(carried["signing"]),
            (
                f"mã cơ quan: {old.id} → {office['office_id']} (máy mới, không từ bản sao lưu)",
                *(d for d in (_diff("tên", f"“{old.name}”", f"“{office['name']}”"),) if d),
                f"khóa ký: {_readable(signing)} → {_readable(carried['signing'])}",
            ),
        )
    return None


def check_key_change(change: KeyChange | None, confirm: Confirmation, *, applying: bool) -> None:
    """The officer's acknowledgement of a key change: its old fingerprint, typed. A wrong one is
    refused at once (the dry run too); none is refused when applying."""
    if change is None:
        return
    if not confirm.key_change:
        if applying:
            raise PackageRefused("identity_changed", unacknowledged(change))
        return
    if not change.old_fingerprint or normalise_readable(confirm.key_change) != change.old_fingerprint:
        raise PackageRefused(
            "key_change_mismatch",
            f"Dấu vân tay cũ bạn nhập để xác nhận thay khóa của “{change.office_name}” không khớp với "
            f"khóa đang được tin cậy ({change.old_fingerprint or 'không có'}). Hãy so sánh lại rồi nhập "
            "đúng dấu vân tay cũ.",
        )


def unacknowledged(change: KeyChange) -> str:
    """The refusal of a key change applied without its acknowledgement: whose, what, old vs new."""
    return (
        f"Gói mang mã cơ quan của “{change.office_name}” mà máy này đã tin cậy, nhưng khác: "
        f"{'; '.join(change.differences)}. Đây không phải cơ quan mới mà là thay khóa của "
        f"“{change.office_name}” (dấu vân tay cũ {change.old_fingerprint or 'không có'}, mới "
        f"{change.new_fingerprint}). Chỉ áp dụng sau khi gọi điện cho cơ quan "
        "đó, xác nhận dấu vân tay mới và xác nhận thay khóa bằng dấu vân tay cũ; nếu cơ quan đó không "
        "thay khóa, đừng nhập gói này."
    )


def merged(first: KeyChange | None, second: KeyChange | None) -> KeyChange | None:
    """Two changes one acknowledgement must cover (an evaluator laptop's keys and its link): the
    same old fingerprint, or refused."""
    if first is None or second is None:
        return first or second
    if first.old_fingerprint != second.old_fingerprint:
        raise PackageRefused(
            "identity_changed",
            f"Gói này vừa thay khóa của “{first.office_name}” vừa thay khóa của "
            f"“{second.office_name}”: mỗi lần chỉ xác nhận được một lần thay khóa. Hãy gọi điện kiểm "
            "tra với cả hai bên.",
        )
    return KeyChange(
        first.office_id,
        first.office_name,
        first.new_name,
        first.old_fingerprint,
        first.new_fingerprint,
        first.differences + second.differences,
    )


def trust_office(
    s: Session,
    office: dict[str, Any],
    keys: list[dict[str, Any]],
    *,
    acknowledged: KeyChange | None,
    officer_id: str | None,
    package_id: str,
) -> None:
    """Record a peer office and its keys as trusted (after its fingerprint was confirmed). The
    identity is compared again here, in the transaction that writes it: it must differ from what is
    known by exactly the change the officer acknowledged (nothing else changed in between). Keys of
    that office not in this set are retired: kept, no longer trusted, stamped."""
    if identity_change(s, office, keys) != acknowledged:
        raise PackageRefused(
            "identity_changed",
            f"Thông tin về “{office['name'][:80]}” trên máy này vừa thay đổi trong lúc nhập. Hãy xem "
            "trước và nhập lại gói.",
        )
    row = s.get(Office, office["office_id"])
    if row is None:
        s.add(
            Office(
                id=office["office_id"],
                role=office["role"],
                unit_code=office["unit_code"],
                name=office["name"],
                is_self=False,
                updated_by_office_id=office["office_id"],
            )
        )
        s.flush()
    else:
        row.name = office["name"]
    wanted = {k["fingerprint"] for k in keys}
    now = utcnow()
    # a new office id replacing another office of its unit (`_replacing`): that office's keys retire too
    offices = {office["office_id"], acknowledged.office_id if acknowledged else office["office_id"]}
    for old in [k for office_id in sorted(offices) for k in _keys_of(s, office_id)]:
        if old.trusted and old.fingerprint not in wanted:
            old.trusted, old.retired_at = False, now
            old.retired_by_officer_id, old.retired_by_package_id = officer_id, package_id
    for k in keys:
        if s.get(KeyRecord, k["fingerprint"]) is None:  # otherwise: this office's, trusted (checked)
            s.add(
                KeyRecord(
                    fingerprint=k["fingerprint"],
                    office_id=office["office_id"],
                    purpose=k["purpose"],
                    algorithm=ALGORITHMS[k["purpose"]],
                    public_key=k["raw"],
                    trusted=True,
                )
            )


def _refuse_foreign_or_retired(s: Session, office: dict[str, Any], keys: list[dict[str, Any]]) -> None:
    for k in keys:
        record = s.get(KeyRecord, k["fingerprint"])
        if record is None:
            continue
        label = f"{KEY_LABELS[k['purpose']]} {_readable(k['fingerprint'])}"
        if record.office_id != office["office_id"]:
            owner = s.get(Office, record.office_id)
            raise PackageRefused(
                "identity_changed",
                f"{label.capitalize()} trong gói của “{office['name'][:80]}” là khóa của "
                f"“{owner.name if owner else record.office_id}” trên máy này: một khóa chỉ thuộc một "
                "cơ quan. Gói bị từ chối; hãy gọi điện cho cơ quan gửi để kiểm tra.",
            )
        if not record.trusted:
            when = f" ngày {record.retired_at:%d/%m/%Y}" if record.retired_at else ""
            raise PackageRefused(
                "key_retired",
                f"{label.capitalize()} của “{office['name'][:80]}” đã bị thay{when} và không bao giờ "
                "được tin cậy lại (máy cũ có thể đã bị mất). Gói bị từ chối; hãy đề nghị cơ quan đó "
                "gửi gói từ máy có khóa mới.",
            )


def _trusted_signing(s: Session, office_id: str) -> str:
    return next((k.fingerprint for k in _keys_of(s, office_id) if k.trusted and k.purpose == "signing"), "")


def _keys_of(s: Session, office_id: str) -> list[KeyRecord]:
    return list(s.scalars(select(KeyRecord).where(KeyRecord.office_id == office_id)))


def _diff(what: str, old: str, new: str) -> str:
    return f"{what}: {old} → {new}" if old != new else ""


def _role(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def _readable(fingerprint: str | None) -> str:
    return readable_from_fingerprint(fingerprint) if fingerprint else "chưa có"
