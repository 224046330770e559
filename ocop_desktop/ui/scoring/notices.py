"""The marker of a rule-set notice on the score sheet: a correction (the value used is not the
printed one) or a suspect value of the copy of the decision, on the criterion, part or sheet it is
about. One line that says which; the tooltip has the rule set's own explanation."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from ocop_desktop.domain.rules.model import Notice
from ocop_desktop.ui.kit.style import WARNING_TEXT
from ocop_desktop.ui.scoring.style import fill


class NoticeMarker(QLabel):
    """ "⚑ Giá trị nghi vấn của văn bản (di chuột để xem)"; hidden when there is nothing to say."""

    def __init__(self, notices: Sequence[Notice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notices = tuple(notices)
        self.setWordWrap(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, WARNING_TEXT)
        self.setPalette(palette)
        self.setVisible(bool(self.notices))
        self.retranslate()

    def retranslate(self) -> None:
        if not self.notices:
            return
        kinds = {
            "correction": self.tr("✎ Đã hiệu chỉnh so với văn bản in"),
            "suspect": self.tr("⚑ Giá trị nghi vấn"),
        }
        marks = dict.fromkeys(kinds[n.kind] for n in self.notices)
        self.setText(fill(self.tr("%1 (di chuột để xem giải thích)"), "; ".join(marks)))
        self.setToolTip("\n\n".join(self.tip(n) for n in self.notices))
        self.setAccessibleDescription(self.toolTip())

    def tip(self, n: Notice) -> str:
        kind = self.tr("Đã hiệu chỉnh") if n.kind == "correction" else self.tr("Giá trị nghi vấn")
        return fill(self.tr("%1 (bộ %2, %3): %4"), kind, n.set, n.where, n.text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
