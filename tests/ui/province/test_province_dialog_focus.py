"""The province's small dialogs open with the focus in their first input and Tab through the fields
before the buttons (issue 15: typed text was lost, Tab+Space cancelled)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ocop_desktop.ui.province.dialogs import MemberDialog, ReasonDialog


def _tab_order(start: QWidget, count: int) -> list[QWidget]:
    """The next `count` widgets Tab reaches from `start`."""
    order, widget = [], start
    while len(order) < count:
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(start.window()):
            order.append(widget)
    return order


def test_the_member_dialog_starts_in_the_name_and_tabs_through_the_fields_first(qtbot: QtBot) -> None:
    dialog = MemberDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.name
    ok, cancel = dialog.buttons.buttons()
    assert _tab_order(dialog.name, 5) == [dialog.role, dialog.organisation, dialog.title, ok, cancel]


def test_the_reason_dialog_starts_in_the_reason_and_tab_leaves_it(qtbot: QtBot) -> None:
    dialog = ReasonDialog("Yêu cầu chấm lại", "Lý do chấm lại", "Yêu cầu chấm lại", with_date=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.text and dialog.text.tabChangesFocus()
    qtbot.keyClicks(dialog.text, "Thieu minh chung")  # QTest types Latin-1 only
    assert dialog.value()[1] == "Thieu minh chung"
    assert _tab_order(dialog.text, 1) == [dialog.buttons.buttons()[0]]
