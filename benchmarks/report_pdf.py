"""Long reports as A4 PDF (issue 14), JSON on stdout (and benchmarks/results/report_pdf.json with --save).

Made-up tables shaped like the province's two longest reports (`tests/helpers/long_report.py`): the
expiring-certificates list (10 columns, landscape, names that wrap to two lines) and the product catalogue
(11 columns, addresses that wrap to three or four). Each is rendered once at every row count; wall clock
(the target: 20,000 rows ≤ 10 s) and CPU time of this process (the machine is shared: the load average is
recorded), pages and bytes. `before` renders the same data with the table as it was built before
(`_before_table`: one ReportLab Table of a Paragraph per cell, split page by page), in the same run, at the
smaller counts only (it grows with the square of the rows), and the ratio of the two. The XLSX of each table
is timed too. With `--data-dir D` (a copy of the province-scale demo, never a folder you care about: opening
migrates it) the demo's own expiring list and catalogue are rendered as well.

Run: uv run python benchmarks/report_pdf.py [--rows 2000 20000] [--before-rows 2000 5000]
     [--kinds expiring catalogue] [--data-dir D] [--save]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph  # noqa: E402

from ocop_desktop.printing import report as printed  # noqa: E402
from ocop_desktop.printing.blocks import GROUP_ROW_SHADE, cells, grid  # noqa: E402
from ocop_desktop.printing.markup import esc  # noqa: E402
from ocop_desktop.printing.styles import styles  # noqa: E402
from ocop_desktop.services.reports.export import pdf_data, workbook_bytes  # noqa: E402
from ocop_desktop.services.reports.model import Report  # noqa: E402
from tests.helpers.long_report import long_report  # noqa: E402

MADE = date(2026, 12, 4)
TARGET_S = 10.0


def _before_table(table: printed.ReportTableData, width: float, *_hooks: object) -> list[Flowable]:
    """`printing.report._table` as it was before issue 14's fix (commit 96313eb), for the comparison."""
    st = styles(12)
    numeric = printed._numeric(table)
    right = st.cell.clone("cell-right", alignment=2)
    head = cells(st, *table.headers, bold=True, center_from=0)

    def row(values: Any, bold: bool = False) -> list[object]:
        out = cells(st, *(printed.text(v) for v in values), bold=bold)
        for i in numeric:
            out[i] = Paragraph(out[i].text, right)
        return list(out)

    rows: list[list[object]] = [list(head)]
    rows += [row(r) for r in table.rows]
    extra: list[tuple[object, ...]] = [("BACKGROUND", (0, 0), (-1, 0), GROUP_ROW_SHADE)]
    if table.total is not None:
        rows.append(row(table.total, bold=True))
        extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.Color(0.96, 0.96, 0.96)))
    title = Paragraph(f"<b>{esc(table.title)}</b>", st.body.clone("table-title", spaceBefore=6))
    return [
        CondPageBreak(40 * mm),
        KeepTogether([title]),
        grid(rows, printed._widths(table, width), extra=extra),
    ]


def _timed(fn: Callable[[], bytes]) -> tuple[bytes, dict[str, float]]:
    start, cpu = time.perf_counter(), time.process_time()
    data = fn()
    return data, {
        "wall_s": round(time.perf_counter() - start, 2),
        "cpu_s": round(time.process_time() - cpu, 2),
    }


def _pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def measure(report: Report, before: bool) -> dict[str, Any]:
    rows = sum(len(t.rows) for t in report.tables)
    data = pdf_data(report, "Cơ quan thường trực OCOP", MADE)
    pdf, after = _timed(lambda: printed.render_report(data))
    out: dict[str, Any] = {
        "report": report.key,
        "rows": rows,
        "pages": _pages(pdf),
        "bytes": len(pdf),
        **after,
    }
    out["within_target"] = after["wall_s"] <= TARGET_S
    if before:
        now = printed._table
        printed._table = _before_table  # type: ignore[assignment]
        try:
            old_pdf, old = _timed(lambda: printed.render_report(data))
        finally:
            printed._table = now
        out["before"] = {**old, "pages": _pages(old_pdf)}
        out["ratio_cpu"] = round(old["cpu_s"] / max(after["cpu_s"], 0.01), 1)
        out["ratio_wall"] = round(old["wall_s"] / max(after["wall_s"], 0.01), 1)
    _, xlsx = _timed(lambda: workbook_bytes(report, "Cơ quan thường trực OCOP", MADE))
    out["xlsx"] = xlsx
    print(json.dumps(out, ensure_ascii=False), file=sys.stderr, flush=True)
    return out


def demo_reports(data_dir: Path) -> list[Report]:
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.services.reports.service import ReportService, build

    service = ReportService(open_app(AppPaths.for_data_dir(data_dir)))
    return [build(service, name, MADE) for name in ("expiring", "catalogue")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--before-rows", type=int, nargs="*", default=[2000, 5000])
    parser.add_argument(
        "--kinds", nargs="+", choices=["expiring", "catalogue"], default=["expiring", "catalogue"]
    )
    parser.add_argument("--data-dir", type=Path, help="a copy of the province-scale demo")
    parser.add_argument("--save", action="store_true")
    args = parser.parse_args()
    printed.render_report(pdf_data(long_report("expiring", 10), "x", MADE))  # warm: fonts parsed once
    results = []
    for kind in args.kinds:
        for rows in sorted({*args.rows, *args.before_rows}):
            results.append(measure(long_report(kind, rows), before=rows in args.before_rows))
    demo = [measure(r, before=False) for r in demo_reports(args.data_dir)] if args.data_dir else []
    try:
        import _rl_accel  # noqa: F401

        accelerated = True
    except ImportError:
        accelerated = False
    out = {
        "benchmark": "long reports as A4 PDF (issue 14)",
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "system": platform.system(),
            "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],  # the machine is shared
            "reportlab_accelerator": accelerated,
        },
        "target_s": TARGET_S,
        "results": results,
        "demo": demo,
    }
    text = json.dumps(out, ensure_ascii=False, indent=2)
    print(text)
    if args.save:
        with tempfile.NamedTemporaryFile("w", delete=False, dir=ROOT / "benchmarks" / "results") as fh:
            fh.write(text + "\n")
        os.replace(fh.name, ROOT / "benchmarks" / "results" / "report_pdf.json")


if __name__ == "__main__":
    main()
