"""Reports benchmark (issue 14), JSON on stdout (and benchmarks/results/reports.json with --save).

A province database filled by a register import (default 20,000 rows: ~18,000 certified products over every
commune of Hà Nội, decisions from 2019 to 2026), then each report computed `--repeat` times; the median and
the table sizes are recorded. Target: every report ≤ 300 ms.

Run: uv run python benchmarks/reports.py [--rows 20000] [--repeat 5] [--save]
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers

from helpers.register import register_rows, write_register  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.core.units import official_units  # noqa: E402
from ocop_desktop.services.register.service import RegisterImportService  # noqa: E402
from ocop_desktop.services.reports.service import ReportService  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", action="store_true")
    args = parser.parse_args()
    on = date(2026, 9, 1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        communes = [str(u["code"]) for u in official_units() if u["parent_code"] == "01"]
        path = write_register(root / "so.xlsx", register_rows(communes, args.rows, bad_every=0))
        ctx = open_app(AppPaths.for_data_dir(root / "tinh"))
        initialise(ctx, "province", "01", "Benchmark")
        imported = RegisterImportService(ctx, today=on).apply(path)
        service = ReportService(ctx)
        results = []
        for name in ("certified", "coverage", "expiring"):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                report = getattr(service, name)(on)
                times.append(time.perf_counter() - start)
            results.append(
                {
                    "report": name,
                    "median_ms": round(1000 * statistics.median(times), 1),
                    "max_ms": round(1000 * max(times), 1),
                    "tables": {t.key: len(t.rows) for t in report.tables},
                    "figures": {label: value for label, value in report.figures},
                }
            )
        ctx.close()
    out = {
        "benchmark": "reports (issue 14)",
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "system": platform.system(),
            "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],  # the machine is shared
        },
        "database": {"register_rows": args.rows, "imported": imported.counts, "on": on.isoformat()},
        "target_ms": 300,
        "results": results,
    }
    text = json.dumps(out, ensure_ascii=False, indent=2, default=str)
    print(text)
    if args.save:
        (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
        (ROOT / "benchmarks" / "results" / "reports.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
