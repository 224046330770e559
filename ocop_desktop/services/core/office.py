"""What the window shows about this installation: office, unit, acting officer, signing key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from ocop_desktop.ocoppkg.keys import readable_fingerprint
from ocop_desktop.services.core.units import UnitService
from ocop_desktop.store.models import KeyRecord, Officer

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class OfficeSummaryData:
    office_name: str
    role: str
    unit_code: str
    unit_label: str
    officer_name: str
    readable_fingerprint: str
    officer_is_admin: bool = False


class OfficeService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def summary(self) -> OfficeSummaryData:
        office = self._ctx.office()
        unit = UnitService(self._ctx).get(office.unit_code)
        with self._ctx.read() as s:
            officer = s.get(Officer, self._ctx.officer_id) if self._ctx.officer_id else None
            key = s.scalars(
                select(KeyRecord).where(KeyRecord.office_id == office.id, KeyRecord.purpose == "signing")
            ).first()
            return OfficeSummaryData(
                office.name,
                office.role,
                unit.code,
                unit.label,
                officer.name if officer else "",
                readable_fingerprint(key.public_key) if key else "",
                bool(officer and officer.is_admin and officer.active),
            )
