"""First run: which office this installation is, who works in it, and its signing key."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.domain.text import nfc
from ocop_desktop.ocoppkg.keys import KeyStore, fingerprint, readable_fingerprint
from ocop_desktop.services.core.units import COMMUNE, PROVINCE, UnitService
from ocop_desktop.store.audit import ACTOR_OFFICER_NAME
from ocop_desktop.store.base import ACTOR_OFFICE, ACTOR_OFFICER
from ocop_desktop.store.models import KeyRecord, Office, Officer

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class Role(StrEnum):
    COMMUNE = "commune"
    PROVINCE = "province"
    EVALUATOR = "evaluator"

    @property
    def label(self) -> str:
        return {
            Role.COMMUNE: "UBND cấp xã (xã, phường, đặc khu)",
            Role.PROVINCE: "Cơ quan OCOP cấp tỉnh",
            Role.EVALUATOR: "Thành viên Hội đồng / Tổ tư vấn (máy chấm điểm)",
        }[self]


@dataclass(frozen=True)
class SetupResult:
    office_id: str
    office_name: str
    role: str
    unit_code: str
    officer_id: str
    officer_name: str
    key_fingerprint: str
    readable_fingerprint: str


def office_name(role: Role, unit_name: str) -> str:
    if role is Role.COMMUNE:
        return f"UBND {unit_name}"
    if role is Role.PROVINCE:
        return f"Cơ quan thường trực OCOP {unit_name}"
    return f"Thành viên Hội đồng OCOP {unit_name}"


def initialise(ctx: AppContext, role: str, unit_code: str, officer_name: str) -> SetupResult:
    """Create this installation's office, its first officer and its Ed25519 signing key."""
    if ctx.office_or_none() is not None:
        raise UserError(
            "Máy này đã được thiết lập; không thể thiết lập lại. Dữ liệu hiện có được giữ nguyên."
        )
    problems: dict[str, str] = {}
    try:
        chosen = Role(role)
    except ValueError:
        chosen = None
        problems["role"] = f"Vai trò “{role}” không hợp lệ; chọn commune, province hoặc evaluator."
    name = nfc(officer_name)
    if not name:
        problems["officer"] = "Cần nhập họ tên cán bộ sử dụng máy."
    unit = None
    if not unit_code.strip():
        problems["unit"] = "Cần chọn đơn vị hành chính."
    else:
        found = UnitService(ctx).search(unit_code.strip(), limit=2)
        unit = next((u for u in found if u.code == unit_code.strip()), None)
        if unit is None:
            problems["unit"] = f"Không có đơn vị hành chính mã “{unit_code}”."
    if chosen and unit:
        wanted = COMMUNE if chosen is Role.COMMUNE else PROVINCE
        if unit.level != wanted:
            level = "xã/phường" if wanted == COMMUNE else "tỉnh/thành phố"
            problems["unit"] = (
                f"Vai trò “{chosen.label}” cần một đơn vị cấp {level}; “{unit.name}” không phải."
            )
    if problems:
        raise ValidationError(problems)
    assert chosen is not None and unit is not None
    public = KeyStore(ctx.paths.keys_dir).create_signing_key()
    with ctx.sessions.begin() as s:
        s.info[ACTOR_OFFICER_NAME] = name
        office = Office(
            role=chosen.value, unit_code=unit.code, name=office_name(chosen, unit.name), is_self=True
        )
        s.add(office)
        s.flush()
        officer = Officer(office_id=office.id, name=name, updated_by_office_id=office.id, is_admin=True)
        office.updated_by_office_id = office.id
        s.add(officer)
        s.add(
            KeyRecord(
                fingerprint=fingerprint(public),
                office_id=office.id,
                purpose="signing",
                algorithm="ed25519",
                public_key=public,
                trusted=True,
            )
        )
        s.flush()
        s.info[ACTOR_OFFICE], s.info[ACTOR_OFFICER] = office.id, officer.id  # the log names who set up
        officer.updated_by_officer_id = officer.id
        result = SetupResult(
            office.id,
            office.name,
            office.role,
            office.unit_code,
            officer.id,
            officer.name,
            fingerprint(public),
            readable_fingerprint(public),
        )
    ctx.forget_office()
    ctx.officer_id = result.officer_id
    return result
