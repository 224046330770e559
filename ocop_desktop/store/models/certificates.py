"""Recognition of a product: stars, decision, level, validity, under which rule set."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, Tracked, fk


class Certificate(Tracked, Base):
    """`issuing_level` is district (QĐ 148, before 1/7/2025), province or ministry."""

    __tablename__ = "certificate"
    # Each product's current certificate (the newest not revoked) read from the index alone: the
    # products list filters and sorts 20,000 products by star and validity in ~40 ms instead of ~90.
    # It also covers the reports' certificate history, validity and upgrade queries.
    __table_args__ = (
        Index(
            "ix_certificate_current",
            *("product_id", "decision_date", "id", "revoked_on", "stars", "valid_until"),
        ),
        # The products decided in a period (the targets report: this year's decisions), found by range
        # rather than by reading every certificate (migration 0023).
        Index("ix_certificate_decided", "decision_date", "product_id"),
    )

    product_id: Mapped[str] = fk("product.id")
    dossier_id: Mapped[str | None] = mapped_column(String(36))
    stars: Mapped[int] = mapped_column(Integer, nullable=False)
    total: Mapped[float | None] = mapped_column()
    decision_number: Mapped[str] = mapped_column(String(60), nullable=False)
    decision_date: Mapped[date] = mapped_column(Date, nullable=False)
    issuing_level: Mapped[str] = mapped_column(String(12), nullable=False)
    issuer: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    valid_until: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    ruleset_id: Mapped[str] = mapped_column(String(40), nullable=False)
    revoked_on: Mapped[date | None] = mapped_column(Date)
    revoke_reason: Mapped[str] = mapped_column(Text, default="", nullable=False)
