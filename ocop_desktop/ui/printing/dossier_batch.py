"""Printing several dossiers at once: a list of dossiers to pick from, a dialog to choose the
forms, and one merged PDF made in the background, opened in the print preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.dossiers.print_data import DOSSIER_FORMS
from ocop_desktop.services.dossiers.service import DossierRow, DossierService
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.printing import catalog, jobs, output
from ocop_desktop.ui.printing.entry import open_print_preview
from ocop_desktop.ui.printing.preview import PrintPreviewDialog

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

C = "DossierPrintPanel"
HEADERS = [
    QT_TRANSLATE_NOOP("DossierPrintPanel", "Sản phẩm"),
    QT_TRANSLATE_NOOP("DossierPrintPanel", "Chủ thể"),
    QT_TRANSLATE_NOOP("DossierPrintPanel", "Bộ"),
    QT_TRANSLATE_NOOP("DossierPrintPanel", "Loại đăng ký"),
    QT_TRANSLATE_NOOP("DossierPrintPanel", "Trạng thái"),
    QT_TRANSLATE_NOOP("DossierPrintPanel", "Số phiếu"),
]
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
    """The dossiers of this office; "In hồ sơ đã chọn…" prints the chosen ones."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[DossierRow] = []
        self.task: Task | None = None
        self.preview: PrintPreviewDialog | None = None
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.table.itemSelectionChanged.connect(self._update)
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
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate(C, h) for h in HEADERS])
        self.empty.setText(self.tr("Chưa có hồ sơ nào. Hồ sơ lập ở trang “Hồ sơ” sẽ hiện ở đây."))
        self.refresh_button.setText(self.tr("Làm mới"))
        self.all_button.setText(self.tr("Chọn tất cả"))
        self.print_button.setText(self.tr("In hồ sơ đã chọn…"))
        self.print_button.setToolTip(
            self.tr("Chọn biểu mẫu, in các hồ sơ đã chọn thành một tệp PDF và xem trước")
        )

    def refresh(self) -> None:
        self.rows = DossierService(self.ctx).search()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = [
                row.product_name,
                row.producer_name,
                str(row.product_set),
                row.registration_label,
                row.status_label,
                row.receipt_number,
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        for column in range(2, len(HEADERS)):  # not the stretched ones: Qt then stops stretching them
            self.table.resizeColumnToContents(column)
        self.empty.setVisible(not self.rows)
        self._update()

    def selected(self) -> list[DossierRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[r] for r in rows]

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
