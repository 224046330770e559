"""Printing the official forms on A4 with ReportLab (DESIGN.md §6, docs/printing.md).

Plain data in (the frozen DTOs of `data`, `data_office`, `data_sheet`), PDF out. Every page
carries "Trang x/y" and a QR code naming the record, its revision and a hash of the data.
This package imports only the domain, `paths`, `files` and ReportLab; never Qt or services.

Public API:
    render(form, data, out) -> Path        write one form atomically
    render_bytes(form, data) -> bytes
    blank(form) -> DTO                     the empty DTO of a form (not for "sheet")
    forms() -> {name: FormSpec}
    render_all_blank_sheets(ruleset, out, progress) -> [Path]
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "Cancelled",
    "PrintingError",
    "blank",
    "forms",
    "render",
    "render_all_blank_sheets",
    "render_bytes",
]

from ocop_desktop.printing.errors import Cancelled, PrintingError


def __getattr__(name: str) -> Any:
    # ReportLab is imported on first use, not when the UI merely imports this package.
    if name in ("render", "render_bytes", "blank", "forms"):
        from ocop_desktop.printing import api

        return getattr(api, name)
    if name == "render_all_blank_sheets":
        from ocop_desktop.printing.batch import render_all_blank_sheets

        return render_all_blank_sheets
    raise AttributeError(name)
