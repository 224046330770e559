"""`SheetScroll`: the score sheet's criteria (`SheetView`) in a vertical scroll area, and which
criterion is current — highlighted, focused and scrolled into sight. The editor asks it to focus a
criterion by code and to move to the next one of a list (unanswered, blocking). On its own it
follows the keyboard focus (Tab or a click into a criterion's notes makes that criterion current)
and, on first show and whenever another sheet is opened while shown, focuses the first unanswered
criterion (`unanswered()`, asked of the editor), unless the owner already chose one.

The view may still be adding its last criteria (progressive build): `built` is the view as built
so far, `whole` builds it to the end first, and `card(code)` builds the rest only when that
criterion is not there yet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

from ocop_desktop.ui.scoring.cards import ScoreCriterionCard
from ocop_desktop.ui.scoring.sheet_view import SheetView


class SheetScroll(QScrollArea):
    """`unanswered()`: the criteria to focus first, in printed order (None: nothing scored yet)."""

    def __init__(self, unanswered: Callable[[], Sequence[str] | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unanswered = unanswered
        self._focused_once = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sheet_view: SheetView | None = None  # None until the first sheet is shown
        self._current: ScoreCriterionCard | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def show_view(self, view: SheetView) -> None:
        """Show another sheet's view (the old one is deleted); no criterion is current."""
        old = self.takeWidget()
        self.setWidget(view)
        if old is not None:
            old.deleteLater()
        self.sheet_view = view
        self._current = None
        view.completed.connect(self._view_completed)

    @property
    def built(self) -> SheetView:
        """The view as built so far (it may still be adding blocks)."""
        assert self.sheet_view is not None
        return self.sheet_view

    @property
    def whole(self) -> SheetView:
        """The whole sheet's view (built to the end first)."""
        self.built.complete()
        return self.built

    def card(self, code: str) -> ScoreCriterionCard | None:
        """The card of leaf `code`; builds the rest of the sheet only when it is not built yet."""
        card = self.built.card_by_code.get(code)
        if card is None and self.built.pending:
            card = self.whole.card_by_code.get(code)
        return card

    # -- the current criterion ---------------------------------------------------------------------
    def focus_criterion(self, code: str) -> bool:
        """Focus, highlight and scroll to a criterion; a parent code goes to its first sub-criterion."""
        sheet = self.built.sheet
        card = self.card(code)
        if card is None and sheet.has_criterion(code):
            first = next(sheet.criterion(code).leaves(), None)
            card = self.card(first.code) if first else None
        if card is None:
            return False
        card.setFocus(Qt.FocusReason.OtherFocusReason)
        self.make_current(card, scroll=True)
        return True

    def current_code(self) -> str | None:
        return self._current.code if self._current is not None else None

    def focus_next(self, codes: Sequence[str]) -> bool:
        """Focus the first of `codes` after the current criterion, in printed order (wrapping round)."""
        code = self.whole.next_of(codes, self.current_code())
        return code is not None and self.focus_criterion(code)

    def make_current(self, card: ScoreCriterionCard, *, scroll: bool) -> None:
        if self._current is not card:
            if self._current is not None:
                self._current.set_current(False)
            self._current = card
            card.set_current(True)
        if scroll:
            self.ensureWidgetVisible(card, 0, 24)

    def clear_current(self) -> None:
        if self._current is not None:
            self._current.set_current(False)
            self._current = None

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        """Tab or a click into a criterion's notes field makes that criterion the current one."""
        widget = now
        while widget is not None and not isinstance(widget, ScoreCriterionCard):
            widget = widget.parentWidget()
        view = self.sheet_view
        if widget is not None and view is not None and view.card_by_code.get(widget.code) is widget:
            self.make_current(widget, scroll=False)

    # -- the first criterion to work on --------------------------------------------------------------
    def start_over(self) -> None:
        """Another sheet was opened in this one's place: back to the top, and (shown) focus to come."""
        self.verticalScrollBar().setValue(0)
        self._focused_once = self.isVisible()
        if self._focused_once:
            QTimer.singleShot(0, self, self._focus_first)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once and self.built.cards:
            self._focused_once = True
            QTimer.singleShot(0, self, self._focus_first)

    def _focus_first(self) -> None:
        """The first unanswered criterion (or the first one), unless one is current already. When
        that criterion is not built yet, once the view is complete (`_view_completed`)."""
        unanswered = self._unanswered()
        if not self.isVisible() or self._current is not None or unanswered is None:
            return
        view = self.built
        code = unanswered[0] if unanswered else view.cards[0].code
        if code in view.card_by_code or not view.pending:
            self.focus_criterion(code)

    def _view_completed(self) -> None:
        if self._focused_once and self._current is None:
            QTimer.singleShot(0, self, self._focus_first)  # after the last blocks are laid out
