"""Reports benchmark (issue 14), JSON on stdout (and benchmarks/results/reports.json with --save).

A province database filled by a register import (default 20,000 rows: ~18,000 certified products over every
commune of Hà Nội, decisions from 2019 to 2026), then each report computed `--repeat` times; the median and
the table sizes are recorded. Target: every report ≤ 300 ms.

With `--data-dir D`, an existing installation instead (a copy of the province-scale demo: 60,000 dossiers,
rounds 2023–2026, ~28,000 certificates); never a folder you care about (opening migrates it). Every report,
and its XLSX and PDF written once; the table sizes of the database; and the XLSX export of a table listing
every product (20,000 at province scale, target ≤ 5 s). Each report's time is wall clock (the target) and
CPU time of this process (the machine is shared: the load average is recorded).

Run: uv run python benchmarks/reports.py [--rows 20000 | --data-dir D] [--repeat 5] [--save]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers

from helpers.register import register_rows, write_register  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.core.units import official_units  # noqa: E402
from ocop_desktop.services.register.service import RegisterImportService  # noqa: E402
from ocop_desktop.services.reports.export import write_pdf, write_xlsx  # noqa: E402
from ocop_desktop.services.reports.model import Report, ReportTable  # noqa: E402
from ocop_desktop.services.reports.service import REPORT_NAMES, ReportService, build  # noqa: E402
from ocop_desktop.store.models import AdminUnit, Producer, Product  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", action="store_true")
    parser.add_argument(
        "--data-dir", type=Path, help="an existing installation (a copy) instead of an import"
    )
    args = parser.parse_args()
    on = date(2026, 9, 1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.data_dir:
            ctx = open_app(AppPaths.for_data_dir(args.data_dir))
            imported: dict[str, object] = {"data_dir": str(args.data_dir)}
        else:
            communes = [str(u["code"]) for u in official_units() if u["parent_code"] == "01"]
            path = write_register(root / "so.xlsx", register_rows(communes, args.rows, bad_every=0))
            ctx = open_app(AppPaths.for_data_dir(root / "tinh"))
            initialise(ctx, "province", "01", "Benchmark")
            imported = RegisterImportService(ctx, today=on).apply(path).counts
        service = ReportService(ctx)
        sizes = table_sizes(ctx)
        results = []
        for name in REPORT_NAMES:
            times, cpu = [], []
            build(service, name, on)  # warm: the first read of a table after opening costs a page-in
            for _ in range(args.repeat):
                start, started_cpu = time.perf_counter(), time.process_time()
                report = build(service, name, on)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - started_cpu)
            start = time.perf_counter()
            write_xlsx(report, "Benchmark", root / f"{name}.xlsx")
            xlsx = time.perf_counter() - start
            start = time.perf_counter()
            write_pdf(report, "Benchmark", root / f"{name}.pdf")
            pdf = time.perf_counter() - start
            results.append(
                {
                    "report": name,
                    "median_ms": round(1000 * statistics.median(times), 1),
                    "max_ms": round(1000 * max(times), 1),
                    "cpu_median_ms": round(1000 * statistics.median(cpu), 1),
                    "xlsx_ms": round(1000 * xlsx, 1),
                    "pdf_ms": round(1000 * pdf, 1),
                    "tables": {t.key: len(t.rows) for t in report.tables},
                    "figures": {label: value for label, value in report.figures},
                }
            )
        products = products_xlsx(ctx, root / "san-pham.xlsx")
        ctx.close()
    out = {
        "benchmark": "reports (issue 14)",
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "system": platform.system(),
            "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],  # the machine is shared
        },
        "database": {
            "register_rows": None if args.data_dir else args.rows,
            "imported": imported,
            "on": on.isoformat(),
            "rows": sizes,
        },
        "target_ms": 300,
        "results": results,
        "products_xlsx": products,
    }
    text = json.dumps(out, ensure_ascii=False, indent=2, default=str)
    print(text)
    if args.save:
        (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
        (ROOT / "benchmarks" / "results" / "reports.json").write_text(text + "\n", encoding="utf-8")


TABLES = (
    "producer",
    "product",
    "dossier",
    "score_sheet",
    "attachment",
    "certificate",
    "evaluation_round",
    "round_entry",
    "recognition_decision",
    "dossier_event",
    "year_plan",
)


def table_sizes(ctx: AppContext) -> dict[str, int]:
    with ctx.read() as s:
        return {t: int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in TABLES}


def products_xlsx(ctx: AppContext, path: Path) -> dict[str, object]:
    """Every product of the database as one report table (code, name, producer, commune, set), written
    with the reports' XLSX export: the "XLSX export of 20,000 products" of issue 14."""
    with ctx.read() as s:
        rows = s.execute(
            select(Product.code, Product.name, Producer.name, AdminUnit.name, Product.product_set)
            .join(Producer, Producer.id == Product.producer_id)
            .join(AdminUnit, AdminUnit.code == Product.commune_code)
            .order_by(Product.code)
        ).all()
    table = ReportTable(
        "products",
        "Danh sách sản phẩm",
        ("Mã sản phẩm", "Sản phẩm", "Chủ thể", "Xã/phường", "Bộ sản phẩm"),
        tuple(tuple(r) for r in rows),
    )
    report = Report("products", "Danh sách sản phẩm", date(2026, 9, 1), "Benchmark", (table,), ())
    start = time.perf_counter()
    write_xlsx(report, "Benchmark", path)
    return {
        "rows": len(rows),
        "xlsx_s": round(time.perf_counter() - start, 2),
        "bytes": path.stat().st_size,
        "target_s": 5,
    }


if __name__ == "__main__":
    main()
