"""Đánh giá. At the province: the round being worked on (chosen at the top) and six tabs — Hồ sơ
đến, Đợt đánh giá, Hội đồng, Chấm điểm, Tổng hợp, Kết quả — each built the first time it is shown,
so opening the page stays quick; the other tabs' modules are imported on a worker shortly after
the page opened, and then the heap is set aside from the garbage collector (`preload`). At a
commune: what the province decided about the commune's dossiers. On a council member's laptop:
the evaluator workspace."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ocop_desktop.ui.kit import perf as preload
from ocop_desktop.ui.kit.tasks import run_task
from ocop_desktop.ui.province.state import EvalState

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

# name, module, class: the tabs in order
TABS = (
    ("inbox", "inbox_tab", "InboxTab"),
    ("rounds", "rounds_tab", "RoundsTab"),
    ("council", "council_tab", "CouncilTab"),
    ("scoring", "scoring_tab", "ScoringTab"),
    ("matrix", "matrix_tab", "MatrixTab"),
    ("results", "results_tab", "ResultsTab"),
)
FIRST_TAB = "rounds"
PRELOAD_MS = 300


class EvaluationPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        role = ctx.office().role
        self.province = role == "province"
        self.workspace: QWidget | None = None
        self.state: EvalState | None = None
        self.commune: Any = None
        self._built: dict[str, QWidget] = {}
        if role == "evaluator":
            from ocop_desktop.ui.evaluator import build_evaluator_page

            self.workspace = build_evaluator_page(ctx)
            self.workspace.setParent(self)
            box = QVBoxLayout(self)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(self.workspace)
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
        if self.province:
            self._build_province(top, layout)
        else:
            from ocop_desktop.ui.province.commune_view import CommuneResultsView

            self.commune = CommuneResultsView(ctx, self)
            layout.addWidget(self.commune, 1)
        self.retranslate()

    def _build_province(self, top: QHBoxLayout, layout: QVBoxLayout) -> None:
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
        self._holders: dict[str, QWidget] = {}
        for name, _module, _cls in TABS:
            holder = QWidget(self)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[name] = holder
            self.tabs.addTab(holder, "")
        layout.addWidget(self.tabs, 1)
        state.roundsLoaded.connect(self._rounds_loaded)
        state.roundLoaded.connect(self._follow_round)
        self.tabs.setCurrentWidget(self._holders[FIRST_TAB])
        self.tabs.currentChanged.connect(lambda i: self.tab(TABS[i][0]) if i >= 0 else None)
        preload.freeze_heap("opened")
        self.tab(FIRST_TAB)
        self.refresh()
        QTimer.singleShot(PRELOAD_MS, self, self._preload)

    def _preload(self) -> None:
        """Not one of the state's jobs: the page is ready before it ends."""
        names = tuple(preload.tab_module(module) for _name, module, _cls in TABS)
        run_task(
            preload.import_modules,
            None,
            names,
            on_done=lambda _r: preload.freeze_heap("preloaded"),
            on_error=lambda _e: None,
            parent=self,
        )

    # -- tabs, built on first use --------------------------------------------------------------------
    def tab(self, name: str) -> Any:
        """The tab `name` ("inbox", "rounds", …), built the first time it is asked for."""
        built = self._built.get(name)
        if built is None:
            assert self.state is not None
            _name, module, cls = next(t for t in TABS if t[0] == name)
            holder = self._holders[name]
            built = getattr(importlib.import_module(preload.tab_module(module)), cls)(self.state, holder)
            holder.layout().addWidget(built)
            self._built[name] = built
            built.activate()
        return built

    def show_tab(self, name: str) -> Any:
        self.tabs.setCurrentWidget(self._holders[name])
        return self.tab(name)

    inbox = property(lambda self: self.tab("inbox"))
    rounds = property(lambda self: self.tab("rounds"))
    council = property(lambda self: self.tab("council"))
    scoring = property(lambda self: self.tab("scoring"))
    matrix = property(lambda self: self.tab("matrix"))
    results = property(lambda self: self.tab("results"))

    def refresh(self) -> None:
        if self.state is not None:
            self.state.reload()
            if "inbox" in self._built:
                self._built["inbox"].reload()
        elif self.commune is not None:
            self.commune.reload()

    def _rounds_loaded(self) -> None:
        assert self.state is not None
        self.round_combo.clear()
        for r in self.state.rounds:
            self.round_combo.addItem(f"{r.label}" + (f" — {r.name}" if r.name else ""), r.id)
        self.round_combo.setCurrentIndex(self.round_combo.findData(self.state.round_id))
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
        inbox = self._built.get("inbox")
        editor = getattr(self._built.get("scoring"), "editor", None)
        return (
            not self.state.busy()
            and bool(self.state.rounds is not None)
            and (inbox is None or inbox.loaded)
            and not (editor is not None and editor.building)
        )

    def retranslate(self) -> None:
        if self.workspace is not None:
            return
        self.heading.setText(
            self.tr("Đánh giá, phân hạng sản phẩm OCOP")
            if self.province
            else self.tr("Kết quả đánh giá của tỉnh")
        )
        if self.state is not None:
            self.round_label.setText(self.tr("Đợt đang làm việc:"))
            self.refresh_button.setText(self.tr("Làm mới"))
            for i, text in enumerate(
                (
                    self.tr("Hồ sơ đến"),
                    self.tr("Đợt đánh giá"),
                    self.tr("Hội đồng"),
                    self.tr("Chấm điểm"),
                    self.tr("Tổng hợp"),
                    self.tr("Kết quả"),
                )
            ):
                self.tabs.setTabText(i, text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.state is not None and self.state.rounds:
            self.refresh()  # packages imported on the sync page since last time

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and self.workspace is None:
            self.retranslate()
            for tab in (*self._built.values(), self.commune):
                if tab is not None:
                    tab.retranslate()
        super().changeEvent(event)
