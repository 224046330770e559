"""What the shell's widgets ask of the services, as plain jobs `(progress, ctx, …) -> row` run in the
background with `run_task`; the widgets never build a service themselves: setting the office up
(first run), what the window and the settings say about this installation, the product sets the
Reports page prints blank sheets for, the first steps the help menu ticks off."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from ocop_desktop.services.core.office import OfficeService, OfficeSummaryData
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.core.setup import SetupResult, initialise

if TYPE_CHECKING:
    from ocop_desktop.domain.rules.model import RuleSet
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.sync.first_steps import FirstSteps


def set_up(_progress: Progress, ctx: AppContext, role: str, unit_code: str, officer_name: str) -> SetupResult:
    """First run: this installation's office, its first officer and its signing key (one write, and
    the key generated and stored under `keys/`)."""
    return initialise(ctx, role, unit_code, officer_name)


def office_summary(_progress: Progress, ctx: AppContext) -> OfficeSummaryData | None:
    """Office, role, unit, acting officer and signing key; None before the first-run set-up."""
    return OfficeService(ctx).summary() if ctx.office_or_none() is not None else None


def read_rule_sets(_progress: Progress) -> int:
    """The rule sets parsed and checked once, into the process's cache: the first page to need them
    (the products list names each product's set) then finds them ready instead of spending ~0.1 s
    of the GUI thread on it. Returns how many there are."""
    return len(RuleService().list_rulesets())


def import_pages(progress: Progress, ctx: AppContext, modules_for: Callable[[str], list[str]]) -> None:
    """Import the modules of every page of this office's role (`pages.page_modules`; a job: `importlib`
    holds the GIL only a few ms at a time, the window keeps painting). Creates no widget."""
    from ocop_desktop.ui.kit.perf import freeze_heap

    office = ctx.office_or_none()
    for name in modules_for(office.role if office else ""):
        if progress.cancelled:
            return
        importlib.import_module(name)
        # A module lives as long as the program: set aside at once, not when all are in, else a full
        # collection on this worker (or on the home page's) walked them with the GIL held, 200–300 ms
        # without a repaint at province scale (issue 15).
        freeze_heap(f"imported {name}")


def product_sets(_progress: Progress, _ctx: AppContext) -> list[tuple[int, str]]:
    """(number, name) of each product set of the rule set in force today."""
    return [(sheet.number, sheet.name) for sheet in RuleService().in_force(date.today()).sheets]


def rule_notices(_progress: Progress, _ctx: AppContext) -> RuleSet:
    """The rule set in force today, for the list of its corrections and suspect values."""
    return RuleService().in_force(date.today())


def first_steps(_progress: Progress, ctx: AppContext) -> FirstSteps:
    """This office's first steps, each ticked from the data (read only when asked: not at start-up)."""
    from ocop_desktop.services.sync.first_steps import first_steps as read_first_steps

    return read_first_steps(ctx)
