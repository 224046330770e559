"""What the register import dialog asks of the services, as jobs `(progress, ctx, …) -> result`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.services.register.service import ImportPreview, RegisterImportService
from ocop_desktop.services.register.template import write_template

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext


def preview(progress: Progress | None, ctx: AppContext, path: Path) -> ImportPreview:
    return RegisterImportService(ctx).preview(path, progress)


def apply(progress: Progress | None, ctx: AppContext, path: Path, sha256: str) -> ImportPreview:
    return RegisterImportService(ctx).apply(path, progress, expected_sha256=sha256)


def template(_progress: Progress | None, path: Path) -> Path:
    return write_template(path)
