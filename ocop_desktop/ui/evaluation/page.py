"""Đánh giá. At the province: the round being worked on (chosen at the top) and six tabs — Hồ sơ
đến, Đợt đánh giá, Hội đồng, Chấm điểm, Tổng hợp, Kết quả. At a commune: what the province
decided about the commune's dossiers. On a council member's laptop: the evaluator workspace."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ocop_desktop.ui.evaluation.commune_view import CommuneResultsView
from ocop_desktop.ui.evaluation.state import EvalState

if TYPE_CHECKING:
    from ocop_desktop.services.context import AppContext


class EvaluationPage(QWidget):
    def __init__(self, ctx: "AppContext", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        role = ctx.office().role
        self.province = role == "province"
        self.workspace: QWidget | None = None
        if role == "evaluator":
            from ocop_desktop.ui.evaluator import build_evaluator_page

            self.workspace = build_evaluator_page(ctx)
            self.workspace.setParent(self)
            box = QVBoxLayout(self)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(self.workspace)
            self.state, self.commune = None, None
            return
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        self.state: EvalState | None = None
        self.commune: CommuneResultsView | None = None
        if self.province:
            self._build_province(top, layout)
        else:
            self.commune = CommuneResultsView(ctx, self)
            layout.addWidget(self.commune, 1)
        self.retranslate()

    def _build_province(self, top: QHBoxLayout, layout: QVBoxLayout) -> None:
        from ocop_desktop.ui.evaluation.council_tab import CouncilTab
        from ocop_desktop.ui.evaluation.inbox_tab import InboxTab
        from ocop_desktop.ui.evaluation.matrix_tab import MatrixTab
        from ocop_desktop.ui.evaluation.results_tab import ResultsTab
        from ocop_desktop.ui.evaluation.rounds_tab import RoundsTab
        from ocop_desktop.ui.evaluation.scoring_tab import ScoringTab

        self.state = state = EvalState(self.ctx, self)
        self.round_label = QLabel(self)
        self.round_combo = QComboBox(self)
        self.round_combo.setMinimumWidth(260)
        self.round_combo.activated.connect(lambda i: state.select(self.round_combo.itemData(i)))
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.round_label)
        top.addWidget(self.round_combo)
        top.addWidget(self.refresh_button)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.inbox, self.rounds, self.council = InboxTab(state, self), RoundsTab(state, self), CouncilTab(state, self)
        self.scoring, self.matrix, self.results = ScoringTab(state, self), MatrixTab(state, self), ResultsTab(state,
                                                                                                           self)
        for tab in (self.inbox, self.rounds, self.council, self.scoring, self.matrix, self.results):
            self.tabs.addTab(tab, "")
        layout.addWidget(self.tabs, 1)
        state.roundsLoaded.connect(self._rounds_loaded)
        state.roundLoaded.connect(self._follow_round)
        self.tabs.setCurrentWidget(self.rounds)
        self.refresh()

    def refresh(self) -> None:
        if self.state is not None:
            self.state.reload()
            self.inbox.reload()
        elif self.commune is not None:
            self.commune.reload()

    def _rounds_loaded(self) -> None:
        assert self.state is not None
        self.round_combo.clear()
        for r in self.state.rounds:
            self.round_combo.addItem(f"{r.label}" + (f" — {r.name}" if r.name else ""), r.id)
        index = self.round_combo.findData(self.state.round_id)
        self.round_combo.setCurrentIndex(index)
        if not self.state.rounds:
            self.round_combo.addItem(self.tr("(chưa có đợt nào)"), None)

    def _follow_round(self) -> None:
        assert self.state is not None
        index = self.round_combo.findData(self.state.round_id)
        if index >= 0 and index != self.round_combo.currentIndex():
            self.round_combo.setCurrentIndex(index)

    def is_ready(self) -> bool:
        if self.workspace is not None:
            return bool(getattr(self.workspace, "is_ready", lambda: True)())
        if self.state is None:
            return self.commune is not None and self.commune.loaded
        return not self.state.busy() and self.inbox.loaded

    def retranslate(self) -> None:
        if self.workspace is not None:
            return
        self.heading.setText(self.tr("Đánh giá, phân hạng sản phẩm OCOP") if self.province
                             else self.tr("Kết quả đánh giá của tỉnh"))
        if self.state is not None:
            self.round_label.setText(self.tr("Đợt đang làm việc:"))
            self.refresh_button.setText(self.tr("Làm mới"))
            for i, text in enumerate((self.tr("Hồ sơ đến"), self.tr("Đợt đánh giá"), self.tr("Hội đồng"),
                                      self.tr("Chấm điểm"), self.tr("Tổng hợp"), self.tr("Kết quả"))):
                self.tabs.setTabText(i, text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.state is not None and self.state.rounds is not None and self.inbox.loaded:
            self.refresh()  # packages imported on the sync page since last time

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and self.workspace is None:
            self.retranslate()
            for tab in (getattr(self, name, None) for name in ("inbox", "rounds", "council", "scoring", "matrix",
                                                               "results", "commune")):
                if tab is not None:
                    tab.retranslate()
        super().changeEvent(event)
