"""The clear button of a search box, with a tooltip: Qt gives its clear button none (in any
language), so an officer hovering the ⊗ learns nothing. `with_clear_button(edit)` turns the
button on and names it in the interface language, again after a language switch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit
from shiboken6 import isValid

CLEAR_ACTION = "_q_qlineeditclearaction"  # the object name Qt gives the clear button's action


class _ClearTip(QObject):
    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.action = edit.findChild(QAction, CLEAR_ACTION)
        edit.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        # a language change can reach the edit while it is being destroyed, its action already gone
        if self.action is not None and isValid(self.action):
            self.action.setToolTip(QCoreApplication.translate("ClearButton", "Xóa chữ đã gõ"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.apply()
        return False


def with_clear_button(edit: QLineEdit) -> QLineEdit:
    """Show `edit`'s clear button, with its tooltip; returns `edit`."""
    edit.setClearButtonEnabled(True)
    _ClearTip(edit)
    return edit
