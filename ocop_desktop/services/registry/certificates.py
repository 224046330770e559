"""Recognition certificates of products: current and past, including those issued under older
rules (QĐ 148/2023, when districts recognised 3★), with expiry and re-evaluation windows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.deadlines import certificate_valid_until, reevaluation_window
from ocop_desktop.domain.dossiers import RegistrationType, Status
from ocop_desktop.domain.errors import NotFoundError, ValidationError
from ocop_desktop.domain.reevaluation import valid_through
from ocop_desktop.domain.text import nfc, nfc_multiline
from ocop_desktop.services.core.legal_bases import issuing_bodies, legal_bases, reevaluation_rules
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.store.models import Certificate, Dossier, Product

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

# The legal bases a certificate may name, older ones included: data (resources/legal_bases.json).
KNOWN_RULESETS = legal_bases().labels()


class IssuingLevel(StrEnum):
    DISTRICT = "district"
    PROVINCE = "province"
    MINISTRY = "ministry"

    @property
    def label(self) -> str:
        """The level by its current name, as a person picks it and reports group it (a certificate names
        the body of its decision date: `issuing_label`)."""
        return {
            "district": "UBND cấp huyện (trước 1/7/2025)",
            "province": "UBND cấp tỉnh",
            "ministry": "Bộ Nông nghiệp và Môi trường",
        }[self.value]


def issuing_label(level: str, decided: date) -> str:
    """The body that recognised at `level` on the decision date (resources/issuing_bodies.json): a
    ministry certificate of 2022 names Bộ Nông nghiệp và Phát triển nông thôn, not its successor."""
    return issuing_bodies().name(level, decided)


LEVELS = frozenset(lvl.value for lvl in IssuingLevel)


@dataclass(frozen=True)
class CertificateRow:
    id: str
    product_id: str
    stars: int
    total: float | None
    decision_number: str
    decision_date: date
    issuing_level: str
    issuing_label: str
    issuer: str
    valid_until: date
    ruleset_id: str
    ruleset_label: str
    revoked_on: date | None
    revoke_reason: str
    state: str  # valid | expiring | grace | expired | revoked
    reevaluation_opens: date
    reevaluation_closes: date
    valid_through: date | None = None  # past valid_until: the end of the grace (a late re-evaluation)


@dataclass(frozen=True)
class CertificateInput:
    product_id: str
    stars: int
    decision_number: str
    decision_date: date
    issuing_level: str
    ruleset_id: str
    issuer: str = ""
    total: float | None = None
    valid_until: date | None = None
    dossier_id: str | None = None


def validate_certificate(data: CertificateInput, today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    if data.stars not in (3, 4, 5):
        problems["stars"] = "Chỉ sản phẩm 3, 4, 5 sao được cấp giấy chứng nhận."
    if not nfc(data.decision_number):
        problems["decision_number"] = "Cần số quyết định công nhận."
    if data.decision_date > today:
        problems["decision_date"] = f"Ngày quyết định {data.decision_date:%d/%m/%Y} ở tương lai."
    if data.issuing_level not in LEVELS:
        problems["issuing_level"] = "Cấp công nhận không hợp lệ."
    elif data.issuing_level == IssuingLevel.DISTRICT and data.decision_date >= date(2025, 7, 1):
        problems["issuing_level"] = "Từ 1/7/2025 không còn cấp huyện; chọn cấp tỉnh."
    elif body_problem := issuing_bodies().problem(data.issuing_level, data.decision_date):
        problems["issuing_level"] = body_problem
    elif data.issuing_level == IssuingLevel.DISTRICT and data.stars != 3:
        problems["stars"] = "Cấp huyện (QĐ 148) chỉ công nhận 3 sao."
    if data.stars == 5 and data.issuing_level != IssuingLevel.MINISTRY:
        problems["issuing_level"] = "Sản phẩm 5 sao do Bộ công nhận."
    basis = legal_bases().get(data.ruleset_id)
    if data.ruleset_id not in KNOWN_RULESETS or basis is None:
        problems["ruleset_id"] = f"Bộ tiêu chí “{data.ruleset_id}” không rõ."
    elif data.decision_date < basis.effective_from:
        problems["ruleset_id"] = (
            f"Quyết định ngày {data.decision_date:%d/%m/%Y} có trước ngày {basis.label} có hiệu lực "
            f"({basis.effective_from:%d/%m/%Y}); chọn căn cứ đang có hiệu lực vào ngày quyết định."
        )
    if data.valid_until is not None and data.valid_until <= data.decision_date:
        problems["valid_until"] = "Ngày hết hạn phải sau ngày quyết định."
    return problems


class CertificateService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today or date.today()

    def add(self, data: CertificateInput) -> CertificateRow:
        problems = validate_certificate(data, self._today)
        if problems:
            raise ValidationError(problems)
        with self._ctx.unit_of_work() as s:
            return certificate_row(issue_certificate(s, data, today=self._today), self._today)

    def revoke(self, certificate_id: str, *, on: date, reason: str) -> CertificateRow:
        if not nfc_multiline(reason):
            raise ValidationError({"reason": "Cần ghi lý do thu hồi."})
        with self._ctx.unit_of_work() as s:
            row = s.get(Certificate, certificate_id)
            if row is None:
                raise NotFoundError("Không tìm thấy giấy chứng nhận.")
            row.revoked_on, row.revoke_reason = on, nfc_multiline(reason)
            return certificate_row(row, self._today)

    def history(self, product_id: str) -> list[CertificateRow]:
        with self._ctx.read() as s:
            rows = list(
                s.scalars(
                    select(Certificate)
                    .where(Certificate.product_id == product_id)
                    .order_by(Certificate.decision_date.desc())
                )
            )
            late = filed_late(s, [r.id for r in rows])
            return [certificate_row(r, self._today, filed_late=r.id in late) for r in rows]

    def current(self, product_id: str) -> CertificateRow | None:
        return next((c for c in self.history(product_id) if c.state in ("valid", "expiring", "grace")), None)


def filed_late(s: Session, certificate_ids: list[str]) -> set[str]:
    """The certificates with a re-evaluation dossier filed after the window closed (received by the
    commune, or created, after it) that awaits its result: they stay valid up to the grace of QĐ 26/2026
    Art. 12.3. A dossier filed early is outside the window too, but is not late: no grace."""
    if not certificate_ids:
        return set()
    rows = s.execute(
        select(
            Certificate.id,
            Certificate.valid_until,
            Dossier.ruleset_id,
            Dossier.received_on,
            Dossier.created_at,
        )
        .join(Dossier, Dossier.base_certificate_id == Certificate.id)
        .where(
            Certificate.id.in_(certificate_ids),
            Dossier.registration_type == RegistrationType.REEVALUATION.value,
            Dossier.status != Status.DECIDED.value,
        )
    )
    rules = RuleService()
    late = set()
    for cid, valid_until, ruleset_id, received_on, created_at in rows:
        filed = received_on or created_at.date()
        window = reevaluation_window(valid_until, rules.procedure(ruleset_id, filed))
        if filed > window.closes:
            late.add(cid)
    return late


def issue_certificate(s: Session, data: CertificateInput, *, today: date, flush: bool = True) -> Certificate:
    """Write a certificate in the caller's transaction (validate it first: `validate_certificate`).

    Valid until `certificate_valid_until(decision date)` under the procedure of its rule set (the one
    in force `today` for a rule set this machine lacks, e.g. QĐ 148), unless `data.valid_until` says
    otherwise (an older certificate entered by hand). `flush=False` leaves the write to the caller's next
    flush (a register import issues thousands in one transaction)."""
    if s.get(Product, data.product_id) is None:
        raise NotFoundError("Không tìm thấy sản phẩm.")
    row = Certificate(
        product_id=data.product_id,
        dossier_id=data.dossier_id,
        stars=data.stars,
        total=data.total,
        decision_number=nfc(data.decision_number),
        decision_date=data.decision_date,
        issuing_level=data.issuing_level,
        issuer=nfc(data.issuer),
        ruleset_id=data.ruleset_id,
        valid_until=data.valid_until
        or certificate_valid_until(data.decision_date, RuleService().procedure(data.ruleset_id, today)),
    )
    s.add(row)
    if flush:
        s.flush()
    return row


def certificate_row(c: Certificate, today: date, *, filed_late: bool = False) -> CertificateRow:
    """The certificate as the UI shows it, its state (valid, expiring, grace, expired, revoked) as of
    `today`; `filed_late`: a re-evaluation filed outside the window awaits its result (Art. 12.3)."""
    procedure = RuleService().procedure(c.ruleset_id, today)
    window = reevaluation_window(c.valid_until, procedure)
    # the grace is QĐ 26's, whichever decision the certificate was issued under (Art. 12.3)
    through = valid_through(c.valid_until, reevaluation_rules(c.ruleset_id), filed_late=filed_late)
    if c.revoked_on:
        state = "revoked"
    elif c.valid_until < today <= through:
        state = "grace"
    elif c.valid_until < today:
        state = "expired"
    elif window.opens <= today:
        state = "expiring"
    else:
        state = "valid"
    level = IssuingLevel(c.issuing_level)
    return CertificateRow(
        c.id,
        c.product_id,
        c.stars,
        c.total,
        c.decision_number,
        c.decision_date,
        level.value,
        issuing_label(level.value, c.decision_date),
        c.issuer,
        c.valid_until,
        c.ruleset_id,
        KNOWN_RULESETS.get(c.ruleset_id, c.ruleset_id),
        c.revoked_on,
        c.revoke_reason,
        state,
        window.opens,
        window.closes,
        through if through != c.valid_until else None,
    )
