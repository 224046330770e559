"""Fonts and small label helpers shared by the score-sheet editor's widgets (its colours are in
the one palette, `ui.kit.style`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ocop_desktop.ui.kit.style import MUTED

STARS = {3: "***", 4: "****", 5: "*****"}  # as printed on the sheet


def star_marker(star: int | None) -> str:
    return STARS.get(star or 0, "")


def stars_text(n: int) -> str:
    return "★" * n + "☆" * (5 - n)


def muted(label: QLabel, italic: bool = False, smaller: bool = True) -> QLabel:
    font = QFont(label.font())
    if smaller:
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
    font.setItalic(italic)
    label.setFont(font)
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, MUTED)
    label.setPalette(pal)
    return label


def wrapped(text: str, parent: QWidget | None = None, *, rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_bold_cache: dict[str, QFont] = {}


def bold(font: QFont) -> QFont:
    key = font.key()
    bold = _bold_cache.get(key)
    if bold is None:
        bold = QFont(font)
        bold.setBold(True)
        _bold_cache[key] = bold
    return bold


_bold_metrics_cache: dict[str, QFontMetrics] = {}


def bold_metrics(font: QFont) -> QFontMetrics:
    key = font.key()
    fm = _bold_metrics_cache.get(key)
    if fm is None:
        fm = QFontMetrics(bold(font))
        _bold_metrics_cache[key] = fm
    return fm


def fill(text: str, *args: object) -> str:
    """Fill Qt-style placeholders %1…%n (as QString.arg), the highest first so that %1 never eats %10."""
    for n in range(len(args), 0, -1):
        text = text.replace(f"%{n}", str(args[n - 1]))
    return text
