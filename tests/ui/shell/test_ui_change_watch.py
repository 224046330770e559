"""Issue 18: lists follow what another desk changes. Two desks (two AppContexts) on one real store: desk B
saves through the services, desk A's window polls (driven here, no waiting on the 5-second timer) and
shows it — the selection, the filter typed and the focus kept; a hidden page reads again when shown; an
open dossier changed elsewhere gets a bar with "Tải lại", and not for its own saves."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from helpers.builders import make_product
from helpers.dossier_ui import new_dossier
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.ui.kit.tables import current_row
from ocop_desktop.ui.kit.tasks import wait_for_tasks
from ocop_desktop.ui.registry import ops
from ocop_desktop.ui.shell.app import build_main_window


@pytest.fixture
def desk_b(ctx: AppContext) -> Iterator[AppContext]:
    """A second desk on the same SQLite file, the same officer at another keyboard."""
    other = open_app(ctx.paths)
    other.officer_id = ctx.officer_id
    yield other
    wait_for_tasks(30_000)
    other.close()


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> Any:
    w = build_main_window(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.summary_task is None and w.changes is not None and w.changes.polls >= 1)
    return w


def poll(qtbot: Any, window: Any) -> None:
    """One poll of desk A, as the timer would run it, and the reads it started."""
    before = window.changes.polls
    assert window.changes.poll_now() is not None
    qtbot.waitUntil(lambda: window.changes.polls > before)
    wait_for_tasks(30_000)


def producer_input(name: str) -> ProducerInput:
    return ProducerInput(
        name=name,
        kind=ProducerKind.COOPERATIVE,
        commune_code="00070",
        address="Số 1 Đường Làng",
        tax_code="0101234567",
        phone="0912345678",
        representative="Lê Thị Mai",
        representative_title="Giám đốc",
    )


def names(page: Any) -> list[str]:
    return [page.model.row_at(i).name for i in range(page.model.rowCount())]


def test_the_products_list_shows_another_desks_product_keeping_selection_and_typing(
    qtbot: Any, window: Any, ctx: AppContext, desk_b: AppContext, type_unicode: Any
) -> None:
    for n in ("Chè xanh", "Chè búp", "Mật ong"):
        make_product(ctx, producer=f"Hợp tác xã {n}", product=n)
    page = window.show_page("products")
    page.refresh_kept()
    page.filter.setFocus()
    type_unicode(page.filter, "chè")
    qtbot.waitUntil(lambda: sorted(names(page)) == ["Chè búp", "Chè xanh"])
    page.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)  # by name, Z to A
    page.table.selectRow(names(page).index("Chè xanh"))
    chosen = current_row(page.table)
    assert page.count_label.text() == "2 sản phẩm"

    make_product(desk_b, producer="Hợp tác xã Bàn Bên", product="Chè Shan tuyết")
    assert "Chè Shan tuyết" not in names(page)  # nothing before the poll
    poll(qtbot, window)

    qtbot.waitUntil(lambda: page.rereading is None and len(names(page)) == 3)  # read on a worker
    assert sorted(names(page)) == ["Chè Shan tuyết", "Chè búp", "Chè xanh"]
    assert current_row(page.table).id == chosen.id  # the same record, wherever its row went
    assert page.model.order == ("name", True)
    in_order = ops.products(ctx, "chè", 0, 50, page.where(), ("name", True))
    assert names(page) == [r.name for r in in_order]
    assert page.count_label.text() == "3 sản phẩm"
    assert page.filter.text() == "chè" and page.filter.hasFocus()


def test_a_hidden_list_reads_again_when_shown(
    qtbot: Any, window: Any, ctx: AppContext, desk_b: AppContext
) -> None:
    make_product(ctx, producer="Hợp tác xã Ở Đây")
    producers = window.show_page("producers")
    assert names(producers) == ["Hợp tác xã Ở Đây"]
    window.show_page("products")

    make_product(desk_b, producer="Hợp tác xã Bàn Bên", product="Gạo tám")
    poll(qtbot, window)
    assert producers.stale and names(producers) == ["Hợp tác xã Ở Đây"]  # hidden: not read yet

    window.show_page("producers")
    assert not producers.stale
    qtbot.waitUntil(lambda: len(names(producers)) == 2)
    assert sorted(names(producers)) == ["Hợp tác xã Bàn Bên", "Hợp tác xã Ở Đây"]


def test_the_scroll_position_is_kept(qtbot: Any, window: Any, ctx: AppContext, desk_b: AppContext) -> None:
    service = ProducerService(ctx)
    for n in range(80):
        service.create(producer_input(f"Hợp tác xã Số {n:02d}"))
    page = window.show_page("producers")
    page.refresh_kept()
    page.table.selectRow(0)  # chosen, then scrolled away from: the list must not jump back to it
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    assert scrolled > 0
    ProducerService(desk_b).create(producer_input("Hợp tác xã Bàn Bên"))
    poll(qtbot, window)
    qtbot.waitUntil(lambda: page.rereading is None and page.model.rowCount() == 81)
    assert bar.value() == scrolled
    assert current_row(page.table).name == "Hợp tác xã Số 00"


def test_a_poll_is_skipped_while_the_previous_one_runs(window: Any) -> None:
    first = window.changes.poll_now()
    assert first is not None and window.changes.poll_now() is None
    wait_for_tasks(30_000)


def test_an_open_dossier_changed_elsewhere_says_so_and_reloads(
    qtbot: Any, window: Any, ctx: AppContext, desk_b: AppContext
) -> None:
    dossier_id = new_dossier(ctx)
    dossiers = window.go_to("dossiers")
    dossiers.open_dossier(dossier_id)
    qtbot.waitUntil(lambda: dossier_id in dossiers.editors)
    editor = dossiers.editors[dossier_id]
    qtbot.waitExposed(editor)

    editor.session.edit("mau01", "position", "Phó Giám đốc")  # this desk's own save: no bar
    assert editor.save_now()
    poll(qtbot, window)
    assert editor.changed_bar.isHidden()

    service = DossierService(desk_b)
    revision = service.get(dossier_id).row.revision
    service.save_section(dossier_id, "mau01", {"email": "ban-ben@example.vn"}, expected_revision=revision)
    poll(qtbot, window)
    assert editor.changed_bar.isVisible()
    assert "Hồ sơ vừa được Nguyễn Văn An cập nhật ở nơi khác." == editor.changed_bar.label.text()
    assert editor.forms["mau01"].raw("email") in ("", None)  # not read until asked: a heads-up

    editor.changed_bar.reload_button.click()
    qtbot.waitUntil(lambda: editor.session.revision == revision + 1)
    wait_for_tasks(30_000)
    assert editor.changed_bar.isHidden()
    assert editor.forms["mau01"].raw("email") == "ban-ben@example.vn"
    editor.close()


def test_the_home_page_counts_again_after_another_desks_change(
    qtbot: Any, window: Any, ctx: AppContext, desk_b: AppContext
) -> None:
    home = window.show_page("home")
    qtbot.waitUntil(home.is_ready)
    home.recount_seconds = 0.0  # the page waits 30 s between counts; the test does not
    first = home.summary
    new_dossier(desk_b)
    poll(qtbot, window)
    qtbot.waitUntil(lambda: home.is_ready() and home.summary is not first)
    assert not home.stale


@pytest.fixture
def server_desks(tmp_path: Any, pg_server: Any, _pg_template: str) -> Iterator[tuple[AppContext, AppContext]]:
    """Two desks of a province office on one PostgreSQL database (each its own data folder)."""
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.setup import initialise

    name = pg_server.new_database(template=_pg_template)
    first = open_app(AppPaths.for_data_dir(tmp_path / "desk1"), database=pg_server.url(name))
    initialise(first, "province", "01", "Trần Thị Bình")
    second = open_app(AppPaths.for_data_dir(tmp_path / "desk2"), database=pg_server.url(name))
    yield first, second
    wait_for_tasks(30_000)
    second.close()
    first.close()
    pg_server.drop_database(name)


@pytest.mark.postgres
def test_on_the_server_the_inbox_shows_what_another_desk_received(
    qtbot: Any, server_desks: tuple[AppContext, AppContext]
) -> None:
    from helpers.province import sent_dossier

    desk_a, desk_b = server_desks
    for name in ("Chè xanh", "Mật ong"):
        sent_dossier(desk_a, name)
    w = build_main_window(desk_a)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.changes is not None and w.changes.polls >= 1)
    inbox = w.go_to("evaluation").show_tab("inbox")
    qtbot.waitUntil(lambda: inbox.loaded and len(inbox.list.shown_rows()) == 2)
    wait_for_tasks(30_000)
    inbox.list.sort_by(0)  # by product, ascending
    inbox.table.selectRow(1)
    assert current_row(inbox.table).product_name == "Mật ong"

    sent_dossier(desk_b, "Bánh chưng")
    poll(qtbot, w)

    qtbot.waitUntil(lambda: len(inbox.list.shown_rows()) == 3)
    assert [r.product_name for r in inbox.list.shown_rows()] == ["Bánh chưng", "Chè xanh", "Mật ong"]
    assert current_row(inbox.table).product_name == "Mật ong"  # the same dossier, on its new row
