"""The documentation screenshots of the dossier workspace, rendered offscreen from a data folder
(the demo data has dossiers in several states):

    uv run ocop-desktop --data-dir /tmp/dd demo-data --scale commune
    uv run python benchmarks/shots/shoot_dossiers.py --data-dir /tmp/dd docs/screenshots
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

SIZE = (1280, 800)
# file name -> (editor tab, the statuses to prefer for a telling picture)
EDITOR_SHOTS = {
    "dossier-mau01.png": ("mau01", ("draft", "complete", "received")),
    "dossier-checklist.png": ("checklist", ("draft", "complete", "received")),
    "dossier-self-assessment.png": ("self_assessment", ("received", "commune_checked", "complete")),
    "dossier-mau03.png": ("mau03", ("commune_checked", "received")),
}


def _settle(seconds: float = 0.4) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(ctx: AppContext, out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.ui.dossiers import ops
    from ocop_desktop.ui.dossiers.editor import DossierEditor
    from ocop_desktop.ui.shell.screenshot import _quiet_offscreen_noise, take_screenshot

    out_dir.mkdir(parents=True, exist_ok=True)
    written = [take_screenshot(ctx, str(out_dir / "dossier-list.png"), "dossiers", SIZE)]
    _quiet_offscreen_noise()
    rows = DossierService(ctx).search()
    for name, (tab, statuses) in EDITOR_SHOTS.items():
        row = next((r for s in statuses for r in rows if r.status == s), rows[0] if rows else None)
        if row is None:
            raise SystemExit("Không có hồ sơ nào để chụp: hãy tạo dữ liệu mẫu trước (demo-data).")
        editor = DossierEditor(ctx, ops.open_dossier(None, ctx, row.id))  # as the list page opens it
        editor.resize(*SIZE)
        editor.show()
        editor.show_tab(tab)
        _settle()
        target = out_dir / name
        editor.grab().save(str(target), "PNG")
        editor.close()
        editor.deleteLater()
        _settle(0.1)
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("out_dir")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.ui.kit.tasks import wait_for_tasks
    from ocop_desktop.ui.shell.app import ensure_application

    ensure_application()
    ctx = open_app(AppPaths.for_data_dir(args.data_dir))
    try:
        for path in shoot(ctx, Path(args.out_dir)):
            print(path)
        wait_for_tasks()
    finally:
        ctx.close()


if __name__ == "__main__":
    main()
