"""Input of the office documents: receipt slip, checklist, certificate draft, results list and
council score matrix. Same conventions as `data.py` (empty = dotted blank)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ocop_desktop.domain.dossiers import RegistrationType
from ocop_desktop.printing.data import ProducerInfo, Ref, Signed
from ocop_desktop.printing.hashing import NOT_HASHED


@dataclass(frozen=True)
class ReceivedDocument:
    title: str
    copies: str = ""  # "01 bản gốc + 01 bản điện tử"
    note: str = ""


@dataclass(frozen=True)
class ReceiptData:
    """Phiếu tiếp nhận hồ sơ: the commune's slip with the dossier number …/PĐK-(T)-(X)-(YYYY)."""

    ref: Ref = field(default_factory=Ref)
    province: str = ""
    commune: str = ""  # "xã Tân Lập"
    number: str = ""  # str(domain.dossiers.ReceiptNumber): "07/PĐK-01-00070-2026"
    producer: ProducerInfo = field(default_factory=ProducerInfo)
    product_name: str = ""
    set_name: str = ""
    registration: RegistrationType | None = None
    received_on: dt.date | None = None
    due_on: dt.date | None = None  # end of the commune check (`commune_working_days` working days)
    documents: tuple[ReceivedDocument, ...] = ()  # () = the standard list with blank quantities
    officer: Signed = field(default_factory=Signed)  # receiving officer (place/date of the slip)
    submitter: str = ""  # the person who handed the dossier in
    # The procedure's commune deadline in working days (`RuleService.procedure` of the dossier's rule
    # set; None: dotted). Not hashed: added after receipts were printed, and fixed by the dossier the QR
    # code names (its rule set is pinned, one rule-set id has one procedure), so old papers keep their hash.
    commune_working_days: int | None = field(default=None, metadata=NOT_HASHED)
    # The deadline crosses a year whose holidays are not officially announced: printed "(dự kiến)". Not
    # hashed, for the same reason (added later; a reprint of an old slip keeps its hash).
    due_estimated: bool = field(default=False, metadata=NOT_HASHED)


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    group: str = ""
    requirement: str = ""  # printed as is: "Bắt buộc", "Nếu có", …
    provided: bool | None = None  # None: not checked yet (empty boxes)
    expires_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class SupplementData:
    """Phiếu hướng dẫn bổ sung hồ sơ: for the producer at the desk, only what is still to bring — the
    province's reasons when it returned the dossier, the required papers missing, the papers expired or
    expiring soon."""

    ref: Ref = field(default_factory=Ref)
    commune: str = ""
    producer_name: str = ""
    product_name: str = ""
    receipt_number: str = ""
    return_reasons: str = ""  # the province's note when it returned the dossier
    missing: tuple[ChecklistItem, ...] = ()
    expiring: tuple[ChecklistItem, ...] = ()  # expires_on set: expired or within the notice period
    expiring_within_days: int = 30
    issued_by: Signed = field(default_factory=Signed)


@dataclass(frozen=True)
class ChecklistData:
    """Danh mục kiểm tra thành phần hồ sơ."""

    ref: Ref = field(default_factory=Ref)
    commune: str = ""
    producer_name: str = ""
    product_name: str = ""
    set_name: str = ""
    registration: RegistrationType | None = None
    items: tuple[ChecklistItem, ...] = ()
    summary: str = ""  # e.g. "Đủ 9/9 thành phần bắt buộc" (computed by the caller)
    checked_by: Signed = field(default_factory=Signed)


@dataclass(frozen=True)
class CertificateData:
    """Giấy chứng nhận sản phẩm OCOP (draft for the chairman's signature)."""

    ref: Ref = field(default_factory=Ref)
    issuer: str = ""  # "Ủy ban nhân dân tỉnh Lào Cai"
    decision_number: str = ""
    decision_date: dt.date | None = None
    product_name: str = ""
    product_code: str = ""
    producer_name: str = ""
    producer_address: str = ""
    stars: int | None = None
    valid_until: dt.date | None = None  # 36 months from the decision
    signer_title: str = "CHỦ TỊCH"
    signed: Signed = field(default_factory=Signed)
    draft: bool = True


@dataclass(frozen=True)
class ResultRow:
    product_name: str
    producer_name: str = ""
    address: str = ""
    set_name: str = ""
    product_code: str = ""
    score: float | None = None
    stars: int | None = None
    note: str = ""  # e.g. the central council's result a 3★/4★ rests on (QĐ 26 Art. 7.4)


@dataclass(frozen=True)
class ResultsData:
    """Danh sách sản phẩm được công nhận, kèm theo quyết định."""

    ref: Ref = field(default_factory=lambda: Ref(kind="decision"))
    issuer: str = ""
    decision_number: str = ""
    decision_date: dt.date | None = None
    rows: tuple[ResultRow, ...] = ()


@dataclass(frozen=True)
class MatrixRow:
    """One criterion (leaf) with each member's points, in member order (None = not scored)."""

    code: str
    title: str
    max_points: float
    scores: tuple[float | None, ...] = ()


@dataclass(frozen=True)
class CouncilMatrixData:
    """Bảng tổng hợp điểm của Hội đồng for one product: members × criteria, mean and spread.
    Totals, their mean, spread and the star are computed by the caller (scoring engine and the
    council rules); per-criterion mean and spread are plain arithmetic done here."""

    ref: Ref = field(default_factory=lambda: Ref(kind="council"))
    council: str = ""
    round_name: str = ""
    product_name: str = ""
    producer_name: str = ""
    set_name: str = ""
    members: tuple[str, ...] = ()
    rows: tuple[MatrixRow, ...] = ()
    totals: tuple[float | None, ...] = ()
    mean_total: float | None = None
    spread: float | None = None
    max_spread: float | None = None  # the round's council rule (from the procedure); None: no verdict
    stars: int | None = None
    conclusion: str = ""
    signed: Signed = field(default_factory=Signed)  # council secretary / chair
