"""The one field-message display: each message under its field, the others in the summary (after
a lead line when the form has one), cleared per field as the person fixes it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ocop_desktop.ui.kit.field_messages import FieldMessages, message_label


def form(qtbot, summary: bool = True) -> tuple[QWidget, FieldMessages]:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    messages = FieldMessages(message_label() if summary else None)
    if messages.summary is not None:
        layout.addWidget(messages.summary)
    for key in ("name", "tax_code"):
        layout.addWidget(messages.label(key))
    holder.show()
    return holder, messages


def test_messages_go_under_their_fields_and_the_rest_in_the_summary(qtbot) -> None:  # type: ignore[no-untyped-def]
    _holder, messages = form(qtbot)
    unplaced = messages.show({"tax_code": "Mã số thuế không hợp lệ.", "": "Sản phẩm đã bị xóa."})
    assert unplaced == ["Sản phẩm đã bị xóa."]
    assert messages.text("tax_code") == "Mã số thuế không hợp lệ." and messages.text("name") == ""
    assert messages.summary is not None and messages.summary.isVisible()
    assert messages.summary.text() == "Sản phẩm đã bị xóa."
    assert messages.any_shown()

    messages.clear(["tax_code"])  # the person is fixing that field
    assert messages.text("tax_code") == "" and not messages.any_shown()
    assert messages.summary.isVisible()  # the rest still stands
    messages.clear()
    assert not messages.summary.isVisible()


def test_a_lead_line_is_shown_even_when_every_message_found_its_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    _holder, messages = form(qtbot)
    messages.show({"name": "Không được để trống."}, lead="Chưa lưu được.")
    assert messages.summary is not None and messages.summary.text() == "Chưa lưu được."
    messages.clear()
    messages.show({"name": "Không được để trống."})  # no lead, nothing unplaced: no summary
    assert not messages.summary.isVisible() and messages.text("name") == "Không được để trống."


def test_without_a_summary_unplaced_messages_are_only_returned(qtbot) -> None:  # type: ignore[no-untyped-def]
    _holder, messages = form(qtbot, summary=False)
    assert messages.show({"other_section.field": "Thiếu."}) == ["Thiếu."]
    assert not messages.any_shown()
