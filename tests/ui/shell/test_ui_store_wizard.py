"""First-run wizard, "Văn phòng tỉnh dùng máy chủ chung" (issue 18), on a real PostgreSQL server: a new
province office on an empty database; a second desk joining the office another desk set up (officer with
a PIN, the shared scans folder, the office keys); a wrong password and an unreachable server said on the
page with nothing saved and no folder made."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from helpers.postgres import PostgresServer, free_port
from helpers.store_desks import PASSPHRASE, PIN, choice, fill, first_desk, password_role
from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.ocoppkg.keys import KeyStore, readable_from_fingerprint
from ocop_desktop.services.core import store_choice
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.store.engines import DATABASE_ENV, is_sqlite
from ocop_desktop.ui.kit.settings import load_settings
from ocop_desktop.ui.shell.first_run import FirstRunWizard

# The first-run wizard starts from a new desk on its SQLite file and starts a server of its own: with
# `--engine postgres` the fixtures' desk is already on a server, so these are skipped there.
pytestmark = [pytest.mark.postgres, pytest.mark.sqlite_only]
JOBS_MS = 30_000


@pytest.fixture(autouse=True)
def _no_database_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_ENV, "")


@pytest.fixture
def wizard(qtbot: QtBot, empty_ctx: AppContext):  # type: ignore[no-untyped-def]
    w = FirstRunWizard(empty_ctx)
    qtbot.addWidget(w)
    w.show()
    yield w
    if w.server_ctx is not None:
        qtbot.waitUntil(lambda: w.officer.task is None and w.join.task is None, timeout=JOBS_MS)
        w.server_ctx.close()


def _to_server_page(wizard: FirstRunWizard) -> None:
    wizard.roles.server.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.servers


def _go_on(qtbot: QtBot, wizard: FirstRunWizard, page: object) -> None:
    """ "Tiếp tục": the page's work runs in the background, the wizard moves on when it is done."""
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=JOBS_MS)


def test_an_empty_database_becomes_a_new_province_office(
    qtbot: QtBot, wizard: FirstRunWizard, empty_ctx: AppContext, pg_url: str, tmp_path: Path, type_unicode
) -> None:  # type: ignore[no-untyped-def]
    _to_server_page(wizard)
    fill(wizard.servers.form, pg_url)
    _go_on(qtbot, wizard, wizard.units)  # checked on the way: an empty database, so a new office
    assert "chưa có văn phòng nào" in wizard.servers.form.result.text()
    assert wizard.units.commune.isHidden()
    qtbot.keyClicks(wizard.units.province.edit, "lao cai")
    wizard.units.province.refresh()
    wizard.next()
    assert wizard.currentPage() is wizard.scans and not wizard.scans.shared.isChecked()
    share = tmp_path / "chia-se" / "ocop-blobs"
    wizard.scans.shared.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.scans and "thư mục dùng chung" in wizard.scans.message.text()
    wizard.scans.folder.setText(str(share))
    wizard.next()
    assert wizard.currentPage() is wizard.officer
    type_unicode(wizard.officer.name, "Phạm Thu Hà")
    wizard.next()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()  # set up: not left half done
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=JOBS_MS)

    server = wizard.server_ctx
    assert server is not None and not is_sqlite(server.engine)
    office = server.office()
    assert (office.role, office.unit_code) == ("province", "15")
    assert empty_ctx.office_or_none() is None  # the SQLite file stays without an office
    saved = choice(empty_ctx.paths.data_dir)
    assert saved is not None and saved["url"] == wizard.servers.url()
    assert Path(str(saved["blobs"])) == share.resolve() and share.is_dir()
    assert server.paths.blobs_dir == share.resolve()
    assert "Máy chủ: postgresql://postgres@127.0.0.1" in wizard.done_page.summary.text()
    assert wizard.done_page.fingerprint.text() == wizard.result_.readable_fingerprint  # type: ignore[union-attr]
    wizard.accept()


def test_a_second_desk_joins_the_office_and_fetches_its_keys(
    qtbot: QtBot, wizard: FirstRunWizard, empty_ctx: AppContext, pg_url: str, tmp_path: Path
) -> None:
    desk1 = first_desk(tmp_path / "desk-1", pg_url)
    try:
        _to_server_page(wizard)
        wizard.servers.form.as_url.setChecked(True)
        wizard.servers.form.url_edit.setText(pg_url)
        _go_on(qtbot, wizard, wizard.scans)  # the office exists: no unit page, no new office
        assert "Cơ quan thường trực OCOP Thành phố Hà Nội" in wizard.servers.form.result.text()
        wizard.next()
        assert wizard.currentPage() is wizard.join
        names = [wizard.join.officers.item(i).text() for i in range(wizard.join.officers.count())]
        assert names == ["Trần Thị Bình", "Lê Văn Cường — Chuyên viên"]
        wizard.join.officers.setCurrentRow(1)
        assert not wizard.join.pin.isHidden()
        wizard.join.pin.setText("0000")
        wizard.next()  # "Kết nối"
        qtbot.waitUntil(lambda: wizard.join.task is None, timeout=JOBS_MS)
        assert wizard.currentPage() is wizard.join and "PIN" in wizard.join.message.text()
        assert choice(empty_ctx.paths.data_dir) is None and wizard.server_ctx is None  # nothing saved
        wizard.join.pin.setText(PIN)
        _go_on(qtbot, wizard, wizard.keys)
        assert choice(empty_ctx.paths.data_dir) == {"url": pg_url}
        server = wizard.server_ctx
        assert server is not None and server.officer_id == wizard.join.selected().id  # type: ignore[union-attr]
        assert load_settings(empty_ctx.paths.settings_path).last_officer == server.officer_id

        form = wizard.keys.form
        assert form is not None
        form.passphrase.setText("không phải mật khẩu")
        form.fetch()
        qtbot.waitUntil(lambda: form.task is None, timeout=JOBS_MS)
        assert "không đúng" in form.message.text()
        assert not KeyStore(empty_ctx.paths.keys_dir).has_signing_key()  # nothing written
        form.passphrase.setText(PASSPHRASE)
        form.fetch()
        qtbot.waitUntil(lambda: wizard.keys.fetched, timeout=JOBS_MS)
        assert wizard.button(QWizard.WizardButton.NextButton).text() == "Tiếp tục >"
        wizard.next()
        assert wizard.currentPage() is wizard.done_page
        mine = KeyStore(desk1.paths.keys_dir).signing_key().public_key().public_bytes_raw()
        theirs = KeyStore(empty_ctx.paths.keys_dir).signing_key().public_key().public_bytes_raw()
        assert mine == theirs
        assert wizard.done_page.fingerprint.text() == readable_from_fingerprint(wizard.fingerprint)
        assert "Lê Văn Cường" in wizard.done_page.summary.text()
        assert load_settings(empty_ctx.paths.settings_path).office_keys_later == ""  # not put off
        wizard.accept()
    finally:
        desk1.close()


def test_keys_put_off_at_the_join_are_not_asked_again(
    qtbot: QtBot, wizard: FirstRunWizard, empty_ctx: AppContext, pg_url: str, tmp_path: Path
) -> None:
    desk1 = first_desk(tmp_path / "desk-1", pg_url)
    try:
        _to_server_page(wizard)
        fill(wizard.servers.form, pg_url)
        _go_on(qtbot, wizard, wizard.scans)
        wizard.next()
        _go_on(qtbot, wizard, wizard.keys)  # the first officer: no PIN
        assert wizard.button(QWizard.WizardButton.NextButton).text() == "Để sau >"
        wizard.next()  # without the keys
        assert wizard.currentPage() is wizard.done_page
        assert "chưa có khóa" in wizard.done_page.summary.text()
        assert wizard.done_page.note.isHidden() and wizard.done_page.fingerprint.text() == ""
        later = load_settings(empty_ctx.paths.settings_path).office_keys_later
        assert later and later == key_fingerprint(desk1)
        wizard.accept()
    finally:
        desk1.close()


def key_fingerprint(ctx: AppContext) -> str:
    from ocop_desktop.services.core.key_vault import office_signing_fingerprint

    return office_signing_fingerprint(ctx)


def test_an_unreachable_server_is_said_and_nothing_changes(
    qtbot: QtBot, wizard: FirstRunWizard, empty_ctx: AppContext
) -> None:
    _to_server_page(wizard)
    form = wizard.servers.form
    form.host.setText("127.0.0.1")
    form.port.setText(str(free_port()))
    form.database.setText("ocop_tinh")
    form.user.setText("ocop")
    form.password.setText("bi-mat")
    wizard.next()
    qtbot.waitUntil(lambda: form.task is None and not form.result.isHidden(), timeout=JOBS_MS)
    assert wizard.currentPage() is wizard.servers
    assert form.result.text().startswith("Không kết nối được máy chủ cơ sở dữ liệu postgresql://ocop:***@")
    assert "bi-mat" not in form.result.text()
    assert choice(empty_ctx.paths.data_dir) is None
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # fix the fields and try again


def test_a_wrong_password_is_said_and_nothing_changes(
    qtbot: QtBot, wizard: FirstRunWizard, empty_ctx: AppContext, pg_server: PostgresServer
) -> None:
    with password_role(pg_server) as database:
        _to_server_page(wizard)
        form = wizard.servers.form
        fill(form, f"postgresql://mat_khau:sai@127.0.0.1:{pg_server.port}/{database}")
        qtbot.mouseClick(form.check_button, _left())
        qtbot.waitUntil(lambda: form.task is None and not form.result.isHidden(), timeout=JOBS_MS)
        assert "sai tên người dùng hoặc mật khẩu" in form.result.text()
        assert wizard.currentPage() is wizard.servers and form.probe is None
        assert choice(empty_ctx.paths.data_dir) is None


def test_missing_fields_are_said_under_them(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    _to_server_page(wizard)
    form = wizard.servers.form
    form.port.setText("99999")
    wizard.next()
    assert wizard.currentPage() is wizard.servers and form.task is None
    assert form.messages.text("host") == "Cần nhập tên hoặc địa chỉ máy chủ."
    assert form.messages.text("database") == "Cần nhập tên cơ sở dữ liệu."
    assert "65535" in form.messages.text("port")


def test_the_service_makes_no_folder_and_saves_nothing_when_the_server_refuses(
    empty_ctx: AppContext, pg_server: PostgresServer, tmp_path: Path
) -> None:
    share = tmp_path / "chia-se"
    with password_role(pg_server) as database:
        url = f"postgresql://mat_khau:sai@127.0.0.1:{pg_server.port}/{database}"
        with pytest.raises(EnvironmentProblem, match="sai tên người dùng hoặc mật khẩu"):
            store_choice.set_up_on_server(empty_ctx.paths, url, "01", "Phạm Thu Hà", share)
        with pytest.raises(EnvironmentProblem, match="sai tên người dùng hoặc mật khẩu"):
            store_choice.join_server(empty_ctx.paths, url, "x", None, share)
    unreachable = f"postgresql://ocop@127.0.0.1:{free_port()}/ocop"
    with pytest.raises(EnvironmentProblem, match="Không kết nối được"):
        store_choice.set_up_on_server(empty_ctx.paths, unreachable, "01", "Phạm Thu Hà", share)
    assert not share.exists() and choice(empty_ctx.paths.data_dir) is None


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_application_goes_on_with_the_servers_store(
    monkeypatch: pytest.MonkeyPatch, empty_ctx: AppContext, pg_url: str, tmp_path: Path
) -> None:
    """`app._first_run`: after a join the window gets the server's store; the file's store is closed and
    the data folder's reference packs stay in use (closing the file's store must not drop them)."""
    from ocop_desktop.services.core.reference import installed_root
    from ocop_desktop.ui.shell import app

    desk1 = first_desk(tmp_path / "desk-1", pg_url, share=False)
    officer = desk1.officer_id
    desk1.close()

    def joined(wizard: FirstRunWizard) -> int:  # what the officer does in the wizard, without its loop
        made = store_choice.join_server(empty_ctx.paths, pg_url, str(officer), None, None)
        wizard.joined, wizard.server_ctx = made, made.ctx
        return 1

    monkeypatch.setattr(FirstRunWizard, "exec", joined)
    chosen = app._first_run(empty_ctx)
    try:
        assert chosen is not None and chosen is not empty_ctx and not is_sqlite(chosen.engine)
        assert chosen.office().role == "province" and empty_ctx.lock is None  # the file's store closed
        assert installed_root() == empty_ctx.paths.data_dir / "reference"
    finally:
        if chosen is not None:
            chosen.close()


def test_a_cancelled_wizard_leaves_nothing_to_work_on(
    monkeypatch: pytest.MonkeyPatch, empty_ctx: AppContext
) -> None:
    from ocop_desktop.ui.shell import app

    monkeypatch.setattr(FirstRunWizard, "exec", lambda wizard: 0)
    assert app._first_run(empty_ctx) is None and choice(empty_ctx.paths.data_dir) is None
