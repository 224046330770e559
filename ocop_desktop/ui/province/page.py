"""Đánh giá. At the province: the round being worked on (chosen at the top) and six tabs — Hồ sơ
đến, Đợt đánh giá, Hội đồng, Chấm điểm, Tổng hợp, Kết quả — each built the first time it is shown,
so opening the page stays quick; the other tabs' modules are imported on a worker shortly after
the page opened (`load_tabs`), and then the heap is set aside from the garbage collector
(`kit.perf.freeze_heap`). At a commune: what the province decided about the commune's dossiers.
(A council member's laptop gets its own page, `ui.evaluator`, from `ui.shell.pages`.)"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ocop_desktop.progress import Progress
from ocop_desktop.ui.kit import perf
from ocop_desktop.ui.kit.tasks import run_task
from ocop_desktop.ui.province.state import EvalState

if TYPE_CHECKING:
    from ocop_desktop.services.core.changes import Changes
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.ui.province.commune_view import CommuneResultsView
    from ocop_desktop.ui.province.council_tab import CouncilTab
    from ocop_desktop.ui.province.inbox_tab import InboxTab
    from ocop_desktop.ui.province.matrix_tab import MatrixTab
    from ocop_desktop.ui.province.results_tab import ResultsTab
    from ocop_desktop.ui.province.rounds_tab import RoundsTab
    from ocop_desktop.ui.province.scoring_tab import ScoringTab


class Tab(Protocol):
    """What the page asks of every tab (each is a QWidget built as `cls(state, holder)`)."""

    def activate(self) -> None:
        """Built after the page: show what the round state holds now."""

    def retranslate(self) -> None: ...


TabClass = Callable[[EvalState, QWidget], Tab]


# Each loader imports its tab's module and returns the class; importing defines classes and creates no
# widget, so `load_tabs` may call them on a worker, and the GUI thread finds the modules loaded.
def _inbox() -> TabClass:
    from ocop_desktop.ui.province.inbox_tab import InboxTab

    return InboxTab


def _rounds() -> TabClass:
    from ocop_desktop.ui.province.rounds_tab import RoundsTab

    return RoundsTab


def _council() -> TabClass:
    from ocop_desktop.ui.province.council_tab import CouncilTab

    return CouncilTab


def _scoring() -> TabClass:
    from ocop_desktop.ui.province.scoring_tab import ScoringTab

    return ScoringTab


def _matrix() -> TabClass:
    from ocop_desktop.ui.province.matrix_tab import MatrixTab

    return MatrixTab


def _results() -> TabClass:
    from ocop_desktop.ui.province.results_tab import ResultsTab

    return ResultsTab


@dataclass(frozen=True)
class TabSpec:
    name: str
    load: Callable[[], TabClass]


TABS = (
    TabSpec("inbox", _inbox),
    TabSpec("rounds", _rounds),
    TabSpec("council", _council),
    TabSpec("scoring", _scoring),
    TabSpec("matrix", _matrix),
    TabSpec("results", _results),
)
FIRST_TAB = "rounds"
# The tabs that read again after another desk's change while shown. The council, scoring and matrix tabs
# hold what the officer types (the council's fields, a member's sheet): they read again when the page is
# next shown or "Làm mới" is clicked, as before.
LIST_TABS = ("inbox", "rounds", "results")
PRELOAD_MS = 300


def load_tabs(progress: Progress, _ctx: object) -> None:
    """A job (`run_task(load_tabs, None)`): import every tab's module, in order."""
    for spec in TABS:
        if progress.cancelled:
            return
        spec.load()


class EvaluationPage(QWidget):
    """The page at a province (rounds and councils) or at a commune (the province's decisions).

    Signals: openDossier(str): a dossier's window is asked for (the main window opens it)."""

    openDossier = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.province = ctx.office().role == "province"
        self.state: EvalState | None = None
        self.commune: CommuneResultsView | None = None
        self._built: dict[str, Tab] = {}
        self.stale = False  # another desk changed rounds or dossiers: read again on a list tab
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
        state.openDossier.connect(self.openDossier)
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
        for spec in TABS:
            holder = QWidget(self)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[spec.name] = holder
            self.tabs.addTab(holder, "")
        layout.addWidget(self.tabs, 1)
        state.roundsLoaded.connect(self._rounds_loaded)
        state.roundLoaded.connect(self._follow_round)
        self.tabs.setCurrentWidget(self._holders[FIRST_TAB])
        self.tabs.currentChanged.connect(lambda i: self.tab(TABS[i].name) if i >= 0 else None)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_if_shown())
        perf.freeze_heap("opened")
        self.tab(FIRST_TAB)
        self.refresh()
        QTimer.singleShot(PRELOAD_MS, self, self._preload)

    def _preload(self) -> None:
        """Not one of the state's jobs: the page is ready before it ends."""
        run_task(
            load_tabs,
            None,
            on_done=lambda _r: perf.freeze_heap("preloaded"),
            on_error=lambda _e: None,
            parent=self,
        )

    # -- tabs, built on first use --------------------------------------------------------------------
    def tab(self, name: str) -> Tab:
        """The tab `name` ("inbox", "rounds", …), built the first time it is asked for."""
        built = self._built.get(name)
        if built is None:
            assert self.state is not None
            spec = next(t for t in TABS if t.name == name)
            holder = self._holders[name]
            built = spec.load()(self.state, holder)
            box = holder.layout()
            assert box is not None  # set in _build_province
            box.addWidget(cast(QWidget, built))
            self._built[name] = built
            built.activate()
        return built

    def show_tab(self, name: str) -> Tab:
        self.tabs.setCurrentWidget(self._holders[name])
        return self.tab(name)

    @property
    def inbox(self) -> InboxTab:
        return cast("InboxTab", self.tab("inbox"))

    @property
    def rounds(self) -> RoundsTab:
        return cast("RoundsTab", self.tab("rounds"))

    @property
    def council(self) -> CouncilTab:
        return cast("CouncilTab", self.tab("council"))

    @property
    def scoring(self) -> ScoringTab:
        return cast("ScoringTab", self.tab("scoring"))

    @property
    def matrix(self) -> MatrixTab:
        return cast("MatrixTab", self.tab("matrix"))

    @property
    def results(self) -> ResultsTab:
        return cast("ResultsTab", self.tab("results"))

    def refresh(self) -> None:
        if self.state is not None:
            self.state.reload()
            if "inbox" in self._built:
                self.inbox.reload()
        elif self.commune is not None:
            self.commune.reload()

    # -- changes made at other desks (ui.kit.change_watch) ---------------------------------------
    def refresh_if(self, changes: Changes) -> None:
        if self.state is not None and (changes.touches("rounds") or changes.touches("dossiers")):
            self.stale = True
            self._refresh_if_shown()

    def _refresh_if_shown(self) -> None:
        index = self.tabs.currentIndex() if self.state is not None else -1
        if self.stale and self.isVisible() and index >= 0 and TABS[index].name in LIST_TABS:
            self.stale = False
            self.refresh()

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
        if self.state is None:
            return self.commune is not None and self.commune.loaded
        inbox = self._built.get("inbox")
        editor = getattr(self._built.get("scoring"), "editor", None)
        return (
            not self.state.busy()
            and bool(self.state.rounds is not None)
            and (inbox is None or self.inbox.loaded)
            and not (editor is not None and editor.building)
        )

    def retranslate(self) -> None:
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
            self.stale = False
            self.refresh()  # packages imported on the sync page since last time

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for tab in (*self._built.values(), self.commune):
                if tab is not None:
                    tab.retranslate()
        super().changeEvent(event)
