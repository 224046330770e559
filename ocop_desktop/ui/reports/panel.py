"""The "Số liệu" part of the Reports page: the report and the day chosen, "Xem số liệu" computes it on a
worker (nothing is read before that: the page opens at once on a province of 60,000 dossiers), the figures,
a "Biểu đồ" tab first with the report's simple bar charts (`services/reports/charts.py`, painted by
`ui/kit/bar_chart.py`), then one tab per table; "Xuất Excel…" and "Xuất PDF…" write the report shown."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.reports.charts import charts_for
from ocop_desktop.services.reports.model import Report
from ocop_desktop.ui.kit import system_open
from ocop_desktop.ui.kit.bar_chart import ChartGrid
from ocop_desktop.ui.kit.report_labels import report_text
from ocop_desktop.ui.kit.style import MUTED_STYLE
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.reports import ops
from ocop_desktop.ui.reports.table_view import ReportTableView, cell_text

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

REPORTS = (
    "certified",
    "coverage",
    "expiring",
    "dossiers",
    "pass_rates",
    "upgrades",
    "returns",
    "overdue",
    "years",
    "targets",
    "catalogue",
)


class FiguresPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.report: Report | None = None
        self.views: list[ReportTableView] = []
        self.saved: Path | None = None
        self.report_label, self.day_label = QLabel(self), QLabel(self)
        self.choice = QComboBox(self)
        for name in REPORTS:
            self.choice.addItem("", name)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setDate(QDate.currentDate())
        self.show_button = QPushButton(self)
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.compute)
        self.xlsx_button, self.pdf_button = QPushButton(self), QPushButton(self)
        self.csv_button = QPushButton(self)  # one-table reports: the catalogue for the national portal
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        bar = QHBoxLayout()
        bar.addWidget(self.report_label)
        bar.addWidget(self.choice, 1)
        bar.addWidget(self.day_label)
        bar.addWidget(self.day)
        bar.addWidget(self.show_button)
        bar.addSpacing(12)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.csv_button)
        self.status = QLabel(self)
        self.status.setStyleSheet(MUTED_STYLE)
        self.status.setWordWrap(True)
        self.status.linkActivated.connect(lambda url: system_open.open_path(Path(QUrl(url).toLocalFile())))
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.charts = ChartGrid(2)
        self.charts.grid.setContentsMargins(8, 8, 8, 8)
        self.charts_scroll = QScrollArea(self.tabs)
        self.charts_scroll.setWidgetResizable(True)
        self.charts_scroll.setWidget(self.charts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.figures)
        layout.addWidget(self.tabs, 1)
        self.tabs.hide()
        self.figures.hide()
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        names = {
            "certified": self.tr("Sản phẩm OCOP còn hiệu lực"),
            "coverage": self.tr("Độ phủ theo xã/phường"),
            "expiring": self.tr("Giấy chứng nhận sắp hết hạn, đã hết hạn"),
            "dossiers": self.tr("Hồ sơ theo trạng thái và theo đợt"),
            "pass_rates": self.tr("Tỷ lệ công nhận theo đợt"),
            "upgrades": self.tr("Nâng hạng"),
            "returns": self.tr("Hồ sơ bị trả lại và lý do"),
            "overdue": self.tr("Quá hạn đánh giá cấp xã"),
            "years": self.tr("So sánh qua các năm"),
            "targets": self.tr("Chỉ tiêu và kết quả thực hiện"),
            "catalogue": self.tr("Danh mục sản phẩm OCOP (xúc tiến thương mại)"),
        }
        for i in range(self.choice.count()):
            self.choice.setItemText(i, names[self.choice.itemData(i)])
        self.report_label.setText(self.tr("Báo cáo:"))
        self.day_label.setText(self.tr("Số liệu đến ngày:"))
        self.show_button.setText(self.tr("Xem số liệu"))
        self.xlsx_button.setText(self.tr("Xuất Excel…"))
        self.pdf_button.setText(self.tr("Xuất PDF…"))
        self.csv_button.setText(self.tr("Xuất CSV…"))
        self.csv_button.setToolTip(self.tr("Báo cáo một bảng (danh mục sản phẩm) dạng CSV, UTF-8"))
        self._say()

    def choose(self, name: str, on: date | None = None) -> None:
        index = self.choice.findData(name)
        if index >= 0:
            self.choice.setCurrentIndex(index)
        self.day.setDate(on or date.today())

    def chosen(self) -> tuple[str, date]:
        return str(self.choice.currentData()), self.day.date().toPython()  # type: ignore[return-value]

    # computing ----------------------------------------------------------------------------------
    def compute(self) -> Task | None:
        if self.task is not None:
            return None
        name, on = self.chosen()
        self.task = run_task(ops.compute, self.ctx, name, on, on_done=self._show, parent=self)
        self.task.finished.connect(self._finished)
        self._enable()
        self._say()
        return self.task

    def _show(self, report: Report) -> None:
        self.report, self.saved = report, None
        current = self.tabs.currentIndex()
        self.tabs.clear()
        for view in self.views:
            view.deleteLater()
        self.views = [ReportTableView(t, self.tabs) for t in report.tables]
        for view in self.views:
            self.tabs.addTab(view, report_text(view.data.title))
        charts = charts_for(report)
        self.charts.set_charts(charts)
        if charts:  # first: the picture before the numbers
            self.tabs.insertTab(0, self.charts_scroll, self.tr("Biểu đồ"))
        if 0 <= current < self.tabs.count():
            self.tabs.setCurrentIndex(current)
        self.figures.setText(
            "   ·   ".join(
                f"{report_text(label)}: <b>{cell_text(value)}</b>" for label, value in report.figures
            )
        )
        self.figures.setVisible(bool(report.figures))
        self.tabs.show()

    def _finished(self) -> None:
        self.task = None
        self._enable()
        self._say()

    def _enable(self) -> None:
        idle = self.task is None
        self.show_button.setEnabled(idle)
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(idle and self.report is not None)
        one_table = self.report is not None and len(self.report.tables) == 1
        self.csv_button.setEnabled(idle and one_table)

    def _say(self) -> None:
        if self.task is not None:
            self.status.setText(self.tr("Đang tính số liệu…"))
        elif self.report is None:
            self.status.setText(self.tr("Chọn báo cáo và ngày, rồi bấm “Xem số liệu”."))
        else:
            r = self.report
            text = self.tr("{title} — {scope}. Số liệu đến ngày {day}.").format(
                title=report_text(r.title), scope=r.scope, day=f"{r.on:%d/%m/%Y}"
            )
            if self.saved is not None:
                text += " " + self.tr('Đã lưu: <a href="{url}">{name}</a>').format(
                    url=self.saved.as_uri(), name=html.escape(self.saved.name)
                )
            self.status.setText(text)

    # exporting ----------------------------------------------------------------------------------
    def ask_save_path(self, suggested: str, kind: str) -> Path | None:
        """Where to save (tests replace this: the file dialog is modal)."""
        pattern = {
            "xlsx": self.tr("Tệp Excel (*.xlsx)"),
            "pdf": self.tr("Tệp PDF (*.pdf)"),
            "csv": self.tr("Tệp CSV (*.csv)"),
        }[kind]
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu báo cáo"), str(Path.home() / suggested), pattern
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{kind}" else path.with_name(f"{path.name}.{kind}")

    def export(self, kind: str) -> Task | None:
        report = self.report
        if report is None or self.task is not None:
            return None
        target = self.ask_save_path(f"bao-cao-{report.key.replace('_', '-')}-{report.on:%Y%m%d}.{kind}", kind)
        if target is None:
            return None
        self.task = run_task(
            ops.export,
            self.ctx,
            report,
            kind,
            target,
            on_done=self._saved,
            parent=self,
            progress_title=self.tr("Đang ghi báo cáo…"),
        )
        self.task.finished.connect(self._finished)
        self._enable()
        return self.task

    def _saved(self, path: Path) -> None:
        self.saved = path

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
