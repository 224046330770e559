"""Results of a round: proposals (3★/4★ for the province, 5★ candidates for the ministry, the rest
not recognised), the chairman's recognition decision with its certificates (36 months) and the
dossiers marked decided, all in one transaction; revocation; and what goes back to the communes.

Certificates are written here rather than through `CertificateService.add` because a decision is
all or nothing: every certificate is validated by the same `validate_certificate` first, then the
decision, certificates, entries, dossier statuses and dossier events are written together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.dossiers import Action, Status, next_status
from ocop_desktop.domain.errors import NotFoundError, UserError, ValidationError
from ocop_desktop.domain.province import (
    PROVINCE_STARS,
    EntryStatus,
    decided_by_province,
    is_five_star_candidate,
)
from ocop_desktop.domain.text import nfc, nfc_multiline
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.core.units import formal_name
from ocop_desktop.services.dossiers.service import record_transition
from ocop_desktop.services.province.common import (
    EntryRow,
    entry_rows,
    get_round,
    placed_round,
    round_label,
    working_round,
)
from ocop_desktop.services.province.ministry import (
    central_citation,
    central_stars_of,
    close_review,
    open_review,
)
from ocop_desktop.services.registry.certificates import (
    CertificateInput,
    CertificateRow,
    CertificateService,
    IssuingLevel,
    certificate_row,
    issue_certificate,
    validate_certificate,
)
from ocop_desktop.store.concurrency import serialise
from ocop_desktop.store.models import AdminUnit, Certificate, Dossier, FiveStarReview
from ocop_desktop.store.models.province import RecognitionDecision, RoundEntry

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class DecisionInput:
    number: str  # "1234/QĐ-UBND"
    decided_on: date
    signer: str
    signer_title: str = "Chủ tịch"
    issuer: str = ""  # default: "Ủy ban nhân dân <province>" of this office


@dataclass(frozen=True)
class DecisionRow:
    id: str
    revision: int
    round_id: str
    round_label: str
    number: str
    decided_on: date
    signer: str
    signer_title: str
    issuer: str
    products: int


@dataclass(frozen=True)
class DecisionOutcome:
    decision: DecisionRow
    entries: tuple[EntryRow, ...]
    certificates: tuple[CertificateRow, ...]


@dataclass(frozen=True)
class FiveStarProposal:
    entry: EntryRow
    council_result: dict[str, Any]


class ResultService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today or date.today()

    # -- proposals --------------------------------------------------------------------------
    def propose(self, round_id: str, dossier_ids: list[str] | None = None) -> list[EntryRow]:
        """Close valid council results: 5★ candidates go to the ministry (≥ 90 points, and the floors
        too under the stricter reading pinned on the result: `is_five_star_candidate`), the other
        certified ones are proposed to the province, the rest are not recognised. Without ids, every
        aggregated dossier of the round."""
        with self._ctx.unit_of_work() as s:
            r = get_round(s, round_id)
            entries = self._entries(s, r.id, dossier_ids)
            if dossier_ids is not None:
                bad = [e for e in entries if e.status != EntryStatus.AGGREGATED]
                if bad:
                    raise UserError(
                        "Chỉ đề nghị được hồ sơ đã tổng hợp điểm hợp lệ; "
                        f"{len(bad)} hồ sơ được chọn chưa ở bước đó."
                    )
            rules = RuleService()
            for e in entries:
                if e.status != EntryStatus.AGGREGATED or not e.valid:
                    continue
                result = e.result or {}
                d = _dossier(s, e.dossier_id)
                five = e.mean_total is not None and is_five_star_candidate(
                    e.mean_total,
                    rated_star=int(result.get("rated_star") or e.star or 0),
                    valid=bool(e.valid),
                    eliminated=bool(result.get("eliminated")),
                    bands=rules.get(d.ruleset_id).bands,
                    rule=str(result.get("five_star_rule") or r.five_star_rule),
                )
                if five:
                    e.proposed_star, e.status = 5, EntryStatus.PROPOSED.value
                    open_review(s, e, d, r, self._today)
                    continue
                certified = bool(result.get("certified"))
                e.proposed_star = e.star
                e.status = (EntryStatus.PROPOSED if certified else EntryStatus.NOT_RECOGNISED).value
        return self._rows(round_id, dossier_ids)

    def withdraw_proposal(self, round_id: str, dossier_id: str) -> EntryRow:
        """Undo a proposal (or a "not recognised") before the decision, e.g. to re-score."""
        with self._ctx.unit_of_work() as s:
            e = self._entries(s, get_round(s, round_id).id, [dossier_id])[0]
            if e.status not in (EntryStatus.PROPOSED, EntryStatus.NOT_RECOGNISED):
                raise UserError("Hồ sơ chưa được đề nghị hoặc đã có quyết định.")
            close_review(s, dossier_id)
            e.status, e.proposed_star = EntryStatus.AGGREGATED.value, None
        return self._rows(round_id, [dossier_id])[0]

    def five_star_candidates(self, round_id: str) -> list[EntryRow]:
        """The products proposed to the ministry and still waiting for its result: the list for the
        ministry (each with its floors, met or not)."""
        return [e for e in self._rows(round_id, None) if e.status == EntryStatus.PROPOSED and e.five_star]

    def five_star_proposal(self, round_id: str) -> list[FiveStarProposal]:
        """The 5★ candidates with the council result each rests on (`CouncilResult.to_json()`:
        members' totals, mean, parts, floor votes, the pinned rule set and 5★ reading): the data of
        a 5★ proposal to the ministry."""
        rows = self.five_star_candidates(round_id)
        with self._ctx.read() as s:
            query = select(RoundEntry.id, RoundEntry.result).where(RoundEntry.id.in_([e.id for e in rows]))
            results = {entry_id: result for entry_id, result in s.execute(query)}
        return [FiveStarProposal(e, results.get(e.id) or {}) for e in rows]

    # -- decision ---------------------------------------------------------------------------
    def decide(
        self, round_id: str, data: DecisionInput, dossier_ids: list[str] | None = None
    ) -> DecisionOutcome:
        """Recognise the proposed 3★/4★ products (all of the round's, or those named)."""
        number, signer = nfc(data.number), nfc(data.signer)
        problems = {}
        if not number:
            problems["number"] = "Cần số quyết định công nhận."
        if not signer:
            problems["signer"] = "Cần họ tên người ký quyết định."
        if data.decided_on > self._today:
            problems["decided_on"] = f"Ngày quyết định {data.decided_on:%d/%m/%Y} ở tương lai."
        if problems:
            raise ValidationError(problems)
        with self._ctx.unit_of_work() as s:
            serialise(s, "decision", data.decided_on.year)  # the number checked free and taken at once
            r = working_round(s, round_id)
            self._check_number(s, number, data.decided_on)
            entries = self._entries(s, r.id, dossier_ids)
            central = central_stars_of(s, [e.dossier_id for e in entries])
            if dossier_ids is None:
                entries = [
                    e for e in entries if decided_by_province(e.status, e.proposed_star, _stars(central, e))
                ]
            if not entries:
                raise UserError(f"{round_label(r)} chưa có sản phẩm nào được đề nghị công nhận 3 hoặc 4 sao.")
            rows = {
                row.dossier_id: row for row in entry_rows(s, r, dossier_ids=[e.dossier_id for e in entries])
            }
            issuer = nfc(data.issuer) or self._issuer(s)
            dossiers = {e.dossier_id: _dossier(s, e.dossier_id) for e in entries}
            certificates = []
            for e in entries:
                d, row = dossiers[e.dossier_id], rows[e.dossier_id]
                review = central.get(e.dossier_id) if e.status == EntryStatus.CENTRAL else None
                _check_decidable(e, row, d, review)
                cert = CertificateInput(
                    row.product_id,
                    (review.central_stars if review else e.proposed_star) or 0,
                    number,
                    data.decided_on,
                    IssuingLevel.PROVINCE.value,
                    d.ruleset_id,
                    issuer=issuer,
                    total=review.central_total if review else e.mean_total,
                    dossier_id=d.id,
                )
                bad = validate_certificate(cert, self._today)
                if bad:
                    raise UserError(f"“{row.product_name}”: " + " ".join(bad.values()))
                certificates.append(cert)
            decision = RecognitionDecision(
                round_id=r.id,
                number=number,
                year=data.decided_on.year,
                decided_on=data.decided_on,
                signer=signer,
                signer_title=nfc(data.signer_title),
                issuer=issuer,
            )
            s.add(decision)
            s.flush()
            actor = self._ctx.actor()
            for e, cert in zip(entries, certificates, strict=True):
                c = issue_certificate(s, cert, today=data.decided_on)
                note = f"Quyết định số {number} ngày {data.decided_on:%d/%m/%Y}: {cert.stars} sao"
                if e.status == EntryStatus.CENTRAL:  # Art. 7.4: the line cites the central result
                    note += f", {central_citation(central[e.dossier_id])}"
                e.status, e.decision_id, e.certificate_id = EntryStatus.DECIDED.value, decision.id, c.id
                record_transition(s, dossiers[e.dossier_id], Action.DECIDE, note, actor)
            decision_id = decision.id
        return self.decision(decision_id)

    def decide_outside_round(
        self,
        dossier_id: str,
        *,
        stars: int,
        decision_number: str,
        decision_date: date,
        total: float | None = None,
        issuer: str = "",
    ) -> CertificateRow:
        """Record the recognition decision and its certificate for an accepted dossier outside any
        round (e.g. a decision taken before this installation), in one transaction. A dossier in a
        round is decided with the round (`decide`), so the council's result and the certificate agree."""
        office = self._ctx.office()
        if office.role != "province":
            raise UserError("Chức năng này chỉ dùng ở máy của cơ quan OCOP cấp tỉnh.")
        with self._ctx.unit_of_work() as s:
            d = _dossier(s, dossier_id)
            placed = placed_round(s, dossier_id)
            if placed is not None:
                raise UserError(f"Hồ sơ thuộc {round_label(placed)}: hãy ra quyết định cho cả đợt.")
            data = CertificateInput(
                d.product_id,
                stars,
                decision_number,
                decision_date,
                IssuingLevel.MINISTRY.value if stars == 5 else IssuingLevel.PROVINCE.value,
                d.ruleset_id,
                issuer=issuer or office.name,
                total=total,
                dossier_id=dossier_id,
            )
            problems = validate_certificate(data, self._today)
            if problems:
                raise ValidationError(problems)
            record_transition(s, d, Action.DECIDE, f"Quyết định {nfc(decision_number)}", self._ctx.actor())
            return certificate_row(issue_certificate(s, data, today=self._today), self._today)

    def decision(self, decision_id: str) -> DecisionOutcome:
        with self._ctx.read() as s:
            d = s.get(RecognitionDecision, decision_id)
            if d is None:
                raise NotFoundError("Không tìm thấy quyết định công nhận.")
            r = get_round(s, d.round_id)
            ids = list(s.scalars(select(RoundEntry.dossier_id).where(RoundEntry.decision_id == d.id)))
            entries = tuple(entry_rows(s, r, dossier_ids=ids))
            row = DecisionRow(
                d.id,
                d.revision,
                r.id,
                round_label(r),
                d.number,
                d.decided_on,
                d.signer,
                d.signer_title,
                d.issuer,
                len(entries),
            )
        service = CertificateService(self._ctx, today=self._today)
        wanted = {e.certificate_id for e in entries}
        certs = tuple(c for e in entries for c in service.history(e.product_id) if c.id in wanted)
        return DecisionOutcome(row, entries, certs)

    def decisions(self, round_id: str | None = None) -> list[DecisionRow]:
        with self._ctx.read() as s:
            stmt = select(RecognitionDecision.id).order_by(RecognitionDecision.decided_on.desc())
            if round_id is not None:
                stmt = stmt.where(RecognitionDecision.round_id == round_id)
            ids = list(s.scalars(stmt))
        return [self.decision(i).decision for i in ids]

    # -- revocation -------------------------------------------------------------------------
    def revoke(self, certificate_id: str, *, on: date, reason: str) -> CertificateRow:
        """Revocation by the provincial chairman (3★/4★; 5★ is the Minister's), QĐ 26/2026 Art. 8."""
        with self._ctx.read() as s:
            c = s.get(Certificate, certificate_id)
            if c is None:
                raise NotFoundError("Không tìm thấy giấy chứng nhận.")
            if c.revoked_on is not None:
                raise UserError(f"Giấy chứng nhận đã bị thu hồi ngày {c.revoked_on:%d/%m/%Y}.")
            if c.issuing_level == IssuingLevel.MINISTRY:
                raise UserError(
                    "Giấy chứng nhận 5 sao do Bộ Nông nghiệp và Môi trường thu hồi, không phải cấp tỉnh."
                )
        if on > self._today:
            raise ValidationError({"on": f"Ngày thu hồi {on:%d/%m/%Y} ở tương lai."})
        if not nfc_multiline(reason):
            raise ValidationError({"reason": "Cần ghi lý do thu hồi."})
        return CertificateService(self._ctx, today=self._today).revoke(certificate_id, on=on, reason=reason)

    # -- helpers ----------------------------------------------------------------------------
    def _entries(self, s: Session, round_id: str, dossier_ids: list[str] | None) -> list[RoundEntry]:
        stmt = select(RoundEntry).where(RoundEntry.round_id == round_id).order_by(RoundEntry.seq)
        if dossier_ids is None:
            return list(s.scalars(stmt))
        wanted = list(dict.fromkeys(dossier_ids))
        found = {e.dossier_id: e for e in s.scalars(stmt.where(RoundEntry.dossier_id.in_(wanted)))}
        missing = [d for d in wanted if d not in found]
        if missing:
            raise UserError(
                f"Có {len(missing)} hồ sơ không thuộc đợt này: {', '.join(m[:8] for m in missing)}."
            )
        return [found[d] for d in wanted]

    def _rows(self, round_id: str, dossier_ids: list[str] | None) -> list[EntryRow]:
        with self._ctx.read() as s:
            return entry_rows(s, get_round(s, round_id), dossier_ids=dossier_ids)

    def _check_number(self, s: Session, number: str, decided_on: date) -> None:
        used = s.scalars(
            select(RecognitionDecision).where(
                RecognitionDecision.number == number, RecognitionDecision.year == decided_on.year
            )
        ).first()
        legacy = s.scalars(
            select(Certificate).where(
                Certificate.decision_number == number,
                extract("year", Certificate.decision_date) == decided_on.year,
            )
        ).first()
        on = used.decided_on if used is not None else legacy.decision_date if legacy is not None else None
        if on is not None:
            raise ValidationError(
                {"number": f"Số quyết định “{number}” đã được dùng cho quyết định ngày {on:%d/%m/%Y}."}
            )

    def _issuer(self, s: Session) -> str:
        office = self._ctx.office()
        unit = s.get(AdminUnit, office.unit_code)
        name = formal_name(unit.name, unit.division_type) if unit is not None else ""
        return f"Ủy ban nhân dân {name[:1].lower()}{name[1:]}" if name else "Ủy ban nhân dân tỉnh"


def _dossier(s: Session, dossier_id: str) -> Dossier:
    d = s.get(Dossier, dossier_id)
    if d is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    return d


def _stars(central: dict[str, FiveStarReview], e: RoundEntry) -> int | None:
    review = central.get(e.dossier_id)
    return review.central_stars if review is not None else None


def _check_decidable(e: RoundEntry, row: EntryRow, d: Dossier, review: FiveStarReview | None) -> None:
    name = f"“{row.product_name}”"
    if e.status == EntryStatus.WITHDRAWN:
        raise UserError(f"{name}: chủ thể đã rút hồ sơ, không đưa vào quyết định công nhận.")
    if e.status == EntryStatus.DECIDED:
        raise UserError(f"{name} đã có quyết định công nhận.")
    if e.status == EntryStatus.CENTRAL:
        if review is None or review.central_stars not in PROVINCE_STARS:
            raise UserError(
                f"{name}: Hội đồng cấp trung ương không đánh giá đạt 3 hoặc 4 sao, tỉnh không công nhận được."
            )
        if next_status(Status(d.status), Action.DECIDE) is None:
            raise UserError(f"{name}: hồ sơ đang “{Status(d.status).label}”, không ghi quyết định được.")
        return
    if e.status == EntryStatus.NOT_RECOGNISED or (e.proposed_star is not None and e.proposed_star < 3):
        stars = f"chỉ đạt {e.proposed_star} sao" if e.proposed_star else "bị loại"
        raise UserError(f"{name} {stars}: không được công nhận (tỉnh chỉ công nhận sản phẩm 3, 4 sao).")
    if e.status != EntryStatus.PROPOSED:
        raise UserError(
            f"{name} chưa được Hội đồng đề nghị công nhận (đang “{EntryStatus(e.status).label}”)."
        )
    if e.proposed_star == 5:
        raise UserError(
            f"{name} được đề nghị Bộ Nông nghiệp và Môi trường công nhận 5 sao; tỉnh chỉ công nhận "
            "sau khi có kết quả của Hội đồng cấp trung ương (3 hoặc 4 sao)."
        )
    if next_status(Status(d.status), Action.DECIDE) is None:
        raise UserError(f"{name}: hồ sơ đang “{Status(d.status).label}”, không ghi quyết định được.")
