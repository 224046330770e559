"""Long lists that stay usable (issue 15: 12,000 dossiers in the inbox or for one round).

`SearchTable`: a search box that ignores diacritics and starts at its first match, headers that
sort (in Python, numbers and numbered names as numbers), ↓ from the search to the list, and the
count of rows. `PickTable` adds a tick per row, "select all shown" / "select none" and the count of
what is ticked; nothing is ticked unless the caller says which rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.domain.text import fold
from ocop_desktop.ui.kit.formatting import format_int
from ocop_desktop.ui.kit.tables import Col, RowsModel, make_table

_DIGITS = re.compile(r"(\d+)")


class _Filter(QSortFilterProxyModel):
    """Rows whose searchable text holds every word of the query, diacritics ignored."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.keys: list[str] = []
        self.words: list[str] = []

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self.words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        key = self.keys[row]
        return all(w in key for w in self.words)


class SearchTable(QWidget):
    """Signals: activated(object): a row was double-clicked or Enter pressed on it."""

    activated = Signal(object)

    def __init__(
        self,
        columns: Sequence[Col],
        searchable: Callable[[Any], str],
        parent: QWidget | None = None,
        *,
        checkable: bool = False,
        multi: bool = False,
    ) -> None:
        super().__init__(parent)
        self.searchable = searchable
        self.model = RowsModel(columns, self, checkable=checkable)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self.proxy, self, multi=multi)
        self.table.doubleClicked.connect(self._activate)
        self.table.installEventFilter(self)
        # Sorting sorts the rows themselves, in Python, once: the proxy's own sort asks the model for
        # every compared cell through Qt (12,000 rows: 3–5 s; sorted() with a key: ~20 ms).
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the caller's order until a click
        header.sectionClicked.connect(self.sort_by)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm (gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.search.installEventFilter(self)
        self.count = QLabel(self)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def set_rows(self, rows: Sequence[Any], ticked: Callable[[Any], bool] = lambda _row: False) -> None:
        """New rows, in the caller's order (the sort indicator is cleared); the search stays."""
        self.proxy.keys = [fold(self.searchable(r)) for r in rows]
        self.model.set_rows(rows)
        if self.model.checkable:
            self.model.set_checked_many([i for i, r in enumerate(rows) if ticked(r)], True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._count()

    def shown_rows(self) -> list[Any]:
        return [self.model.rows[self._source_row(r)] for r in range(self.proxy.rowCount())]

    def sort_by(self, column: int) -> None:
        """Sort by `column`: ascending on the first click, then each click turns the order round."""
        header = self.table.horizontalHeader()
        same = header.sortIndicatorSection() == column
        descending = same and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        value = self.model.columns[column].value
        order = sorted(range(len(self.model.rows)), key=lambda i: _sort_key(value(self.model.rows[i])))
        if descending:
            order.reverse()
        self.proxy.keys = [self.proxy.keys[i] for i in order]  # before the model resets the proxy
        self.model.reorder(order)
        header.setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )

    def count_text(self) -> str:
        total, shown = len(self.model.rows), self.proxy.rowCount()
        text = self.tr("%1 dòng").replace("%1", format_int(total))
        return text + (self.tr(" · đang hiện %1").replace("%1", format_int(shown)) if shown != total else "")

    def _count(self) -> None:
        self.count.setText(self.count_text())

    def _search(self, text: str) -> None:
        self.proxy.set_query(text)
        self.table.scrollToTop()  # a new search starts at its first match, not at the old scroll
        self._count()

    def _source_row(self, proxy_row: int) -> int:
        return self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.rows[self._source_row(index.row())])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """↓ from the search box goes on to the list; Enter on a row opens it."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.search and event.key() == Qt.Key.Key_Down and self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)
            return True
        if watched is self.table and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)


class PickTable(SearchTable):
    """Signals: changed(int): the number of ticked rows."""

    changed = Signal(int)

    def __init__(
        self,
        columns: Sequence[Col],
        rows: Sequence[Any],
        searchable: Callable[[Any], str],
        parent: QWidget | None = None,
        *,
        ticked: Callable[[Any], bool] = lambda _row: False,
    ) -> None:
        super().__init__(columns, searchable, parent, checkable=True)
        self.all_button = QPushButton(self.tr("Chọn &tất cả đang hiện"), self)
        self.none_button = QPushButton(self.tr("&Bỏ chọn tất cả"), self)
        self.all_button.clicked.connect(self.tick_shown)
        self.none_button.clicked.connect(self.tick_none)
        self.bar.addWidget(self.all_button)
        self.bar.addWidget(self.none_button)
        self.model.dataChanged.connect(lambda *_: self._count())
        self.set_rows(rows, ticked)

    def ticked_rows(self) -> list[Any]:
        return self.model.checked_rows()

    def tick_shown(self) -> None:
        self.model.set_checked_many((self._source_row(r) for r in range(self.proxy.rowCount())), True)

    def tick_none(self) -> None:
        self.model.set_checked_many(range(len(self.model.rows)), False)

    def count_text(self) -> str:
        ticked, total, shown = len(self.model.checked), len(self.model.rows), self.proxy.rowCount()
        text = self.tr("Đã chọn %1 / %2").replace("%1", format_int(ticked)).replace("%2", format_int(total))
        return text + (self.tr(" · đang hiện %1").replace("%1", format_int(shown)) if shown != total else "")

    def _count(self) -> None:
        super()._count()
        self.changed.emit(len(self.model.checked))


def _sort_key(value: object) -> tuple[int, float, tuple[tuple[int, int | str], ...]]:
    """Numbers as numbers, before text; text without diacritics ("Đ" with "D") and its numbers as
    numbers ("HTX số 9" before "HTX số 10"); empty cells last."""
    if value is None or value == "":
        return (2, 0.0, ())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, float(value), ())
    parts = _DIGITS.split(fold(str(value)))
    return (1, 0.0, tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p))
