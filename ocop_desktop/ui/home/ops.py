"""What the home page asks of the services, as jobs `(progress, ctx, …) -> result` run by `run_task`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ocop_desktop.services.reports.attention import AttentionService, HomeSummary

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext


def summary(_progress: Progress | None, ctx: AppContext, on: date) -> HomeSummary:
    return AttentionService(ctx).summary(on)
