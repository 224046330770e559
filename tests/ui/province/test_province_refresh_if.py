"""Issue 18 on the evaluation page: a change made at another desk reads the inbox again while a list tab
(inbox, rounds, results) is shown — its search, sort and selection kept — and waits while the officer is
on a tab that holds typing (the council's fields, a member's sheet) until a list tab is shown again."""

from __future__ import annotations

from typing import Any

from helpers.province import sent_dossier
from helpers.province_ui import open_page, settle
from ocop_desktop.services.core.changes import Changes
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.kit.tables import current_row

A_DOSSIER_CHANGED = Changes(frozenset({"dossier"}))


def products(inbox: Any) -> list[str]:
    return [r.product_name for r in inbox.list.shown_rows()]


def test_the_inbox_follows_changes_while_shown_and_waits_on_the_council_tab(
    qtbot: Any, province_ctx: AppContext
) -> None:
    for name in ("Chè xanh", "Mật ong"):
        sent_dossier(province_ctx, name)
    page = open_page(qtbot, province_ctx)
    inbox = page.show_tab("inbox")
    settle(qtbot, page)
    inbox.table.horizontalHeader().sectionClicked.emit(0)  # by product, A to Z
    inbox.table.selectRow(1)
    assert current_row(inbox.table).product_name == "Mật ong"

    sent_dossier(province_ctx, "Bánh chưng")  # as another desk would (the poll is not the point here)
    page.refresh_if(A_DOSSIER_CHANGED)
    settle(qtbot, page)
    assert products(inbox) == ["Bánh chưng", "Chè xanh", "Mật ong"]
    assert current_row(inbox.table).product_name == "Mật ong"

    page.show_tab("council")
    settle(qtbot, page)
    sent_dossier(province_ctx, "Gạo tám")
    page.refresh_if(A_DOSSIER_CHANGED)
    assert page.stale and not page.state.busy()  # nothing read under the council's fields
    page.show_tab("inbox")
    settle(qtbot, page)
    assert not page.stale
    assert products(inbox) == ["Bánh chưng", "Chè xanh", "Gạo tám", "Mật ong"]
    assert current_row(inbox.table).product_name == "Mật ong"


def test_a_change_that_concerns_neither_rounds_nor_dossiers_reads_nothing(
    qtbot: Any, province_ctx: AppContext
) -> None:
    page = open_page(qtbot, province_ctx)
    page.refresh_if(Changes(frozenset({"officer"})))
    assert not page.stale and not page.state.busy()


def test_the_rounds_tab_keeps_the_chosen_entry_when_the_round_is_read_again(
    qtbot: Any, province_ctx: AppContext
) -> None:
    from ocop_desktop.services.province.inbox import InboxService
    from ocop_desktop.services.province.rounds import RoundInput, RoundService

    ids = [sent_dossier(province_ctx, name) for name in ("Chè xanh", "Mật ong", "Bánh chưng")]
    for dossier_id in ids:
        InboxService(province_ctx).accept(dossier_id)
    rounds = RoundService(province_ctx)
    round_id = rounds.create(RoundInput(2026, 2)).row.id
    rounds.assign(round_id, ids[:2])
    page = open_page(qtbot, province_ctx)
    tab = page.show_tab("rounds")
    settle(qtbot, page)
    assert tab.entries.rowCount() == 2
    tab.entries_table.selectRow(1)
    chosen = current_row(tab.entries_table).dossier_id

    rounds.assign(round_id, ids[2:])  # another desk adds a dossier to the round
    page.refresh_if(A_DOSSIER_CHANGED)
    settle(qtbot, page)
    assert tab.entries.rowCount() == 3
    assert current_row(tab.entries_table).dossier_id == chosen
