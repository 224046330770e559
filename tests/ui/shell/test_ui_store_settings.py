"""Settings' "Nơi lưu dữ liệu" (issue 18): the store shown (the file's path, the server without its
password); "Chuyển sang máy chủ…" copies a small real store into an empty PostgreSQL database with its
phases, a cancel that leaves the server empty, the verified counts, then the choice for the next start;
"Dùng tệp trên máy này" goes back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from helpers.postgres import PostgresServer
from helpers.store_desks import choice, server_tables
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.store.engines import DATABASE_ENV, save_configured_url
from ocop_desktop.ui.kit.errors import RecordingSink
from ocop_desktop.ui.kit.tasks import wait_for_tasks
from ocop_desktop.ui.shell.settings_page import SettingsPage
from ocop_desktop.ui.shell.store_box import StoreBox
from ocop_desktop.ui.shell.store_move_dialog import StoreMoveDialog

JOBS_MS = 60_000


# Every test here starts from a desk on its SQLite file (the box shows the file, the move leaves it): with
# `--engine postgres` the fixtures' desk is already on a server, so they are skipped there (each starts a
# server of its own in the default run).
pytestmark = pytest.mark.sqlite_only


@pytest.fixture(autouse=True)
def _no_database_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_ENV, "")


def _box(qtbot: QtBot, ctx: AppContext) -> StoreBox:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(page.is_ready, timeout=JOBS_MS)
    return page.store_box


@pytest.fixture
def province(province_ctx: AppContext) -> Iterator[AppContext]:
    """A province office on its SQLite file (closed after the jobs using it ended)."""
    yield province_ctx
    wait_for_tasks(JOBS_MS)


def test_the_file_is_shown_and_a_province_can_move_it(qtbot: QtBot, province: AppContext) -> None:
    box = _box(qtbot, province)
    assert box.title() == "Nơi lưu dữ liệu"
    assert box.where.text() == f"Tệp SQLite trên máy này: {province.paths.db_path}"
    assert box.scans.text() == str(province.paths.blobs_dir)
    assert box.to_server.isEnabled() and not box.to_file.isEnabled()
    assert box.notice.isHidden()


def test_a_commune_keeps_its_file(qtbot: QtBot, ctx: AppContext) -> None:
    box = _box(qtbot, ctx)
    assert box.where.text() == f"Tệp SQLite trên máy này: {ctx.paths.db_path}"
    assert box.to_server.isHidden() and box.to_file.isHidden()


@pytest.mark.postgres
def test_the_move_with_a_cancel_then_verified_then_used_from_the_next_start(
    qtbot: QtBot, province: AppContext, pg_url: str
) -> None:
    ctx = province
    box = _box(qtbot, ctx)
    dialog = box.open_move()
    assert isinstance(dialog, StoreMoveDialog)
    dialog.form.as_url.setChecked(True)
    dialog.form.url_edit.setText(pg_url)
    phases: list[str] = []
    dialog.start_button.click()  # the server is checked first, then the move starts
    qtbot.waitUntil(lambda: dialog.task is not None, timeout=JOBS_MS)
    assert dialog.cancel_button.isVisible() and not dialog.close_button.isVisible()
    assert not dialog.form.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=JOBS_MS)
    assert dialog.outcome.text() == "Đã hủy: máy chủ không giữ lại gì, tệp SQLite không bị thay đổi."
    assert server_tables(pg_url) == set() and choice(ctx.paths.data_dir) is None

    dialog.start_button.click()
    task = dialog.task
    assert task is not None
    task.progressed.connect(lambda _f, text: phases.append(text))
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=JOBS_MS)
    report = dialog.report
    assert report is not None and all(t.ok for t in report.tables) and report.rows > 3000
    assert phases[-1] == "Đã chuyển xong" and any(p.startswith("Chép bảng") for p in phases)
    text = dialog.outcome.text()
    assert f"({len(report.tables)} bảng)" in text and f"({report.audit_entries} mục)" in text
    assert str(ctx.paths.db_path) in text  # the file is kept, and said
    assert choice(ctx.paths.data_dir) is None  # not used until asked
    assert dialog.use_button.isVisible() and not dialog.start_button.isVisible()
    dialog.use_button.click()
    qtbot.waitUntil(lambda: dialog.task is None and not dialog.use_button.isEnabled(), timeout=JOBS_MS)
    assert choice(ctx.paths.data_dir) == {"url": pg_url}
    assert "lần mở sau" in dialog.next_start.text() and "bảng" in dialog.outcome.text()
    assert box.notice.text().startswith("Từ lần mở sau: Máy chủ PostgreSQL postgresql://postgres@")
    assert box.where.text().startswith("Tệp SQLite trên máy này")  # this run still works on the file
    assert not box.to_server.isEnabled() and box.to_file.isEnabled()
    dialog.close_button.click()


@pytest.mark.postgres
def test_a_database_with_an_office_is_refused_before_the_move(
    qtbot: QtBot, province: AppContext, pg_url: str, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    ctx = province
    from helpers.store_desks import first_desk

    other = first_desk(tmp_path / "desk-1", pg_url, share=False)
    other.close()
    box = _box(qtbot, ctx)
    dialog = box.open_move()
    dialog.form.as_url.setChecked(True)
    dialog.form.url_edit.setText(pg_url)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.form.probe is not None and dialog.outcome.isVisible(), timeout=JOBS_MS)
    assert "chỉ chuyển được vào một cơ sở dữ liệu trống" in dialog.outcome.text()
    assert dialog.task is None and dialog.report is None
    dialog.reject()


@pytest.mark.postgres
def test_on_a_server_the_box_says_it_without_the_password_and_goes_back_to_the_file(
    qtbot: QtBot, ctx: AppContext, pg_server: PostgresServer, messages: RecordingSink
) -> None:
    save_configured_url(ctx.paths.data_dir, f"postgresql://ocop:bi-mat@127.0.0.1:{pg_server.port}/ocop_tinh")
    box = _box(qtbot, ctx)
    assert box.notice.text().startswith("Từ lần mở sau: Máy chủ PostgreSQL postgresql://ocop:***@")
    assert "bi-mat" not in box.notice.text() and box.to_file.isEnabled()
    box.to_file.click()
    qtbot.waitUntil(lambda: box.task is None and choice(ctx.paths.data_dir) is None, timeout=JOBS_MS)
    assert "Tệp đó không có những gì đã làm trên máy chủ" in messages.texts("ask")[0]
    assert box.notice.isHidden()  # back to what this run works on


@pytest.mark.postgres
def test_an_unreachable_server_is_said_in_the_move_and_nothing_moves(
    qtbot: QtBot, province: AppContext, pg_server: PostgresServer
) -> None:
    from helpers.postgres import free_port

    dialog = _box(qtbot, province).open_move()
    form = dialog.form
    form.host.setText("127.0.0.1")
    form.port.setText(str(free_port()))
    form.database.setText("ocop_tinh")
    dialog.start_button.click()
    qtbot.waitUntil(lambda: form.task is None and not form.result.isHidden(), timeout=JOBS_MS)
    assert form.result.text().startswith("Không kết nối được máy chủ cơ sở dữ liệu")
    assert dialog.task is None and dialog.report is None and not dialog._move_after_check
    assert choice(province.paths.data_dir) is None
    dialog.reject()
