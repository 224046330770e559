"""Input of the dossier forms (Mẫu 01, 02, 03): plain frozen dataclasses, filled by services
from the database or left empty for a blank form to complete by hand.

Conventions for every DTO in this package:
- an empty string / None / empty tuple prints as a dotted line or an empty box;
- strings may be in any Unicode normal form and contain any characters: the renderer
  normalises to NFC and escapes them;
- `ref` identifies the record for the QR code; an empty `ref.id` marks a blank form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ocop_desktop.domain.dossiers import RegistrationType

# How Mẫu 01 item 4 words the registration types ("Lần đăng ký đánh giá").
FORM_LABELS = {
    RegistrationType.FIRST: "Lần đầu",
    RegistrationType.UPGRADE: "Nâng hạng",
    RegistrationType.REEVALUATION: "Đánh giá lại",
}


@dataclass(frozen=True)
class Ref:
    """What a printed document is a copy of: kind "dossier" (default), "set", "council" or
    "decision", the record id and its revision. id "" = blank form."""

    id: str = ""
    revision: int | None = None
    kind: str = "dossier"


@dataclass(frozen=True)
class Signed:
    """Place and date of signing, and the signer's full name."""

    place: str = ""
    date: dt.date | None = None
    name: str = ""


@dataclass(frozen=True)
class Representative:
    """Legal representative (người đại diện theo pháp luật)."""

    name: str = ""
    position: str = ""
    gender: str = ""  # "Nam" / "Nữ" as written on the form
    ethnicity: str = ""
    permanent_address: str = ""


@dataclass(frozen=True)
class ProducerInfo:
    """The producer (chủ thể OCOP); `kind` is the printed label ("Hợp tác xã", ...)."""

    name: str = ""
    kind: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    representative: Representative = field(default_factory=Representative)


@dataclass(frozen=True)
class OfficeReceipt:
    """The "Dành cho …" block of Mẫu 01 filled by the office that received the form."""

    number: str = ""  # "12/PĐK-01-00070-2026"
    received_on: dt.date | None = None
    officer: str = ""


@dataclass(frozen=True)
class Mau01Data:
    """Mẫu số 01: Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP."""

    ref: Ref = field(default_factory=Ref)
    province: str = ""  # "Lào Cai" (printed "của tỉnh Lào Cai")
    year: int | None = None
    producer: ProducerInfo = field(default_factory=ProducerInfo)
    product_name: str = ""
    classification: str = ""  # "Ngành Thực phẩm; Nhóm Thực phẩm tươi sống; Phân nhóm Rau, củ, quả, hạt tươi"
    registration: RegistrationType | None = None
    samples: str = ""  # "05 sản phẩm"
    signed: Signed = field(default_factory=Signed)
    commune_receipt: OfficeReceipt = field(default_factory=OfficeReceipt)
    province_receipt: OfficeReceipt = field(default_factory=OfficeReceipt)


@dataclass(frozen=True)
class Mau02Ticks:
    """ "Đánh dấu (√) vào mục tương ứng" of Mẫu 02 Part I; None = not answered (empty box)."""

    business_registration: bool | None = None
    quality_declared: bool | None = None
    food_safety_certificate: bool | None = None
    sector_certificate: bool | None = None
    ip_registered: bool | None = None
    trademark: bool | None = None
    gi_collective_mark: bool | None = None
    patent: bool | None = None
    industrial_design: bool | None = None
    copyright: bool | None = None
    other_ip: str = ""


@dataclass(frozen=True)
class SelfScore:
    """One row of the Part III self-scoring table, in sheet order."""

    code: str
    title: str
    max_points: float
    points: float | None = None
    evidence: str = ""  # description and evidence for the score


@dataclass(frozen=True)
class EvidenceItem:
    """One row of the evidence table of Part III (Nội dung / Yêu cầu), with what is attached."""

    content: str
    requirement: str
    attached: str = ""  # e.g. "PL 03: Giấy CN ATTP số 12/2025" ("" = nothing listed)


@dataclass(frozen=True)
class Mau02Data:
    """Mẫu số 02: Báo cáo tự đánh giá về sản phẩm (Parts I–IV)."""

    ref: Ref = field(default_factory=Ref)
    producer: ProducerInfo = field(default_factory=ProducerInfo)
    founded_on: dt.date | None = None
    registration_number: str = ""
    product_description: str = ""
    ticks: Mau02Ticks = field(default_factory=Mau02Ticks)
    history: str = ""
    organisation: str = ""
    # Part II: results of the production and business plan
    materials_and_technology: str = ""
    quality_changes: str = ""
    markets: str = ""
    business_results: str = ""
    # Part III: self-scoring in sheet order; totals computed by the caller's scoring engine
    set_name: str = ""
    self_scores: tuple[SelfScore, ...] = ()
    self_total: float | None = None
    self_stars: int | None = None
    evidence: tuple[EvidenceItem, ...] = ()  # () = the decision's standard table, nothing attached
    reevaluation_changes: str = ""
    # Part IV
    plan: str = ""
    signed: Signed = field(default_factory=Signed)


@dataclass(frozen=True)
class Mau03Data:
    """Mẫu số 03: Báo cáo đánh giá một số nội dung của hồ sơ (commune report)."""

    ref: Ref = field(default_factory=Ref)
    commune: str = ""  # "xã Tân Lập" / "phường Hoàn Kiếm"
    province: str = ""
    number: str = ""  # "15/BC-UBND"
    producer: ProducerInfo = field(default_factory=ProducerInfo)
    product_name: str = ""
    local_materials: str = ""
    local_labour: str = ""
    idea_origin: str = ""
    local_identity: str = ""
    signed: Signed = field(default_factory=Signed)
