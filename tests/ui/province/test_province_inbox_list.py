"""The province inbox as a long list (issue 15): search without diacritics, sortable headers, and a
dossier opened read-only in its own window before it is accepted, from the main window, without
leaving the inbox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers.province import sent_dossier
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.shell.app import build_main_window


def test_the_inbox_searches_sorts_and_opens_a_dossier_without_leaving_the_page(
    qtbot: QtBot, province_ctx: AppContext
) -> None:
    ids = {
        name: sent_dossier(province_ctx, name)
        for name in ("Cà phê Bốn Sao", "Mật ong Hoa Cà Phê", "Bánh tét")
    }
    window = build_main_window(province_ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("evaluation")
    page.show_tab("inbox")
    inbox = page.inbox
    qtbot.waitUntil(lambda: len(inbox.model.rows) == 3)
    inbox.list.search.setText("ca phe")  # both names with "cà phê", whatever the diacritics
    assert sorted(r.product_name for r in inbox.list.shown_rows()) == ["Cà phê Bốn Sao", "Mật ong Hoa Cà Phê"]
    assert "đang hiện 2" in inbox.list.count.text()
    inbox.table.horizontalHeader().sectionClicked.emit(0)  # sort by product
    assert [r.product_name for r in inbox.list.shown_rows()] == ["Cà phê Bốn Sao", "Mật ong Hoa Cà Phê"]
    inbox.list.search.clear()
    assert not inbox.view_button.isEnabled()
    inbox.table.selectRow(0)
    assert inbox.view_button.isEnabled()
    qtbot.keyClick(inbox.table, Qt.Key.Key_Return)  # Enter on the row: its window
    dossiers = window.page("dossiers")
    qtbot.waitUntil(lambda: dossiers is not None and bool(dossiers.editors), timeout=10_000)
    assert window.current_page_name() == "evaluation"  # the inbox stays where it was
    (editor,) = dossiers.editors.values()
    assert set(dossiers.editors) == {ids["Bánh tét"]} and editor.isVisible()
