"""Dossiers, their status history, checklist items and score sheets."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, Tracked, fk, new_uuid, utcnow


class Dossier(Tracked, Base):
    """One registration of a product for evaluation, pinned to the rule set in force when created.

    The forms are JSON documents keyed by section (see domain.forms): {"mau01": {...}, ...}.
    """

    __tablename__ = "dossier"
    __table_args__ = (
        # Covering index of the reports' counts by status and type (migration 0019).
        Index("ix_dossier_status_type", "status", "registration_type", "product_id"),
        # Covering index of the list's filter per keystroke (migration 0023): the folded words are
        # matched, and the page picked, from the index alone; the table's 24 columns are not read.
        Index("ix_dossier_search", "search_key", "archived_on", "status", "deadline", "updated_at", "id"),
    )

    product_id: Mapped[str] = fk("product.id")
    registration_type: Mapped[str] = mapped_column(String(16), nullable=False)
    ruleset_id: Mapped[str] = mapped_column(String(40), nullable=False)
    ruleset_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    product_set: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    forms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    receipt_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    receipt_seq: Mapped[int | None] = mapped_column(Integer)
    received_on: Mapped[date | None] = mapped_column(Date)
    received_by_officer_id: Mapped[str | None] = mapped_column(String(36))
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    previous_dossier_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("dossier.id"))
    base_certificate_id: Mapped[str | None] = mapped_column(String(36))
    return_reasons: Mapped[str] = mapped_column(Text, default="", nullable=False)
    # A re-evaluation filed outside the window of QĐ 26/2026 Art. 7.6.a: the officer's reason (empty:
    # in the window, or not a re-evaluation). Filed late, its certificate has the grace of Art. 12.3.
    filing_override: Mapped[str] = mapped_column(Text, default="", server_default="", nullable=False)
    search_key: Mapped[str] = mapped_column(Text, default="", nullable=False)
    # Set aside by this office ("Lưu trữ", issue 15): hidden from the default lists. Local: never in a
    # package and outside the parts' hashes (services/sync/records.LOCAL_DOSSIER_FIELDS), so archiving
    # is no change to send; who and when are in the audit log.
    archived_on: Mapped[date | None] = mapped_column(Date)


class DossierEvent(Base):
    """An explicit action on a dossier: who, when, from which status to which."""

    __tablename__ = "dossier_event"
    __table_args__ = (Index("ix_dossier_event_action", "action", "dossier_id"),)  # the returns report

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    dossier_id: Mapped[str] = fk("dossier.id", ondelete="CASCADE")
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    from_status: Mapped[str] = mapped_column(String(20), nullable=False)
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    office_id: Mapped[str | None] = mapped_column(String(36))
    officer_id: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)


class ChecklistItem(Tracked, Base):
    __tablename__ = "checklist_item"
    __table_args__ = (UniqueConstraint("dossier_id", "key", name="dossier_key"),)

    dossier_id: Mapped[str] = fk("dossier.id", ondelete="CASCADE")
    key: Mapped[str] = mapped_column(String(40), nullable=False)
    requirement: Mapped[str] = mapped_column(String(16), nullable=False)
    status: Mapped[str] = mapped_column(String(12), default="missing", nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    expires_on: Mapped[date | None] = mapped_column(Date)


class ScoreSheet(Tracked, Base):
    """Answers on one official sheet: the producer's self-assessment or a council member's sheet.

    `answers` maps leaf criterion code -> option index (printed order); totals and star are
    cached from the scoring engine for lists; the engine result is always recomputable."""

    __tablename__ = "score_sheet"

    dossier_id: Mapped[str] = fk("dossier.id", ondelete="CASCADE")
    kind: Mapped[str] = mapped_column(String(12), nullable=False)  # self | member
    member_id: Mapped[str | None] = mapped_column(String(36))
    ruleset_id: Mapped[str] = mapped_column(String(40), nullable=False)
    ruleset_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    product_set: Mapped[int] = mapped_column(Integer, nullable=False)
    answers: Mapped[dict[str, int]] = mapped_column(JSON, default=dict, nullable=False)
    knockouts: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    notes: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, nullable=False)
    evidence: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict, nullable=False)
    opinion: Mapped[str] = mapped_column(Text, default="", nullable=False)
    total: Mapped[float | None] = mapped_column()
    star: Mapped[int | None] = mapped_column(Integer)
