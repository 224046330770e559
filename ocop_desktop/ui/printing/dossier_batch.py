"""Printing several dossiers at once: a list of dossiers to pick from, a dialog to choose the
forms, and one merged PDF made in the background, opened in the print preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.dossiers.listing import DossierChoice
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.pick_table import Prepared, SearchTable
from ocop_desktop.ui.kit.tables import Col, selected_rows
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.printing import catalog, jobs, output

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.ui.printing.preview import PrintPreviewDialog

DEFAULT_FORMS = ("mau01", "mau02", "sheet")


class ChooseFormsDialog(QDialog):
    """Which forms to print for each chosen dossier."""

    def __init__(self, dossier_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chọn biểu mẫu cần in"))
        intro = QLabel(
            self.tr("In các biểu mẫu sau cho %n hồ sơ đã chọn, gộp thành một tệp PDF:", "", dossier_count)
        )
        intro.setWordWrap(True)
        from ocop_desktop.services.dossiers.print_data import DOSSIER_FORMS  # ReportLab: not at start-up

        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for form in DOSSIER_FORMS:
            box = QCheckBox(catalog.form_title(form))
            box.setChecked(form in DEFAULT_FORMS)
            box.toggled.connect(self._update)
            self.boxes[form] = box
            layout.addWidget(box)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("In"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def forms(self) -> list[str]:
        return [form for form, box in self.boxes.items() if box.isChecked()]

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.forms()))


class DossierPrintPanel(QWidget):
    """The dossiers of this office; "In hồ sơ đã chọn…" prints the chosen ones. The list is read in
    the background and searched in memory (a province holds tens of thousands of dossiers)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[DossierChoice] = []
        self.task: Task | None = None  # the printing
        self.load_task: Task | None = None  # reading the list
        self.preview: PrintPreviewDialog | None = None
        self.list = SearchTable(
            [
                Col(lambda: self.tr("Sản phẩm"), lambda r: r.product_name),
                Col(lambda: self.tr("Chủ thể"), lambda r: r.producer_name, 26),
                Col(lambda: self.tr("Bộ"), lambda r: r.product_set, 4, right=True),
                Col(lambda: self.tr("Loại đăng ký"), lambda r: r.registration_label, 14),
                Col(lambda: self.tr("Trạng thái"), lambda r: label_text(r.status_label), 16),
                Col(lambda: self.tr("Số phiếu"), lambda r: r.receipt_number, 18),
            ],
            lambda r: f"{r.product_name} {r.producer_name} {r.receipt_number}",
            self,
            multi=True,
        )
        self.table = self.list.table
        self.table.setMinimumHeight(160)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.empty = QLabel(self)
        self.refresh_button = QPushButton(self)
        self.all_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.all_button.clicked.connect(self.table.selectAll)
        self.print_button.clicked.connect(self.print_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.empty.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.list.model.retranslate()
        self.empty.setText(self.tr("Chưa có hồ sơ nào. Hồ sơ lập ở trang “Hồ sơ” sẽ hiện ở đây."))
        self.refresh_button.setText(self.tr("Làm mới"))
        self.all_button.setText(self.tr("Chọn tất cả đang hiện"))
        self.print_button.setText(self.tr("In hồ sơ đã chọn…"))
        self.print_button.setToolTip(
            self.tr("Chọn biểu mẫu, in các hồ sơ đã chọn thành một tệp PDF và xem trước")
        )

    def refresh(self) -> Task | None:
        """Read the list again in the background (the window stays responsive)."""
        if self.load_task is not None:
            return None
        self.load_task = run_task(
            jobs.dossier_rows, self.ctx, self.list.preparer(), on_done=self._loaded, parent=self
        )
        self.load_task.finished.connect(self._load_finished)
        return self.load_task

    def _loaded(self, prepared: Prepared) -> None:
        self.rows = prepared.rows
        self.list.set_rows(prepared)
        self.empty.setVisible(not self.rows)
        self._update()

    def _load_finished(self) -> None:
        self.load_task = None

    def selected(self) -> list[DossierChoice]:
        return selected_rows(self.table)

    def _update(self) -> None:
        self.print_button.setEnabled(bool(self.selected()) and self.task is None)

    def choose_forms(self, dossier_count: int) -> list[str]:
        """The forms dialog (tests replace this: the dialog is modal)."""
        dialog = ChooseFormsDialog(dossier_count, self)
        try:
            return dialog.forms() if dialog.exec() == QDialog.DialogCode.Accepted else []
        finally:
            dialog.deleteLater()

    def print_selected(self) -> Task | None:
        chosen = self.selected()
        if not chosen or self.task is not None:
            return None
        forms = self.choose_forms(len(chosen))
        if not forms:
            return None
        dossiers = [jobs.DossierJob(row.id, row.receipt_number or row.product_name) for row in chosen]
        subject = chosen[0].product_name if len(chosen) == 1 else f"{len(chosen)}-san-pham"
        name = output.suggested_name(forms[0] if len(forms) == 1 else "Ho-so", subject)
        if len(chosen) == 1:
            title = f"{chosen[0].product_name} – {', '.join(catalog.short_title(f) for f in forms)}"
        else:
            title = self.tr("%n hồ sơ", "", len(chosen))
        self.task = run_task(
            jobs.dossiers_job,
            self.ctx,
            dossiers,
            forms,
            output.preview_path(name),
            on_done=lambda result: self._printed(result, title, name),
            parent=self,
            progress_title=self.tr("Đang in %n hồ sơ…", "", len(chosen)),
        )
        self.task.finished.connect(self._finished)
        self._update()
        return self.task

    def _printed(self, result: jobs.BatchResult, title: str, name: str) -> None:
        from ocop_desktop.ui.printing.entry import open_print_preview  # imported by the job, on its worker

        self.preview = open_print_preview(self, result.path, title, suggested_name=name)
        if result.skipped:
            errors.info(
                self,
                self.tr("Một số biểu mẫu chưa in được và đã được bỏ qua:")
                + "\n"
                + "\n".join(result.skipped[:12]),
            )

    def _finished(self) -> None:
        self.task = None
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
