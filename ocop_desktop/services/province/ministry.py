"""5★ at the ministry (QĐ 26/2026 Art. 7.3.e and 7.4): the proposal the province makes and the
ministry's result it records.

- At the round's proposal (`ResultService.propose`) each 5★ candidate gets a `FiveStarReview`: the
  council's points and star, its floors met or not, and the reading of "candidate" pinned on the
  council result (`FiveStarRule`).
- `record` writes the ministry's decision on it: the entry closes. 5★: the ministry's certificate is
  recorded (issuing level "ministry", the Bộ as issuer) and the dossier is decided. 3★/4★ from the
  central council: the entry waits for the province's own decision (Art. 7.4 fallback, taken by
  `ResultService.decide`, whose decision line cites the central result). Not recognised: closed.
- The review travels to the commune in the results package (`services/sync/records.province_part`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.dossiers import Action, Status, next_status
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.domain.province import (
    EntryStatus,
    FiveStarRule,
    central_result_problems,
    unmet_floor_labels,
)
from ocop_desktop.domain.text import nfc, nfc_multiline
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.service import record_transition
from ocop_desktop.services.province.common import EntryRow, entry_rows, get_entry, get_round, round_label
from ocop_desktop.services.registry.certificates import (
    CertificateInput,
    IssuingLevel,
    issue_certificate,
    validate_certificate,
)
from ocop_desktop.store.models import Dossier, FiveStarReview
from ocop_desktop.store.models.province import EvaluationRound, RoundEntry

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

MINISTRY_NAME = "Bộ Nông nghiệp và Môi trường"


@dataclass(frozen=True)
class CentralResultInput:
    number: str  # the ministry's decision (or letter) number
    decided_on: date
    stars: int  # 3, 4 or 5; 0 = not recognised by the central council
    total: float  # the central council's points
    issuer: str = MINISTRY_NAME
    note: str = ""


@dataclass(frozen=True)
class FiveStarReviewRow:
    id: str
    dossier_id: str
    product_id: str
    round_label: str
    rule: str
    rule_label: str
    ruleset_id: str
    council_total: float
    council_star: int
    floors: dict[str, Any]
    proposed_on: date
    central_number: str = ""
    central_date: date | None = None
    central_stars: int | None = None
    central_total: float | None = None
    central_issuer: str = ""
    central_note: str = ""
    certificate_id: str | None = None
    unmet: tuple[str, ...] = field(default=())  # criteria whose floors up to 5★ the council missed

    @property
    def closed(self) -> bool:
        return self.central_date is not None


def review_row(r: FiveStarReview) -> FiveStarReviewRow:
    rule = FiveStarRule(r.rule) if r.rule in {x.value for x in FiveStarRule} else None
    floors = dict(r.floors or {})
    return FiveStarReviewRow(
        r.id,
        r.dossier_id,
        r.product_id,
        r.round_label,
        r.rule,
        rule.label if rule else r.rule,
        r.ruleset_id,
        r.council_total,
        r.council_star,
        floors,
        r.proposed_on,
        r.central_number,
        r.central_date,
        r.central_stars,
        r.central_total,
        r.central_issuer,
        r.central_note,
        r.certificate_id,
        unmet_floor_labels(floors),
    )


def open_review(s: Session, e: RoundEntry, d: Dossier, r: EvaluationRound, today: date) -> FiveStarReview:
    """The review of a 5★ candidate at its proposal (an earlier one of the dossier is replaced while
    no ministry result is recorded on it)."""
    result = e.result or {}
    review = s.scalars(select(FiveStarReview).where(FiveStarReview.dossier_id == d.id)).first()
    if review is not None and review.central_date is not None:
        raise UserError("Hồ sơ đã có kết quả của Bộ; không đề nghị lại được.")
    if review is None:
        review = FiveStarReview(dossier_id=d.id, product_id=d.product_id)
        s.add(review)
    pinned = result.get("ruleset") or {}
    review.round_label = round_label(r)
    review.rule = str(result.get("five_star_rule") or r.five_star_rule)
    review.ruleset_id = str(pinned.get("id") or d.ruleset_id)
    review.ruleset_hash = str(pinned.get("hash") or d.ruleset_hash)
    review.council_total = float(e.mean_total or 0)
    review.council_star = int(e.star or 0)
    review.floors = dict(result.get("floors") or {})
    review.proposed_on = today
    return review


def close_review(s: Session, dossier_id: str) -> None:
    """A withdrawn proposal leaves no review behind (refused once the ministry's result is in)."""
    review = s.scalars(select(FiveStarReview).where(FiveStarReview.dossier_id == dossier_id)).first()
    if review is None:
        return
    if review.central_date is not None:
        raise UserError("Hồ sơ đã có kết quả của Bộ; không rút đề nghị được.")
    s.delete(review)


def central_stars_of(s: Session, dossier_ids: list[str]) -> dict[str, FiveStarReview]:
    stmt = select(FiveStarReview).where(FiveStarReview.dossier_id.in_(dossier_ids))
    return {r.dossier_id: r for r in s.scalars(stmt)}


def central_citation(review: FiveStarReview) -> str:
    """The line of the province's decision that rests on the central result (Art. 7.4)."""
    assert review.central_date is not None
    points = f"{review.central_total:g}".replace(".", ",")
    return (
        f"theo kết quả đánh giá của Hội đồng cấp trung ương ({points} điểm, "
        f"văn bản số {review.central_number} ngày {review.central_date:%d/%m/%Y} của {review.central_issuer})"
    )


class MinistryResultService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today or date.today()

    def record(self, round_id: str, dossier_id: str, data: CentralResultInput) -> EntryRow:
        """Record the ministry's result on a product proposed for 5★; one transaction."""
        number, issuer = nfc(data.number), nfc(data.issuer) or MINISTRY_NAME
        with self._ctx.unit_of_work() as s:
            r = get_round(s, round_id)
            e = get_entry(s, r, dossier_id)
            d = s.get(Dossier, dossier_id)
            assert d is not None  # the entry's foreign key
            problems = central_result_problems(
                number, data.decided_on, data.stars, data.total, RuleService().get(d.ruleset_id).bands
            )
            if data.decided_on > self._today:
                problems["decided_on"] = f"Ngày {data.decided_on:%d/%m/%Y} ở tương lai."
            if problems:
                raise ValidationError(problems)
            if e.status != EntryStatus.PROPOSED or e.proposed_star != 5:
                raise UserError(
                    "Chỉ ghi kết quả của Bộ cho sản phẩm đã được đề nghị công nhận 5 sao "
                    f"(hồ sơ đang “{EntryStatus(e.status).label}”)."
                )
            review = s.scalars(select(FiveStarReview).where(FiveStarReview.dossier_id == d.id)).first()
            if review is None:  # proposed before this version kept reviews
                review = open_review(s, e, d, r, self._today)
            review.central_number, review.central_date = number, data.decided_on
            review.central_stars, review.central_total = data.stars, float(data.total)
            review.central_issuer, review.central_note = issuer, nfc_multiline(data.note)
            if data.stars == 5:
                self._five_stars(s, e, d, review, issuer)
            else:
                e.status = EntryStatus.CENTRAL.value
        with self._ctx.read() as s:
            return entry_rows(s, get_round(s, round_id), dossier_ids=[dossier_id])[0]

    def _five_stars(self, s: Session, e: RoundEntry, d: Dossier, review: FiveStarReview, issuer: str) -> None:
        assert review.central_date is not None
        if next_status(Status(d.status), Action.DECIDE) is None:
            raise UserError(f"Hồ sơ đang “{Status(d.status).label}”, không ghi quyết định được.")
        cert = CertificateInput(
            d.product_id,
            5,
            review.central_number,
            review.central_date,
            IssuingLevel.MINISTRY.value,
            d.ruleset_id,
            issuer=issuer,
            total=review.central_total,
            dossier_id=d.id,
        )
        bad = validate_certificate(cert, self._today)
        if bad:
            raise ValidationError(bad)
        c = issue_certificate(s, cert, today=review.central_date)
        e.status, e.certificate_id = EntryStatus.DECIDED.value, c.id
        review.certificate_id = c.id
        note = (
            f"Quyết định số {review.central_number} ngày {review.central_date:%d/%m/%Y} của {issuer}: 5 sao"
        )
        record_transition(s, d, Action.DECIDE, note, self._ctx.actor())

    def review(self, dossier_id: str) -> FiveStarReviewRow | None:
        """The dossier's 5★ proposal and the ministry's result, at the province or (from the results
        package) at the commune."""
        with self._ctx.read() as s:
            found = s.scalars(select(FiveStarReview).where(FiveStarReview.dossier_id == dossier_id)).first()
            return review_row(found) if found is not None else None
