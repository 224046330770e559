"""Producers (chủ thể OCOP) and the rules for their fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ocop_desktop.domain.text import nfc


class ProducerKind(StrEnum):
    """Kinds of producer allowed by QĐ 26/2026 Art. 2.3 (associations only for tourism, set 26)."""

    COOPERATIVE = "htx"
    COOPERATIVE_GROUP = "tht"
    ENTERPRISE = "dn"
    FARM = "trang_trai"
    PRODUCTION_HOUSEHOLD = "ho_san_xuat"
    BUSINESS_HOUSEHOLD = "ho_kinh_doanh"
    ASSOCIATION = "hiep_hoi"

    @property
    def label(self) -> str:
        return PRODUCER_KIND_LABELS[self]

    @property
    def is_household(self) -> bool:
        return self in (ProducerKind.PRODUCTION_HOUSEHOLD, ProducerKind.BUSINESS_HOUSEHOLD)


PRODUCER_KIND_LABELS: dict[ProducerKind, str] = {
    ProducerKind.COOPERATIVE: "Hợp tác xã",
    ProducerKind.COOPERATIVE_GROUP: "Tổ hợp tác",
    ProducerKind.ENTERPRISE: "Doanh nghiệp nhỏ và vừa",
    ProducerKind.FARM: "Trang trại",
    ProducerKind.PRODUCTION_HOUSEHOLD: "Hộ sản xuất",
    ProducerKind.BUSINESS_HOUSEHOLD: "Hộ kinh doanh có đăng ký",
    ProducerKind.ASSOCIATION: "Hội, hiệp hội, trung tâm điều hành (chỉ du lịch)",
}

TOURISM_SET = 26

_TAX_ORG = re.compile(r"^\d{10}$")
_TAX_BRANCH = re.compile(r"^\d{10}-?\d{3}$")
_PERSONAL_ID = re.compile(r"^\d{12}$")
_PHONE = re.compile(r"^0\d{9,10}$")


def normalise_tax_code(raw: str) -> str:
    """Digits and the branch dash only; spaces and dots that people type are dropped."""
    return re.sub(r"[\s.]", "", nfc(raw))


def tax_code_problem(raw: str, kind: ProducerKind) -> str | None:
    """Why a tax code is invalid, or None. Empty is allowed (households may not have one yet).

    Organisations: 10 digits, or 13 for a branch (written 10-3). Households may also use the
    12-digit personal identification number, which is their tax code since 1/7/2025.
    """
    code = normalise_tax_code(raw)
    if not code:
        return None
    if _TAX_ORG.match(code) or _TAX_BRANCH.match(code):
        return None
    if kind.is_household and _PERSONAL_ID.match(code):
        return None
    return (
        f"Mã số thuế “{raw.strip()}” không hợp lệ: cần 10 chữ số, hoặc 13 chữ số "
        "cho đơn vị phụ thuộc (dạng 0123456789-001)"
        + ("; hộ gia đình có thể dùng số định danh cá nhân 12 chữ số." if kind.is_household else ".")
    )


def normalise_phone(raw: str) -> str:
    """0xxxxxxxxx form: spaces, dots and dashes dropped, +84 / 84 becomes 0."""
    digits = re.sub(r"[\s.\-()]", "", nfc(raw))
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


def phone_problem(raw: str) -> str | None:
    phone = normalise_phone(raw)
    if not phone or _PHONE.match(phone):
        return None
    return (
        f"Số điện thoại “{raw.strip()}” không hợp lệ: "
        "cần 10 số (di động) hoặc 11 số (cố định), bắt đầu bằng 0."
    )


@dataclass(frozen=True)
class ProducerInput:
    """What a person types for a producer; validated by `validate_producer`."""

    name: str
    kind: ProducerKind
    commune_code: str
    address: str = ""
    tax_code: str = ""
    phone: str = ""
    email: str = ""
    representative: str = ""
    representative_title: str = ""


def validate_producer(data: ProducerInput) -> tuple[ProducerInput, dict[str, str]]:
    """Normalise every field (NFC, phone/tax forms) and collect the problems by field."""
    clean = ProducerInput(
        name=nfc(data.name),
        kind=ProducerKind(data.kind),
        commune_code=nfc(data.commune_code),
        address=nfc(data.address),
        tax_code=normalise_tax_code(data.tax_code),
        phone=normalise_phone(data.phone),
        email=nfc(data.email).lower(),
        representative=nfc(data.representative),
        representative_title=nfc(data.representative_title),
    )
    problems: dict[str, str] = {}
    if not clean.name:
        problems["name"] = "Tên chủ thể không được để trống."
    if not clean.commune_code:
        problems["commune_code"] = "Cần chọn xã/phường nơi chủ thể đặt trụ sở."
    if not clean.representative:
        problems["representative"] = "Cần nhập người đại diện theo pháp luật."
    if (msg := tax_code_problem(data.tax_code, clean.kind)) is not None:
        problems["tax_code"] = msg
    if (msg := phone_problem(data.phone)) is not None:
        problems["phone"] = msg
    if clean.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", clean.email):
        problems["email"] = f"Thư điện tử “{clean.email}” không hợp lệ."
    return clean, problems
