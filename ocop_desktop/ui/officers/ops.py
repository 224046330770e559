"""What the officers' and audit widgets ask of the services, as jobs `(progress, ctx, …) -> row` run
with `run_task`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.services.core.audit import AuditFilter, AuditRow, AuditService, VerifyReport
from ocop_desktop.services.core.audit_export import write_audit_xlsx
from ocop_desktop.services.core.officers import OfficerRow, OfficerService

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext


def officers(_progress: Progress, ctx: AppContext) -> list[OfficerRow]:
    return OfficerService(ctx).list()


def act_as(_progress: Progress, ctx: AppContext, officer_id: str, pin: str | None) -> OfficerRow:
    return OfficerService(ctx).act_as(officer_id, pin or None)


def add(_progress: Progress, ctx: AppContext, name: str, title: str, pin: str) -> OfficerRow:
    return OfficerService(ctx).add(name, title, pin=pin or None)


def rename(_progress: Progress, ctx: AppContext, officer_id: str, name: str) -> OfficerRow:
    return OfficerService(ctx).rename(officer_id, name)


def set_active(_progress: Progress, ctx: AppContext, officer_id: str, active: bool) -> OfficerRow:
    return OfficerService(ctx).set_active(officer_id, active)


def set_admin(_progress: Progress, ctx: AppContext, officer_id: str, is_admin: bool) -> OfficerRow:
    return OfficerService(ctx).set_admin(officer_id, is_admin)


def set_pin(_progress: Progress, ctx: AppContext, officer_id: str, pin: str) -> OfficerRow:
    return OfficerService(ctx).set_pin(officer_id, pin or None)


def entries(_progress: Progress, ctx: AppContext, wanted: AuditFilter) -> list[AuditRow]:
    return AuditService(ctx).entries(wanted)


def dossier_history(_progress: Progress, ctx: AppContext, dossier_id: str) -> list[AuditRow]:
    return AuditService(ctx).dossier_history(dossier_id)


def verify(progress: Progress, ctx: AppContext) -> VerifyReport:
    """The start-up check, paced so that the GUI thread keeps the interpreter: a sleep of 0.5 ms after each
    250 rows (1.5 million rows at province scale: ~4 s more than unpaced, as the 2 ms per 1,000 before)."""
    return AuditService(ctx).verify(progress, pause=0.0005)


def export(_progress: Progress, ctx: AppContext, rows: Sequence[AuditRow], path: Path) -> Path:
    return write_audit_xlsx(rows, ctx.office().name, path)
