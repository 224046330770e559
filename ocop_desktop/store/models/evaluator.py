"""Evaluator packages (docs/sync-package.md §13).

At the province: which evaluator laptop (office and signing key, confirmed by fingerprint) speaks
for which council member (`EvaluatorLink`). At an evaluator installation: the assignments received
from the province, read-only (`ReceivedAssignment`: the plain data of
`province_evaluator.Assignment`, evidence bytes in the blob store), and the member's own sheets
(`EvaluatorSheet`). The received dossiers are not `Dossier` rows: the evaluator holds a read-only
view, not the commune's part, and nothing on that machine may edit or list them as its own."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, Tracked, fk, new_uuid, utcnow


class EvaluatorLink(Base):
    """Province side: the evaluator office whose signed scores are accepted for a council member."""

    __tablename__ = "evaluator_link"

    member_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("council_member.id", ondelete="CASCADE"), primary_key=True
    )
    office_id: Mapped[str] = fk("office.id")
    signing_key: Mapped[str] = mapped_column(
        String(64), nullable=False
    )  # fingerprint confirmed at enrollment
    linked_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    linked_by_officer_id: Mapped[str | None] = mapped_column(String(36))


class ReceivedAssignment(Base):
    """Evaluator side: the latest assignment of one round for this member (read-only)."""

    __tablename__ = "received_assignment"
    __table_args__ = (UniqueConstraint("round_id", "member_id", name="round_member"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    round_id: Mapped[str] = mapped_column(String(36), nullable=False)
    member_id: Mapped[str] = mapped_column(String(36), nullable=False)
    province_office_id: Mapped[str] = fk("office.id")
    package_id: Mapped[str] = mapped_column(String(36), nullable=False)
    package_sequence: Mapped[int] = mapped_column(BigInteger, nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)  # Assignment.to_json()
    received_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)


class EvaluatorSheet(Tracked, Base):
    """Evaluator side: the member's sheet for one assigned dossier (draft until every leaf is answered)."""

    __tablename__ = "evaluator_sheet"
    __table_args__ = (UniqueConstraint("assignment_id", "dossier_id", name="assignment_dossier"),)

    assignment_id: Mapped[str] = fk("received_assignment.id", ondelete="CASCADE")
    dossier_id: Mapped[str] = mapped_column(String(36), nullable=False)
    ruleset_id: Mapped[str] = mapped_column(String(40), nullable=False)
    ruleset_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    product_set: Mapped[int] = mapped_column(Integer, nullable=False)
    answers: Mapped[dict[str, int]] = mapped_column(JSON, default=dict, nullable=False)
    knockouts: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    stops: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    notes: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, nullable=False)
    evidence: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict, nullable=False)
    opinion: Mapped[str] = mapped_column(Text, default="", nullable=False)
    total: Mapped[float | None] = mapped_column()
    star: Mapped[int | None] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(default=False, nullable=False)
    exported_revision: Mapped[int | None] = mapped_column(Integer)  # revision in the last scores package
