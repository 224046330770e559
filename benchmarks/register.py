"""Register import benchmark (issue 14), JSON on stdout (and in benchmarks/results/register.json with --save).

For each size: write an XLSX register (a title row, producers with 1–3 products, certificates under
QĐ 1048/2019, 148/2023 and 26/2026, a broken row every tenth), then time on a fresh province database:
reading the file alone, the dry run (read + plan), the apply (read + plan + write in one transaction),
and the re-run's dry run (everything is "skip"). Targets: ~2,000 rows previewed in a few seconds;
20,000 rows dry run + apply ≤ 30 s (issue 14's "done when").

Run: uv run python benchmarks/register.py [--rows 2000 20000] [--save]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers

from helpers.register import register_rows, write_register  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.core.units import official_units  # noqa: E402
from ocop_desktop.services.register.reader import read_table  # noqa: E402
from ocop_desktop.services.register.service import RegisterImportService  # noqa: E402


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return result, round(time.perf_counter() - start, 3)


def one(rows: int, root: Path) -> dict[str, object]:
    communes = [str(u["code"]) for u in official_units() if u["parent_code"] == "01"]
    path = write_register(root / f"so-{rows}.xlsx", register_rows(communes, rows))
    ctx = open_app(AppPaths.for_data_dir(root / f"tinh-{rows}"))
    initialise(ctx, "province", "01", "Benchmark")
    service = RegisterImportService(ctx)
    table, read_s = timed(lambda: read_table(path))
    preview, dry_s = timed(lambda: service.preview(path))
    applied, apply_s = timed(lambda: service.apply(path, expected_sha256=preview.sha256))
    again, rerun_s = timed(lambda: service.preview(path))
    ctx.close()
    assert again.counts["create"] == again.counts["update"] == 0
    return {
        "rows": rows,
        "file_bytes": path.stat().st_size,
        "counts": preview.counts,
        "read_s": read_s,
        "dry_run_s": dry_s,
        "apply_s": apply_s,
        "dry_run_plus_apply_s": round(dry_s + apply_s, 3),
        "rerun_dry_run_s": rerun_s,
        "rerun_counts": again.counts,
        "rows_read": len(table.rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--save", action="store_true", help="also write benchmarks/results/register.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = [one(n, Path(tmp)) for n in args.rows]
    report = {
        "benchmark": "register import (issue 14)",
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "system": platform.system(),
            "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],  # the machine is shared
        },
        "targets": {"preview_2000_rows_s": "a few seconds", "dry_run_plus_apply_20000_rows_s": 30},
        "results": results,
    }
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.save:
        out = ROOT / "benchmarks" / "results"
        out.mkdir(exist_ok=True)
        (out / "register.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
