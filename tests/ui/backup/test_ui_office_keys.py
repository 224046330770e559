"""Settings on a desk of a province office on a database server: the office keys box shares this desk's
keys (the passphrase typed twice) and installs them on a second desk opening the same database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.store.engines import save_configured_url
from ocop_desktop.ui.backup.office_keys import OfficeKeysBox, PassphraseDialog
from ocop_desktop.ui.shell.settings_page import SettingsPage

PASSPHRASE = "mật khẩu văn phòng tỉnh"


def _box(qtbot: QtBot, ctx: AppContext) -> OfficeKeysBox:
    box = OfficeKeysBox(ctx)
    qtbot.addWidget(box)
    qtbot.waitUntil(box.is_ready, timeout=10_000)
    return box


def test_share_here_then_fetch_at_the_second_desk(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    box = _box(qtbot, ctx)
    assert box.share_button.isEnabled() and not box.fetch_button.isEnabled()
    assert "chưa chia sẻ" in box.status.text()
    box.ask = lambda twice: (PASSPHRASE, PASSPHRASE)  # type: ignore[method-assign]
    qtbot.mouseClick(box.share_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.state is not None and box.state.shared and box.is_ready(), timeout=20_000)
    assert "Dấu vân tay khóa ký" in box.status.text()  # to compare between desks, no modal box to dismiss
    database = ctx.engine.url.render_as_string(hide_password=False)  # the file, or the server (--engine)
    second = open_app(AppPaths.for_data_dir(tmp_path / "desk-2"), database=database)
    try:
        other = _box(qtbot, second)
        assert other.fetch_button.isEnabled() and not other.share_button.isEnabled()
        other.ask = lambda twice: (PASSPHRASE, PASSPHRASE)  # type: ignore[method-assign]
        qtbot.mouseClick(other.fetch_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: other.state is not None and other.state.local, timeout=20_000)
        mine = KeyStore(ctx.paths.keys_dir).signing_key().public_key().public_bytes_raw()
        assert KeyStore(second.paths.keys_dir).signing_key().public_key().public_bytes_raw() == mine
    finally:
        second.close()


def test_the_passphrase_dialog_asks_twice_only_to_share(qtbot: QtBot) -> None:
    share, fetch = PassphraseDialog(True), PassphraseDialog(False)
    for dialog in (share, fetch):
        qtbot.addWidget(dialog)
        dialog.show()
    assert share.again.isVisible() and not fetch.again.isVisible()
    qtbot.keyClicks(fetch.passphrase, "abc")
    assert fetch.values() == ("abc", "abc")


@pytest.mark.sqlite_only  # starts from a desk on its file; the server half is the saved choice below
def test_settings_show_the_box_only_on_a_server(qtbot: QtBot, ctx: AppContext) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.office_keys_box is None
    save_configured_url(ctx.paths.data_dir, "postgresql://ocop@127.0.0.1:5432/ocop")
    page = SettingsPage(ctx)  # the same store: only the saved choice says "server"
    qtbot.addWidget(page)
    assert page.office_keys_box is not None
    qtbot.waitUntil(page.is_ready, timeout=20_000)
