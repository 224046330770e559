"""Screenshots of issue 15's dossier parts at 1366×768, from a demo data folder (changed by this script:
use a copy): a dossier window whose Mẫu 02 disagrees with the producer's record, and the list with
"Hiện cả hồ sơ lưu trữ" ticked after one withdrawn dossier of last year was archived.

    uv run ocop-desktop --data-dir /tmp/dd demo-data --scale commune
    uv run python benchmarks/shots/shoot_closing.py --data-dir /tmp/dd /tmp/shots
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import UTC, datetime
from pathlib import Path

SIZE = (1366, 768)


def _settle(seconds: float = 0.5) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def _prepare(ctx) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(a dossier whose Mẫu 02 differs from its producer, a withdrawn dossier of last year, archived)."""
    from sqlalchemy import select

    from ocop_desktop.services.dossiers.closing import DossierArchiveService
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.store.models import DossierEvent

    service = DossierService(ctx)
    rows = service.search()
    editable = next(r for r in rows if r.status in ("draft", "complete", "received"))
    d = service.get(editable.id)
    service.save_section(
        d.row.id,
        "mau02_part1",
        {"address": "Thôn Đông, xã Khác", "representative_sex": "nam", "representative_ethnicity": "Kinh"},
        expected_revision=d.row.revision,
    )
    gone = next(r for r in rows if r.status in ("sent", "accepted", "commune_checked") and r.id != d.row.id)
    service.act(gone.id, "withdraw", note="Chủ thể ngừng sản xuất sản phẩm (đơn ngày 02/12/2026).")
    with ctx.sessions.begin() as s:
        for e in s.scalars(select(DossierEvent).where(DossierEvent.dossier_id == gone.id)):
            e.at = datetime(2025, 11, 3, 9, 0, tzinfo=UTC)
    DossierArchiveService(ctx).archive(gone.id, expected_revision=service.get(gone.id).row.revision)
    return d.row.id, gone.id


def shoot(ctx, out_dir: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.dossiers import ops
    from ocop_desktop.ui.dossiers.editor import DossierEditor
    from ocop_desktop.ui.dossiers.list_page import DossiersPage

    out_dir.mkdir(parents=True, exist_ok=True)
    differing, archived = _prepare(ctx)
    written = []
    for name, dossier_id, tab in (
        ("dossier-producer-record.png", differing, "mau02_part1"),
        ("dossier-archived.png", archived, "history"),
    ):
        editor = DossierEditor(ctx, ops.open_dossier(None, ctx, dossier_id))
        editor.resize(*SIZE)
        editor.show()
        editor.show_tab(tab)
        _settle()
        editor.grab().save(str(out_dir / name), "PNG")
        written.append(out_dir / name)
        editor.close()
    page = DossiersPage(ctx)
    page.resize(*SIZE)
    page.show()
    page.with_archived.setChecked(True)
    _settle()
    page.grab().save(str(out_dir / "dossier-list-archive.png"), "PNG")
    written.append(out_dir / "dossier-list-archive.png")
    page.close()
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
    for path in shoot(ctx, Path(args.out_dir)):
        print(path)
    wait_for_tasks(5000)


if __name__ == "__main__":
    main()
