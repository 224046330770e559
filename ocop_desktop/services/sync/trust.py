"""Enrollment and reference packs: how two offices come to trust each other's keys.

A package from an office this machine does not know yet can only be an enrollment (a commune's
keys for its province, or the other way) or a reference pack (the province's keys with rule sets,
calendar and checklists). It is signed by the key it carries; that proves nothing until an officer
compares the key's fingerprint with the one the other office reads out over the phone — so the
import needs the fingerprint typed in (`confirm_fingerprint`) the first time. An office already
known here that presents another key or name is not a new office: `identity.py` says what is refused
and how such a key change is acknowledged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.ocoppkg import crypto
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import fingerprint, normalise_readable, readable_fingerprint
from ocop_desktop.ocoppkg.manifest import Party
from ocop_desktop.progress import Progress
from ocop_desktop.services.core.officers import require_admin
from ocop_desktop.services.sync.identity import check_key_change, identity_change, trust_office, typed
from ocop_desktop.services.sync.incoming import load_json
from ocop_desktop.services.sync.keys import ALGORITHMS, parent_unit, trusted_fingerprints
from ocop_desktop.services.sync.mailbox_pack import apply as apply_mailbox
from ocop_desktop.services.sync.mailbox_pack import carried as mailbox_carried
from ocop_desktop.services.sync.opened import Opened, incoming_row
from ocop_desktop.services.sync.payload_schema import check_payload
from ocop_desktop.services.sync.plans_pack import carried as plans_carried
from ocop_desktop.services.sync.plans_pack import replace_targets
from ocop_desktop.services.sync.reference import changed, check_reference_file, install
from ocop_desktop.services.sync.sequence import sequence_warnings
from ocop_desktop.services.sync.staged import database_errors_refused
from ocop_desktop.services.sync.types import Confirmation, ImportPreview, ImportResult
from ocop_desktop.store.models import SyncPackage

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


def _bad(what: str) -> PackageRefused:
    return PackageRefused(
        "malformed",
        f"Gói ghi danh/tham chiếu không đúng cấu trúc ({what}). Hãy đề nghị bên gửi xuất lại gói.",
    )


def parse_key(k: Any) -> dict[str, Any]:
    """A public key as carried in a payload (`purpose`, `algorithm`, `public_key`, `fingerprint`),
    checked: the raw key and its fingerprint agree."""
    if (
        not isinstance(k, dict)
        or k.get("purpose") not in ALGORITHMS
        or k.get("algorithm") != ALGORITHMS[k["purpose"]]
    ):
        raise _bad("khóa không hợp lệ")
    raw = crypto.unb64(k.get("public_key"), "public_key")
    if len(raw) != 32 or fingerprint(raw) != k.get("fingerprint"):
        raise _bad("khóa không khớp dấu vân tay")
    return {"purpose": k["purpose"], "fingerprint": k["fingerprint"], "raw": raw}


def check_confirmation(sender_name: str, signing_raw: bytes, confirm: str | None) -> None:
    """Before trusting a key: the fingerprint the officer typed (read out on the phone by the
    sender) must be there and match it."""
    expected = readable_fingerprint(signing_raw)
    if not confirm:
        raise PackageRefused(
            "fingerprint_unconfirmed",
            f"Cần xác nhận dấu vân tay khóa của “{sender_name}” "
            f"trước khi tin cậy: gọi điện cho cơ quan đó và so sánh với {expected}.",
        )
    if normalise_readable(confirm) != expected:
        raise PackageRefused(
            "fingerprint_mismatch",
            "Dấu vân tay bạn nhập không khớp với khóa trong gói. Đừng "
            "tin cậy gói này; hãy gọi lại cho cơ quan gửi để kiểm tra.",
        )


SenderCheck = Callable[["AppContext", Party], None]
INCONSISTENT = "Không ghi được gói vì dữ liệu trong gói mâu thuẫn với dữ liệu trên máy này."


def commune_and_province(ctx: AppContext, sender: Party) -> None:
    """The sender is a commune of this province, or this commune's province."""
    me = ctx.office()
    with ctx.read() as s:
        ok = (
            me.role == "province"
            and sender.role == "commune"
            and parent_unit(s, sender.unit_code) == me.unit_code
        ) or (
            me.role == "commune"
            and sender.role == "province"
            and parent_unit(s, me.unit_code) == sender.unit_code
        )
    if not ok:
        raise PackageRefused(
            "wrong_office",
            f"“{sender.name[:80]}” (mã {sender.unit_code[:8]}) không "
            f"phải là xã thuộc tỉnh, hoặc tỉnh quản lý, của “{me.name}”.",
        )


class TrustImport:
    """An enrollment or reference pack, opened; `sender_check` says which offices may enroll here
    (evaluator laptops pass their own: `evaluator_province.laptop_trust`)."""

    def __init__(
        self,
        ctx: AppContext,
        opened: Opened,
        confirm: Confirmation | str | None,
        *,
        sender_check: SenderCheck = commune_and_province,
    ) -> None:
        self._ctx, self._opened, self._typed = ctx, opened, typed(confirm)
        self._confirm = self._typed.fingerprint
        self._m = m = opened.manifest
        reader = opened.reader
        doc = check_payload(m.kind, fmt.PAYLOAD, load_json(fmt.PAYLOAD, reader.read_json_bytes(fmt.PAYLOAD)))
        office, keys = (doc.get("office"), doc.get("keys")) if isinstance(doc, dict) else (None, None)
        if not isinstance(office, dict) or not isinstance(keys, list):
            raise _bad("thiếu cơ quan hoặc khóa")
        if (office.get("office_id"), office.get("unit_code"), office.get("role")) != (
            m.sender.office_id,
            m.sender.unit_code,
            m.sender.role,
        ) or not isinstance(office.get("name"), str):
            raise _bad("cơ quan khác với bên gửi")
        self.office = {
            "office_id": m.sender.office_id,
            "unit_code": m.sender.unit_code,
            "role": m.sender.role,
            "name": office["name"][:200],
        }
        self.keys = [parse_key(k) for k in keys]
        if sorted(k["purpose"] for k in self.keys) != ["encryption", "signing"]:
            raise _bad("cần đúng một khóa ký và một khóa mã hóa")
        self.signing = next(k for k in self.keys if k["purpose"] == "signing")
        if self.signing["fingerprint"] != m.signing_key:
            raise _bad("khóa ký khác với khóa đã ký gói")
        if opened.sender_public is None:  # self-signed: at least the package was made with the key it carries
            reader.verify_signature(self.signing["raw"], f"“{m.sender.name}”")
        with ctx.read() as s:  # a known office id first: who it is here decides, not what the pack says
            # (a pack imported before changes nothing and is not compared again)
            self.key_change = None if opened.prior else identity_change(s, self.office, self.keys)
        check_key_change(self.key_change, self._typed, applying=False)
        sender_check(ctx, m.sender)
        self.files = self._reference_files(doc) if m.kind == fmt.Kind.REFERENCE else {}
        self.mailbox = (
            mailbox_carried(ctx, doc.get("mailbox"), m.sender_id)
            if m.kind == fmt.Kind.REFERENCE and not opened.prior
            else None
        )
        me = ctx.office()
        self.plans = (
            plans_carried(doc, me.role, me.unit_code)
            if m.kind == fmt.Kind.REFERENCE and not opened.prior
            else None
        )
        with ctx.read() as s:
            trusted = trusted_fingerprints(s, m.sender_id)
            self.later = s.scalars(
                select(SyncPackage).where(
                    SyncPackage.direction == "in",
                    SyncPackage.kind == m.kind,
                    SyncPackage.sender_office_id == m.sender.office_id,
                    SyncPackage.sequence > m.sequence,
                )
            ).first()
        carried = {k["fingerprint"] for k in self.keys}
        self.needs_confirmation = not carried <= trusted or self.key_change is not None

    def _reference_files(self, doc: dict[str, Any]) -> dict[str, bytes]:
        listed = doc.get("files")
        names = self._opened.reader.names("reference")
        if (
            not isinstance(listed, list)
            or sorted(str(f.get("name")) for f in listed if isinstance(f, dict)) != names
        ):
            raise _bad("danh sách tệp tham chiếu")
        files = {name: self._opened.reader.read_json_bytes(name) for name in names}
        self.described = tuple(check_reference_file(name, data) for name, data in files.items())
        return files

    # -- entry points -----------------------------------------------------------------------------
    def preview(self, progress: Progress | None = None) -> ImportPreview:
        warnings = []
        if self._opened.prior is not None:
            warnings.append("Gói này đã được nhập trước đây; nhập lại không thay đổi gì.")
        else:
            warnings.extend(sequence_warnings(self._ctx, self._m))
        if self.later is not None:
            warnings.append(
                "Đã có gói tham chiếu mới hơn từ cùng cơ quan; các tệp trong gói này sẽ không được cài."
            )
        elif self.mailbox is not None and self.mailbox.warning:
            warnings.append(self.mailbox.warning)
        return ImportPreview(
            self._opened.info,
            self._opened.prior is not None,
            warnings=tuple(warnings),
            needs_confirmation=self.needs_confirmation,
            fingerprint_to_confirm=readable_fingerprint(self.signing["raw"]),
            offices=(f"{self.office['name']} ({self.office['unit_code']})",),
            reference_files=getattr(self, "described", ()),
            plans=self.plans.describe() if self.plans is not None and self.later is None else (),
            key_change=self.key_change,
        )

    def apply(self, progress: Progress | None, receipt_path: Path) -> ImportResult:
        preview = self.preview(progress)
        if self._opened.prior is not None:
            return ImportResult(preview, False, None)
        if self.needs_confirmation:
            require_admin(self._ctx, "tin cậy khóa của cơ quan khác")
            check_key_change(self.key_change, self._typed, applying=True)
            check_confirmation(self._m.sender.name, self.signing["raw"], self._confirm)
        files = self.files if self.later is None else {}
        installed = changed(self._ctx, files)
        outcomes: dict[str, Any] = {"installed": installed, "trusted": self.needs_confirmation}
        if self.key_change is not None:
            outcomes["key_change"] = asdict(self.key_change)
        plans = self.plans if self.later is None else None
        if plans is not None:
            outcomes["plans"] = len(plans.lines)
        with database_errors_refused(self._ctx, INCONSISTENT), self._ctx.unit_of_work() as s:
            if self.needs_confirmation:
                trust_office(
                    s,
                    self.office,
                    self.keys,
                    acknowledged=self.key_change,
                    officer_id=self._ctx.officer_id,
                    package_id=self._m.package_id,
                )
            if plans is not None:  # the province's targets for this commune replace those it sent before
                replace_targets(s, plans, self._m.sender_id, self._m.package_id)
            s.add(incoming_row(self._opened, outcomes=outcomes))
            s.flush()  # every row is written: whatever refuses the package does so before a file is installed
            install(self._ctx, files)
            mailbox = (
                ""
                if self.mailbox is None or self.later
                else apply_mailbox(self._ctx, s, self.mailbox, self._m.package_id)
            )
        return ImportResult(preview, True, None, installed=tuple(installed), mailbox=mailbox)
