"""What following other desks' changes costs (issue 18), JSON on stdout.

- The poll (`services.core.changes.ChangeWatch.poll`, on a worker every 5 s): nothing changed (the common
  case: one read of the log's highest number) and after another desk saved a dossier; on the province demo's
  SQLite file and on a PostgreSQL database of a real server (tests/helpers/postgres.py).
- What a change costs the GUI thread at province scale (60,000 dossiers): the dossier and products lists
  read again on a worker and put in place keeping the selection and scroll (`LazyTableModel.reread`), with
  one page (200 rows) and ten pages loaded; for comparison the same read in place (`refresh_kept`, what a
  desk's own save does). The home page's count runs on a worker (its time is reported; the page counts at
  most every 30 s after changes).

Run: uv run python benchmarks/change_watch.py PROVINCE_DATA_DIR [--save]
(the folder is opened in place and changed: use a copy of a `demo-data --scale province` folder).
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
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # helpers.postgres

from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.changes import ChangeWatch  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402


def ms(fn: Callable[[], object], runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    return {"median_ms": round(statistics.median(times), 3), "p95_ms": round(p95, 3)}


def a_draft(ctx: AppContext) -> str:
    from helpers.builders import make_product

    return DossierService(ctx).create(make_product(ctx, commune="00004"), "first").row.id


def polls(desk: AppContext, other: AppContext, dossier_id: str) -> dict[str, Any]:
    """The poll with nothing changed, and after the other desk saved the dossier (then what it says)."""
    watch = ChangeWatch(desk)
    quiet = ms(watch.poll, 500)
    service = DossierService(other)
    times, seen = [], 0
    for n in range(50):
        revision = service.get(dossier_id).row.revision
        service.save_section(dossier_id, "mau01", {"email": f"ban{n}@example.vn"}, expected_revision=revision)
        start = time.perf_counter()
        changes = watch.poll()
        times.append((time.perf_counter() - start) * 1000)
        seen += dossier_id in changes.dossiers and changes.touches("dossiers")
    return {
        "nothing_changed": quiet,
        "after_a_save": {"median_ms": round(statistics.median(times), 3)},
        "saves_seen_as_elsewhere": f"{seen}/50",
    }


def sqlite_polls(data_dir: Path) -> dict[str, Any]:
    desk, other = open_app(AppPaths.for_data_dir(data_dir)), open_app(AppPaths.for_data_dir(data_dir))
    try:
        with desk.read() as s:
            from sqlalchemy import func, select

            from ocop_desktop.store.models import AuditEntry, Dossier

            log = s.scalar(select(func.count()).select_from(AuditEntry))
            dossiers = s.scalar(select(func.count()).select_from(Dossier))
        return {"dossiers": dossiers, "log_entries": log, **polls(desk, other, a_draft(desk))}
    finally:
        other.close()
        desk.close()


def server_polls() -> dict[str, Any]:
    from helpers.postgres import start
    from ocop_desktop.services.core.setup import initialise

    server = start()
    try:
        name = server.new_database()
        with tempfile.TemporaryDirectory() as tmp:
            desk = open_app(AppPaths.for_data_dir(Path(tmp) / "a"), database=server.url(name))
            initialise(desk, "province", "01", "Trần Thị Bình")
            other = open_app(AppPaths.for_data_dir(Path(tmp) / "b"), database=server.url(name))
            try:
                return {"database": "a new province office", **polls(desk, other, a_draft(desk))}
            finally:
                other.close()
                desk.close()
    finally:
        server.stop()


def swap_ms(app: Any, page: Any, runs: int = 20) -> dict[str, float]:
    """A change elsewhere: the rows read on a worker, then put in place on the GUI thread (timed: the
    reset inside `kept_view`, which restores the selection and the scroll)."""
    from contextlib import contextmanager

    from ocop_desktop.ui.kit.kept_view import kept_view

    spans: list[float] = []

    @contextmanager
    def timed() -> Any:
        start = time.perf_counter()
        with kept_view(page.table):
            yield
        spans.append((time.perf_counter() - start) * 1000)

    for _ in range(runs):
        fetch, count = page.worker_source()
        task = page.model.reread(fetch, count, around=timed)
        while not task.done:
            app.processEvents()
            time.sleep(0.001)
    spans.sort()
    return {"median_ms": round(statistics.median(spans), 3), "max_ms": round(spans[-1], 3)}


def gui_reads(data_dir: Path) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from ocop_desktop.services.reports.attention import AttentionService
    from ocop_desktop.ui.dossiers.list_page import DossiersPage
    from ocop_desktop.ui.kit.tasks import wait_for_tasks
    from ocop_desktop.ui.registry.products_page import ProductsPage

    app = QApplication.instance() or QApplication([])
    ctx = open_app(AppPaths.for_data_dir(data_dir))
    out: dict[str, Any] = {}
    try:
        for name, page in (("dossiers", DossiersPage(ctx)), ("products", ProductsPage(ctx))):
            page.resize(1366, 700)
            page.show()
            for pages in (1, 10):
                while page.model.rowCount() < pages * 200 and page.model.canFetchMore():
                    page.model.fetchMore()
                page.table.selectRow(min(pages * 200, page.model.rowCount()) - 50)
                page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum() // 2)
                rows = page.model.rowCount()
                out[f"{name}_list_{rows}_rows_on_the_gui_thread"] = swap_ms(app, page)
                out[f"{name}_list_{rows}_rows_read_in_place_before"] = ms(page.refresh_kept, 10)
                wait_for_tasks()
                app.processEvents()
            page.close()
        start = time.perf_counter()
        AttentionService(ctx).summary(date.today())
        out["home_count_on_a_worker_ms"] = round((time.perf_counter() - start) * 1000, 1)
    finally:
        wait_for_tasks()
        ctx.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/change_watch.json")
    args = parser.parse_args()
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load": os.getloadavg()[0],
        "sqlite_province_demo": sqlite_polls(args.data_dir),
        "postgresql": server_polls(),
        "gui_thread_reads_after_a_change": gui_reads(args.data_dir),
    }
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.save:
        (ROOT / "benchmarks" / "results" / "change_watch.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
