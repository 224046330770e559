"""How fast the score-sheet editor builds and re-scores (not a test: speed is measured, never asserted).

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/ui/bench_score_editor.py [--json OUT]

Prints JSON: per set, the best of 3 builds of the whole sheet at once (ms, widget created, data
applied, scored; `progressive=False`) and of the first screen only (the editor's default: the rest
is built a slice at a time afterwards), and the first layout and paint at 1280×900; the median and
worst time of one answer change (engine + every label it touches); and a save through the
self-assessment service on a real store.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))  # tests/helpers

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402

from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.rules import RuleService  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.ui.scoring import MemoryStore, ScoreSheetEditor, SelfAssessmentStore, SheetData  # noqa: E402
from ocop_desktop.ui.shell.app import ensure_application  # noqa: E402


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    app = ensure_application()
    sheets = RuleService().resolve().sheets
    builds, first_screens, first_paint, updates = {}, {}, {}, []
    for sheet in sheets:
        times, firsts = [], []
        for _ in range(3):
            started = time.perf_counter()
            first = ScoreSheetEditor(MemoryStore(SheetData(sheet)), autosave_ms=60_000)
            firsts.append(time.perf_counter() - started)
            first.deleteLater()
            started = time.perf_counter()
            editor = ScoreSheetEditor(MemoryStore(SheetData(sheet)), autosave_ms=60_000, progressive=False)
            times.append(time.perf_counter() - started)
            editor.resize(1280, 900)
            started = time.perf_counter()
            editor.show()
            app.processEvents()
            editor.grab()
            shown = time.perf_counter() - started
            for i, leaf in enumerate(sheet.leaves()):
                started = time.perf_counter()
                usable = leaf.choices(1)  # one alternative case per sheet (tourism)
                editor.set_answer(leaf.code, usable[i % len(usable)])
                updates.append(time.perf_counter() - started)
            editor.close()
            editor.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
        builds[sheet.number] = ms(min(times))
        first_screens[sheet.number] = ms(min(firsts))
        first_paint[sheet.number] = ms(shown)

    with tempfile.TemporaryDirectory() as tmp:
        from helpers.builders import TODAY, make_product
        from ocop_desktop.services.dossiers.service import DossierService

        ctx = open_app(AppPaths.for_data_dir(Path(tmp)))
        try:
            initialise(ctx, "commune", "00070", "Nguyễn Văn An")
            dossier = DossierService(ctx, today=TODAY).create(make_product(ctx, 13), "first").row.id
            store = SelfAssessmentStore(ctx, dossier)
            started = time.perf_counter()
            editor = ScoreSheetEditor(store, autosave_ms=60_000)
            real_build = time.perf_counter() - started
            saves = []
            for leaf in editor.sheet.leaves():
                editor.set_answer(leaf.code, 0)
                started = time.perf_counter()
                editor.flush()
                saves.append(time.perf_counter() - started)
            editor.close()
        finally:
            ctx.close()

    report = {
        "build_ms_best_of_3": builds,
        "build_ms_max": max(builds.values()),
        "first_screen_build_ms_max": max(first_screens.values()),
        "show_layout_paint_ms": first_paint,
        "answer_update_ms": {
            "median": ms(statistics.median(updates)),
            "max": ms(max(updates)),
            "count": len(updates),
        },
        "self_assessment": {
            "load_and_build_ms": ms(real_build),
            "save_ms_median": ms(statistics.median(saves)),
        },
    }
    text = json.dumps(report, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
