"""Every message box of the application goes through this module.

A `UserError` is shown as a plain warning with its Vietnamese message; anything else is a bug
and opens the "Lỗi phần mềm" dialog with copyable details. Messages are shown by a *sink*:
the real one uses dialogs, tests install a `RecordingSink` so nothing modal ever blocks them.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import __version__
from ocop_desktop.domain.errors import UserError

log = logging.getLogger(__name__)


translate = QCoreApplication.translate  # a name lupdate recognises, with an explicit context


class MessageSink:
    """Shows messages with real dialogs (modal: the event loop waits for the person)."""

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
        box.addButton(translate("errors", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        box.addButton(translate("errors", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def ask(self, parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
        box.exec()
        return box.clickedButton() is yes_button

    def bug(self, parent: QWidget | None, details: str) -> None:
        BugDialog(details, parent).exec()


@dataclass
class Shown:
    kind: str  # "warn" | "info" | "ask" | "bug"
    title: str
    text: str


@dataclass
class RecordingSink(MessageSink):
    """For tests and smoke runs: records what would have been shown, answers questions with
    `answer`, never opens a window."""

    answer: bool = True
    shown: list[Shown] = field(default_factory=list)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(Shown("warn", title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(Shown("info", title, text))

    def ask(self, parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
        self.shown.append(Shown("ask", title, text))
        return self.answer

    def bug(self, parent: QWidget | None, details: str) -> None:
        self.shown.append(Shown("bug", translate("errors", "Lỗi phần mềm"), details))

    def texts(self, kind: str | None = None) -> list[str]:
        return [s.text for s in self.shown if kind is None or s.kind == kind]


_sink: MessageSink = MessageSink()


def install_sink(sink: MessageSink) -> MessageSink:
    """Replace how messages are shown; returns the previous sink so it can be restored."""
    global _sink
    previous, _sink = _sink, sink
    return previous


def current_sink() -> MessageSink:
    return _sink


# -- the API used by the rest of the UI ------------------------------------------------------


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """A UserError as a plain warning; anything else as a bug with details (and logged)."""
    if isinstance(exc, UserError):
        log.info("user error shown: %s%s", exc.message, f" ({exc.detail})" if exc.detail else "")
        _sink.warn(parent, translate("errors", "Không thực hiện được"), exc.message)
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    _sink.bug(parent, bug_details(type(exc), exc, exc.__traceback__))


def warn(parent: QWidget | None, text: str, title: str = "") -> None:
    _sink.warn(parent, title or translate("errors", "Chú ý"), text)


def info(parent: QWidget | None, text: str, title: str = "") -> None:
    _sink.info(parent, title or translate("errors", "Thông báo"), text)


def ask(parent: QWidget | None, text: str, *, yes: str, no: str, title: str = "") -> bool:
    return _sink.ask(parent, title or translate("errors", "Xác nhận"), text, yes, no)


def confirm_discard(parent: QWidget | None) -> bool:
    """True when the person agrees to lose what they typed."""
    return ask(
        parent,
        translate("errors", "Bạn đã nhập dữ liệu nhưng chưa lưu. Bỏ các thay đổi và đóng?"),
        yes=translate("errors", "Bỏ thay đổi"),
        no=translate("errors", "Tiếp tục sửa"),
        title=translate("errors", "Chưa lưu"),
    )


# -- bugs --------------------------------------------------------------------------------------


def bug_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """What a person copies into a bug report: versions, platform, traceback."""
    import platform  # only when a bug is being reported: keeps start-up light
    import traceback

    from PySide6 import __version__ as pyside_version

    lines = [
        f"OCOP Desktop {__version__}",
        f"Python {platform.python_version()} — PySide6 {pyside_version}",
        f"{platform.platform()} ({platform.machine()})",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class BugDialog(QDialog):
    """ "Lỗi phần mềm": an apology, the copyable details and a "Sao chép" button."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lỗi phần mềm"))
        self.resize(640, 420)
        intro = QLabel(
            self.tr(
                "Đã xảy ra lỗi không mong đợi trong phần mềm. Dữ liệu đã lưu không bị ảnh hưởng.\n"
                "Hãy bấm “Sao chép” và gửi nội dung dưới đây cho bộ phận hỗ trợ."
            )
        )
        intro.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(
            QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        )  # traceback carets line up
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("Sao chép"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Đã sao chép"))


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    # Slots that let an exception escape end up here: never crash, always tell.
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    parent = QApplication.activeWindow()
    show_error(exc, parent if parent is not None and parent.isVisible() else None)


def install_excepthook() -> None:
    sys.excepthook = _excepthook


__all__ = [
    "BugDialog",
    "MessageSink",
    "RecordingSink",
    "Shown",
    "ask",
    "bug_details",
    "confirm_discard",
    "current_sink",
    "info",
    "install_excepthook",
    "install_sink",
    "show_error",
    "warn",
]
