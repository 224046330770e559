"""Reading a table's rows again without disturbing the officer (issue 18: lists follow other desks'
changes): the selected records, the current one and the scroll position survive the model's reset;
the focus and what is typed elsewhere are not touched (a reset moves neither)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView

from ocop_desktop.ui.kit.tables import ROW_ROLE


def record_key(row: Any) -> Hashable:
    """A row's record: its `id`, else its `dossier_id` (inbox and round entries), else the row itself."""
    for name in ("id", "dossier_id"):
        value = getattr(row, name, None)
        if value is not None:
            return value  # type: ignore[no-any-return]
    return row  # type: ignore[no-any-return]


@contextmanager
def kept_view(
    table: QAbstractItemView, key: Callable[[Any], Hashable] = record_key, *, keep: bool = True
) -> Iterator[None]:
    """Around a reload of `table`'s model: keep the selected records, the current one and the scroll
    (`keep=False`: another list replaces it, e.g. another round's; nothing to keep)."""
    if not keep:
        yield
        return
    model, chosen = table.model(), table.selectionModel()

    def key_at(row: int) -> Hashable:
        return key(model.data(model.index(row, 0), ROW_ROLE))

    picked = {key_at(i.row()) for i in chosen.selectedRows()}
    current = table.currentIndex()
    current_key = key_at(current.row()) if current.isValid() else None
    column = max(current.column(), 0)
    scroll = (table.verticalScrollBar().value(), table.horizontalScrollBar().value())
    yield
    model, chosen = table.model(), table.selectionModel()
    selection = QItemSelection()
    for row in range(model.rowCount()) if picked or current_key is not None else ():
        record = key_at(row)
        if record in picked:
            selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        if record == current_key:
            chosen.setCurrentIndex(model.index(row, column), QItemSelectionModel.SelectionFlag.NoUpdate)
    if not selection.isEmpty():
        chosen.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    table.doItemsLayout()  # the scroll bars' range now, not at the next paint: the value would be clipped
    table.verticalScrollBar().setValue(scroll[0])
    table.horizontalScrollBar().setValue(scroll[1])
