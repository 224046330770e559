"""Province evaluation: rounds with their council, the dossiers assigned to a round, advisory team
notes, and recognition decisions. Member score sheets are `ScoreSheet` rows (kind "member",
`member_id` = a `CouncilMember.id`); a sheet still being typed in is a `MemberSheetDraft` (local to
this installation, never in a package, never read by aggregation)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, Tracked, fk


class EvaluationRound(Tracked, Base):
    """An evaluation round (đợt) of a year, with the council that scores it and its rules
    (spread, quorum, floor rule) as set by the province's council regulation."""

    __tablename__ = "evaluation_round"
    __table_args__ = (UniqueConstraint("year", "number", name="year_number"),)

    year: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    extra: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    cutoff: Mapped[date] = mapped_column(Date, nullable=False)
    finish: Mapped[date] = mapped_column(Date, nullable=False)
    council_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    council_decision: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    council_mode: Mapped[str] = mapped_column(String(12), default="meeting", nullable=False)
    # The council rules: no defaults here, a round starts from the procedure of the rule set in force
    # (`RoundService.create`, `CouncilRules.defaults`), which is data, not code.
    max_spread: Mapped[int] = mapped_column(Integer, nullable=False)
    quorum: Mapped[str] = mapped_column(String(12), nullable=False)
    chair_required: Mapped[bool] = mapped_column(Boolean, nullable=False)
    floor_rule: Mapped[str] = mapped_column(String(12), default="majority", nullable=False)
    # Which council results go to the ministry (domain.province.FiveStarRule): "points", as QĐ 26/2026
    # Art. 7.3.e reads, or "points_and_floors", the stricter reading some provinces apply.
    five_star_rule: Mapped[str] = mapped_column(String(20), default="points", nullable=False)


class CouncilMember(Tracked, Base):
    """A person on the round's council: chair, member or secretary (who does not score)."""

    __tablename__ = "council_member"
    __table_args__ = (UniqueConstraint("round_id", "seq", name="round_seq"),)

    round_id: Mapped[str] = fk("evaluation_round.id", ondelete="CASCADE")
    seq: Mapped[int] = mapped_column(Integer, nullable=False)  # printed as TV1, TV2, …
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    role: Mapped[str] = mapped_column(String(12), nullable=False)
    organisation: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    title: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    present: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class RecognitionDecision(Tracked, Base):
    """The provincial chairman's decision recognising 3★/4★ products of a round."""

    __tablename__ = "recognition_decision"
    __table_args__ = (UniqueConstraint("number", "year", name="number_year"),)

    round_id: Mapped[str] = fk("evaluation_round.id")
    number: Mapped[str] = mapped_column(String(60), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    decided_on: Mapped[date] = mapped_column(Date, nullable=False)
    signer: Mapped[str] = mapped_column(String(120), nullable=False)
    signer_title: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    issuer: Mapped[str] = mapped_column(String(200), default="", nullable=False)


class RoundEntry(Tracked, Base):
    """A dossier in a round: its status there, the last council result and the history of earlier
    aggregations (so a re-score keeps the totals it replaced)."""

    __tablename__ = "round_entry"
    __table_args__ = (UniqueConstraint("round_id", "dossier_id", name="round_dossier"),)

    round_id: Mapped[str] = fk("evaluation_round.id", ondelete="CASCADE")
    dossier_id: Mapped[str] = fk("dossier.id")
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, index=True)
    council_knockouts: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    mean_total: Mapped[float | None] = mapped_column()
    star: Mapped[int | None] = mapped_column(Integer)
    spread: Mapped[int | None] = mapped_column(Integer)
    valid: Mapped[bool | None] = mapped_column(Boolean)
    result: Mapped[dict[str, Any] | None] = mapped_column(
        JSON
    )  # CouncilResult.to_json() of the last aggregation
    history: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)
    rescore_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    proposed_star: Mapped[int | None] = mapped_column(Integer)
    decision_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("recognition_decision.id"))
    certificate_id: Mapped[str | None] = mapped_column(String(36))


class AdvisoryNote(Tracked, Base):
    """Advisory team work on a dossier in a round: review, site visit report, extra test results,
    optionally with one file (stored as a blob; the commune's dossier itself is not changed)."""

    __tablename__ = "advisory_note"

    entry_id: Mapped[str] = fk("round_entry.id", ondelete="CASCADE")
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    text: Mapped[str] = mapped_column(Text, default="", nullable=False)
    noted_on: Mapped[date | None] = mapped_column(Date)
    blob_sha256: Mapped[str | None] = mapped_column(String(64), ForeignKey("blob.sha256"))
    filename: Mapped[str] = mapped_column(String(255), default="", nullable=False)


class MemberSheetDraft(Tracked, Base):
    """A member's paper sheet the secretary has started typing but not finished (not every criterion
    answered): kept so that closing the window loses nothing. Local to this installation — no sync
    package carries it — and not a `ScoreSheet`, so aggregation, progress, matrices and printing never
    see it. `base_sheet_id`/`base_revision` are the stored sheet it started from (None: there was
    none); when that sheet has moved on, the draft is stale and is dropped instead of overwriting."""

    __tablename__ = "member_sheet_draft"
    __table_args__ = (UniqueConstraint("entry_id", "member_id", name="entry_member"),)

    entry_id: Mapped[str] = fk("round_entry.id", ondelete="CASCADE")
    member_id: Mapped[str] = fk("council_member.id", ondelete="CASCADE")
    ruleset_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    product_set: Mapped[int] = mapped_column(Integer, nullable=False)
    answers: Mapped[dict[str, int]] = mapped_column(JSON, default=dict, nullable=False)
    knockouts: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    stops: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    notes: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, nullable=False)
    opinion: Mapped[str] = mapped_column(Text, default="", nullable=False)
    missing: Mapped[list[str]] = mapped_column(
        JSON, default=list, nullable=False
    )  # criteria not answered yet
    base_sheet_id: Mapped[str | None] = mapped_column(String(36))  # no FK: the sheet may be removed meanwhile
    base_revision: Mapped[int | None] = mapped_column(Integer)
