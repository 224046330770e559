"""Báo cáo: the programme's figures ("Số liệu", `ui/reports`); the official forms printed blank (preview,
print, save as PDF), all 26 blank scoring sheets at once, and the forms of chosen dossiers in one batch. The
product sets to choose from are read in the background (`ops.product_sets`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.printing import catalog, jobs, output
from ocop_desktop.ui.printing.dossier_batch import DossierPrintPanel
from ocop_desktop.ui.reports.panel import FiguresPanel
from ocop_desktop.ui.reports.plan_dialog import PlanDialog
from ocop_desktop.ui.shell import ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.ui.printing.preview import PrintPreviewDialog


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.preview: PrintPreviewDialog | None = None
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.plan_button = QPushButton(self)  # the year's targets ("Kế hoạch năm"), beside the figures
        self.plan_button.clicked.connect(self.open_plan)
        self.plan_dialog: PlanDialog | None = None

        self.form_box = QGroupBox(self)
        self.form = QComboBox(self)
        for form in catalog.FORMS:
            self.form.addItem("", form)
        self.product_set = QComboBox(self)
        self.sets_task: Task | None = run_task(ops.product_sets, ctx, on_done=self._sets_read, parent=self)
        # the print preview's modules (pypdfium2, QtPrintSupport): on a worker, not while the page opens
        run_task(lambda _progress: jobs.preview_modules(), parent=self)
        self.form.currentIndexChanged.connect(self._form_changed)
        self.preview_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.preview_button.clicked.connect(self.preview_form)
        self.print_button.clicked.connect(self.print_form)
        self.save_button.clicked.connect(self.save_form)
        fields = QFormLayout()
        self.form_label, self.set_label = QLabel(self), QLabel(self)
        fields.addRow(self.form_label, self.form)
        fields.addRow(self.set_label, self.product_set)
        form_buttons = QHBoxLayout()
        form_buttons.addStretch(1)
        for button in (self.preview_button, self.print_button, self.save_button):
            form_buttons.addWidget(button)
        form_layout = QVBoxLayout(self.form_box)
        form_layout.addLayout(fields)
        form_layout.addLayout(form_buttons)

        self.sheets_box = QGroupBox(self)
        self.sheets_intro = QLabel(self)
        self.sheets_intro.setWordWrap(True)
        self.all_sheets_button = QPushButton(self)
        self.all_sheets_button.clicked.connect(self.print_all_blank_sheets)
        sheets_layout = QHBoxLayout(self.sheets_box)
        sheets_layout.addWidget(self.sheets_intro, 1)
        sheets_layout.addWidget(self.all_sheets_button)

        self.dossiers_box = QGroupBox(self)
        self.dossiers = DossierPrintPanel(ctx, self)
        QVBoxLayout(self.dossiers_box).addWidget(self.dossiers)

        self.figures = FiguresPanel(ctx, self)  # reads nothing until asked
        self.forms_part = QWidget(self)
        forms_layout = QVBoxLayout(self.forms_part)
        forms_layout.setContentsMargins(0, 8, 0, 0)
        forms_layout.setSpacing(12)
        forms_layout.addWidget(self.form_box)
        forms_layout.addWidget(self.sheets_box)
        forms_layout.addWidget(self.dossiers_box, 1)
        self.parts = QTabWidget(self)
        self.parts.addTab(self.figures, "")
        self.parts.addTab(self.forms_part, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.plan_button)
        layout.addLayout(top)
        layout.addWidget(self.parts, 1)
        self.retranslate()
        self._form_changed()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Báo cáo và biểu mẫu"))
        self.plan_button.setText(self.tr("Kế hoạch năm…"))
        self.plan_button.setToolTip(
            self.tr("Chỉ tiêu năm và từng đợt: sản phẩm mới, nâng hạng, đánh giá lại")
        )
        self.parts.setTabText(0, self.tr("Số liệu"))
        self.parts.setTabText(1, self.tr("In biểu mẫu"))
        self.form_box.setTitle(self.tr("In biểu mẫu trống"))
        for i in range(self.form.count()):
            self.form.setItemText(i, catalog.form_title(self.form.itemData(i)))
        self.form_label.setText(self.tr("Biểu mẫu:"))
        self.set_label.setText(self.tr("Bộ sản phẩm:"))
        self.preview_button.setText(self.tr("Xem trước"))
        self.print_button.setText(self.tr("In…"))
        self.save_button.setText(self.tr("Lưu PDF…"))
        self.sheets_box.setTitle(self.tr("Phiếu chấm điểm trống của cả 26 bộ sản phẩm"))
        self.sheets_intro.setText(
            self.tr(
                "Một tệp PDF gồm phiếu của mọi bộ sản phẩm; mỗi phiếu bắt đầu ở trang mới, "
                "có số trang và mã QR riêng."
            )
        )
        self.all_sheets_button.setText(self.tr("In cả 26 phiếu trống…"))
        self.dossiers_box.setTitle(self.tr("In biểu mẫu của hồ sơ"))

    def open_plan(self) -> PlanDialog:
        """The year plan, for the year of the figures' day; the targets report shown is read again after."""

        dialog = PlanDialog(self.ctx, self, year=self.figures.chosen()[1].year)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._plan_closed)
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def _plan_closed(self) -> None:
        self.plan_dialog = None
        if self.figures.report is not None and self.figures.report.key == "targets":
            self.figures.compute()

    # blank forms ------------------------------------------------------------------------------
    def open_report(self, name: str) -> None:
        """The figures of report `name`, for today (the home page's "Xem tất cả")."""
        self.parts.setCurrentWidget(self.figures)
        self.figures.choose(name)
        self.figures.compute()

    def _sets_read(self, sets: list[tuple[int, str]]) -> None:
        self.sets_task = None
        for number, name in sets:
            self.product_set.addItem(f"{number}. {name}", number)

    def chosen(self) -> tuple[str, int]:
        return self.form.currentData(), int(self.product_set.currentData() or 1)

    def _form_changed(self) -> None:
        per_set = self.chosen()[0] in catalog.PER_SET
        self.product_set.setEnabled(per_set)
        self.set_label.setEnabled(per_set)

    def preview_form(self) -> Task | None:
        if self.task is not None:
            return None
        from ocop_desktop.ui.printing.entry import preview_blank_form

        form, set_number = self.chosen()
        task = preview_blank_form(self, form, set_number, on_open=self._opened)
        self._track(task)
        return task

    def print_form(self) -> Task | None:
        """Render, then the system print dialog, then print in the background."""
        form, set_number = self.chosen()
        path = output.preview_path(output.suggested_name(form))
        return self._run(
            jobs.blank_form_job,
            form,
            set_number,
            path,
            done=lambda p: self._print(p, form),
            title=self.tr("Đang chuẩn bị bản in…"),
        )

    def _print(self, path: Path, form: str) -> None:
        from ocop_desktop.ui.printing import printer
        from ocop_desktop.ui.printing.pdf_pages import PdfPages

        with PdfPages(path) as pages:
            count = len(pages)
        task = printer.print_with_dialog(self, path, catalog.short_title(form), count)
        if task is not None:
            self._track(task)

    def ask_save_path(self, suggested: str) -> Path | None:
        """Where to save (tests replace this: the file dialog is modal)."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu PDF"), str(Path.home() / suggested), self.tr("Tệp PDF (*.pdf)")
        )
        return Path(name) if name else None

    def save_form(self) -> Task | None:
        form, set_number = self.chosen()
        subject = f"bo-{set_number:02d}" if form in catalog.PER_SET else ""
        target = self.ask_save_path(output.suggested_name(form, subject))
        if target is None:
            return None
        return self._run(jobs.blank_form_job, form, set_number, target, title=self.tr("Đang lưu PDF…"))

    # all blank sheets -------------------------------------------------------------------------
    def print_all_blank_sheets(self) -> Task | None:
        """All sheets in one PDF in the background ("Hủy" leaves no file), then the preview."""
        name = output.suggested_name("sheet", "26-bo")
        return self._run(
            jobs.all_blank_sheets_job,
            output.preview_path(name),
            done=lambda result: self._show(result.path, self.tr("Phiếu chấm điểm trống, 26 bộ"), name),
            title=self.tr("Đang in phiếu chấm điểm của 26 bộ sản phẩm…"),
        )

    # plumbing ---------------------------------------------------------------------------------
    def _run(self, fn: object, *args: object, title: str, done: object = None) -> Task | None:
        if self.task is not None:
            return None
        task = run_task(fn, *args, on_done=done, parent=self, progress_title=title)  # type: ignore[arg-type]
        self._track(task)
        return task

    def _track(self, task: Task) -> None:
        self.task = task
        self._enable(False)
        task.finished.connect(lambda: self._finished(task))

    def _finished(self, task: Task) -> None:
        if self.task is task:  # printing starts while the job that made the PDF is finishing
            self.task = None
            self._enable(True)

    def _enable(self, on: bool) -> None:
        for button in (self.preview_button, self.print_button, self.save_button, self.all_sheets_button):
            button.setEnabled(on)

    def _show(self, path: Path, title: str, name: str) -> None:
        from ocop_desktop.ui.printing.entry import open_print_preview

        self._opened(open_print_preview(self, path, title, suggested_name=name))

    def _opened(self, dialog: PrintPreviewDialog) -> None:
        self.preview = dialog

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.dossiers.refresh()  # dossiers made on another page since last time

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
