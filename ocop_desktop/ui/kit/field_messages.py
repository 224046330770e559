"""Messages next to what they are about: a red line under a form field, hidden until it has
something to say."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ocop_desktop.ui.kit.style import ERROR_STYLE


def message_label(style: str = ERROR_STYLE) -> QLabel:
    """A wrapped label for inline messages, hidden until it has something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.hide()
    return label
