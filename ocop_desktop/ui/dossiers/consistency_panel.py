"""The dossier window's line about the producer's record: what in Mẫu 02 or the self-assessment the
record contradicts (each with its field as a link that shows it), and — when this dossier holds producer
facts the record lacks or says otherwise — "Cập nhật vào hồ sơ chủ thể…". Hidden when all agree."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.services.dossiers.consistency import ConsistencyView
from ocop_desktop.ui.kit.style import BANNER_STYLES

SECTION_NAMES = {"mau02_part1": "Mẫu 02 – Phần I", "self_assessment": "Tự đánh giá"}


class ConsistencyPanel(QFrame):
    """Signals:
    focus_requested(str): a warning's field was clicked ("mau02_part1.address", "self_assessment.3.1").
    take_back_requested(): "Cập nhật vào hồ sơ chủ thể…" was pressed.
    """

    focus_requested = Signal(str)
    take_back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consistency")
        self.setStyleSheet(f"QFrame#consistency {{ {BANNER_STYLES['warn']} }}")
        self.view: ConsistencyView | None = None
        self.editable = True
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.linkActivated.connect(self.focus_requested.emit)
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.take_back = QPushButton(self.tr("Cập nhật vào hồ sơ chủ thể…"))
        self.take_back.setObjectName("take_back")
        self.take_back.clicked.connect(self.take_back_requested.emit)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.changes, 1)
        row.addWidget(self.take_back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.warnings)
        layout.addLayout(row)
        self.hide()

    def set_editable(self, editable: bool) -> None:
        """Whether the dossier's facts may be taken back: not from a dossier that left the office (its
        facts may be older than the record's)."""
        self.editable = editable
        if self.view is not None:
            self.show_view(self.view)

    def show_view(self, view: ConsistencyView) -> None:
        self.view = view
        lines = [
            f'• <a href="{escape(c.field)}">{escape(self._where(c.field))} · {escape(c.label)}</a>: '
            f"{escape(c.message)}"
            for c in view.contradictions
        ]
        head = self.tr("Khác với hồ sơ chủ thể (bấm vào tên mục để xem):")
        self.warnings.setText(f"<b>{escape(head)}</b><br>" + "<br>".join(lines) if lines else "")
        self.warnings.setVisible(bool(lines))
        names = ", ".join(c.label for c in view.changes)
        self.changes.setText(
            self.tr("Hồ sơ này có thông tin của chủ thể chưa có hoặc khác trong hồ sơ chủ thể: %1.").replace(
                "%1", names
            )
        )
        offer = bool(view.changes) and self.editable
        for widget in (self.changes, self.take_back):
            widget.setVisible(offer)
        self.setVisible(bool(lines) or offer)

    @staticmethod
    def _where(field: str) -> str:
        return SECTION_NAMES.get(field.partition(".")[0], "")
