"""Memory and responsiveness of a real office's day at province scale (issue 15; measured, never
asserted).

    uv run python benchmarks/memory.py DATA_DIR [--dossiers 50]

DATA_DIR: a province data folder, e.g. a copy of `ocop-desktop --data-dir D demo-data --scale province`
(5,000 producers, 20,000 products, 60,000 dossiers); it is copied to a temporary folder first, so it
is never changed. The main window (1366×768, offscreen) visits every page and every tab (the
evaluation page's through `show_tab`, the others' tab widgets one tab after the other; the products
list filtered and sorted by its certificates, and scrolled), then opens
DOSSIERS dossiers one after the other (each closed before the next). As the application does once
its store is attached, the start-up heap is set aside from the garbage collector (`freeze_heap`).

Prints JSON: per step the resident memory after it (MB), the longest gap of a 10 ms heartbeat
during it (how long the window could not repaint or take a key; target < 100 ms), how much of that
gap the GUI thread itself spent computing (`gap_gui_cpu_ms`: the rest is waiting — for the GIL a
worker holds, or for a CPU on a loaded machine) and its wall time; the peak resident memory of the
process (target ≤ 300 MB) and its ratio to the memory right after the first page was shown (the
baseline, measured in the same run); the dossier windows still alive once all were closed; the load
average before and after (1, 5, 15 min): other processes competing for the CPU lengthen the gaps.

Run it with the bytecode compiled (`python -m compileall`), as an installed application has it:
with PYTHONDONTWRITEBYTECODE set and no `__pycache__`, every first import compiles its source on
the GUI thread and the gaps measure the compiler.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QTabWidget  # noqa: E402

from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402
from ocop_desktop.ui.kit.perf import freeze_heap  # noqa: E402
from ocop_desktop.ui.kit.tasks import running  # noqa: E402
from ocop_desktop.ui.shell.app import build_main_window, ensure_application  # noqa: E402
from ocop_desktop.ui.shell.pages import PAGE_NAMES  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Beat:
    """A 10 ms timer: the longest gap between two ticks is how long the GUI thread was busy; the GUI
    thread's CPU time over that gap tells its own work from waiting."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.worst, self.worst_cpu, self.last, self.last_cpu = 0.0, 0.0, 0.0, 0.0
        self.reset()
        self.timer.start()

    def tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if (now - self.last) * 1000 > self.worst:
            self.worst, self.worst_cpu = (now - self.last) * 1000, (cpu - self.last_cpu) * 1000
        self.last, self.last_cpu = now, cpu

    def reset(self) -> None:
        self.worst, self.worst_cpu = 0.0, 0.0
        self.last, self.last_cpu = time.perf_counter(), time.thread_time()


def settle(app: object, until: Callable[[], bool] = lambda: True, limit: float = 120.0) -> None:
    """Let the event loop run until the background jobs are done and `until()` holds."""
    end = time.perf_counter() + limit
    quiet = 0
    while time.perf_counter() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)
        quiet = quiet + 1 if running() == 0 and until() else 0
        if quiet >= 20:  # 200 ms with nothing running
            return


def certificate_steps(page: object, step: Callable[..., None]) -> None:
    """The products list narrowed and ordered by the current certificate (a join over every product's
    certificates: read on a worker), scrolled to its next page, then back to every product."""
    stars, state = page.star_filter, page.state_filter  # type: ignore[attr-defined]
    header, bar = page.table.horizontalHeader(), page.table.verticalScrollBar()  # type: ignore[attr-defined]
    for combo, value in ((stars, 5), (stars, 0), (state, "due"), (state, "expired")):
        index = combo.findData(value)
        step(f"  filter {combo.itemText(index)}", lambda c=combo, i=index: c.setCurrentIndex(i))
        if combo is stars:
            step("  filter every star", lambda: stars.setCurrentIndex(0))
    step("  filter all", lambda: state.setCurrentIndex(0))
    step("  sort Hiệu lực đến", lambda: header.setSortIndicator(6, Qt.SortOrder.DescendingOrder))
    step("  scroll to the next page", lambda: bar.setValue(bar.maximum()))
    step("  sort Mã SP", lambda: header.setSortIndicator(0, Qt.SortOrder.AscendingOrder))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--dossiers", type=int, default=50)
    args = parser.parse_args()
    load_before = os.getloadavg()[:1]
    work = Path(tempfile.mkdtemp(prefix="ocop-memory-"))
    shutil.copytree(args.data_dir, work / "data")
    app = ensure_application(all_fonts=True)
    ctx = open_app(AppPaths(work / "data", work / "logs"))
    beat, steps = Beat(), []

    def step(name: str, action: Callable[[], object], until: Callable[[], bool] = lambda: True) -> None:
        beat.reset()
        started = time.perf_counter()
        action()
        settle(app, until)
        steps.append(
            {
                "step": name,
                "rss_mb": round(rss_mb(), 1),
                "longest_gap_ms": round(beat.worst, 1),
                "gap_gui_cpu_ms": round(beat.worst_cpu, 1),
                "seconds": round(time.perf_counter() - started, 2),
            }
        )

    window = build_main_window(ctx)
    window.resize(1366, 768)
    step("start", window.show)
    freeze_heap("started")
    baseline = rss_mb()
    for name in PAGE_NAMES:
        step(f"page {name}", lambda name=name: window.show_page(name))
        if name == "products":
            certificate_steps(window.page(name), step)
        if name == "evaluation" and hasattr(page := window.page("evaluation"), "show_tab"):
            for tab in ("inbox", "rounds", "council", "scoring", "matrix", "results"):
                step(f"  tab {tab}", lambda tab=tab: page.show_tab(tab))  # type: ignore[union-attr]
            continue
        for tabs in window.page(name).findChildren(QTabWidget):  # type: ignore[union-attr]
            for i in range(1, tabs.count()):  # the first is shown with the page
                step(f"  tab {tabs.tabText(i)}", lambda tabs=tabs, i=i: tabs.setCurrentIndex(i))
    dossiers = window.page("dossiers") or window.show_page("dossiers")
    ids = [r.id for r in DossierService(ctx).search(limit=args.dossiers)]
    for n, dossier_id in enumerate(ids, start=1):
        step(
            f"dossier {n}",
            lambda dossier_id=dossier_id: dossiers.open_dossier(dossier_id),  # type: ignore[attr-defined]
            until=lambda dossier_id=dossier_id: dossier_id in dossiers.editors,  # type: ignore[attr-defined]
        )
        editor = dossiers.editors.get(dossier_id)  # type: ignore[attr-defined]
        if editor is not None:
            editor.close()
        settle(app)
    gc.collect()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what deleteLater() still holds
    alive = [w for w in app.topLevelWidgets() if type(w).__name__ == "DossierEditor"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worst = max(steps, key=lambda s: s["longest_gap_ms"])
    print(
        json.dumps(
            {
                "python": sys.version.split()[0],
                "baseline_rss_mb": round(baseline, 1),
                "peak_rss_mb": round(peak, 1),
                "peak_over_baseline": round(peak / baseline, 2),
                "final_rss_mb": round(rss_mb(), 1),
                "worst_step": worst["step"],
                "worst_gap_ms": worst["longest_gap_ms"],
                "worst_gap_gui_cpu_ms": max(s["gap_gui_cpu_ms"] for s in steps),
                # the gaps are wall time: on a loaded machine they grow with the waiting, the CPU does not
                "load_average": [round(x, 2) for x in (*load_before, *os.getloadavg())],
                "dossier_windows_alive_after_close": len(alive),
                "steps": steps,
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    window.close()
    ctx.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
