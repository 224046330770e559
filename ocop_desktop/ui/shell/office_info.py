"""What the window shows about this installation: office, role, unit, officer, key.

Built from services only. The officer's name and the key fingerprint need a service that does
not exist yet (`services.office.OfficeService.summary()`, see the UI report); until it does
they are left empty and the UI says "chưa có".
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ocop_desktop.services.core.setup import Role
from ocop_desktop.services.core.units import UnitService

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class OfficeSummary:
    office_name: str
    role: str
    role_label: str
    unit_code: str
    unit_label: str
    officer_name: str = ""
    readable_fingerprint: str = ""


def office_summary(ctx: AppContext) -> OfficeSummary | None:
    office = ctx.office_or_none()
    if office is None:
        return None
    service = _office_service(ctx)
    if service is not None:  # the richer service, once it exists
        s = service.summary()
        return OfficeSummary(
            s.office_name,
            s.role,
            Role(s.role).label,
            s.unit_code,
            s.unit_label,
            s.officer_name,
            s.readable_fingerprint,
        )
    unit = UnitService(ctx).get(office.unit_code)
    return OfficeSummary(office.name, office.role, Role(office.role).label, unit.code, unit.label)


def _office_service(ctx: AppContext):  # type: ignore[no-untyped-def]
    try:
        module = importlib.import_module("ocop_desktop.services.core.office")
    except ModuleNotFoundError:
        return None
    cls = getattr(module, "OfficeService", None)
    return cls(ctx) if cls is not None and hasattr(cls, "summary") else None
