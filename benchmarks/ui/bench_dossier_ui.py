"""How the dossier workspace performs (not a test: measured, never asserted).

    uv run python benchmarks/ui/bench_dossier_ui.py [--mb 150] [--pages 300] [--json OUT]

Prints JSON: the time to open the editor, reading its content (`ops.open_dossier`, the list page's
background job) and building it (best and worst of 5), the first-show of the self-assessment tab;
the autosave of one field and the save of one checklist item (on the GUI thread: median and worst
of 200); the import of one scanned PDF of MB megabytes and PAGES pages through the
evidence tab (wall time, MB/s, and how often the GUI event loop turned meanwhile: a 10 ms timer's
ticks and its longest gap); and `sha256sum` of the same file for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from helpers.dossier_ui import new_dossier, write_pdf  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.ui.dossiers import ops  # noqa: E402
from ocop_desktop.ui.dossiers.editor import DossierEditor  # noqa: E402
from ocop_desktop.ui.kit.tasks import wait_for_tasks  # noqa: E402
from ocop_desktop.ui.shell.app import ensure_application  # noqa: E402


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def settle(app: QApplication, seconds: float = 0.05) -> None:
    # Sleep between turns: PySide6 6.12 on Python 3.11 drops a reference to None on every call of
    # a void method (processEvents included), so a busy loop would deallocate None and abort.
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def gui_thread_saves(ctx: AppContext, dossier_id: str, n: int = 200) -> dict[str, dict[str, float]]:
    """The two writes the editor makes on the GUI thread: the autosave of one form field and the
    save of one checklist item's note."""
    autosaves, items = [], []
    for i in range(n):
        revision = ops.load_detail(None, ctx, dossier_id).row.revision
        started = time.perf_counter()
        ops.save_section(ctx, dossier_id, "mau01", {"phone": f"09{i:08d}"}, revision)
        autosaves.append(time.perf_counter() - started)
        started = time.perf_counter()
        ops.update_checklist_item(ctx, dossier_id, "food_safety_certificate", note=f"ghi chú {i}")
        items.append(time.perf_counter() - started)
    return {
        "autosave_ms": {"median": ms(statistics.median(autosaves)), "worst": ms(max(autosaves))},
        "checklist_item_save_ms": {"median": ms(statistics.median(items)), "worst": ms(max(items))},
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=150)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    app = ensure_application()
    work = Path(tempfile.mkdtemp(prefix="bench-dossier-ui-"))
    try:
        ctx = open_app(AppPaths.for_data_dir(work / "data"))
        initialise(ctx, "commune", "00070", "Nguyễn Văn An")
        dossier_id = new_dossier(ctx)
        loads, builds, first_sheet = [], [], 0.0
        for i in range(5):
            started = time.perf_counter()
            data = ops.open_dossier(None, ctx, dossier_id)
            loads.append(time.perf_counter() - started)
            editor = DossierEditor(ctx, data)
            editor.resize(1280, 800)
            editor.show()
            app.processEvents()
            builds.append(time.perf_counter() - started)
            if i == 0:
                started = time.perf_counter()
                editor.show_tab("self_assessment")
                app.processEvents()
                first_sheet = time.perf_counter() - started
            editor.close()
            editor.deleteLater()
            settle(app)
        saves = gui_thread_saves(ctx, dossier_id)

        scan = write_pdf(
            work / "in", "ban-quet.pdf", pages=args.pages, page_bytes=args.mb * 1_000_000 // args.pages
        )
        size = scan.stat().st_size
        started = time.perf_counter()
        subprocess.run(["sha256sum", str(scan)], check=True, capture_output=True)
        sha256sum = time.perf_counter() - started

        editor = DossierEditor(ctx, ops.open_dossier(None, ctx, dossier_id))
        editor.show()
        editor.show_tab("evidence")
        settle(app)
        ticks: list[float] = []
        timer = QTimer(interval=10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        started = time.perf_counter()
        task = editor.evidence.add_paths([scan])
        assert task is not None
        while not task.done:
            app.processEvents()
            time.sleep(0.005)
        took = time.perf_counter() - started
        timer.stop()
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)] or [took]
        rows = len(editor.evidence.rows)
        editor.close()
        wait_for_tasks()
        result = {
            "editor_open_ms": {"best": ms(min(builds)), "worst": ms(max(builds))},
            "editor_read_ms": {"best": ms(min(loads)), "worst": ms(max(loads))},
            **saves,
            "self_assessment_tab_first_show_ms": ms(first_sheet),
            "import": {
                "mb": round(size / 1e6, 1),
                "pages": args.pages,
                "seconds": round(took, 2),
                "mb_per_s": round(size / 1e6 / took, 1),
                "attached": rows,
                "timer_ticks": len(ticks),
                "expected_ticks": int(took / 0.010),
                "longest_gap_ms": ms(max(gaps)),
            },
            "sha256sum_seconds": round(sha256sum, 2),
        }
        ctx.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
