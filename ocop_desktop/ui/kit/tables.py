"""Tables of frozen rows (service dataclasses): the one column type `Col`, a read-only model of
rows held in memory (`RowsModel`; the lazily loaded one is `lazy_model.LazyTableModel`, with the
same columns), and the view settings every table of the sync and evaluation pages shares.

Column titles are callables (`lambda: translate("Context", "…")`), so a language switch only
needs `headerDataChanged`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ocop_desktop.ui.kit.style import Colours

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Col:
    """One column: its translated title, the cell's value for a row, and how it looks."""

    title: Callable[[], str]
    value: Callable[[Any], object]
    width: int = 0  # characters; 0 = this column takes the remaining width
    right: bool = False  # aligned right (lazy tables also right-align every int)
    colours: Callable[[Any], Colours | None] | None = None  # (background, foreground) of the cell
    tip: Callable[[Any], str] | None = None
    sort: str = ""  # the service's sort key for this column ("" = a click on its header does not sort)
    shrinks: bool = True  # gives up width in a narrow window (codes and numbers read whole do not)


class RowsModel(QAbstractTableModel):
    """`checkable`: the first column carries a check box per row (`checked_rows()`)."""

    def __init__(self, columns: Sequence[Col], parent: Any = None, *, checkable: bool = False) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.checkable = checkable
        self.checked: set[int] = set()

    def set_rows(self, rows: Sequence[Any], checked: bool = False) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.checked = set(range(len(self.rows))) if checked else set()
        self.endResetModel()

    def checked_rows(self) -> list[Any]:
        return [self.rows[i] for i in sorted(self.checked)]

    def reorder(self, order: Sequence[int]) -> None:
        """Rows in a new order (`order[i]`: the old index of the new row i); ticks follow their rows."""
        new_index = {old: new for new, old in enumerate(order)}
        self.beginResetModel()
        self.rows = [self.rows[i] for i in order]
        self.checked = {new_index[i] for i in self.checked}
        self.endResetModel()

    def set_checked_many(self, rows: Iterable[int], on: bool) -> None:
        """Tick or untick many rows at once: one change signal, not one per row (12,000 rows)."""
        (self.checked.update if on else self.checked.difference_update)(rows)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, 0), [Qt.ItemDataRole.CheckStateRole]
            )

    def set_checked(self, row: int, on: bool) -> None:
        self.setData(
            self.index(row, 0),
            (Qt.CheckState.Checked if on else Qt.CheckState.Unchecked).value,
            Qt.ItemDataRole.CheckStateRole,
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.checkable and index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not (
            self.checkable
            and index.isValid()
            and index.column() == 0
            and role == Qt.ItemDataRole.CheckStateRole
        ):
            return False
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        (self.checked.add if on else self.checked.discard)(index.row())
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def refresh(self) -> None:
        """The cells' texts depend on something outside the rows that changed."""
        if self.rows and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt override
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and index.column() == 0:
            return Qt.CheckState.Checked if index.row() in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            value = col.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tip(row) if col.tip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if col.right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and col.colours:
            colours = col.colours(row)
            if colours:
                colour = colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
                return QBrush(colour) if colour is not None else None
        return None


def make_table(
    model: QAbstractItemModel, parent: QWidget | None = None, *, multi: bool = False
) -> QTableView:
    """A row-selecting, read-only table sized from the model's `columns` widths."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(36)
    char = table.fontMetrics().horizontalAdvance("0")
    source = model.sourceModel() if isinstance(model, QAbstractProxyModel) else model  # a filter's
    for i, column in enumerate(getattr(source, "columns", [])):
        if column.width:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(i, column.width * char + 14)
        else:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
    return table


def selected_rows(table: QTableView) -> list[Any]:
    model = table.model()
    picked = sorted({i.row() for i in table.selectionModel().selectedRows()})
    return [model.data(model.index(r, 0), ROW_ROLE) for r in picked]


def current_row(table: QTableView) -> Any:
    rows = selected_rows(table)
    return rows[0] if rows else None


def select_row(table: QTableView, row: int) -> None:
    """Select one row (as a click would); -1 clears the selection."""
    if row < 0:
        table.clearSelection()
        return
    table.selectRow(row)
    table.setCurrentIndex(table.model().index(row, 0))
