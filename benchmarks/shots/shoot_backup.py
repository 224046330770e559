"""The documentation screenshots of backups (issue 17), rendered offscreen at 1366×768:

    uv run ocop-desktop --data-dir /tmp/dd demo-data --scale commune
    uv run python benchmarks/shots/shoot_backup.py --data-dir /tmp/dd docs/screenshots

The Settings page (key protection, the backup button), the backup dialog over the main window while
a backup runs, the restore dialog after reading a backup over data, and the first-run wizard's restore
button on a new PC."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

SIZE = (1366, 768)
PASS = "mật khẩu của xã đủ dài"


def _settle(seconds: float = 0.4) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def _over(window, dialog, out: Path) -> Path:  # type: ignore[no-untyped-def]
    """The window with the dialog drawn centred on it, as a person sees it."""
    from PySide6.QtGui import QColor, QPainter

    _settle()
    picture = window.grab()
    shot = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 70))  # the modal dimming
    painter.drawPixmap((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 2, shot)
    painter.end()
    picture.save(str(out))
    return out


def shoot(data_dir: Path, out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OCOP_DESKTOP_KEYRING", "off")
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.backup.create import create_backup
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.ui.backup.dialog import BackupDialog
    from ocop_desktop.ui.backup.restore_dialog import RestoreDialog
    from ocop_desktop.ui.kit.tasks import wait_for_tasks
    from ocop_desktop.ui.shell.app import build_main_window, ensure_application
    from ocop_desktop.ui.shell.first_run import FirstRunWizard
    from ocop_desktop.ui.shell.screenshot import _quiet_offscreen_noise

    ensure_application()
    _quiet_offscreen_noise()
    out_dir.mkdir(parents=True, exist_ok=True)
    ctx = open_app(AppPaths.for_data_dir(data_dir))
    written = []
    window = build_main_window(ctx)
    window.resize(*SIZE)
    window.show()
    page = window.show_page("settings")
    end = time.monotonic() + 10
    while not page.is_ready() and time.monotonic() < end:  # type: ignore[attr-defined]
        _settle(0.1)
    _settle()
    window.grab().save(str(out_dir / "backup-settings.png"))
    written.append(out_dir / "backup-settings.png")

    with tempfile.TemporaryDirectory() as tmp:
        dialog = BackupDialog(ctx.paths, window)
        dialog.folder.setText(tmp)
        dialog.passphrase.setText(PASS)
        dialog.repeat.setText(PASS)
        dialog.auto.setChecked(True)
        dialog.show()
        dialog._running(True)  # as it looks while a backup runs
        dialog.bar.setValue(420)
        dialog.step.setText("Đang sao lưu blobs/3f/3f9a…")
        written.append(_over(window, dialog, out_dir / "backup-dialog.png"))
        dialog.close()

        made = create_backup(ctx.paths, Path(tmp), PASS, scrypt_n=1 << 10)
        restore = RestoreDialog(ctx.paths, None, window)
        restore.file.setText(str(made.path))
        restore.passphrase.setText(PASS)
        restore.show()
        restore.read_button.click()
        wait_for_tasks()
        _settle(0.6)
        restore.adjustSize()
        written.append(_over(window, restore, out_dir / "backup-restore.png"))
        restore.close()

        fresh = open_app(AppPaths.for_data_dir(Path(tmp) / "new-pc"))
        wizard = FirstRunWizard(fresh)
        wizard.show()
        _settle()
        wizard.grab().save(str(out_dir / "backup-first-run.png"))
        written.append(out_dir / "backup-first-run.png")
        wizard.close()
        fresh.close()
    window.close()
    wait_for_tasks()
    ctx.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    for path in shoot(args.data_dir, args.out):
        print(path)


if __name__ == "__main__":
    main()
