"""A column of widgets built a slice at a time: the blocks a first screen shows at once, the rest
over the next turns of the event loop, so that a long form never holds the window up while it is
built (a whole score sheet is a few hundred widgets: 40–70 ms on the GUI thread in one go, twice
that on a slow office PC). `complete()` builds the rest at once, for anything that needs every
block; a subclass keeps what it was asked to show and applies it to the blocks built later."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

SLICE_MS = 8  # build for about this long at a time (laying out and painting the new blocks adds as much)
SLICE_GAP_MS = 4  # between two slices: the first paint, keys and clicks go in between

_DONE = object()


class ProgressiveColumn(QWidget):
    """Signals:
    completed(): every block is built (emitted once).
    """

    completed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)  # blocks go above it: a half-built column is not stretched to the height
        self._blocks: Iterator[None] | None = None

    def start(self, blocks: Iterator[None], *, progressive: bool, first: Callable[[], bool]) -> None:
        """Build the blocks `blocks` adds (one per step): all now, or until `first()` holds and the
        rest in slices."""
        self._blocks = blocks
        if not progressive:
            self.complete()
            return
        while self._blocks is not None and not first():
            self._next_block()
        if self._blocks is not None:
            QTimer.singleShot(SLICE_GAP_MS, self, self._build_slice)

    @property
    def pending(self) -> bool:
        """True while some blocks are still to be built."""
        return self._blocks is not None

    def complete(self) -> None:
        """Build every block still pending, now."""
        if self._blocks is None:
            return
        while self._blocks is not None:
            self._next_block()
        self._lay_out_now()

    def add_block(self, widget: QWidget) -> None:
        layout = self._column()
        layout.insertWidget(layout.count() - 1, widget)
        if self.isVisible():
            widget.show()  # now, not next turn: it can take the focus at once (the slice pays for it)

    def add_space(self, size: int) -> None:
        layout = self._column()
        layout.insertSpacing(layout.count() - 1, size)

    def _column(self) -> QVBoxLayout:
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        return layout

    def _build_slice(self) -> None:
        deadline = time.perf_counter() + SLICE_MS / 1000
        while self._blocks is not None and time.perf_counter() < deadline:
            self._next_block()
        self._lay_out_now()
        if self._blocks is not None:
            QTimer.singleShot(SLICE_GAP_MS, self, self._build_slice)

    def _next_block(self) -> None:
        assert self._blocks is not None
        if next(self._blocks, _DONE) is _DONE:
            self._blocks = None
            self.completed.emit()

    def _lay_out_now(self) -> None:
        """New blocks laid out now, the scroll area's resize of this column included: otherwise the
        column's layout runs first at its old height, and a paint, a click or a scroll in between
        would meet squeezed blocks."""
        if self.isVisible():
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
