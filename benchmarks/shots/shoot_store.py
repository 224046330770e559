"""The store windows of issue 18, offscreen, in Vietnamese: the first-run wizard's server path (the new
office on an empty database, then a second desk joining it: scans folder, officer, keys), Settings'
"Nơi lưu dữ liệu" at 1366×768, the move to a server after it verified, the office-keys prompt. Runs its own
PostgreSQL (tests/helpers/postgres.py, the `pgserver` wheel).

    uv run python benchmarks/shots/shoot_store.py /tmp/shots
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OCOP_DESKTOP_KEYRING", "off")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SIZE = (1366, 768)


def _wait(ready: Callable[[], bool], limit: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    began = time.monotonic()
    while not ready() and time.monotonic() - began < limit:
        QApplication.processEvents()
        time.sleep(0.02)
    for _ in range(10):
        QApplication.processEvents()
        time.sleep(0.02)


def _save(widget: QWidget, out: Path, name: str) -> None:
    _wait(lambda: True)
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def main() -> None:
    from helpers.postgres import start
    from helpers.store_desks import fill
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.ui.shell.app import ensure_application
    from ocop_desktop.ui.shell.first_run import FirstRunWizard

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    ensure_application()
    server = start()
    work = Path(tempfile.mkdtemp(prefix="ocop-store-shots-"))
    try:
        url = server.url(server.new_database())
        # desk 1: a new province office on the empty database
        ctx = open_app(AppPaths.for_data_dir(work / "desk-1"))
        wizard = FirstRunWizard(ctx)
        wizard.show()
        wizard.roles.server.setChecked(True)
        _save(wizard, out, "store-wizard-role")
        wizard.next()
        fill(wizard.servers.form, url)
        wizard.next()
        _wait(lambda: wizard.currentPage() is wizard.units)
        wizard.back()
        _save(wizard, out, "store-wizard-server")
        wizard.next()
        wizard.units.province.edit.setText("ha noi")
        wizard.units.province.refresh()
        wizard.next()
        _save(wizard, out, "store-wizard-scans")
        wizard.next()
        wizard.officer.name.setText("Trần Thị Bình")
        wizard.next()
        _wait(lambda: wizard.currentPage() is wizard.done_page)
        _save(wizard, out, "store-wizard-done-new")
        desk1 = wizard.server_ctx
        assert desk1 is not None
        wizard.accept()
        from ocop_desktop.services.core import key_vault
        from ocop_desktop.services.core.officers import OfficerService

        OfficerService(desk1).add("Lê Văn Cường", "Chuyên viên", pin="2468")
        key_vault.share_keys(desk1, "mật khẩu văn phòng tỉnh", "mật khẩu văn phòng tỉnh")

        # desk 2 joins
        ctx2 = open_app(AppPaths.for_data_dir(work / "desk-2"))
        join = FirstRunWizard(ctx2)
        join.show()
        join.roles.server.setChecked(True)
        join.next()
        join.servers.form.as_url.setChecked(True)
        join.servers.form.url_edit.setText(url)
        join.servers.form.check()
        _wait(lambda: join.servers.form.probe is not None)
        _save(join, out, "store-wizard-server-office")
        join.next()
        _save(join, out, "store-wizard-scans-join")
        join.next()
        join.join.officers.setCurrentRow(1)
        join.join.pin.setText("0000")
        join.next()
        _wait(lambda: join.join.task is None)
        _save(join, out, "store-wizard-join-wrong-pin")
        join.join.pin.setText("2468")
        join.next()
        _wait(lambda: join.currentPage() is join.keys)
        form = join.keys.form
        assert form is not None
        form.passphrase.setText("sai")
        form.fetch()
        _wait(lambda: form.task is None)
        _save(join, out, "store-wizard-keys-wrong")
        form.passphrase.setText("mật khẩu văn phòng tỉnh")
        form.fetch()
        _wait(lambda: join.keys.fetched)
        join.next()
        _save(join, out, "store-wizard-done-join")
        desk2 = join.server_ctx
        join.accept()

        _settings(out, ctx, desk2)
        _move(out, work, server)
        _prompt(out, work, url)
        for c in (ctx, ctx2, desk1, desk2):
            if c is not None:
                c.close()
    finally:
        server.stop()


def _settings(out: Path, file_ctx: object, server_ctx: object) -> None:
    from ocop_desktop.ui.shell.settings_page import SettingsPage

    for name, c in (("store-settings-server", server_ctx),):
        page = SettingsPage(c)  # type: ignore[arg-type]
        page.resize(*SIZE)
        page.show()
        _wait(page.is_ready)
        _scroll_to(page)
        _save(page, out, name)
        page.close()


def _scroll_to(page: QWidget) -> None:
    from PySide6.QtWidgets import QScrollArea

    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(page.store_box, 0, 200)  # type: ignore[attr-defined]


def _move(out: Path, work: Path, server: object) -> None:
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.services.core.setup import initialise
    from ocop_desktop.ui.shell.settings_page import SettingsPage

    ctx = open_app(AppPaths.for_data_dir(work / "commune"))
    initialise(ctx, "province", "15", "Phạm Thu Hà")
    page = SettingsPage(ctx)
    page.resize(*SIZE)
    page.show()
    _wait(page.is_ready)
    _scroll_to(page)
    _save(page, out, "store-settings-file")
    dialog = page.store_box.open_move()
    dialog.form.as_url.setChecked(True)
    dialog.form.url_edit.setText(server.url(server.new_database()))  # type: ignore[attr-defined]
    _save(dialog, out, "store-move-start")
    dialog.start()
    _wait(lambda: dialog.task is not None)
    _wait(lambda: dialog.bar.value() > 300, 30)
    _save(dialog, out, "store-move-running")
    _wait(lambda: dialog.report is not None)
    _save(dialog, out, "store-move-done")
    dialog.use_server()
    _wait(lambda: dialog.task is None)
    _save(dialog, out, "store-move-switched")
    dialog.close()
    _save(page, out, "store-settings-switched")
    page.close()
    ctx.close()


def _prompt(out: Path, work: Path, url: str) -> None:
    from PySide6.QtWidgets import QWidget

    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.store.engines import save_configured_url
    from ocop_desktop.ui.shell.store_keys_prompt import KeysPrompt

    paths = AppPaths.for_data_dir(work / "desk-3")
    save_configured_url(paths.data_dir, url)
    ctx = open_app(paths)
    window = QWidget()
    window.resize(*SIZE)
    window.show()
    prompt = KeysPrompt(ctx, window)
    _wait(lambda: prompt.dialog is not None)
    assert prompt.dialog is not None
    _save(prompt.dialog, out, "store-keys-prompt")
    prompt.dialog.close()
    ctx.close()


if __name__ == "__main__":
    main()
