"""What the figures panel asks of the services, as jobs `(progress, ctx, …) -> result` run by `run_task`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.services.reports.model import Report
from ocop_desktop.services.reports.service import ReportService, build

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext


def compute(_progress: Progress | None, ctx: AppContext, name: str, on: date) -> Report:
    return build(ReportService(ctx), name, on)


def export(progress: Progress | None, ctx: AppContext, report: Report, kind: str, path: Path) -> Path:
    """The report written to `path` as "xlsx", "pdf" (headed with this office's name) or "csv". PDF and XLSX
    report their steps; a cancel stops them before anything is written (the file goes to disk in one
    rename at the end)."""
    from ocop_desktop.services.reports.catalogue import write_csv
    from ocop_desktop.services.reports.export import write_pdf, write_xlsx  # ReportLab: ~0.5 s to import

    if kind == "csv":
        return write_csv(report, path)
    write = write_xlsx if kind == "xlsx" else write_pdf
    return write(report, ctx.office().name, path, progress=progress)
