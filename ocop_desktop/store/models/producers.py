"""Producers (chủ thể) and their products."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, Tracked, fk, utcnow


class Producer(Tracked, Base):
    __tablename__ = "producer"

    name: Mapped[str] = mapped_column(String(250), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    commune_code: Mapped[str] = mapped_column(
        String(8), ForeignKey("admin_unit.code"), nullable=False, index=True
    )
    address: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    tax_code: Mapped[str] = mapped_column(String(16), default="", nullable=False, index=True)
    phone: Mapped[str] = mapped_column(String(16), default="", nullable=False)
    email: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    representative: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    representative_title: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    # Diacritics-free lower-case key over name, representative, tax code, address (see domain.text.fold).
    search_key: Mapped[str] = mapped_column(Text, default="", nullable=False, index=True)


class Product(Tracked, Base):
    __tablename__ = "product"
    __table_args__ = (
        UniqueConstraint("code", name="code"),
        # The list's filter per keystroke matches the folded words and picks a page's ids from this
        # index alone (migration 0023; it replaced `ix_product_search_key`).
        Index("ix_product_search", "search_key", "id"),
    )

    producer_id: Mapped[str] = fk("producer.id")
    name: Mapped[str] = mapped_column(String(250), nullable=False)
    ruleset_id: Mapped[str] = mapped_column(String(40), nullable=False)
    product_set: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    code: Mapped[str | None] = mapped_column(String(24))
    commune_code: Mapped[str] = mapped_column(
        String(8), ForeignKey("admin_unit.code"), nullable=False, index=True
    )
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    brand: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    packaging: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    # Indexed with the id (above): lists are ordered by it, so the first page of a list stops early.
    search_key: Mapped[str] = mapped_column(Text, default="", nullable=False)


class ProducerProfile(Base):
    """What Mẫu 02 Part I says about the producer itself (domain.producer_facts.PRODUCER_FACTS: sex and
    ethnicity of the representative, date of establishment, registration number, history, …), kept once
    per producer so that every new dossier starts from it. Local to the office that keeps the register:
    the province receives the same facts inside each dossier's forms."""

    __tablename__ = "producer_profile"

    producer_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("producer.id", ondelete="CASCADE"), primary_key=True
    )
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    updated_by_officer_id: Mapped[str | None] = mapped_column(String(36))
