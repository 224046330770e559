"""Putting dossiers into a round at province scale (issue 15): nothing ticked but what is suggested
for this round, a search that ignores diacritics and starts at its first match, headers that sort
(numbers as numbers), select all shown / none, and the count on the button."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers.cut_off import cut_off
from ocop_desktop.ui.province.dialogs import AssignDialog


@dataclass(frozen=True)
class Row:
    dossier_id: str
    product_name: str
    producer_name: str
    commune_name: str
    product_set: int
    suggested_round: str


def _rows(n: int) -> list[Row]:
    names = ["Cà phê bột Ea Tu", "Bánh tét Ea Phê", "Mật ong Krông Bông", "Cà phê hạt Buôn Đôn"]
    return [
        Row(
            f"d{i}",
            f"{names[i % 4]} {i}",
            f"HTX số {i}",
            "Xã Ea Tu",
            1 + i % 12,
            "Đợt 2/2027" if i < 3 else "",
        )
        for i in range(n)
    ]


def _shown(dialog: AssignDialog) -> list[str]:
    proxy = dialog.picker.model
    return [proxy.data(proxy.index(r, 0)) for r in range(proxy.rowCount())]


def test_only_the_suggested_dossiers_start_ticked_and_the_button_counts(qtbot: QtBot) -> None:
    dialog = AssignDialog("Đợt 2/2027", _rows(12_000))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [r.dossier_id for r in dialog.picker.ticked_rows()] == ["d0", "d1", "d2"]
    assert dialog.ok_button.text() == "Phân 3 hồ sơ vào đợt"
    assert dialog.focusWidget() is dialog.picker.search
    assert cut_off(dialog) == []  # the explanation wraps instead of running off the right edge
    dialog.picker.none_button.click()
    assert not dialog.ok_button.isEnabled() and "Đã chọn 0 / 12.000" in dialog.picker.count.text()


def test_search_ignores_diacritics_and_select_all_takes_only_what_is_shown(qtbot: QtBot) -> None:
    dialog = AssignDialog("Đợt 1/2027", _rows(40))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.picker.table.scrollToBottom()
    dialog.picker.search.setText("ca phe")
    shown = _shown(dialog)
    assert len(shown) == 20 and all(name.startswith("Cà phê") for name in shown)
    assert dialog.picker.table.verticalScrollBar().value() == 0
    assert "đang hiện 20" in dialog.picker.count.text()
    dialog.picker.all_button.click()
    assert len(dialog.picker.ticked_rows()) == 20 and dialog.ok_button.text() == "Phân 20 hồ sơ vào đợt"
    assert dialog.value() == [r.dossier_id for r in dialog.picker.ticked_rows()]
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Down)  # ↓ goes on to the list
    assert dialog.picker.table.hasFocus() or dialog.focusWidget() is dialog.picker.table


def test_headers_sort_numbers_as_numbers(qtbot: QtBot) -> None:
    dialog = AssignDialog("Đợt 1/2027", _rows(24))
    qtbot.addWidget(dialog)
    dialog.picker.search.setText("ca phe")
    dialog.picker.all_button.click()
    dialog.picker.search.clear()
    ticked = {r.dossier_id for r in dialog.picker.ticked_rows()}
    assert len(ticked) == 12
    proxy = dialog.picker.model
    dialog.picker.table.horizontalHeader().sectionClicked.emit(3)  # a click on "Bộ"
    sets = [int(proxy.data(proxy.index(r, 3))) for r in range(proxy.rowCount())]
    assert sets == sorted(sets) and sets[-1] == 12  # 12 after 9: numbers, not text
    dialog.picker.table.horizontalHeader().sectionClicked.emit(3)  # again: the other way round
    assert [int(proxy.data(proxy.index(r, 3))) for r in range(proxy.rowCount())] == sorted(sets, reverse=True)
    assert {r.dossier_id for r in dialog.picker.ticked_rows()} == ticked  # ticks follow their rows
    dialog.picker.search.setText("mat ong")  # the search still finds the right rows after a sort
    assert all(proxy.data(proxy.index(r, 0)).startswith("Mật ong") for r in range(proxy.rowCount()))


def test_a_search_lists_the_rows_whose_name_matches_first(qtbot: QtBot) -> None:
    rows = [
        Row("a", "Bánh tét lá cẩm", "HTX Cà Phê Xanh", "Xã Ea Phê", 1, ""),
        Row("b", "Cà phê bột", "HTX Ea Tu", "Xã Ea Tu", 2, ""),
        Row("c", "Mật ong", "Hộ Ca Phê", "Xã Krông", 3, ""),
        Row("d", "Cà phê hạt", "HTX Buôn Đôn", "Xã Buôn Đôn", 4, ""),
    ]
    dialog = AssignDialog("Đợt 1/2027", rows)
    qtbot.addWidget(dialog)
    dialog.picker.search.setText("cà phe")
    assert [r.dossier_id for r in dialog.picker.shown_rows()] == ["b", "d", "a", "c"]
