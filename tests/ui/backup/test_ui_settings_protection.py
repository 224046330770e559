"""Settings say plainly how the office keys are protected on this machine, and open the backup."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.backup.dialog import BackupDialog
from ocop_desktop.ui.shell.settings_page import SettingsPage


def test_settings_tell_the_key_protection_and_open_the_backup(qtbot: QtBot, ctx: AppContext) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    # no keyring in tests: the plain file, and what that means, said
    assert "Không có kho khóa của hệ điều hành" in page.protection.text()
    assert "hãy giữ máy và các bản sao lưu cẩn thận" in page.protection.text()
    dialog = page._open_backup()
    assert isinstance(dialog, BackupDialog) and dialog.isVisible()
    dialog.close()
