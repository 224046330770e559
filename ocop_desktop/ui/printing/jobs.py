"""Background print jobs, in the shape `run_task` calls (`fn(progress, *args)`): a blank form, one
form of a dossier, all blank scoring sheets in one PDF, the dossiers to choose from and several
dossiers × forms merged into one PDF.

Each job assembles its output in memory or in a private temporary folder and writes the
target file atomically at the very end, after a last look at `progress.cancelled`: a
cancelled job leaves no file, not even a partial one.
"""

from __future__ import annotations

import importlib
import io
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ocop_desktop.domain.errors import Cancelled, UserError
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.progress import Progress
from ocop_desktop.ui.printing import catalog, output

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.dossiers.listing import DossierChoice
    from ocop_desktop.ui.kit.pick_table import Prepared

translate = QCoreApplication.translate  # thread-safe


@dataclass(frozen=True)
class DossierJob:
    """One dossier to print, with what to call it in progress texts and bookmarks."""

    id: str
    label: str


@dataclass(frozen=True)
class BatchResult:
    path: Path
    documents: int  # forms printed
    pages: int
    skipped: tuple[str, ...] = ()  # "<dossier> – <form>: <why>" for each form that could not print


def preview_modules() -> None:
    """The print preview's and the printer's modules (pypdfium2, QtPrintSupport), imported on a worker
    by the pages that print: importing them while a page opens held the window ~0.1 s. Importing
    creates no widget."""
    importlib.import_module("ocop_desktop.ui.printing.entry")
    importlib.import_module("ocop_desktop.ui.printing.printer")


def blank_form_job(progress: Progress, form: str, set_number: int, out: Path) -> Path:
    """`form` printed blank to `out`."""
    from ocop_desktop.printing import api

    progress.set(0.1, translate("PrintJobs", "Đang dàn trang…"))
    pdf = api.render_bytes(form, catalog.blank_data(form, set_number))
    _check(progress)
    atomic_write_bytes(out, pdf)
    progress.set(1.0, translate("PrintJobs", "Đã in xong."))
    return out


def dossier_form_job(_progress: Progress, ctx: AppContext, dossier_id: str, form: str) -> tuple[Path, str]:
    """`form` filled from the dossier's saved record, to a preview file; and the product's name."""
    from ocop_desktop.services.dossiers.print_data import print_dossier_form
    from ocop_desktop.services.dossiers.service import DossierService

    product = DossierService(ctx).get(dossier_id).row.product_name
    out = output.preview_path(output.suggested_name(form, product))
    return print_dossier_form(ctx, dossier_id, form, out), product


def all_blank_sheets_job(progress: Progress, out: Path, ruleset_id: str | None = None) -> BatchResult:
    """Every scoring sheet of the rule set in force, blank, in one PDF (each sheet numbered and
    QR-coded on its own)."""
    from ocop_desktop.printing.batch import render_all_blank_sheets

    ruleset = catalog.current_ruleset(ruleset_id)
    render_all_blank_sheets(ruleset, out, progress)
    return BatchResult(out, len(ruleset.sheets), _page_count(out))


def dossiers_job(
    progress: Progress, ctx: AppContext, dossiers: Sequence[DossierJob], forms: Sequence[str], out: Path
) -> BatchResult:
    """Each dossier × each form, filled from the record (`print_dossier_form`), merged into one
    PDF with a bookmark per form. A form a dossier cannot print yet (a receipt before the dossier
    was received) is skipped and reported; when nothing prints at all, the reason is raised."""
    from pypdf import PdfWriter

    from ocop_desktop.services.dossiers.print_data import print_dossier_form

    if not dossiers or not forms:
        raise UserError(translate("PrintJobs", "Chưa chọn hồ sơ hoặc biểu mẫu nào để in."))
    todo = [(d, f) for d in dossiers for f in forms]
    writer = PdfWriter()
    skipped: list[str] = []
    printed = 0
    with tempfile.TemporaryDirectory(prefix="ocop-in-ho-so-") as folder:
        for i, (dossier, form) in enumerate(todo):
            _check(progress)
            progress.set(
                i / (len(todo) + 1),
                translate("PrintJobs", "Hồ sơ %1: %2 (%3/%4)…")
                .replace("%1", dossier.label)
                .replace("%2", catalog.short_title(form))
                .replace("%3", str(i + 1))
                .replace("%4", str(len(todo))),
            )
            try:
                path = print_dossier_form(ctx, dossier.id, form, Path(folder) / f"{i:04d}-{form}.pdf")
            except UserError as exc:
                skipped.append(f"{dossier.label} – {catalog.short_title(form)}: {exc.message}")
                continue
            writer.append(str(path), outline_item=f"{dossier.label} – {catalog.short_title(form)}")
            printed += 1
        if not printed:
            raise UserError(
                translate("PrintJobs", "Không in được biểu mẫu nào.") + "\n" + "\n".join(skipped[:5])
            )
        _check(progress)
        progress.set(len(todo) / (len(todo) + 1), translate("PrintJobs", "Đang ghép và ghi tệp…"))
        buffer = io.BytesIO()
        writer.write(buffer)
        pages = len(writer.pages)
        writer.close()
    _check(progress)
    atomic_write_bytes(out, buffer.getvalue())
    progress.set(1.0, translate("PrintJobs", "Đã in xong."))
    return BatchResult(out, printed, pages, tuple(skipped))


def _check(progress: Progress) -> None:
    if progress.cancelled:
        raise Cancelled()


def _page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def dossier_rows(
    _progress: Progress, ctx: AppContext, prepare: Callable[[Sequence[DossierChoice]], Prepared]
) -> Prepared:
    """Every dossier of this office for the batch printing list, with its search keys (60,000 at a
    province: read and folded off the GUI thread)."""
    from ocop_desktop.services.dossiers.service import DossierService

    return prepare(DossierService(ctx).choices())
