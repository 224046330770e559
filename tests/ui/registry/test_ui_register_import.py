"""The register import dialog from the producers page: dry run counts, refused rows first, apply with
progress, the list reloaded; nothing written before "Nhập"."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from helpers.qt import finish_tasks
from helpers.register import register_rows, write_register
from ocop_desktop.store.models import Certificate
from ocop_desktop.ui.registry.producers_page import ProducersPage


def test_import_dialog_previews_then_imports(qtbot, province_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = ProducersPage(province_ctx)
    qtbot.addWidget(page)
    page.open_import()
    dialog = page.import_dialog
    assert dialog is not None
    rows = register_rows(["00070", "00004"], 30)
    dialog.load(write_register(tmp_path / "so.xlsx", rows))
    finish_tasks(qtbot)
    counts = dialog.result.counts
    assert counts["refuse"] >= 2 and counts["create"] > 10
    assert dialog.filter.currentData() == "refuse"
    assert dialog.model.rowCount() == counts["refuse"]
    assert dialog.apply_button.isEnabled()
    with province_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0
    dialog.apply()
    finish_tasks(qtbot)
    assert not dialog.apply_button.isEnabled()
    assert dialog.model.rowCount() == len(rows)
    with province_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == counts["create"]
    assert page.model.total > 0
    dialog.close()
