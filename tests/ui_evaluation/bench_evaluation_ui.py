"""How long the evaluation page keeps the GUI thread busy (not a test: measured, never asserted).

    uv run python tests/ui_evaluation/bench_evaluation_ui.py [DOSSIERS] [MEMBERS]   # default 30 7

A 10 ms heartbeat timer runs while each step goes through the page as an officer would; the
longest gap between two ticks is how long the window could not repaint or take a key. Prints JSON:
per step, the wall time and that longest gap (ms).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "province"))

from province_builders import MEMBERS, TODAY, answers_for, council, sent_dossier, sheet_of  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402

from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.context import AppContext  # noqa: E402
from ocop_desktop.services.province_inbox import InboxService  # noqa: E402
from ocop_desktop.services.province_scores import MemberScoreService  # noqa: E402
from ocop_desktop.services.rounds import RoundInput, RoundService  # noqa: E402
from ocop_desktop.services.setup import initialise  # noqa: E402
from ocop_desktop.ui.app import ensure_application  # noqa: E402
from ocop_desktop.ui.tasks import wait_for_tasks  # noqa: E402


_START: list[float] = []


def _waited(seconds: float) -> bool:
    if not _START:
        _START.append(time.perf_counter())
    if time.perf_counter() - _START[0] >= seconds:
        _START.clear()
        return True
    return False


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


def main() -> int:
    dossiers = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    members = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    app = ensure_application()
    from ocop_desktop.ui.errors import RecordingSink, install_sink
    from ocop_desktop.ui.evaluation.page import EvaluationPage

    install_sink(RecordingSink())
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext.open(AppPaths.for_data_dir(Path(tmp) / "tinh"))
        try:
            initialise(ctx, "province", "01", "Trần Thị Bình")
            ids = [sent_dossier(ctx, f"Cà phê số {n:03d}") for n in range(dossiers)]
            for d in ids:
                InboxService(ctx, today=TODAY).accept(d)
            round_id = RoundService(ctx, today=TODAY).create(RoundInput(2026, 2)).row.id
            team = council(ctx, round_id, (MEMBERS * 3)[:1] + [(f"Thành viên {k}", "member", "Sở", "") for k in
                                                                range(members - 1)])
            RoundService(ctx).assign(round_id, ids)
            answers = {t: answers_for(sheet_of(), t) for t in range(60, 80)}
            for n, d in enumerate(ids):
                for k, m in enumerate(team):
                    MemberScoreService(ctx).enter(round_id, d, m, answers[60 + (n + 3 * k) % 20])

            beat = Beat()
            page: list[EvaluationPage] = []

            def step(name: str, action, done) -> None:  # type: ignore[no-untyped-def]
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
                out[name] = {"wall_ms": round((time.perf_counter() - started) * 1000, 1),
                             "gui_busy_max_ms": round(beat.worst, 1)}

            def idle() -> bool:
                return page[0].is_ready()

            step("open page", lambda: page.append(EvaluationPage(ctx)) or page[0].resize(1280, 800) or page[0].show(),
                 idle)
            p = page[0]
            step("idle 0.5 s after opening (preloads)", lambda: None,
                 lambda: time.perf_counter() - beat.last > 0 and beat.worst >= 0 and _waited(0.5))
            step("rounds tab", lambda: p.show_tab("rounds"), idle)
            step("aggregate round", lambda: p.matrix.aggregate_round(), idle)
            step("matrix tab + one matrix", lambda: (p.show_tab("matrix"), p.matrix.select_dossier(ids[5])),
                 idle)
            step("scoring tab + open a sheet", lambda: (p.show_tab("scoring"),
                                                        p.scoring.select_dossier(ids[3])), idle)
            step("score editor", lambda: p.scoring.open_sheet(team[2]), lambda: p.scoring.editor is not None)
            step("results tab + propose", lambda: (p.show_tab("results"), p.results.propose()), idle)
            p.close()
            wait_for_tasks(5000)
        finally:
            ctx.close()
    print(json.dumps({"dossiers": dossiers, "members": members, "steps": out}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
