"""A page listing records: filter box (debounced), lazily loaded table, new/edit actions.

Keyboard: Ctrl+F filter, Ctrl+N new, Enter or double-click edits the selected row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.ui.kit.clear_button import with_clear_button
from ocop_desktop.ui.kit.kept_view import kept_view
from ocop_desktop.ui.kit.lazy_model import LazyTableModel
from ocop_desktop.ui.kit.search_picker import SearchEdit

if TYPE_CHECKING:
    from ocop_desktop.services.core.changes import Changes
    from ocop_desktop.ui.kit.tasks import Task

FILTER_DELAY_MS = 150  # typing "hop tac xa" runs one query, not nine
NAME_MIN_CHARS = 24  # the name column keeps this much before the other columns give up width
FIXED_MIN_SHARE = 0.6  # … and they give up at most 40 % of theirs


class ListTable(QTableView):
    """The list of a page; Delete on it asks the page to delete the selected row (a key handled here, not a
    shortcut: in the filter box the same key deletes characters)."""

    deletePressed = Signal()  # noqa: N815 - Qt signal naming
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Delete) and self.currentIndex().isValid():
            self.deletePressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ListPage(QWidget):
    """Subclasses pass the model, implement `open_new`, `open_edit(row)`, `texts()`, `count_text(n)`,
    and may add widgets: `extra_filters()` after the filter box (on a row below it when there are
    several), `extra_buttons()`
    (acting on the selected row, enabled with "Sửa") before the edit button. `topics`: the kinds of
    change (`services.core.changes.TOPICS`) after which the list reads again (`refresh_if`)."""

    topics: tuple[str, ...] = ()

    def __init__(self, model: LazyTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.stale = False  # changed elsewhere while hidden: read again when shown
        self.rereading: Task | None = None  # the rows being read again after a change elsewhere
        self.filter = SearchEdit()
        self.filter.down_pressed.connect(self._to_list)
        with_clear_button(self.filter)
        self.count_label = QLabel()
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.table = ListTable()
        self.table.setModel(model)
        self._setup_table()
        # room for a word or two when filters and buttons crowd the row (1366×768 at 125 %; 900 px windows)
        self.filter.setMinimumWidth(self.filter.fontMetrics().horizontalAdvance("0") * 12)
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _text: self._timer.start())
        self.new_button.clicked.connect(self.open_new)
        self.edit_button.clicked.connect(self.edit_current)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        model.reloaded.connect(self._update_count)
        model.counted.connect(self._update_count)
        QShortcut(QKeySequence.StandardKey.New, self, self.open_new)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_filter)
        self.row_buttons = [*self.extra_buttons(), self.edit_button]
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        filters = self.extra_filters()
        if len(filters) == 1:
            top.addWidget(filters[0])
        top.addWidget(self.count_label)
        top.addSpacing(12)
        for button in self.row_buttons:
            top.addWidget(button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        if len(filters) > 1:  # a row of their own: the top row fits 1366×768 at 125 % with its buttons
            below = QHBoxLayout()
            for widget in filters:
                below.addWidget(widget)
            below.addStretch(1)
            layout.addLayout(below)
        layout.addWidget(self.table, 1)
        self.retranslate()
        model.set_query("")

    def _setup_table(self) -> None:
        t = self.table
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 10)
        header = t.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(40)
        if any(column.sort for column in self.model.columns):
            header.setSectionsClickable(True)
            header.setSortIndicatorShown(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a click
            header.sortIndicatorChanged.connect(self._sort)
        for i, column in enumerate(self.model.columns):
            if column.width:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            else:  # the name column absorbs the window width, so nothing scrolls sideways
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        t.resized.connect(self._fit_columns)

    def _fit_columns(self) -> None:
        """Each fixed column at its width in characters; in a narrow window (1366×768 at 125 %) they
        give up width together, down to FIXED_MIN_SHARE, before the name column drops below
        NAME_MIN_CHARS — the name is what a reader looks for."""
        char = self.table.fontMetrics().horizontalAdvance("0")  # digits are wider than the average letter
        fixed = {i: c.width * char + 12 for i, c in enumerate(self.model.columns) if c.width}
        if not fixed:
            return
        kept = sum(w for i, w in fixed.items() if not self.model.columns[i].shrinks)
        room = self.table.viewport().width() - NAME_MIN_CHARS * char - kept
        wanted = sum(fixed.values()) - kept
        share = 1.0 if room >= wanted or not wanted else max(FIXED_MIN_SHARE, room / wanted)
        header = self.table.horizontalHeader()
        for i, width in fixed.items():
            width = int(width * share) if self.model.columns[i].shrinks else width
            header.resizeSection(i, width)

    # -- subclass hooks -----------------------------------------------------------------------
    def texts(self) -> dict[str, str]:
        """Translated texts: placeholder, new, edit, empty, none_found; and count(n)."""
        raise NotImplementedError

    def count_text(self, n: int) -> str:
        raise NotImplementedError

    def open_new(self) -> None:
        raise NotImplementedError

    def open_edit(self, row: Any) -> None:
        raise NotImplementedError

    def extra_filters(self) -> list[QWidget]:
        """Widgets that narrow the list, placed after the filter box (called while building)."""
        return []

    def extra_buttons(self) -> list[QPushButton]:
        """Buttons acting on the selected row, placed before "Sửa" (called while building)."""
        return []

    # -- behaviour ----------------------------------------------------------------------------
    def apply_filter(self) -> None:
        self._timer.stop()
        self.model.set_query(self.filter.text())
        self.table.scrollToTop()  # a new filter starts at its first row, not at the old scroll

    def find(self, text: str) -> None:
        """Show the rows matching `text` at once (another page named a record)."""
        self.filter.setText(text)
        self.apply_filter()

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def current_row(self) -> Any:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.model.row_at(index.row())

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_edit(row)

    def show_saved(self, row: Any) -> None:
        """After a save: reload and select the saved record if it is among the loaded rows."""
        self.model.refresh()
        self.select_record(row)

    def select_record(self, row: Any) -> None:
        """Select and show the loaded row with the id of `row` (none if it is not loaded)."""
        found = self.model.find(lambda r: r.id == row.id)
        if found >= 0:
            index = self.model.index(found, 0)
            self.table.setCurrentIndex(index)
            self.table.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    # -- changes made at other desks (ui.kit.change_watch) ---------------------------------------
    def refresh_if(self, changes: Changes) -> None:
        if any(changes.touches(topic) for topic in self.topics):
            self.stale = True
            self._refresh_if_shown()

    def _refresh_if_shown(self) -> None:
        if not (self.stale and self.isVisible()) or self.rereading is not None:
            return  # hidden: when shown; being read: once it is in (`_reread_ended`)
        if self._timer.isActive():  # a filter being typed reads the list in a moment anyway
            self.stale = False
            return
        self.stale = False
        fetch, count = self.worker_source()
        self.rereading = self.model.reread(fetch, count, around=lambda: kept_view(self.table))
        self.rereading.finished.connect(self._reread_ended)

    def _reread_ended(self) -> None:
        self.rereading = None
        self._refresh_if_shown()  # changed again meanwhile

    def worker_source(self) -> tuple[Any, Any]:
        """The model's fetch and count as a worker may call them: bound to the filters in force now (a
        page whose filters the model reads from widgets binds them here)."""
        return None, None  # the model's own: they read plain values

    def refresh_kept(self) -> None:
        """Read the rows again now (after this desk's own change), keeping the selection and the scroll."""
        if self._timer.isActive():  # a filter being typed reads the list in a moment anyway
            return
        with kept_view(self.table):
            self.model.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._refresh_if_shown()

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        """A click on a sortable column's header orders the whole list by it; on another column the
        indicator goes back to the order in force."""
        if self.model.sortable(column):
            self.model.sort(column, order)
            self.table.scrollToTop()
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        current = self.model.order
        keys = [c.sort for c in self.model.columns]
        if current is None or current[0] not in keys:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            descending = Qt.SortOrder.DescendingOrder if current[1] else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(keys.index(current[0]), descending)
        header.blockSignals(False)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_edit(self.model.row_at(index.row()))

    def _update_buttons(self) -> None:
        chosen = self.current_row() is not None
        for button in self.row_buttons:
            button.setEnabled(chosen)

    def _update_count(self) -> None:
        texts = self.texts()
        total = self.model.known_total()
        if total is None:
            self.count_label.setText("")  # being counted; arrives in the next moment
        elif total:
            self.count_label.setText(self.count_text(total))
        elif self.model.query.strip():
            self.count_label.setText(texts["none_found"])
        else:
            self.count_label.setText(texts["empty"])
        self._update_buttons()

    def retranslate(self) -> None:
        texts = self.texts()
        self.filter.setPlaceholderText(texts["placeholder"])
        self.filter.setToolTip("Ctrl+F · ↓")
        self.new_button.setText(texts["new"])
        self.new_button.setToolTip("Ctrl+N")
        self.edit_button.setText(texts["edit"])
        self.edit_button.setToolTip(texts["edit_tip"])
        self.model.retranslate()
        self._update_count()

    def _to_list(self) -> None:
        """↓ in the filter box moves to the first row of the list (Enter there opens it)."""
        if self._timer.isActive():  # typed just now: the list must show what was typed
            self.apply_filter()
        if self.model.rowCount() > 0:
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            self.table.selectRow(0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # A closed list queries nothing more: a filter typed just before closing would otherwise run
        # on a store that may be closed by then (on a server, its database dropped: found by the tests)
        self._timer.stop()
        super().closeEvent(event)

    def is_ready(self) -> bool:
        """Rows and their count are on screen (used by screenshots)."""
        return self.model.known_total() is not None
