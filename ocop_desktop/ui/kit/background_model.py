"""A lazy table model whose costly queries read their pages on a worker (issue 15: the products list's
certificate filter and sort cost 100–200 ms a page at province scale, on the GUI thread).

When `slow()` says the query in force is costly, `set_query`, `sort`, `refresh` and scrolling to the
bottom (`fetchMore`) start a background read and return at once: the rows shown stay until the new
ones arrive, and a newer query drops the answer of an older one. Otherwise it is a plain
`LazyTableModel`, read on the GUI thread as before. `when_loaded(callback)` runs the callback once the
rows asked for are there (at once when nothing is being read).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex

from ocop_desktop.ui.kit.lazy_model import LazyTableModel
from ocop_desktop.ui.kit.tables import Col, Index

log = logging.getLogger(__name__)


class BackgroundTableModel(LazyTableModel):
    """Signals: those of `LazyTableModel`."""

    def __init__(
        self,
        fetch: Callable[..., Sequence[Any]],
        count: Callable[[str], int],
        columns: Sequence[Col],
        *,
        slow: Callable[[], bool],
        page_size: int = 200,
        parent: Any = None,
    ) -> None:
        super().__init__(fetch, count, columns, page_size=page_size, parent=parent)
        self._slow = slow
        self._reading = False  # a first page (or a reload) is being read
        self._reading_more = False  # the next page is being read
        self._waiting: list[Callable[[], None]] = []

    @property
    def loading(self) -> bool:
        return self._reading

    def when_loaded(self, callback: Callable[[], None]) -> None:
        if self._reading:
            self._waiting.append(callback)
        else:
            callback()

    def set_query(self, query: str, *, keep: int = 0, shown_total: int | None = None) -> None:
        if not self._slow():
            self._reading = self._reading_more = False
            # a new generation: any answer on its way is dropped
            super().set_query(query, keep=keep, shown_total=shown_total)
            self._run_waiting()
            return
        self._generation += 1
        self.query = query  # what the filters that follow start from, before the rows arrive
        generation, order, wanted = self._generation, self.order, max(self.page_size, keep)
        self._reading, self._reading_more = True, False
        self._read(query, order, 0, wanted, lambda rows: self._arrived(generation, rows, wanted, shown_total))

    def _read(
        self,
        query: str,
        order: tuple[str, bool] | None,
        offset: int,
        limit: int,
        on_done: Callable[[list[Any]], None],
    ) -> None:
        from ocop_desktop.ui.kit.tasks import run_task

        fetch: Callable[..., Sequence[Any]] = self._fetch

        def job(_progress: object) -> list[Any]:
            if order is None:
                return list(fetch(query, offset, limit))
            return list(fetch(query, offset, limit, order=order))

        run_task(job, parent=self, on_done=on_done, on_error=lambda exc: self._failed(query, exc))

    def _arrived(self, generation: int, rows: list[Any], wanted: int, shown_total: int | None = None) -> None:
        if generation != self._generation:  # a newer query is on its way
            return
        self._reading = False
        self.beginResetModel()
        self._rows = rows
        self._exhausted = len(rows) < wanted
        # a short page is its own count; a refresh keeps showing the old count until the new one is known
        self._total = len(rows) if self._exhausted else shown_total
        self._provisional = not self._exhausted
        self.endResetModel()
        self.reloaded.emit()
        if not self._exhausted:
            self._count_in_background()
        else:
            self.counted.emit()
        self._run_waiting()

    def _failed(self, query: str, exc: BaseException) -> None:
        from ocop_desktop.ui.kit import errors

        self._reading = self._reading_more = False
        self._waiting.clear()
        log.warning("reading the rows of %r failed: %s", query, exc)
        errors.show_error(exc)

    def _run_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt API
        return super().canFetchMore(parent) and not self._reading and not self._reading_more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt API
        if not self._slow():
            super().fetchMore(parent)
            return
        if not self.canFetchMore(parent):
            return
        self._reading_more = True
        generation, offset = self._generation, len(self._rows)
        self._read(self.query, self.order, offset, self.page_size, lambda rows: self._more(generation, rows))

    def _more(self, generation: int, more: list[Any]) -> None:
        if generation != self._generation:
            return
        self._reading_more = False
        self._exhausted = len(more) < self.page_size
        if not more:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()
