"""Every main page of the app, offscreen at 1366×768, on the store the data folder names — after
`store migrate-to URL --use` that is the PostgreSQL server (issue 18's done-when: the app starts on
PostgreSQL with every page working). Prints how long the store took to open and each page to fill.

    uv run ocop-desktop --data-dir /tmp/prov demo-data --scale province
    uv run ocop-desktop --data-dir /tmp/prov store migrate-to --use postgresql://ocop@server/ocop_tinh
    uv run python benchmarks/shots/shoot_postgres.py --data-dir /tmp/prov /tmp/shots
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SIZE = (1366, 768)
PAGES = ["home", "producers", "products", "dossiers", "evaluation", "sync", "reports", "settings"]


def _settle(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def _wait(ready: Callable[[], bool], limit: float = 30.0) -> float:
    from PySide6.QtWidgets import QApplication

    began = time.monotonic()
    while not ready() and time.monotonic() - began < limit:
        QApplication.processEvents()
        time.sleep(0.02)
    _settle(0.2)
    return round(time.monotonic() - began, 2)


def _show_report(page: QWidget) -> Callable[[], bool]:
    """Press "Xem số liệu" on the reports page; ready once a table is on screen."""
    from PySide6.QtWidgets import QAbstractItemView, QPushButton

    button = next(b for b in page.findChildren(QPushButton) if b.text() == "Xem số liệu")
    button.click()
    views = lambda: [v for v in page.findChildren(QAbstractItemView) if v.isVisible()]  # noqa: E731
    return lambda: any(v.model() is not None and v.model().rowCount() > 0 for v in views())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.ui.dossiers import ops
    from ocop_desktop.ui.dossiers.editor import DossierEditor
    from ocop_desktop.ui.kit.tasks import wait_for_tasks
    from ocop_desktop.ui.shell.app import build_main_window, ensure_application
    from ocop_desktop.ui.shell.screenshot import _quiet_offscreen_noise

    app = ensure_application()
    _quiet_offscreen_noise()
    began = time.perf_counter()
    ctx = open_app(AppPaths.for_data_dir(args.data_dir))
    timings: dict[str, object] = {"open_store_s": round(time.perf_counter() - began, 2)}
    timings["engine"] = ctx.engine.url.get_backend_name()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    window = build_main_window(ctx)  # one window, as a person has: its pages shown in turn
    window.resize(*SIZE)
    window.show()
    try:
        for name in PAGES:
            page = window.show_page(name)
            page_ready: Callable[[], bool] = getattr(page, "is_ready", lambda: True)
            timings[f"{name}_s"] = _wait(lambda r=page_ready: window.summary_task is None and r())
            window.grab().save(str(args.out_dir / f"pg-{name}.png"), "PNG")
            if name == "reports":
                timings["report_shown_s"] = _wait(_show_report(page))
                window.grab().save(str(args.out_dir / "pg-reports-shown.png"), "PNG")
        rows = DossierService(ctx).search(limit=50)
        started = time.perf_counter()
        editor = DossierEditor(ctx, ops.open_dossier(None, ctx, rows[0].id))
        editor.resize(*SIZE)
        editor.show()
        editor.show_tab("checklist")
        _settle(0.5)
        editor.grab().save(str(args.out_dir / "pg-dossier.png"), "PNG")
        timings["dossier_s"] = round(time.perf_counter() - started, 2)
        editor.close()
        editor.deleteLater()
        window.close()
        app.processEvents()
        wait_for_tasks()
    finally:
        ctx.close()
    print(json.dumps(timings, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
