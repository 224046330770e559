"""What the window shows about this installation: office, role, unit, acting officer and signing
key (`OfficeService.summary`); nothing before the first-run set-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_desktop.services.core.office import OfficeService, OfficeSummaryData
from ocop_desktop.services.core.setup import Role

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


def office_summary(ctx: AppContext) -> OfficeSummaryData | None:
    return OfficeService(ctx).summary() if ctx.office_or_none() is not None else None


def role_label(summary: OfficeSummaryData) -> str:
    return Role(summary.role).label
