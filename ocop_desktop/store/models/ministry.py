"""A product the province proposed to the ministry for 5★ (QĐ 26/2026 Art. 7.3.e) and the ministry's
result (Art. 7.4), one row per dossier.

Written at the province when the round's proposal is made (the council's points, its star, the floors
met or not, and the reading of "5★ candidate" the round used), completed when the officer records the
ministry's decision. The province owns it: it travels in the results package to the commune (the
province part of the dossier, docs/sync-package.md §4), which keeps a read-only copy."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, Tracked, fk


class FiveStarReview(Tracked, Base):
    __tablename__ = "five_star_review"
    __table_args__ = (UniqueConstraint("dossier_id", name="one_per_dossier"),)

    dossier_id: Mapped[str] = fk("dossier.id")
    product_id: Mapped[str] = mapped_column(String(36), nullable=False)
    round_label: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    # "points" (QĐ 26/2026 Art. 7.3.e: ≥ 90 points) or "points_and_floors" (the stricter reading),
    # as pinned on the council result the proposal rests on.
    rule: Mapped[str] = mapped_column(String(20), nullable=False)
    ruleset_id: Mapped[str] = mapped_column(String(40), nullable=False)
    ruleset_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    council_total: Mapped[float] = mapped_column(nullable=False)
    council_star: Mapped[int] = mapped_column(Integer, nullable=False)  # the star the council's floors allow
    floors: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)  # stars.floors_json
    proposed_on: Mapped[date] = mapped_column(Date, nullable=False)
    # The ministry's decision (empty until recorded). stars 0 = not recognised by the central council.
    central_number: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    central_date: Mapped[date | None] = mapped_column(Date)
    central_stars: Mapped[int | None] = mapped_column(Integer)
    central_total: Mapped[float | None] = mapped_column()
    central_issuer: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    central_note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    certificate_id: Mapped[str | None] = mapped_column(String(36))  # the ministry's 5★ certificate
