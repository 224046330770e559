"""Yearly plans: the targets an office sets for a year — new products of 3★ or more, upgrades,
re-evaluations — for its whole area, or for one commune and/or one product group, and for the whole year
or for one round of it. Local to the office (a commune may keep its own plan). The province sends each
commune its part in its reference pack; the commune keeps those lines apart, read-only, in
`province_target` (docs/sync-package.md §4).

A round is a period of the plan's year, not a link to the province's `evaluation_round`: a commune has
no rounds, and a plan ("two rounds, by 30/7 and by 30/10") is written before the rounds are opened. So a
line names the round by its number in the year (`round_number`, 0 = the whole year) and the last day of
its period (`period_end`, None for the whole year); the period starts the day after the previous
round's end (1 January for the first). Both travel in the reference pack. One year has one end per
round number (`PlanService.set` keeps it so)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, new_uuid, utcnow


class YearPlan(Base):
    """One line of a plan. `commune_code` / `product_group` empty: every commune / every group;
    `round_number` 0: the whole year."""

    __tablename__ = "year_plan"
    __table_args__ = (
        UniqueConstraint("year", "commune_code", "product_group", "round_number", name="year_scope"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    year: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    commune_code: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    product_group: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    round_number: Mapped[int] = mapped_column(Integer, default=0, server_default="0", nullable=False)
    period_end: Mapped[date | None] = mapped_column(Date)  # the round's last day; None: the whole year
    new_products: Mapped[int] = mapped_column(Integer, default=0, nullable=False)  # new, 3★ or more
    upgrades: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    reevaluations: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, nullable=False)


class ProvinceTarget(Base):
    """At a commune: one line of the province's plan for this commune, as the province's last reference
    pack carried it. Replaced as a whole by the next pack that carries plans; never edited here."""

    __tablename__ = "province_target"
    __table_args__ = (
        UniqueConstraint(
            "year", "commune_code", "product_group", "round_number", name="province_target_scope"
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    year: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    commune_code: Mapped[str] = mapped_column(String(10), nullable=False)
    product_group: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    round_number: Mapped[int] = mapped_column(Integer, default=0, server_default="0", nullable=False)
    period_end: Mapped[date | None] = mapped_column(Date)  # the round's last day; None: the whole year
    new_products: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    upgrades: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    reevaluations: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    sender_office_id: Mapped[str] = mapped_column(String(36), nullable=False)  # the province's office
    package_id: Mapped[str] = mapped_column(String(36), nullable=False)  # the reference pack it came in
    received_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
