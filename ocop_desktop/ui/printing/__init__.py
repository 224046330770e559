"""Printing in the GUI: print preview of generated PDFs (pages rendered by PDFium), printing
through the system dialog, saving a copy, batch printing in the background.

Entry points for the rest of the UI:
    open_print_preview(parent, pdf_path, title, *, suggested_name="") -> PrintPreviewDialog
    preview_dossier_form(parent, ctx, dossier_id, form, *, on_open=None) -> Task
    preview_blank_form(parent, form, set_number=1, *, on_open=None) -> Task
    PrintPreviewDialog(pdf_path, title, parent, suggested_name)
    print_pdf(printer, pdf_path, progress=None, current_page=1) -> sheets sent (no dialog)

Imported lazily: PDFium is loaded the first time something here is used.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "PrintPreviewDialog",
    "open_print_preview",
    "preview_blank_form",
    "preview_dossier_form",
    "print_pdf",
]


def __getattr__(name: str) -> Any:
    if name in ("open_print_preview", "preview_dossier_form", "preview_blank_form"):
        from ocop_desktop.ui.printing import entry

        return getattr(entry, name)
    if name == "PrintPreviewDialog":
        from ocop_desktop.ui.printing.preview import PrintPreviewDialog

        return PrintPreviewDialog
    if name == "print_pdf":
        from ocop_desktop.ui.printing.printer import print_pdf

        return print_pdf
    raise AttributeError(name)
