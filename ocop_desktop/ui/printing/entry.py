"""Entry points other parts of the UI call: open a PDF in the print preview, and generate then
preview a dossier's form or a blank form (generation runs in the background)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.printing import catalog, jobs, output
from ocop_desktop.ui.printing.preview import PrintPreviewDialog

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

translate = QCoreApplication.translate
Opened = Callable[[PrintPreviewDialog], None]


def open_print_preview(
    parent: QWidget | None, pdf_path: Path, title: str, *, suggested_name: str = ""
) -> PrintPreviewDialog:
    """Show `pdf_path` in a print preview window (not modal, deleted when closed) with "In…",
    "Lưu PDF…" (default file name `suggested_name`) and "Mở bằng trình xem PDF"."""
    owner = parent.window() if parent is not None else None
    dialog = PrintPreviewDialog(Path(pdf_path), title, owner, suggested_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen = (owner.screen() if owner is not None else dialog.screen()).availableGeometry()
    dialog.resize(min(980, screen.width() - 40), min(1100, screen.height() - 60))
    dialog.show()
    dialog.activateWindow()
    return dialog


def preview_dossier_form(
    parent: QWidget | None, ctx: AppContext, dossier_id: str, form: str, *, on_open: Opened | None = None
) -> Task:
    """Fill `form` ("mau01", "mau02", "mau03", "sheet", "receipt", "checklist") from the
    dossier's saved record in the background, then open it in the print preview. Errors (e.g. a
    receipt before the dossier was received) are shown as usual. `on_open` gets the dialog."""

    def opened(result: tuple[Path, str]) -> None:
        path, product = result
        title = f"{catalog.short_title(form)} – {product}"
        dialog = open_print_preview(parent, path, title, suggested_name=output.suggested_name(form, product))
        if on_open is not None:
            on_open(dialog)

    return run_task(
        jobs.dossier_form_job,
        ctx,
        dossier_id,
        form,
        on_done=opened,
        parent=parent,
        progress_title=translate("Printing", "Đang chuẩn bị bản in…"),
    )


def preview_blank_form(
    parent: QWidget | None, form: str, set_number: int = 1, *, on_open: Opened | None = None
) -> Task:
    """`form` printed blank (a scoring sheet or checklist: for product set `set_number`), previewed."""
    subject = f"bo-{set_number:02d}" if form in catalog.PER_SET else ""
    name = output.suggested_name(form, subject)

    def opened(path: Path) -> None:
        title = catalog.short_title(form)
        if form in catalog.PER_SET:
            title += " – " + translate("Printing", "bộ %1").replace("%1", str(set_number))
        dialog = open_print_preview(parent, path, title, suggested_name=name)
        if on_open is not None:
            on_open(dialog)

    return run_task(
        jobs.blank_form_job,
        form,
        set_number,
        output.preview_path(name),
        on_done=opened,
        parent=parent,
        progress_title=translate("Printing", "Đang chuẩn bị bản in…"),
    )
