"""The evaluator laptop's package jobs, `(progress, ctx, …) -> row`, run in the background by the
package steps (`package_steps.py`) with `run_task`; the widgets never build a service themselves."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.services.sync.types import ImportPreview, ImportResult

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext


def export_enrollment(_progress: Progress, ctx: AppContext, target: Path) -> tuple[ExportResult, str]:
    """The enrollment package written to `target`, and this laptop's fingerprint to read out."""
    result = EvaluatorPackages(ctx).export_enrollment(target)
    return result, PackageService(ctx).own_keys().signing.readable


def preview_assignment(progress: Progress, ctx: AppContext, path: Path) -> ImportPreview:
    """The dry run of an assignment package: nothing is written."""
    return EvaluatorPackages(ctx).preview_assignment(path, progress=progress)


def import_assignment(
    progress: Progress,
    ctx: AppContext,
    path: Path,
    confirm_fingerprint: str | None,
    confirm_key_change: str | None = None,
) -> ImportResult:
    return EvaluatorPackages(ctx).import_assignment(
        path,
        confirm_fingerprint=confirm_fingerprint,
        progress=progress,
        confirm_key_change=confirm_key_change,
    )


def export_scores(_progress: Progress, ctx: AppContext, target: Path, round_id: str) -> ExportResult:
    """The complete sheets of the round's assignment, signed, to `target`."""
    return EvaluatorPackages(ctx).export_scores(target, round_id=round_id)
