"""Exporting a long report from the figures panel (issue 14): the PDF and the XLSX are written on a worker
behind a progress dialog whose text is whole, and "Hủy" stops them with no file left behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.reports.panel import FiguresPanel
from tests.helpers.long_report import long_report
from tests.helpers.pdf import page_count
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture

ROWS = 2000
CANCELLED_ROWS = 20_000  # long enough that the dialog shows (after 400 ms) before the job ends


def _panel(qtbot, ctx: AppContext, rows: int) -> FiguresPanel:  # type: ignore[no-untyped-def]
    p = FiguresPanel(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    p._show(long_report("catalogue", rows))  # as if computed: what "Xem số liệu" shows
    p._enable()
    return p


def _export(qtbot, panel: FiguresPanel, kind: str, target: Path) -> QProgressDialog:  # type: ignore[no-untyped-def]
    panel.ask_save_path = lambda _name, _kind: target  # type: ignore[method-assign]
    qtbot.mouseClick(panel.pdf_button if kind == "pdf" else panel.xlsx_button, Qt.MouseButton.LeftButton)
    assert panel.task is not None
    dialog: QProgressDialog = panel.task.dialog  # type: ignore[attr-defined]
    return dialog


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_cancel_leaves_no_file(qtbot, province: AppContext, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    panel = _panel(qtbot, province, CANCELLED_ROWS)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = _export(qtbot, panel, kind, folder / f"danh-muc.{kind}")
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() > 0, timeout=60_000)  # under way
    label = dialog.findChild(QLabel)
    assert label is not None and ("Đang" in label.text())
    if kind == "pdf":
        dialog.grab().save(str(tmp_path / "progress.png"))
        assert label.heightForWidth(label.width()) <= label.height()  # the text is whole, wrapped or not
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # "Hủy"
    qtbot.waitUntil(lambda: panel.task is None, timeout=60_000)
    assert list(folder.iterdir()) == []  # neither the file nor a temporary one
    assert panel.saved is None and panel.pdf_button.isEnabled()


def test_the_whole_report_is_written_when_not_cancelled(qtbot, province: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    panel = _panel(qtbot, province, ROWS)
    target = tmp_path / "out" / "danh-muc.pdf"
    target.parent.mkdir()
    _export(qtbot, panel, "pdf", target)
    qtbot.waitUntil(lambda: panel.task is None, timeout=120_000)
    assert panel.saved == target and page_count(target) > 100
    assert list(target.parent.iterdir()) == [target]
