"""Tự đánh giá (Mẫu 02, Phần III): the score-sheet editor of `ui.scoring` on this dossier's
self-assessment. Built the first time the tab is shown: the sheet has ~35 criteria cards and
the other tabs should not wait for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ocop_desktop.domain.errors import UserError
from ocop_desktop.ui.kit.style import MUTED_STYLE

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.ui.scoring import ScoreSheetEditor


class SelfAssessmentTab(QWidget):
    """Signals:
    saved(): the editor saved the sheet.
    """

    saved = Signal()

    def __init__(self, ctx: AppContext, dossier_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.dossier_id = ctx, dossier_id
        self.editor: ScoreSheetEditor | None = None  # built the first time the tab shows
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(MUTED_STYLE)
        self.notice.hide()
        self._layout.addWidget(self.notice)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_editor()

    def ensure_editor(self) -> ScoreSheetEditor | None:
        if self.editor is not None:
            return self.editor
        from ocop_desktop.ui.scoring import (
            ScoreSheetEditor,
            SelfAssessmentStore,
        )  # with the tab, not the editor

        try:
            self.editor = ScoreSheetEditor(SelfAssessmentStore(self.ctx, self.dossier_id), self)
        except UserError as exc:  # e.g. the rule set on this machine differs from the sheet's
            self._say(exc.message)
            return None
        self.editor.saved.connect(lambda _revision: self.saved.emit())
        self._layout.addWidget(self.editor, 1)
        return self.editor

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def flush(self) -> bool:
        """Save what is pending in the sheet (tab change, close). True when nothing is left."""
        if self.editor is None:
            return True
        return bool(self.editor.flush())

    def reload(self) -> None:
        if self.editor is not None:
            self.editor.reload()

    def is_dirty(self) -> bool:
        return self.editor is not None and bool(self.editor.dirty)
