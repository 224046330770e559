"""Error display: plain warnings for UserError, a copyable "Lỗi phần mềm" dialog for bugs."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ocop_desktop import __version__
from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.ui.kit import errors


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001
        return caught


def test_user_error_is_shown_as_its_message(messages) -> None:  # type: ignore[no-untyped-def]
    errors.show_error(ValidationError({"name": "Tên chủ thể không được để trống."}))
    assert messages.shown[0].kind == "warn"
    assert "Tên chủ thể không được để trống." in messages.shown[0].text


def test_bug_is_shown_with_version_platform_and_traceback(messages) -> None:  # type: ignore[no-untyped-def]
    errors.show_error(_raised(KeyError("mất")))
    [bug] = messages.shown
    assert bug.kind == "bug" and bug.title == "Lỗi phần mềm"
    assert f"OCOP Desktop {__version__}" in bug.text
    assert "Traceback" in bug.text and "KeyError: 'mất'" in bug.text
    assert "Python" in bug.text and "PySide6" in bug.text


def test_excepthook_routes_escaped_exceptions_to_the_dialog(messages, monkeypatch) -> None:
    exc = _raised(RuntimeError("slot hỏng"))
    errors._excepthook(type(exc), exc, exc.__traceback__)
    assert "RuntimeError: slot hỏng" in messages.texts("bug")[0]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install_excepthook()
    assert sys.excepthook is errors._excepthook


def test_bug_dialog_details_can_be_copied(qtbot) -> None:  # type: ignore[no-untyped-def]
    exc = _raised(ZeroDivisionError("chia cho 0"))
    dialog = errors.BugDialog(errors.bug_details(type(exc), exc, exc.__traceback__))
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.windowTitle() == "Lỗi phần mềm"
    assert dialog.details.isReadOnly()
    assert "ZeroDivisionError" in dialog.details.toPlainText()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.details.toPlainText()
    assert dialog.copy_button.text() == "Đã sao chép"


def test_questions_get_the_recorded_answer(messages) -> None:  # type: ignore[no-untyped-def]
    messages.answer = False
    assert errors.confirm_discard(None) is False
    assert messages.shown[-1].kind == "ask"
