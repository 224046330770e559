"""Colours and small label helpers shared by the dossier widgets."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel

ERROR = "#b3261e"
OK = "#1b5e20"
MUTED = "#5f6368"
DUE_SOON_BG = QColor("#fff3cd")
DUE_SOON_FG = QColor("#7a4d00")
OVERDUE_BG = QColor("#fde0dc")
OVERDUE_FG = QColor("#b3261e")
ERROR_STYLE = f"color: {ERROR};"
OK_STYLE = f"color: {OK};"
MUTED_STYLE = f"color: {MUTED};"

# urgency value (domain.deadlines.Urgency) -> (background, foreground)
URGENCY_COLOURS = {"due_soon": (DUE_SOON_BG, DUE_SOON_FG), "overdue": (OVERDUE_BG, OVERDUE_FG)}


def bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def message_label(style: str = ERROR_STYLE) -> QLabel:
    """A wrapped label for inline messages, hidden until it has something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.hide()
    return label


def required_label(text: str, required: bool) -> str:
    """Rich text of a field label; required fields end with a red star."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return f"{escaped} <span style='color:{ERROR}'>*</span>" if required else escaped
