"""Administrative units (QĐ 19/2025 codes): 34 provinces, 3,321 communes, plus legacy units."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base


class AdminUnit(Base):
    """One province or commune. `level` is province / commune, or district for units that
    existed before 1/7/2025 and are kept so that old records stay meaningful."""

    __tablename__ = "admin_unit"
    __table_args__ = (Index("ix_admin_unit_parent_level", "parent_code", "level"),)

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    division_type: Mapped[str] = mapped_column(String(40), nullable=False)
    level: Mapped[str] = mapped_column(String(12), nullable=False)
    parent_code: Mapped[str | None] = mapped_column(String(8), ForeignKey("admin_unit.code"))
    search_key: Mapped[str] = mapped_column(String(240), nullable=False, index=True)
    valid_until: Mapped[date | None] = mapped_column(Date)
