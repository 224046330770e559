"""How long the evaluation page keeps the GUI thread busy (not a test: measured, never asserted).

    uv run python benchmarks/ui/bench_evaluation_ui.py [DOSSIERS] [MEMBERS] [RUNS]   # default 30 7 1

A round of DOSSIERS dossiers (sets 13, 11, 6 and 7 in turn) scored by MEMBERS council members, on a
throw-away province. A 10 ms heartbeat timer runs while each step goes through the page as an
officer would: open the page, the rounds and council tabs, aggregate the round, pick dossiers in the
matrix, print the matrix (until the preview shows), pick a dossier and open members' sheets on the
scoring tab, change an answer of a stored sheet and type the first answer of a blank one (both
autosaved), the results tab, propose, decide, and "Làm mới" with every tab built. The longest gap
between two ticks is how long the window could not repaint or take a key (the target: under 100 ms
on an office PC).

Prints JSON: per step, the wall time and that longest gap (ms). With RUNS > 1 each run is a fresh
process on fresh data, and the JSON has per step the median and the maximum of both over the runs.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers

from PySide6.QtCore import QTimer  # noqa: E402

from helpers.province import MEMBERS, TODAY, answers_for, council, sent_dossier, sheet_of  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.province.inbox import InboxService  # noqa: E402
from ocop_desktop.services.province.rounds import RoundInput, RoundService  # noqa: E402
from ocop_desktop.services.province.scores import MemberScoreService  # noqa: E402
from ocop_desktop.ui.kit.tasks import wait_for_tasks  # noqa: E402
from ocop_desktop.ui.shell.app import ensure_application  # noqa: E402

SETS = (13, 11, 6, 7)  # coffee, tea, processed food, confectionery: the editor is rebuilt between sets
BLANK = 4  # the dossier whose last member has no sheet yet (typed in the bench)


class Beat:
    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.worst, self.last = 0.0, 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self.last) * 1000)
        self.last = now


def build_round(ctx: AppContext, dossiers: int, members: int) -> tuple[list[str], list[str]]:
    """The dossiers' and the scoring members' ids; every member's sheet is in but one."""
    initialise(ctx, "province", "01", "Trần Thị Bình")
    ids = [sent_dossier(ctx, f"Cà phê số {n:03d}", product_set=SETS[n % len(SETS)]) for n in range(dossiers)]
    for d in ids:
        InboxService(ctx, today=TODAY).accept(d)
    round_id = RoundService(ctx, today=TODAY).create(RoundInput(2026, 2)).row.id
    team = council(
        ctx, round_id, MEMBERS[:1] + [(f"Thành viên {k}", "member", "Sở", "") for k in range(members - 1)]
    )
    RoundService(ctx).assign(round_id, ids)
    answers = {(s, t): answers_for(sheet_of(s), t) for s in SETS for t in range(60, 80)}
    scores = MemberScoreService(ctx)
    for n, d in enumerate(ids):
        for k, m in enumerate(team):
            if (n, k) != (BLANK, len(team) - 1):
                scores.enter(round_id, d, m, answers[(SETS[n % len(SETS)], 60 + (n + 3 * k) % 20)])
    return ids, team


def run_once(dossiers: int, members: int) -> dict[str, dict[str, float]]:
    app = ensure_application()
    from ocop_desktop.ui.kit.errors import RecordingSink, install_sink
    from ocop_desktop.ui.province.page import EvaluationPage

    install_sink(RecordingSink())
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_app(AppPaths.for_data_dir(Path(tmp) / "tinh"))
        try:
            ids, team = build_round(ctx, dossiers, members)
            beat = Beat()
            page: list[EvaluationPage] = []

            def step(name: str, action: Callable[[], object], done: Callable[[], bool]) -> None:
                beat.worst, beat.last = 0.0, time.perf_counter()
                beat.timer.start()
                started = time.perf_counter()
                action()
                while not done():
                    app.processEvents()
                    time.sleep(0.001)
                for _ in range(3):
                    app.processEvents()
                beat.timer.stop()
                out[name] = {
                    "wall_ms": round((time.perf_counter() - started) * 1000, 1),
                    "gui_busy_max_ms": round(beat.worst, 1),
                }

            def idle() -> bool:
                return page[0].is_ready()

            def waited(seconds: float) -> Callable[[], bool]:
                until = time.perf_counter() + seconds
                return lambda: time.perf_counter() >= until

            def sheet_shown(member: str) -> Callable[[], bool]:
                """The member's sheet in the editor, built to the last criterion."""
                return lambda: (
                    p.scoring.editor is not None
                    and p.scoring.store is not None
                    and p.scoring.store.member_id == member
                    and idle()
                )

            def saved() -> bool:
                editor = p.scoring.editor
                return editor is not None and not editor.dirty and idle()

            def preview() -> Callable[[], bool]:
                shown = {id(w) for w in app.topLevelWidgets() if w.isVisible()}
                return lambda: any(
                    w.isVisible() and id(w) not in shown and type(w).__name__ == "PrintPreviewDialog"
                    for w in app.topLevelWidgets()
                )

            def open_page() -> None:
                page.append(EvaluationPage(ctx))
                page[0].resize(1280, 800)
                page[0].show()

            step("open page", open_page, idle)
            p = page[0]
            step("idle 0.5 s after opening (preloads)", lambda: None, waited(0.5))
            step("rounds tab", lambda: p.show_tab("rounds"), idle)
            step("council tab", lambda: p.show_tab("council"), idle)
            step(
                "matrix tab + one matrix",
                lambda: (p.show_tab("matrix"), p.matrix.select_dossier(ids[5])),
                idle,
            )
            step("aggregate round", lambda: p.matrix.aggregate_round(), idle)
            step("matrix: another dossier", lambda: p.matrix.select_dossier(ids[6]), idle)
            step("print the matrix (until the preview shows)", p.matrix.print_matrix, preview())
            for w in app.topLevelWidgets():
                if type(w).__name__ == "PrintPreviewDialog":
                    w.close()
            step(
                "scoring tab + pick a dossier",
                lambda: (p.show_tab("scoring"), p.scoring.select_dossier(ids[3])),
                idle,
            )
            step("open a member's sheet", lambda: p.scoring.open_sheet(team[2]), sheet_shown(team[2]))
            code = p.scoring.editor.sheet.leaves()[2].code if p.scoring.editor else ""
            step(
                "change an answer (autosaved: sheet rewritten)",
                lambda: p.scoring.editor and p.scoring.editor.set_answer(code, 0),
                saved,
            )
            step(
                "another member's sheet (same dossier)",
                lambda: p.scoring.open_sheet(team[3]),
                sheet_shown(team[3]),
            )
            step("another dossier (another set)", lambda: p.scoring.select_dossier(ids[BLANK]), idle)
            step("its blank sheet", lambda: p.scoring.open_sheet(team[-1]), sheet_shown(team[-1]))
            code = p.scoring.editor.sheet.leaves()[0].code if p.scoring.editor else ""
            step(
                "first answer on a blank sheet (autosaved draft)",
                lambda: p.scoring.editor and p.scoring.editor.set_answer(code, 1),
                saved,
            )
            step("results tab", lambda: p.show_tab("results"), idle)
            step("propose", lambda: p.results.propose(), idle)

            def decide() -> None:
                p.results.number.setText("2318/QĐ-UBND")
                p.results.signer.setText("Nguyễn Mạnh Quyền")
                p.results.decide()

            step("decide (certificates issued)", decide, idle)
            step("refresh (every tab built: all reload)", p.refresh, idle)
            p.close()
            wait_for_tasks(5000)
        finally:
            ctx.close()
    return out


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--once"]
    dossiers = int(args[0]) if args else 30
    members = int(args[1]) if len(args) > 1 else 7
    runs = int(args[2]) if len(args) > 2 else 1
    if runs <= 1:
        steps = run_once(dossiers, members)
        print(
            json.dumps(
                {"dossiers": dossiers, "members": members, "steps": steps}, ensure_ascii=False, indent=1
            )
        )
        return 0
    # one fresh process per run: imports, caches and the heap start cold as in a new session
    results = []
    for _ in range(runs):
        text = subprocess.run(
            [sys.executable, __file__, str(dossiers), str(members)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results.append(json.loads(text[text.index("{") :])["steps"])
    summary = {
        name: {
            f"{key}_{how}": round(fn([r[name][key] for r in results]), 1)
            for key in ("gui_busy_max_ms", "wall_ms")
            for how, fn in (("median", statistics.median), ("max", max))
        }
        for name in results[0]
    }
    print(
        json.dumps(
            {"dossiers": dossiers, "members": members, "runs": runs, "steps": summary},
            ensure_ascii=False,
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
