"""A table model that loads rows from a service page by page as the view scrolls.

The service does the filtering (diacritics-insensitive, in SQL), so a keystroke costs one page
of rows (and one `count`, on a worker thread) however big the table is. The model keeps only frozen row
dataclasses: no session, no ORM objects. Its columns are `tables.Col`; an int is shown in the
Vietnamese format and aligned right, and a cell's tooltip is its text unless the column says.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from ocop_desktop.ui.kit.formatting import format_int
from ocop_desktop.ui.kit.tables import ROW_ROLE, Col, Index

if TYPE_CHECKING:
    from ocop_desktop.ui.kit.tasks import Task

log = logging.getLogger(__name__)

_ROLES = frozenset(
    {
        int(Qt.ItemDataRole.DisplayRole),
        int(Qt.ItemDataRole.ToolTipRole),
        int(Qt.ItemDataRole.TextAlignmentRole),
        int(Qt.ItemDataRole.BackgroundRole),
        int(Qt.ItemDataRole.ForegroundRole),
        int(ROW_ROLE),  # data(index, ROW_ROLE) -> the row dataclass
    }
)
_COLOUR_ROLES = (int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ForegroundRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class LazyTableModel(QAbstractTableModel):
    """Signals:
    reloaded(): a new query (or a refresh) replaced the rows.
    counted(): the number of matching rows is known (see `known_total`).
    """

    reloaded = Signal()
    counted = Signal()

    def __init__(
        self,
        fetch: Callable[[str, int, int], Sequence[Any]],
        count: Callable[[str], int],
        columns: Sequence[Col],
        *,
        page_size: int = 200,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._fetch, self._count, self.columns = fetch, count, list(columns)
        self.page_size = page_size
        self.query = ""
        self.order: tuple[str, bool] | None = None  # (sort key, descending); None = the service's order
        self._rows: list[Any] = []
        self._total: int | None = 0
        self._exhausted = True
        self._generation = 0
        self._provisional = False  # being counted: `_total` is None or the count before a refresh

    # -- loading ------------------------------------------------------------------------------
    def set_query(self, query: str, *, keep: int = 0, shown_total: int | None = None) -> None:
        """Show the rows matching `query`: load the first page (or `keep` rows) at once; count
        all matches just after, so the rows are on screen before the count is paid for (meanwhile
        `shown_total`, when given, stands for it)."""
        self._generation += 1
        self.beginResetModel()
        self.query = query
        wanted = max(self.page_size, keep)
        self._rows = list(self._page(0, wanted))
        self._exhausted = len(self._rows) < wanted
        self._total = len(self._rows) if self._exhausted else shown_total  # a short page is its own count
        self._provisional = not self._exhausted
        self.endResetModel()
        self.reloaded.emit()
        if self._provisional:
            self._count_in_background()
        else:
            self.counted.emit()

    def _page(self, offset: int, limit: int) -> Sequence[Any]:
        if self.order is None:
            return self._fetch(self.query, offset, limit)
        return self._fetch(self.query, offset, limit, order=self.order)  # type: ignore[call-arg]

    def sortable(self, column: int) -> bool:
        return bool(self.columns[column].sort)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column the service can sort on (in SQL, over every match, not only the
        rows loaded); a column without a sort key leaves the order as it is."""
        if not 0 <= column < len(self.columns) or not self.columns[column].sort:
            return
        self.order = (self.columns[column].sort, order == Qt.SortOrder.DescendingOrder)
        self.set_query(self.query)

    def refresh(self) -> None:
        """Reload after an edit, keeping as many rows loaded as before; the count shown stays until the
        new one is known (a list read again every few seconds must not blink its count)."""
        self.set_query(self.query, keep=len(self._rows), shown_total=self._total)

    def reread(
        self,
        fetch: Callable[..., Sequence[Any]] | None = None,
        count: Callable[[str], int] | None = None,
        *,
        around: Callable[[], AbstractContextManager[object]] = nullcontext,
    ) -> Task:
        """Read the rows shown again on a worker (another desk changed them: the GUI thread must not wait
        on the database), then put them in place inside `around()` (what keeps the selection), unless the
        list moved meanwhile: a new query or more rows loaded read newer rows themselves. `fetch`/`count`:
        the model's own, or ones bound to the filters in force (they run on the worker)."""
        from ocop_desktop.ui.kit.tasks import run_task

        fetch, count = fetch or self._fetch, count or self._count
        generation, query, order, size = self._generation, self.query, self.order, len(self._rows)
        keep = max(self.page_size, size)

        def job(_progress: object) -> tuple[list[Any], bool, int]:
            rows = list(fetch(query, 0, keep) if order is None else fetch(query, 0, keep, order=order))
            exhausted = len(rows) < keep
            return rows, exhausted, len(rows) if exhausted else int(count(query))

        def done(result: tuple[list[Any], bool, int]) -> None:
            if generation != self._generation or size != len(self._rows):
                return
            with around():
                self.beginResetModel()
                self._rows, self._exhausted, self._total = result
                self._provisional = False
                self.endResetModel()
            self.reloaded.emit()
            self.counted.emit()

        return run_task(
            job, parent=self, on_done=done, on_error=lambda exc: log.warning("re-reading failed: %s", exc)
        )

    def _counted(self, generation: int, n: int) -> None:
        if generation == self._generation and self._provisional:  # else a newer query won
            self._total, self._provisional = int(n), False
            self.counted.emit()

    @property
    def total(self) -> int:
        """How many rows match the query (counted now if not yet known)."""
        if self._total is None:
            self._total, self._provisional = self._count(self.query), False
            self.counted.emit()
        return self._total

    def known_total(self) -> int | None:
        return self._total

    def _count_in_background(self) -> None:
        # Counting 20,000 rows takes ~10 ms: off the GUI thread, typing never waits for it.
        from ocop_desktop.ui.kit.tasks import run_task

        generation, query, count = self._generation, self.query, self._count
        run_task(
            lambda _progress: count(query),
            parent=self,
            on_done=lambda n: self._counted(generation, n),
            on_error=lambda exc: log.warning("counting %r failed: %s", query, exc),
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt API
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt API
        if parent.isValid() or self._exhausted:
            return
        more = list(self._page(len(self._rows), self.page_size))
        self._exhausted = len(more) < self.page_size
        if not more:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- access -------------------------------------------------------------------------------
    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def find(self, predicate: Callable[[Any], bool]) -> int:
        """Row number of the first loaded row matching, or -1."""
        return next((i for i, r in enumerate(self._rows) if predicate(r)), -1)

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    # -- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # views ask for many roles per cell: be quick
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == ROW_ROLE:
            return row
        if role in _COLOUR_ROLES:
            colours = column.colours(row) if column.colours else None
            return colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1] if colours else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tip:
            return column.tip(row)
        value = column.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.right or isinstance(value, int) else None
        return format_int(value) if isinstance(value, int) else str(value)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title()
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return format_int(section + 1)
        return None
