"""A desk's first start on the province office's server, the office keys shared but not on this desk
(issue 18): asked once for the office passphrase; "Để sau" is remembered (not asked at the next start,
Settings keeps saying so); the right passphrase installs the keys; a desk on its own file is never asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from helpers.store_desks import PASSPHRASE, first_desk
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.store.engines import DATABASE_ENV, save_configured_url
from ocop_desktop.ui.kit.settings import load_settings
from ocop_desktop.ui.kit.tasks import wait_for_tasks
from ocop_desktop.ui.shell.settings_page import SettingsPage
from ocop_desktop.ui.shell.store_keys_prompt import KeysPrompt

JOBS_MS = 30_000


@pytest.fixture(autouse=True)
def _no_database_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_ENV, "")


@pytest.fixture
def desks(pg_url: str, tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    """Desk 1 set the office up and shared its keys; desk 2 works on the same server, without keys."""
    desk1 = first_desk(tmp_path / "desk-1", pg_url)
    second = AppPaths.for_data_dir(tmp_path / "desk-2")
    save_configured_url(second.data_dir, pg_url)
    desk2 = open_app(second)
    yield desk1, desk2
    wait_for_tasks(JOBS_MS)
    desk2.close()
    desk1.close()


def _prompt(qtbot: QtBot, ctx: AppContext) -> KeysPrompt:
    window = QWidget()
    qtbot.addWidget(window)
    prompt = KeysPrompt(ctx, window)
    qtbot.waitUntil(prompt.is_done, timeout=JOBS_MS)
    return prompt


@pytest.mark.postgres
def test_asked_once_then_put_off_then_fetched(qtbot: QtBot, desks: tuple[AppContext, AppContext]) -> None:
    desk1, desk2 = desks
    prompt = _prompt(qtbot, desk2)
    dialog = prompt.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.later.text() == "Để sau"
    dialog.later.click()
    assert load_settings(desk2.paths.settings_path).office_keys_later  # remembered
    assert _prompt(qtbot, desk2).dialog is None  # the next start does not ask again

    page = SettingsPage(desk2)  # the notice stays in Settings
    qtbot.addWidget(page)
    qtbot.waitUntil(page.is_ready, timeout=JOBS_MS)
    assert page.office_keys_box is not None
    assert "Máy này chưa có khóa của cơ quan" in page.office_keys_box.status.text()

    path = desk2.paths.settings_path  # the answer forgotten: asked again
    path.write_text("{}", encoding="utf-8")
    prompt = _prompt(qtbot, desk2)
    dialog = prompt.dialog
    assert dialog is not None
    dialog.form.passphrase.setText("sai mật khẩu rồi")
    dialog.form.fetch_button.click()
    qtbot.waitUntil(lambda: dialog.form.task is None, timeout=JOBS_MS)
    assert "không đúng" in dialog.form.message.text() and dialog.isVisible()
    dialog.form.passphrase.setText(PASSPHRASE)
    dialog.form.fetch_button.click()
    qtbot.waitUntil(lambda: dialog.fetched, timeout=JOBS_MS)
    assert dialog.later.text() == "Đóng" and "Dấu vân tay khóa ký" in dialog.form.message.text()
    dialog.later.click()
    assert load_settings(path).office_keys_later == ""  # fetched: nothing put off
    mine = KeyStore(desk1.paths.keys_dir).signing_key().public_key().public_bytes_raw()
    assert KeyStore(desk2.paths.keys_dir).signing_key().public_key().public_bytes_raw() == mine
    assert _prompt(qtbot, desk2).dialog is None  # the desk has the keys now


@pytest.mark.postgres
def test_the_desk_that_has_the_keys_is_not_asked(qtbot: QtBot, desks: tuple[AppContext, AppContext]) -> None:
    desk1, _desk2 = desks
    save_configured_url(desk1.paths.data_dir, str(desk1.engine.url.render_as_string(hide_password=False)))
    assert _prompt(qtbot, desk1).dialog is None


@pytest.mark.sqlite_only  # a desk on its file (with --engine postgres the fixture's desk is on a server)
def test_a_desk_on_its_file_is_never_asked(qtbot: QtBot, ctx: AppContext) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    prompt = KeysPrompt(ctx, window)
    assert prompt.task is None and prompt.dialog is None


@pytest.mark.postgres
def test_the_window_asks_once_the_officer_is_chosen(
    qtbot: QtBot, desks: tuple[AppContext, AppContext]
) -> None:
    """Two active officers: who works is asked first; the keys dialog comes after, never both at once."""
    from ocop_desktop.ui.shell.app import build_main_window

    _desk1, desk2 = desks
    window = build_main_window(desk2)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: window.officers is not None and window.officers.chooser is not None, timeout=JOBS_MS
    )
    chooser = window.officers.chooser  # type: ignore[union-attr]
    assert chooser is not None and window.keys_prompt is None
    chooser.list.setCurrentRow(0)  # Trần Thị Bình, no PIN
    chooser.choose()
    qtbot.waitUntil(
        lambda: window.keys_prompt is not None and window.keys_prompt.dialog is not None, timeout=JOBS_MS
    )
    dialog = window.keys_prompt.dialog  # type: ignore[union-attr]
    assert dialog is not None and dialog.isVisible()
    dialog.later.click()
    assert load_settings(desk2.paths.settings_path).office_keys_later
    window.switch_officer()  # switching officer later does not ask again
    qtbot.waitUntil(lambda: window.officers.chooser is not None, timeout=JOBS_MS)  # type: ignore[union-attr]
    window.officers.chooser.choose()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.officers.chooser is None, timeout=JOBS_MS)  # type: ignore[union-attr]
    assert window.keys_prompt is not None and window.keys_prompt.dialog is None
