"""Settings → the rule set's corrections and suspect values, listed for administrators."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.shell.settings_page import SettingsPage


def test_settings_lists_every_correction_and_suspect_value(qtbot: QtBot, ctx: AppContext) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(page.is_ready)
    assert page.rules_box.title() == "Bộ tiêu chí đánh giá"
    qtbot.mouseClick(page.show_notices, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notices_dialog is not None and page.notices_dialog.isVisible())
    dialog = page.notices_dialog
    assert dialog is not None
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert len(rows) == 8 and "qd26-2026" in dialog.intro.text() and "8 điểm" in dialog.intro.text()
    assert ["7", "tiêu chí 3.1", "Giá trị nghi vấn"] == rows[2][:3] and "CHƯA sửa" in rows[2][3]
    assert ["26", "tiêu đề Phần A", "Giá trị nghi vấn"] == rows[6][:3] and '"35 Điểm"' in rows[6][3]
    assert [r[2] for r in rows].count("Đã hiệu chỉnh") == 3
    # each row as tall as its text at the table's real width: three lines at most, not a screenful
    line = table.fontMetrics().lineSpacing()
    assert max(table.rowHeight(r) for r in range(len(rows))) <= 4 * line + 12
    dialog.close()
