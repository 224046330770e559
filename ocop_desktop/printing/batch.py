"""Printing every blank scoring sheet of a rule set at once, with progress and cancellation.

`progress` (`ocop_desktop.progress.Progress`) lets the UI (a Qt progress dialog adapter) and the CLI can both
drive it without this package importing either: `progress.set(fraction, text)` is called as
work advances and `progress.cancelled` is polled; when it turns true the job stops, raises
`Cancelled`, and nothing has been written (output is assembled in memory and written
atomically at the very end)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import PageBreak

from ocop_desktop.domain.rules.model import RuleSet
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.printing.api import payload_for, spec_for
from ocop_desktop.printing.data_sheet import SheetData
from ocop_desktop.printing.page import Section, build_pdf
from ocop_desktop.progress import Progress, report


def render_all_blank_sheets(ruleset: RuleSet, out: Path, progress: Progress | None = None) -> list[Path]:
    """All sheets of `ruleset`, blank. `out` ending in ".pdf": one combined PDF (each sheet
    starts a page, numbered and QR-coded on its own); otherwise a folder that receives
    "phieu-bo-01.pdf" … "phieu-bo-26.pdf". Returns the paths written."""
    out = Path(out)
    sheets = ruleset.sheets
    spec = spec_for("sheet")

    def step(i: int, number: int) -> None:
        report(progress, i / (len(sheets) + 1), f"Đang dàn trang phiếu bộ sản phẩm số {number}…")

    if out.suffix.lower() == ".pdf":
        story: list[Any] = []
        for i, sheet in enumerate(sheets):
            data = SheetData(sheet=sheet)
            if story:
                story.append(PageBreak())
            story.append(Section(payload_for(spec, data), on_start=lambda i=i, n=sheet.number: step(i, n)))
            story += spec.build(data)
        title = f"{spec.title} – {ruleset.id}, {len(sheets)} bộ sản phẩm"
        pdf = build_pdf(
            story, payload=payload_for(spec, SheetData(sheet=sheets[0])), title=title, subject=title
        )
        _finish(progress)
        atomic_write_bytes(out, pdf)
        _done(progress)
        return [out]

    rendered: list[tuple[Path, bytes]] = []
    for i, sheet in enumerate(sheets):
        step(i, sheet.number)
        data = SheetData(sheet=sheet)
        pdf = build_pdf(
            spec.build(data),
            payload=payload_for(spec, data),
            title=f"{spec.title} – bộ {sheet.number}",
            subject=sheet.name,
        )
        rendered.append((out / f"phieu-bo-{sheet.number:02d}.pdf", pdf))
    _finish(progress)
    for path, pdf in rendered:
        atomic_write_bytes(path, pdf)
    _done(progress)
    return [path for path, _ in rendered]


def _finish(progress: Progress | None) -> None:
    """Last chance to cancel before anything touches the disk."""
    report(progress, 0.97, "Đang ghi tệp…")


def _done(progress: Progress | None) -> None:
    """Written: a cancel now comes too late to matter."""
    if progress is not None:
        progress.set(1.0, "Đã in xong.")
