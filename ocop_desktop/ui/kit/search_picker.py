"""Pick one item from a long list by typing part of its name (diacritics optional).

The search itself is a callable returning (key, label) pairs; services do the folding, so
"hoan kiem" finds "Phường Hoàn Kiếm". The list's current item is the value.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ocop_desktop.ui.kit.clear_button import with_clear_button

Search = Callable[[str], list[tuple[str, str]]]
_KEY = Qt.ItemDataRole.UserRole


class SearchPicker(QWidget):
    """Signals:
    chosen(object): the key of the item picked by the person, or None.
    """

    chosen = Signal(object)

    def __init__(
        self, search: Search, *, placeholder: str = "", rows: int = 5, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._value: str | None = None
        self._label = ""
        self._searched: str | None = None  # the text the list shows the results of
        self.edit = SearchEdit()
        self.edit.enter = self._enter
        self.edit.setPlaceholderText(placeholder)
        with_clear_button(self.edit)
        self.list = QListWidget()
        self.list.setFixedHeight(rows * (self.fontMetrics().height() + 6) + 6)
        self._timer = QTimer(self, singleShot=True, interval=120)  # wait for a pause in typing
        self._timer.timeout.connect(self.refresh)
        self.edit.textEdited.connect(lambda _text: self._timer.start())
        self.edit.down_pressed.connect(self._to_results)
        self.list.currentItemChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.setFocusProxy(self.edit)

    # -- public -----------------------------------------------------------------------------
    def value(self) -> str | None:
        return self._value

    def label(self) -> str:
        return self._label

    def set_value(self, key: str | None, label: str = "") -> None:
        """Show `key` as the chosen item (for editing a record); does not emit `chosen`."""
        self.list.blockSignals(True)
        self.list.clear()
        self._value, self._label = key, label if key else ""
        if key:
            item = QListWidgetItem(label)
            item.setData(_KEY, key)
            self.list.addItem(item)
            self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def set_search(self, search: Search) -> None:
        """Search somewhere else (e.g. another province); the current choice is dropped."""
        self._search = search
        self.edit.clear()
        self.refresh()

    def refresh(self) -> None:
        """Run the search for the text typed so far."""
        self._timer.stop()
        self._searched = self.edit.text()
        results = self._search(self._searched)
        self.list.blockSignals(True)
        self.list.clear()
        keep = None
        for key, label in results:
            item = QListWidgetItem(label)
            item.setData(_KEY, key)
            self.list.addItem(item)
            if key == self._value:
                keep = item
        if keep is None and len(results) == 1 and self.edit.text().strip():
            keep = self.list.item(0)  # the only match of what was typed: take it (shown highlighted)
        self.list.blockSignals(False)
        if keep is not None:
            self.list.setCurrentItem(keep)
        elif self._value is not None:
            self._set(None, "")

    def pick(self, key: str) -> bool:
        """Choose the listed item with `key` (as a click would); False if it is not listed."""
        for i in range(self.list.count()):
            if self.list.item(i).data(_KEY) == key:
                self.list.setCurrentRow(i)
                return True
        return False

    # -- internals --------------------------------------------------------------------------
    def _on_current(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is None:
            self._set(None, "")
        else:
            self._set(item.data(_KEY), item.text())

    def _set(self, key: str | None, label: str) -> None:
        if key != self._value:
            self._value, self._label = key, label
            self.chosen.emit(key)

    def _enter(self) -> bool:
        """Enter in the box: search what was typed and take the first match; once a match is taken,
        Enter goes on to the dialog (its default button, the wizard's "Tiếp"). True: used here."""
        fresh = self._timer.isActive() or self.edit.text() != self._searched
        if fresh:
            self.refresh()
        if self.list.count() and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
            return True
        return fresh

    def _to_results(self) -> None:
        if self.list.count():
            self.list.setFocus()
            if self.list.currentRow() < 0:
                self.list.setCurrentRow(0)


class SearchEdit(QLineEdit):
    """Down arrow goes to the results (as in a combo box); Enter asks `enter()` first and goes on
    to the dialog's default button only when it says the key was not used. A subclass, not an
    event filter: Python event filters can be called while their owner is being destroyed."""

    down_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enter: Callable[[], bool] = lambda: False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.enter():
            event.accept()
        else:
            super().keyPressEvent(event)
