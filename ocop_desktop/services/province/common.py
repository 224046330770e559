"""Shared pieces of the province evaluation services: finding rounds, entries and members inside a
unit of work, the pinned scoring sheet of a dossier, and the rows every screen shows."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import NotFoundError, UserError
from ocop_desktop.domain.province import (
    CouncilMode,
    EntryStatus,
    MemberRole,
    council_rules,
    unmet_floor_labels,
)
from ocop_desktop.domain.rules.council import CouncilRules
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.province.withdrawal_facts import withdrawals_of
from ocop_desktop.store.concurrency import serialise
from ocop_desktop.store.models import AdminUnit, Dossier, FiveStarReview, Producer, Product, ScoreSheet
from ocop_desktop.store.models.province import CouncilMember, EvaluationRound, RecognitionDecision, RoundEntry
from ocop_desktop.store.portable_sql import json_field_text
from ocop_desktop.store.queries import dossier_header, with_commune

MEMBER_SHEET = "member"


@dataclass(frozen=True)
class MemberRow:
    id: str
    revision: int
    round_id: str
    seq: int
    label: str  # "TV3"
    name: str
    role: str
    role_label: str
    organisation: str
    title: str
    present: bool
    scores: bool  # chair and members score; the secretary does not


@dataclass(frozen=True)
class EntryRow:
    id: str
    revision: int
    round_id: str
    dossier_id: str
    seq: int
    product_id: str
    product_name: str
    product_code: str
    producer_name: str
    commune_code: str
    commune_name: str
    product_set: int
    registration_type: str
    dossier_status: str
    status: str
    status_label: str
    sheets: int  # member sheets typed so far (of expected members)
    expected: int  # members expected to score (present ones; all scoring members in written mode)
    mean_total: float | None
    star: int | None
    spread: int | None
    valid: bool | None
    problems: tuple[str, ...]
    rescore_count: int
    proposed_star: int | None
    five_star: bool
    decision_id: str | None
    decision_number: str
    certificate_id: str | None
    # The council's floors by star ({"3": {"met": bool, "unmet": [codes]}, …}, stars.floors_json).
    floors: dict[str, Any] = field(default_factory=dict)
    # The ministry's result on a 5★ proposal (FiveStarReview), once recorded.
    central_number: str = ""
    central_date: date | None = None
    central_stars: int | None = None  # 0: not recognised
    central_total: float | None = None
    # The producer's withdrawal (status "withdrawn", issue 15): the day in Vietnam, the reason, and
    # whether the council secretary has marked the notice as seen (`withdrawals.note_withdrawals`).
    withdrawn_on: date | None = None
    withdrawal_reason: str = ""
    withdrawal_noted: bool = True

    @property
    def unmet_floors(self) -> tuple[str, ...]:
        """ "6.1 (5★)"…: the floors up to 5★ the council did not meet (empty: all met)."""
        return unmet_floor_labels(self.floors)

    @property
    def fully_scored(self) -> bool:
        return self.expected > 0 and self.sheets >= self.expected


def round_label(r: EvaluationRound) -> str:
    return round_name(r.year, r.number, r.extra)


def round_name(year: int, number: int, extra: bool) -> str:
    return f"Đợt {'bổ sung ' if extra else ''}{number}/{year}"


def get_round(s: Session, round_id: str) -> EvaluationRound:
    r = s.get(EvaluationRound, round_id)
    if r is None:
        raise NotFoundError("Không tìm thấy đợt đánh giá.")
    return r


def working_round(s: Session, round_id: str) -> EvaluationRound:
    """The round, held for this transaction: its sheets, aggregation, council and decisions are
    written by one desk at a time (`store.concurrency`; other rounds are not held)."""
    serialise(s, "round", round_id)
    return get_round(s, round_id)


def find_round(s: Session, ref: str) -> EvaluationRound:
    """A round by id, a unique id prefix (≥ 4 characters) or "YEAR-NUMBER" ("2026-1")."""
    ref = ref.strip()
    year, _, number = ref.partition("-")
    if year.isdigit() and number.isdigit() and len(year) == 4:
        found = s.scalars(
            select(EvaluationRound).where(
                EvaluationRound.year == int(year), EvaluationRound.number == int(number)
            )
        ).first()
        if found is not None:
            return found
    if len(ref) >= 4:
        matches = list(
            s.scalars(select(EvaluationRound).where(EvaluationRound.id.startswith(ref, autoescape=True)))
        )
        if len(matches) == 1:
            return matches[0]
    raise NotFoundError(f"Không tìm thấy đợt đánh giá “{ref}” (dùng mã đợt hoặc dạng năm-số, ví dụ 2026-1).")


def find_dossier(s: Session, ref: str) -> Dossier:
    """A dossier by id, receipt number ("01/PĐK-01-00070-2026") or a unique id prefix (≥ 4 characters)."""
    ref = ref.strip()
    found = s.get(Dossier, ref) or s.scalars(select(Dossier).where(Dossier.receipt_number == ref)).first()
    if found is None and len(ref) >= 4:
        matches = list(s.scalars(select(Dossier).where(Dossier.id.startswith(ref, autoescape=True)).limit(2)))
        found = matches[0] if len(matches) == 1 else None
    if found is None:
        raise NotFoundError(f"Không tìm thấy hồ sơ “{ref}”.")
    return found


def find_member(s: Session, r: EvaluationRound, ref: str) -> CouncilMember:
    """A council member of the round by id, id prefix, "TV3" or "3"."""
    ref = ref.strip()
    members = members_of(s, r.id)
    seq = ref[2:] if ref.upper().startswith("TV") else ref
    found = [m for m in members if m.id == ref or (seq.isdigit() and m.seq == int(seq))]
    if not found and len(ref) >= 4:
        found = [m for m in members if m.id.startswith(ref)]
    if len(found) != 1:
        raise NotFoundError(f"Không có thành viên “{ref}” trong Hội đồng {round_label(r)}.")
    return found[0]


def placed_round(s: Session, dossier_id: str) -> EvaluationRound | None:
    """The round the dossier is assigned to, if any."""
    return s.scalars(
        select(EvaluationRound)
        .join(RoundEntry, RoundEntry.round_id == EvaluationRound.id)
        .where(RoundEntry.dossier_id == dossier_id)
    ).first()


def round_of_dossier(s: Session, dossier_id: str) -> EvaluationRound:
    found = placed_round(s, dossier_id)
    if found is None:
        raise UserError("Hồ sơ chưa được phân vào đợt đánh giá nào.")
    return found


def rules_of(r: EvaluationRound) -> CouncilRules:
    try:
        return council_rules(r.max_spread, r.quorum, r.chair_required, r.floor_rule, r.five_star_rule)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def members_of(s: Session, round_id: str) -> list[CouncilMember]:
    return list(
        s.scalars(select(CouncilMember).where(CouncilMember.round_id == round_id).order_by(CouncilMember.seq))
    )


def scoring_members(members: list[CouncilMember]) -> list[CouncilMember]:
    return [m for m in members if MemberRole(m.role).scores]


def expected_scorers(r: EvaluationRound, members: list[CouncilMember]) -> list[CouncilMember]:
    """Who is expected to hand in a sheet: present scoring members at a meeting; every scoring
    member when the council decides by written opinions (the sheets are the opinions)."""
    voting = scoring_members(members)
    return voting if r.council_mode == CouncilMode.WRITTEN else [m for m in voting if m.present]


def chair_of(members: list[CouncilMember]) -> CouncilMember | None:
    return next((m for m in members if m.role == MemberRole.CHAIR), None)


def member_row(m: CouncilMember) -> MemberRow:
    role = MemberRole(m.role)
    return MemberRow(
        m.id,
        m.revision,
        m.round_id,
        m.seq,
        f"TV{m.seq}",
        m.name,
        role.value,
        role.label,
        m.organisation,
        m.title,
        m.present,
        role.scores,
    )


def get_entry(s: Session, r: EvaluationRound, dossier_id: str) -> RoundEntry:
    entry = s.scalars(
        select(RoundEntry).where(RoundEntry.round_id == r.id, RoundEntry.dossier_id == dossier_id)
    ).first()
    if entry is None:
        raise UserError(f"Hồ sơ này không thuộc {round_label(r)}.")
    return entry


def pinned_sheet(ruleset_id: str, ruleset_hash: str, product_set: int) -> Sheet:
    """The scoring sheet a dossier was made with; a different local copy of the rule set is refused."""
    ruleset = RuleService().get(ruleset_id)
    if ruleset.content_hash != ruleset_hash:
        raise UserError(
            f"Bộ tiêu chí “{ruleset_id}” trên máy khác với bản hồ sơ đã dùng (mã băm khác). "
            "Hãy cài đúng bộ tiêu chí từ gói tham chiếu."
        )
    return ruleset.sheet(product_set)


def entry_rows(s: Session, r: EvaluationRound, *, dossier_ids: list[str] | None = None) -> list[EntryRow]:
    members = members_of(s, r.id)
    expected = {m.id for m in expected_scorers(r, members)}
    e = RoundEntry
    # The inner joins before the outer ones, so the planner may start from the round's entries.
    header = dossier_header(
        e.id,
        e.revision,
        e.dossier_id,
        e.seq,
        e.status,
        e.mean_total,
        e.star,
        e.spread,
        e.valid,
        json_field_text(e.result, "problems"),
        e.rescore_count,
        e.proposed_star,
        e.decision_id,
        e.certificate_id,
        Product.id,
        Product.name,
        Product.code,
        Producer.name,
        Product.commune_code,
        AdminUnit.name,
        Dossier.product_set,
        Dossier.registration_type,
        Dossier.status,
        RecognitionDecision.number,
        json_field_text(e.result, "floors"),
        FiveStarReview.central_number,
        FiveStarReview.central_date,
        FiveStarReview.central_stars,
        FiveStarReview.central_total,
    ).join(e, e.dossier_id == Dossier.id)
    stmt = (
        with_commune(header)
        .outerjoin(RecognitionDecision, RecognitionDecision.id == e.decision_id)
        .outerjoin(FiveStarReview, FiveStarReview.dossier_id == e.dossier_id)
        .where(e.round_id == r.id)
        .order_by(e.seq)
    )
    if dossier_ids is not None:
        stmt = stmt.where(e.dossier_id.in_(dossier_ids))
    counts: dict[str, int] = {}
    if expected:
        counted = (
            select(ScoreSheet.dossier_id, func.count())
            .where(ScoreSheet.kind == MEMBER_SHEET, ScoreSheet.member_id.in_(expected))
            .group_by(ScoreSheet.dossier_id)
        )
        if dossier_ids is not None:
            counted = counted.where(ScoreSheet.dossier_id.in_(dossier_ids))
        counts = {d: n for d, n in s.execute(counted)}
    rows = []
    for (
        eid,
        revision,
        did,
        seq,
        status,
        mean,
        star,
        spread,
        valid,
        problems,
        rescores,
        proposed,
        decision_id,
        certificate_id,
        pid,
        pname,
        pcode,
        producer,
        commune_code,
        commune,
        product_set,
        reg,
        dstatus,
        decision_number,
        floors,
        central_number,
        central_date,
        central_stars,
        central_total,
    ) in s.execute(stmt):
        st = EntryStatus(status)
        rows.append(
            EntryRow(
                eid,
                revision,
                r.id,
                did,
                seq,
                pid,
                pname,
                pcode or "",
                producer,
                commune_code,
                commune or "",
                product_set,
                reg,
                dstatus,
                st.value,
                st.label,
                counts.get(did, 0),
                len(expected),
                mean,
                star,
                spread,
                valid,
                tuple(json.loads(problems)) if problems else (),
                rescores,
                proposed,
                proposed == 5,
                decision_id,
                decision_number or "",
                certificate_id,
                json.loads(floors) if floors else {},
                central_number or "",
                central_date,
                central_stars,
                central_total,
            )
        )
    if any(row.status == EntryStatus.WITHDRAWN for row in rows):
        rows = _with_withdrawals(s, rows)
    return rows


def _with_withdrawals(s: Session, rows: list[EntryRow]) -> list[EntryRow]:
    """The withdrawn rows completed from their history (one query, for those rows only)."""
    facts = withdrawals_of(s, [row.id for row in rows if row.status == EntryStatus.WITHDRAWN])
    return [
        replace(row, withdrawn_on=f[0], withdrawal_reason=f[1], withdrawal_noted=f[2])
        if (f := facts.get(row.id))
        else row
        for row in rows
    ]
