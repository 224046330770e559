"""What the shell's widgets ask of the services, as plain jobs `(progress, ctx, …) -> row` run in the
background with `run_task`; the widgets never build a service themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_desktop.services.core.setup import SetupResult, initialise

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext


def set_up(_progress: Progress, ctx: AppContext, role: str, unit_code: str, officer_name: str) -> SetupResult:
    """First run: this installation's office, its first officer and its signing key (one write, and
    the key generated and stored under `keys/`)."""
    return initialise(ctx, role, unit_code, officer_name)
