"""What the year-plan dialog asks of the services, as jobs `(progress, ctx, …) -> result` run by
`run_task`: the year's plan with what the dialog offers to choose from, a line saved, a line removed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ocop_desktop.services.reports.plans import PlanLine, PlanService, ProvinceTargets
from ocop_desktop.services.reports.service import ReportService

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class PlanSheet:
    year: int
    lines: list[PlanLine]
    province: ProvinceTargets | None  # at a commune: the province's targets for it (read-only)
    communes: dict[str, str]  # code -> name: the office's area
    groups: dict[str, str]  # code -> name: the product groups of the rule sets
    finishes: dict[int, date]  # round number -> the province's own round's finish (a proposed end)


def load(_progress: Progress | None, ctx: AppContext, year: int) -> PlanSheet:
    plans = PlanService(ctx)
    given = plans.province_targets(year) if ctx.office().role == "commune" else None
    groups = ReportService(ctx).product_groups(date(year, 12, 31))
    return PlanSheet(year, plans.lines(year), given, plans.communes(), groups, plans.round_finishes(year))


def save(_progress: Progress | None, ctx: AppContext, line: PlanLine, groups: dict[str, str]) -> PlanLine:
    return PlanService(ctx).set(line, groups=groups)


def remove(_progress: Progress | None, ctx: AppContext, line: PlanLine) -> PlanLine:
    PlanService(ctx).remove(line)
    return line
