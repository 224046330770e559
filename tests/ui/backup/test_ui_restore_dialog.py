"""Tệp > Khôi phục từ bản sao lưu…: a wrong passphrase is said and closes nothing; the right one shows
the backup and what it would replace; the replacement needs consent; the store is released just
before the restore, which puts the commune's data in place and keeps the province's aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from helpers.qt import finish_tasks, type_unicode
from helpers.sync import Pair, logical_dump
from ocop_desktop.services.backup.create import create_backup
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.backup.restore_dialog import RestoreDialog
from ocop_desktop.ui.kit.errors import RecordingSink
from ocop_desktop.ui.shell.first_run import FirstRunWizard

PASS = "mật khẩu của xã đủ dài"


@pytest.mark.sqlite_only  # restores the SQLite file (a server desk: pg_dump, refused)
def test_read_consent_restore(qtbot: QtBot, pair: Pair, tmp_path: Path) -> None:
    made = create_backup(pair.commune.paths, tmp_path, PASS, scrypt_n=1 << 10)
    target = pair.province.paths
    released: list[bool] = []
    dialog = RestoreDialog(target, lambda: released.append(True))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.file
    dialog.file.setText(str(made.path))
    type_unicode(dialog.passphrase, PASS + "?")
    dialog.read_button.click()
    finish_tasks(qtbot)
    assert "Mật khẩu không đúng" in dialog.message.text() and not dialog.restore_button.isEnabled()
    assert released == []

    dialog.passphrase.clear()
    type_unicode(dialog.passphrase, PASS)
    dialog.read_button.click()
    finish_tasks(qtbot)
    assert "Phường Hoàn Kiếm" in dialog.account.text() and "Sẽ thay thế dữ liệu hiện có" in dialog.here.text()
    assert "Trần Thị Bình" not in dialog.here.text() and "Cơ quan:" in dialog.here.text()
    assert dialog.consent.isVisible() and not dialog.restore_button.isEnabled()
    dialog.consent.setChecked(True)
    assert dialog.restore_button.isEnabled()

    restored: list[object] = []
    dialog.restored.connect(restored.append)
    pair.province.close()
    dialog.restore_button.click()
    finish_tasks(qtbot)
    assert released == [True] and restored and restored[0] is dialog.result_
    assert dialog.result_ is not None and dialog.result_.aside is not None
    assert logical_dump(target.db_path) == logical_dump(pair.commune.paths.db_path)
    assert "Dữ liệu cũ được giữ lại" in dialog.account.text()
    dialog.close()


@pytest.mark.sqlite_only  # restores the SQLite file (a server desk: pg_dump, refused)
def test_a_new_pc_restores_from_the_first_run_wizard(
    qtbot: QtBot, pair: Pair, empty_ctx: AppContext, tmp_path: Path, messages: RecordingSink
) -> None:
    made = create_backup(pair.commune.paths, tmp_path, PASS, scrypt_n=1 << 10)
    wizard = FirstRunWizard(empty_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.roles.restore_button.click()
    dialog = wizard.findChild(RestoreDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.file.setText(str(made.path))
    type_unicode(dialog.passphrase, PASS)
    dialog.read_button.click()
    finish_tasks(qtbot)
    assert "Phường Hoàn Kiếm" in dialog.account.text() and "không có gì bị thay thế" in dialog.here.text()
    assert dialog.consent.isHidden() and dialog.restore_button.isEnabled()  # nothing here to lose
    dialog.restore_button.click()
    finish_tasks(qtbot)
    assert wizard.restored and not wizard.isVisible()
    assert any("hãy mở lại" in text for text in messages.texts())
    assert logical_dump(empty_ctx.paths.db_path) == logical_dump(pair.commune.paths.db_path)
    dialog.close()
