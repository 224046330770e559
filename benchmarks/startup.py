"""Start-up benchmark (issue 2), JSON on stdout.

Measures, in fresh processes on this machine, the wall time from launching Python to an
interactive main window (shown, first page's list loaded, event loop idle) on a province-scale
demo database, next to a bare PySide6 window's start-up, and the peak memory (max RSS) of each.
Targets: ratio ≤ 1.5, peak memory ≤ 300 MB. Also measures the product-list filter on 20,000
products (≤ 50 ms per keystroke).

Both are measured warm: the OS file cache holds Qt's libraries and Python's bytecode is cached
(as on every start after the first); one warm-up run of each comes first.

Run: uv run python benchmarks/startup.py [--data-dir DIR] (a province demo is built if DIR is empty)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("OCOP")); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""

APP = """
import sys
from ocop_desktop.main import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""

FILTER = """
import sys, time, statistics, json
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.ui.shell.app import ensure_application, open_store
app = ensure_application()
ctx = open_store(None, AppPaths.for_data_dir(sys.argv[1]))  # as the GUI opens it (caches warmed)
from ocop_desktop.ui.kit.lazy_model import *  # noqa
service = ProductService(ctx)
t0 = time.perf_counter()
service.search("", limit=200)  # the page's first rows, shown before anyone types
first_load = (time.perf_counter() - t0) * 1000
times = []
query = ""
for ch in "ca phe buon":
    query += ch
    t0 = time.perf_counter()
    service.count(query); service.search(query, limit=200)
    times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"products_first_page_ms": round(first_load, 1),
                  "filter_ms_per_keystroke_median": round(statistics.median(times), 1),
                  "filter_ms_per_keystroke_max": round(max(times), 1)}))
"""


def run_child(code: str, *args: str, ready: str = "shown") -> tuple[float, float, str]:
    """Wall seconds until the child prints READY (or exits), and its peak RSS in MB.

    The app is started as a person starts it (`ocop-desktop --data-dir D`); it prints READY
    when the main window is shown and its event loop idle ("shown": the window takes input),
    or when the store is open and the first page's list is loaded ("loaded")."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "OCOP_DESKTOP_EXIT_WHEN_READY": ready,
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up run caches bytecode, as every start after
    # the first does (the installer ships it compiled)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    out = proc.stdout.readline() if proc.stdout else ""
    elapsed = time.perf_counter() - start
    rest = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    return elapsed, usage.ru_maxrss / 1024, out + rest


def ensure_province(data_dir: Path) -> None:
    if (data_dir / "ocop.sqlite3").exists():
        return
    subprocess.run(
        [
            sys.executable,
            "-m",
            "ocop_desktop",
            "--data-dir",
            str(data_dir),
            "demo-data",
            "--scale",
            "province",
        ],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.gettempdir()) / "ocop-bench-province"
    ensure_province(data_dir)
    run_child(BARE)  # warm the OS file cache for Qt's libraries
    run_child(APP, str(data_dir))
    bare, app, loaded = [], [], []
    bare_mem, app_mem = 0.0, 0.0
    for _ in range(args.runs):
        t, mem, _ = run_child(BARE)
        bare.append(t)
        bare_mem = max(bare_mem, mem)
        t, mem, _ = run_child(APP, str(data_dir))
        app.append(t)
        t, mem, _ = run_child(APP, str(data_dir), ready="loaded")
        loaded.append(t)
        app_mem = max(app_mem, mem)
    _, _, filter_out = run_child(FILTER, str(data_dir))
    result = {
        "database": str(data_dir / "ocop.sqlite3"),
        "database_mb": round((data_dir / "ocop.sqlite3").stat().st_size / 1e6),
        "bare_pyside6_seconds_median": round(statistics.median(bare), 3),
        "app_seconds_median": round(statistics.median(app), 3),
        "startup_ratio": round(statistics.median(app) / statistics.median(bare), 2),
        "app_data_loaded_seconds_median": round(statistics.median(loaded), 3),
        "startup_ratio_target": 1.5,
        "bare_peak_mb": round(bare_mem),
        "app_peak_mb": round(app_mem),
        "app_peak_mb_target": 300,
    }
    result.update(json.loads(filter_out.strip().splitlines()[-1]))
    result["filter_target_ms"] = 50
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
