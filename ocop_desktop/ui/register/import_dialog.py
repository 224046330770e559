"""Nhập sổ sản phẩm OCOP: choose a register file, read the dry run row by row (counts per outcome, a
filter to the refused rows), then import the rows that are not refused, with progress.

Keyboard: Ctrl+O chooses a file, Alt+L the filter, Ctrl+Enter imports, Esc closes."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.register.planner import Outcome, RowPlan
from ocop_desktop.services.register.service import ImportPreview
from ocop_desktop.ui.kit.style import BAD, GOOD, INFO, WARN, Colours
from ocop_desktop.ui.kit.tables import Col, RowsModel, make_table
from ocop_desktop.ui.kit.tasks import run_task
from ocop_desktop.ui.register import ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

translate = QCoreApplication.translate
FILE_FILTER = "Bảng tính (*.xlsx *.csv);;Tất cả tệp (*)"
OUTCOME_COLOURS: dict[str, Colours] = {"create": GOOD, "update": INFO, "skip": (None, None), "refuse": BAD}


def _details(r: RowPlan) -> str:
    return " ".join(r.reasons or r.actions) + (" ⚠ " + " ".join(r.notes) if r.notes else "")


COLUMNS = [
    Col(lambda: translate("RegisterImport", "Dòng"), lambda r: r.line, 6, right=True),
    Col(
        lambda: translate("RegisterImport", "Kết quả"),
        lambda r: r.outcome.label,
        10,
        colours=lambda r: OUTCOME_COLOURS[r.outcome.value],
    ),
    Col(lambda: translate("RegisterImport", "Chủ thể"), lambda r: r.producer, 26),
    Col(lambda: translate("RegisterImport", "Sản phẩm"), lambda r: r.product, 22),
    Col(lambda: translate("RegisterImport", "Xã/phường"), lambda r: r.commune, 16),
    Col(
        lambda: translate("RegisterImport", "Sao"),
        lambda r: r.stars or "",
        4,
        right=True,
        colours=lambda r: WARN if r.notes else None,
    ),
    Col(lambda: translate("RegisterImport", "Lý do / việc sẽ làm"), _details, tip=_details),
]


class RegisterImportDialog(QDialog):
    imported = Signal(object)  # the ImportPreview of what was written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.path: Path | None = None
        self.result: ImportPreview | None = None
        self.setWindowTitle(self.tr("Nhập sổ sản phẩm OCOP từ Excel/CSV"))
        self.file_label = QLabel(
            self.tr("Chưa chọn tệp. Tệp .xlsx hoặc .csv; tên cột tiếng Việt, có dấu hay không.")
        )
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Chọn tệp…"))
        self.template_button = QPushButton(self.tr("Tải tệp &mẫu…"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        for key, label in [("", self.tr("Tất cả dòng")), ("refuse", self.tr("Chỉ dòng bị từ chối"))] + [
            (o.value, o.label) for o in Outcome if o is not Outcome.REFUSE
        ]:
            self.filter.addItem(label, key)
        filter_label = QLabel(self.tr("&Lọc:"))
        filter_label.setBuddy(self.filter)
        self.model = RowsModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        # The whole reason of the current row: the table cuts long ones, the keyboard has no tooltip.
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(self.detail.fontMetrics().height() * 2 + 8)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self._show_detail(current.row())
        )
        self.apply_button = QPushButton(self.tr("&Nhập"))
        self.apply_button.setEnabled(False)
        self.apply_button.setToolTip(self.tr("Ghi các dòng không bị từ chối, trong một lần (Ctrl+Enter)"))
        close = QPushButton(self.tr("Đóng"))
        self._layout(filter_label, close)
        self.choose_button.clicked.connect(self.choose)
        self.template_button.clicked.connect(self.save_template)
        self.filter.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.apply_button.clicked.connect(self.apply)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Open, self, self.choose)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.apply)
        self.resize(1240, 680)

    def _layout(self, filter_label: QLabel, close: QPushButton) -> None:
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        top.addWidget(self.template_button)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(filter_label)
        bar.addWidget(self.filter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)

    # -- actions -----------------------------------------------------------------------------------
    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn sổ sản phẩm"), str(Path.home()), FILE_FILTER
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Run the dry run of `path` (nothing is written) and show it."""
        self.path, self.result = path, None
        self.apply_button.setEnabled(False)
        self.file_label.setText(path.name)
        run_task(
            ops.preview,
            self._ctx,
            path,
            on_done=self.show_preview,
            parent=self,
            progress_title=self.tr("Đang đọc sổ…"),
        )

    def show_preview(self, preview: ImportPreview, *, done: bool = False) -> None:
        self.result = preview
        c = preview.counts
        head = self.tr("Đã nhập") if done else self.tr("Xem trước (chưa ghi gì)")
        self.file_label.setText(
            self.tr("%1 — trang “%2”, dòng tiêu đề %3; cột nhận ra: %4")
            .replace("%1", preview.file_name)
            .replace("%2", preview.sheet)
            .replace("%3", str(preview.header_line))
            .replace("%4", str(len(preview.columns)))
            + (
                self.tr("; bỏ qua cột: ") + ", ".join(preview.ignored_columns)
                if preview.ignored_columns
                else ""
            )
        )
        self.summary.setText(
            f"<b>{head}:</b> {Outcome.CREATE.label} <b>{c['create']}</b> · {Outcome.UPDATE.label} "
            f"<b>{c['update']}</b> · {Outcome.SKIP.label} <b>{c['skip']}</b> · {Outcome.REFUSE.label} "
            f"<b style='color:#b3261e'>{c['refuse']}</b>"
        )
        writes = c["create"] + c["update"]
        self.apply_button.setText(
            self.tr("Đã nhập")
            if done
            else self.tr("&Nhập %n dòng", "", writes)
            if writes
            else self.tr("&Nhập")
        )
        self.apply_button.setEnabled(bool(writes) and not done)
        if c["refuse"] and not done:
            self.filter.setCurrentIndex(self.filter.findData("refuse"))
        self._show_rows()

    def _show_rows(self) -> None:
        wanted = self.filter.currentData()
        rows = self.result.rows if self.result else ()
        self.model.set_rows([r for r in rows if not wanted or r.outcome.value == wanted])
        if self.model.rowCount():
            self.table.selectRow(0)
        self._show_detail(0 if self.model.rowCount() else -1)

    def _show_detail(self, index: int) -> None:
        if index < 0 or index >= self.model.rowCount():
            self.detail.setText("")
            return
        r: RowPlan = self.model.row_at(index)
        head = self.tr("Dòng %1 — %2:").replace("%1", str(r.line)).replace("%2", r.outcome.label)
        lines = [f"<b>{escape(head)}</b> " + escape(" ".join(r.reasons or r.actions))]
        if r.notes:
            lines.append("<span style='color:#7a4d00'>⚠ " + escape(" ".join(r.notes)) + "</span>")
        self.detail.setText("<br>".join(lines))

    def apply(self) -> None:
        if not self.apply_button.isEnabled() or self.path is None or self.result is None:
            return
        self.apply_button.setEnabled(False)
        run_task(
            ops.apply,
            self._ctx,
            self.path,
            self.result.sha256,
            on_done=self._applied,
            on_error=self._failed,
            writes_db=True,
            parent=self,
            progress_title=self.tr("Đang nhập sổ…"),
        )

    def _applied(self, result: ImportPreview) -> None:
        self.show_preview(result, done=True)
        self.filter.setCurrentIndex(0)
        self.imported.emit(result)

    def _failed(self, error: BaseException) -> None:
        from ocop_desktop.ui.kit import errors

        self.apply_button.setEnabled(True)
        errors.show_error(error, self)

    def save_template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu tệp mẫu"), str(Path.home() / "mau-so-san-pham-ocop.xlsx"), "Excel (*.xlsx)"
        )
        if name:
            run_task(ops.template, Path(name), on_done=self._template_saved, parent=self)

    def _template_saved(self, path: Any) -> None:
        self.file_label.setText(
            self.tr("Đã lưu tệp mẫu %1. Điền rồi bấm “Chọn tệp…”.").replace("%1", str(path))
        )
