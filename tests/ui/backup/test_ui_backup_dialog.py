"""Tệp > Sao lưu…: the passphrase field has the focus, is typed twice, the backup runs with progress and
can be cancelled (no file left), and the automatic settings are kept with their passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from helpers.cut_off import cut_off
from helpers.qt import finish_tasks, type_unicode
from ocop_desktop.services.backup.restore import verify_backup
from ocop_desktop.services.backup.schedule import SECRET_FILE, load_schedule
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.backup import jobs
from ocop_desktop.ui.backup.dialog import BackupDialog

PASS = "mật khẩu của xã đủ dài"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "SCRYPT_N", 1 << 10)


def _dialog(qtbot: QtBot, ctx: AppContext, folder: Path) -> BackupDialog:
    folder.mkdir()
    dialog = BackupDialog(ctx.paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.folder.setText(str(folder))
    return dialog


@pytest.mark.sqlite_only  # backs up the SQLite file (a server desk: pg_dump, refused)
def test_focus_passphrase_twice_then_a_backup_with_progress(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, ctx, tmp_path / "usb")
    assert dialog.focusWidget() is dialog.passphrase
    type_unicode(dialog.passphrase, PASS)
    type_unicode(dialog.repeat, PASS + "x")
    dialog.start.click()
    assert "không giống nhau" in dialog.message.text() and dialog.task is None
    dialog.repeat.clear()
    type_unicode(dialog.repeat, PASS)
    seen: list[float] = []
    dialog.start.click()
    assert dialog.task is not None and dialog.start.text() == "Hủy" and not dialog.passphrase.isEnabled()
    assert cut_off(dialog) == []  # the dialog grew for the message and the progress bar
    dialog.task.progressed.connect(lambda f, _t: seen.append(f))
    finish_tasks(qtbot)
    assert dialog.created is not None and dialog.created.path.parent == tmp_path / "usb"
    assert "Đã sao lưu vào" in dialog.done_label.text() and dialog.start.text() == "Sao lưu"
    assert seen and max(seen) == 1.0
    assert verify_backup(dialog.created.path, PASS).office_role == "commune"
    assert load_schedule(ctx.paths).last_folder == str(tmp_path / "usb")
    dialog.close()


def test_cancel_leaves_no_file(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, ctx, tmp_path / "usb")
    type_unicode(dialog.passphrase, PASS)
    type_unicode(dialog.repeat, PASS)
    dialog.start.click()
    dialog.start.click()  # "Hủy"
    finish_tasks(qtbot)
    assert dialog.created is None and "không có tệp sao lưu nào" in dialog.step.text()
    assert list((tmp_path / "usb").iterdir()) == []
    assert dialog.passphrase.isEnabled() and dialog.start.text() == "Sao lưu"
    dialog.close()


@pytest.mark.sqlite_only  # backs up the SQLite file (a server desk: pg_dump, refused)
def test_automatic_backups_keep_the_passphrase(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, ctx, tmp_path / "usb")
    type_unicode(dialog.passphrase, PASS)
    type_unicode(dialog.repeat, PASS)
    dialog.auto.setChecked(True)
    dialog.hours.setValue(8)
    dialog.keep.setValue(3)
    dialog.start.click()
    finish_tasks(qtbot)
    saved = load_schedule(ctx.paths)
    assert (saved.enabled, saved.folder, saved.every_hours, saved.keep) == (True, str(tmp_path / "usb"), 8, 3)
    assert (ctx.paths.keys_dir / SECRET_FILE).is_file()
    made = jobs.automatic_if_due(None, ctx.paths)  # type: ignore[arg-type]
    assert made is not None and verify_backup(made.path, PASS).kind == "auto"
    assert jobs.automatic_if_due(None, ctx.paths) is None  # type: ignore[arg-type]
    dialog.close()


def test_f1_in_the_backup_and_restore_dialogs_opens_the_backup_page(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    from ocop_desktop.ui.backup.restore_dialog import RestoreDialog
    from ocop_desktop.ui.kit.help_window import HelpWindow

    for dialog in (_dialog(qtbot, ctx, tmp_path / "usb"), RestoreDialog(ctx.paths, lambda: None)):
        qtbot.addWidget(dialog)
        assert dialog.help_key.key().toString() == "F1"
        dialog.help_key.activated.emit()
        shown = dialog.findChild(HelpWindow)
        assert isinstance(shown, HelpWindow) and shown.current == "sao-luu" and shown.isVisible()
        assert "Khi bị ngắt giữa chừng" in shown.browser.toPlainText()
        shown.close()
