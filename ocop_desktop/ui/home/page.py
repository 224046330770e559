"""Tổng quan: what needs the office's attention now (a tree: one line per kind of work with its count, the
first records under it) and the year's key figures against its targets, with small bar charts beside them
(products by star; targets against achieved — at a commune, its own and the province's).

Everything is read on a worker (`ops.summary`: one pass over 60,000 dossiers at province scale takes about a
second), so the page opens at once and says "Đang tính…" meanwhile. Enter or a double click on a record
opens it (a dossier in its window, a product in the products list); on a line, it opens the report or page
that lists them all. F5 (or "Làm mới") counts again."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.reports.attention import AttentionItem, AttentionRecord, HomeSummary, Severity
from ocop_desktop.ui.home import ops
from ocop_desktop.ui.kit.bar_chart import ChartGrid
from ocop_desktop.ui.kit.report_labels import report_text
from ocop_desktop.ui.kit.style import BAD, INFO, MUTED_STYLE, WARN, Colours
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.changes import Changes
    from ocop_desktop.services.core.context import AppContext

SEVERITY_COLOURS: dict[Severity, Colours] = {
    Severity.DANGER: BAD,
    Severity.WARNING: WARN,
    Severity.INFO: INFO,
}
TARGET = Qt.ItemDataRole.UserRole  # on a line: where "all of them" are; on a record: (kind, id, find)
KEY = Qt.ItemDataRole.UserRole + 1  # on a line: its kind of work ("overdue", …), to keep it open or closed
TOPICS = ("dossiers", "registry", "rounds")  # what the page counts (`services.core.changes.TOPICS`)
RECOUNT_SECONDS = 30.0  # at most this often after other desks' changes: a province's count takes ~1 s


class HomePage(QWidget):
    goTo = Signal(str, object)  # noqa: N815 - Qt signal naming: MainWindow.go_to("page/tab", payload)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.summary: HomeSummary | None = None
        self.today: Callable[[], date] = date.today  # the day counted on (a test sets its own)
        self.stale = False  # changed elsewhere since the last count: counted again when shown
        self.recount_seconds = RECOUNT_SECONDS
        self._counted_at = -RECOUNT_SECONDS
        self._later = QTimer(self, singleShot=True)
        self._later.timeout.connect(self._recount_if_shown)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.state = QLabel(self)
        self.state.setStyleSheet(MUTED_STYLE)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)
        self.attention_box = QGroupBox(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.itemActivated.connect(self._activated)
        self.nothing = QLabel(self)
        self.nothing.setStyleSheet(MUTED_STYLE)
        self.nothing.hide()
        attention = QVBoxLayout(self.attention_box)
        attention.addWidget(self.tree, 1)
        attention.addWidget(self.nothing)
        self.figures_box = QGroupBox(self)
        self.figures = QFormLayout()
        self.charts = ChartGrid(3, self.figures_box)  # products by star; targets against achieved
        self.plan_button = QPushButton(self.figures_box)  # the year's targets: the Reports page's plan dialog
        self.plan_button.clicked.connect(lambda: self.goTo.emit("reports/plan", None))
        numbers = QVBoxLayout()
        numbers.addLayout(self.figures)
        numbers.addStretch(1)
        numbers.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        in_box = QHBoxLayout(self.figures_box)
        in_box.addLayout(numbers)
        in_box.addSpacing(24)
        in_box.addWidget(self.charts, 1)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.state)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.attention_box, 3)
        layout.addWidget(self.figures_box, 1)
        self.retranslate()

    # -- counting -----------------------------------------------------------------------------
    def refresh(self) -> Task | None:
        if self.task is not None:
            return None
        self._counted_at = time.monotonic()
        self.task = run_task(ops.summary, self.ctx, self.today(), on_done=self._show, parent=self)
        self.task.finished.connect(self._finished)
        self._say()
        return self.task

    def _finished(self) -> None:
        self.task = None
        self._say()
        self._recount_if_shown()  # changed again while counting

    # -- changes made at other desks (ui.kit.change_watch) ---------------------------------------
    def refresh_if(self, changes: Changes) -> None:
        if any(changes.touches(topic) for topic in TOPICS):
            self.stale = True
            self._recount_if_shown()

    def _recount_if_shown(self) -> None:
        if not (self.stale and self.isVisible()) or self.task is not None:
            return
        wait = self._counted_at + self.recount_seconds - time.monotonic()
        if wait > 0:
            self._later.start(int(wait * 1000) + 1)
            return
        self.stale = False
        self.refresh()

    def _show(self, summary: HomeSummary) -> None:
        # counted again: the lines the officer opened or closed, the record chosen and the scroll stay
        kept = self._view_state() if self.summary is not None else None
        self.summary = summary
        self.tree.clear()
        for item in summary.items:
            line = self._line(item)
            self.tree.addTopLevelItem(line)
            line.setExpanded(item.severity is not Severity.INFO)  # only once in the tree
        if kept is not None:
            self._restore_view(*kept)
        self.tree.resizeColumnToContents(0)
        self.tree.setVisible(bool(summary.items))
        self.nothing.setVisible(not summary.items)
        while self.figures.rowCount():
            self.figures.removeRow(0)
        for label, value in summary.figures:
            self.figures.addRow(QLabel(report_text(label)), QLabel(_value_text(value)))
        self.charts.set_charts(summary.charts)
        self.figures_box.setVisible(bool(summary.figures))
        if summary.items and self.tree.currentItem() is None:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.retranslate()  # the heading names the area now

    def _view_state(self) -> tuple[dict[str, bool], object, int]:
        lines = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        opened = {str(line.data(0, KEY)): line.isExpanded() for line in lines}
        current = self.tree.currentItem()
        return opened, current.data(0, TARGET) if current else None, self.tree.verticalScrollBar().value()

    def _restore_view(self, opened: dict[str, bool], current: object, scroll: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            line = self.tree.topLevelItem(i)
            line.setExpanded(opened.get(str(line.data(0, KEY)), line.isExpanded()))
            for node in (line, *(line.child(j) for j in range(line.childCount()))):
                if current is not None and node.data(0, TARGET) == current:
                    self.tree.setCurrentItem(node)
                    current = None
        self.tree.doItemsLayout()
        self.tree.verticalScrollBar().setValue(scroll)

    def _line(self, item: AttentionItem) -> QTreeWidgetItem:
        title = self.titles().get(item.key, item.title)
        line = QTreeWidgetItem([f"{title} ({item.count})", self.tr("Xem tất cả…")])
        line.setData(0, TARGET, item.goto)
        line.setData(0, KEY, item.key)
        fill, text = SEVERITY_COLOURS[item.severity]
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for column in (0, 1):
            line.setFont(column, bold)
            if fill is not None:
                line.setBackground(column, QBrush(fill))
            if text is not None:
                line.setForeground(column, QBrush(text))
        for record in item.records:
            child = QTreeWidgetItem([record.label, self._note(item.key, record)])
            child.setData(0, TARGET, (record.kind, record.id, record.find or record.label))
            line.addChild(child)
        if item.count > len(item.records) and item.records:
            more = QTreeWidgetItem([self.tr("… và %n mục khác", "", item.count - len(item.records)), ""])
            more.setData(0, TARGET, item.goto)
            line.addChild(more)
        return line

    def titles(self) -> dict[str, str]:
        return {
            "overdue": self.tr("Quá hạn đánh giá cấp xã"),
            "due_soon": self.tr("Sắp đến hạn đánh giá cấp xã"),
            "returned": self.tr("Hồ sơ bị trả lại, chờ bổ sung"),
            "inbox": self.tr("Hồ sơ xã gửi lên, chờ tỉnh tiếp nhận"),
            "reevaluation": self.tr("Giấy chứng nhận đến kỳ đánh giá lại"),
            "expired": self.tr("Giấy chứng nhận đã hết hiệu lực, chưa có giấy mới"),
            "unsent": self.tr("Hồ sơ chưa gửi đi (từ 7 ngày trở lên)"),
            "unreceipted": self.tr("Gói đã gửi, chưa có biên nhận"),
        }

    def _note(self, key: str, record: AttentionRecord) -> str:
        """The note in the interface's language, from the record's date (the service's note otherwise)."""
        if record.day is None or self.summary is None:
            return record.note
        day, days = f"{record.day:%d/%m/%Y}", (record.day - self.summary.on).days
        if key in ("overdue", "due_soon"):
            if days < 0:
                return self.tr("quá hạn %n ngày (%1)", "", -days).replace("%1", day)
            return self.tr("hạn %1 (còn %n ngày)", "", days).replace("%1", day)
        if key == "reevaluation":
            return self.tr("hạn nộp hồ sơ %1").replace("%1", day)
        if key == "expired":
            return self.tr("hết hạn %1").replace("%1", day)
        return record.note

    # -- going to the records -------------------------------------------------------------------
    def _activated(self, node: QTreeWidgetItem, _column: int) -> None:
        target = node.data(0, TARGET)
        if isinstance(target, str):  # a line or its "… and N more": the list of them all
            self.goTo.emit(target, None)
        elif isinstance(target, tuple | list):
            kind, record_id, find = target
            if kind == "dossier":
                self.goTo.emit("dossiers/open", record_id)
            else:  # a product: the products list, filtered on its code
                self.goTo.emit("products/find", str(find))

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        scope = f" — {self.summary.scope}" if self.summary else ""
        self.heading.setText(self.tr("Tổng quan") + scope)
        self.refresh_button.setText(self.tr("Làm mới"))
        self.refresh_button.setToolTip(self.tr("Đếm lại (F5)"))
        self.attention_box.setTitle(self.tr("Cần chú ý"))
        self.figures_box.setTitle(self.tr("Số liệu năm %1").replace("%1", str(self.today().year)))
        self.plan_button.setText(self.tr("Kế hoạch năm…"))
        self.nothing.setText(self.tr("Không có việc nào cần chú ý lúc này."))
        self.tree.setHeaderLabels([self.tr("Việc"), self.tr("Ghi chú")])
        self._say()

    def _say(self) -> None:
        if self.task is not None:
            self.state.setText(self.tr("Đang tính…"))
        elif self.summary is not None:
            self.state.setText(self.tr("Số liệu ngày %1").replace("%1", f"{self.summary.on:%d/%m/%Y}"))
        else:
            self.state.setText("")

    def is_ready(self) -> bool:
        """Counted and shown (screenshots and benchmarks wait for this)."""
        return self.summary is not None and self.task is None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.summary is None and self.task is None:
            self.refresh()
        self._recount_if_shown()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _value_text(value: object) -> str:
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)
