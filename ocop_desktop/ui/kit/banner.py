"""A coloured, wrapped message line over a page or dialog ("warn", "error", "ok", "info")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ocop_desktop.ui.kit.style import BANNER_STYLES


class Banner(QLabel):
    """A coloured, wrapped message line; hidden while empty."""

    def __init__(self, parent: QWidget | None = None, kind: str = "warn") -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_kind(kind)
        self.hide()

    def set_kind(self, kind: str) -> None:
        self.setStyleSheet(BANNER_STYLES[kind])

    def show_text(self, text: str, kind: str | None = None) -> None:
        if kind:
            self.set_kind(kind)
        self.setText(text)
        self.setVisible(bool(text))
