"""The council member's workspace on an evaluator laptop (docs/province.md §7, sync-package.md §13):
the imported assignment's dossiers on the left, and for the chosen one the member's sheet
(`ScoreSheetEditor` on `EvaluatorSheetStore`, autosaved), the dossier as the province sent it
and its evidence files. The top bar carries the three package steps: enrollment out, assignment
in (dry run, then applied in the background), signed scores out.

Every package step is a method (`export_enrollment`, `import_assignment`, `export_scores`) taking
an optional path; without one the file is chosen with `choose_open_path`/`choose_save_path`,
which tests replace. Services do the work; this module holds no SQL.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.text import slug
from ocop_desktop.progress import Progress
from ocop_desktop.services.evaluator.work import (
    AssignedDossierRow,
    AssignmentRow,
    EvaluatorWorkService,
    EvidenceFile,
)
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.ui.evaluator.dialogs import AssignmentPreviewDialog, EnrollmentDoneDialog
from ocop_desktop.ui.evaluator.panels import DossierSummary, EvidencePanel
from ocop_desktop.ui.evaluator.store import EvaluatorSheetStore
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.ui.scoring import ScoreSheetEditor

log = logging.getLogger(__name__)

PACKAGE_FILTER = "OCOP (*.ocoppkg)"
TAB_SHEET, TAB_DOSSIER, TAB_FILES = 0, 1, 2
COL_DOSSIER, COL_ANSWERED, COL_POINTS = 0, 1, 2
LIST_WIDTH = 236  # the sheet editor needs ~1000 px of a 1280 px window


@dataclass(frozen=True)
class SheetProgress:
    answered: int
    leaves: int
    total: int | None
    star: int | None
    complete: bool
    sent: bool


def _progress(work: EvaluatorWorkService, row: AssignedDossierRow) -> SheetProgress:
    try:
        state = work.sheet(row.dossier_id, row.round_id)
    except UserError:  # e.g. a rule set this machine lacks
        return SheetProgress(0, 0, row.total, row.star, row.complete, row.sent)
    answered = len(state.result.answers)
    started = state.revision is not None
    return SheetProgress(
        answered,
        answered + len(state.result.unanswered),
        int(state.result.total) if started else None,
        state.result.star if started else None,
        state.complete,
        row.sent,
    )


class EvaluatorWorkspace(QWidget):
    """Signals:
    assignmentChanged(): an assignment was imported (or the round switched); the list was reloaded.
    sheetSaved(str): the member's sheet of that dossier was saved.
    exported(object): a package was written (`ExportResult`).
    """

    assignmentChanged = Signal()
    sheetSaved = Signal(str)
    exported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.work = EvaluatorWorkService(ctx)
        self.packages = EvaluatorPackages(ctx)
        # replaceable (tests): (title, suggested) -> Path | None
        self.choose_open_path: Callable[[str], Path | None] = self._ask_open_path
        self.choose_save_path: Callable[[str, str], Path | None] = self._ask_save_path
        self.open_external: Callable[[Path], Any] = _open_external
        self.assignment: AssignmentRow | None = None
        self.rows: list[AssignedDossierRow] = []
        self.progress: dict[str, SheetProgress] = {}
        self.current_id: str | None = None
        self.editor: ScoreSheetEditor | None = None
        self.preview_dialog: AssignmentPreviewDialog | None = None
        self.enrollment_dialog: EnrollmentDoneDialog | None = None
        self.pdf_preview: QWidget | None = None
        self.last_task: Task | None = None
        self._build()
        self.refresh()

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("evaluatorTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("evaluatorSubtitle")
        self.subtitle.setStyleSheet("color: #555;")
        self.subtitle.setWordWrap(True)
        self.round_combo = QComboBox(self)
        self.round_combo.currentIndexChanged.connect(self._round_chosen)
        self.enroll_button = QPushButton(self)
        self.enroll_button.clicked.connect(lambda: self.export_enrollment())
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(lambda: self.import_assignment())
        self.scores_button = QPushButton(self)
        self.scores_button.clicked.connect(lambda: self.export_scores())
        self.scores_button.setDefault(True)

        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        bar = QHBoxLayout()
        bar.addLayout(names, 1)
        bar.addWidget(self.round_combo)
        bar.addWidget(self.enroll_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.scores_button)
        top = QFrame(self)
        top.setObjectName("evaluatorTopBar")
        top.setStyleSheet("#evaluatorTopBar { background: #f4f7fb; border-bottom: 1px solid #d5dde8; }")
        top.setLayout(bar)

        # left: the assigned dossiers
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("evaluatorDossiers")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (COL_ANSWERED, COL_POINTS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.list_summary = QLabel(self)
        self.list_summary.setWordWrap(True)
        self.list_summary.setStyleSheet("color: #555;")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        self.list_heading = QLabel(left)
        bold = self.list_heading.font()
        bold.setBold(True)
        self.list_heading.setFont(bold)
        left_layout.addWidget(self.list_heading)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.list_summary)

        # right: the chosen dossier
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.sheet_tab = QWidget(self.tabs)
        self.sheet_layout = QVBoxLayout(self.sheet_tab)
        self.sheet_layout.setContentsMargins(0, 0, 0, 0)
        self.sheet_notice = QLabel(self.sheet_tab)
        self.sheet_notice.setWordWrap(True)
        self.sheet_notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sheet_layout.addWidget(self.sheet_notice)
        self.summary = DossierSummary(self.tabs)
        self.evidence = EvidencePanel(self.tabs)
        self.evidence.openRequested.connect(self.open_evidence)
        self.evidence.previewRequested.connect(self.preview_evidence)
        self.tabs.addTab(self.sheet_tab, "")
        self.tabs.addTab(self.summary, "")
        self.tabs.addTab(self.evidence, "")

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LIST_WIDTH, 1280 - LIST_WIDTH])
        self.splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(180)

        # nothing imported yet: what to do first
        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_text = QLabel(self.empty)
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setTextFormat(Qt.TextFormat.RichText)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addStretch(2)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(top)
        root.addWidget(self.stack, 1)
        self._retranslate()

    def _retranslate(self) -> None:
        self.enroll_button.setText(self.tr("Xuất gói đăng ký máy chấm"))
        self.enroll_button.setToolTip(
            self.tr("Gói có khóa công khai của máy này, để tỉnh liên kết máy với bạn.")
        )
        self.import_button.setText(self.tr("Nhập gói phân công…"))
        self.scores_button.setText(self.tr("Xuất phiếu chấm…"))
        self.scores_button.setToolTip(
            self.tr("Gói phiếu chấm đã ký, mã hóa cho tỉnh (chỉ gồm phiếu đã chấm đủ).")
        )
        self.table.setHorizontalHeaderLabels([self.tr("Sản phẩm"), self.tr("Đã chấm"), self.tr("Điểm")])
        self.list_heading.setText(self.tr("Hồ sơ được phân công"))
        self.tabs.setTabText(TAB_SHEET, self.tr("Phiếu chấm"))
        self.tabs.setTabText(TAB_DOSSIER, self.tr("Hồ sơ"))
        self.tabs.setTabText(TAB_FILES, self.tr("Tài liệu"))
        self.empty_text.setText(
            "<h2>"
            + self.tr("Chưa có hồ sơ nào được phân công cho máy này")
            + "</h2><ol style='text-align:left'><li>"
            + self.tr(
                "Bấm “Xuất gói đăng ký máy chấm”, gửi gói cho cơ quan OCOP tỉnh và đọc dấu vân tay qua điện "
                "thoại cho cán bộ tỉnh."
            )
            + "</li><li>"
            + self.tr("Khi nhận được gói phân công của tỉnh, bấm “Nhập gói phân công…”.")
            + "</li><li>"
            + self.tr("Chấm từng hồ sơ, rồi bấm “Xuất phiếu chấm…” và gửi gói cho tỉnh.")
            + "</li></ol>"
        )
        self._show_header()
        self._fill_table()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "scores_button"):
            self._retranslate()
        super().changeEvent(event)

    # -- data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the assignments and the dossier list (keeps the chosen dossier)."""
        try:
            assignments = self.work.assignments()
        except UserError as exc:
            errors.show_error(exc, self)
            assignments = []
        wanted = self.assignment.round_id if self.assignment else None
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for a in assignments:
            self.round_combo.addItem(a.round_label, a.round_id)
        index = next((n for n, a in enumerate(assignments) if a.round_id == wanted), 0)
        self.round_combo.setCurrentIndex(index if assignments else -1)
        self.round_combo.blockSignals(False)
        self.round_combo.setVisible(len(assignments) > 1)
        self.assignment = assignments[index] if assignments else None
        self._reload_rows()
        self.stack.setCurrentWidget(self.splitter if self.assignment else self.empty)
        self.scores_button.setEnabled(self.assignment is not None)
        ids = [r.dossier_id for r in self.rows]
        self.select_dossier(self.current_id if self.current_id in ids else (ids[0] if ids else None))

    def _round_chosen(self, index: int) -> None:
        round_id = self.round_combo.itemData(index)
        if round_id and (self.assignment is None or round_id != self.assignment.round_id):
            self._flush_editor()
            self.assignment = next((a for a in self.work.assignments() if a.round_id == round_id), None)
            self.current_id = None
            self.refresh()
            self.assignmentChanged.emit()

    def _reload_rows(self) -> None:
        if self.assignment is None:
            self.rows, self.progress = [], {}
        else:
            self.rows = self.work.dossiers(self.assignment.round_id)
            self.progress = {r.dossier_id: _progress(self.work, r) for r in self.rows}
            self.assignment = next(
                (a for a in self.work.assignments() if a.id == self.assignment.id), self.assignment
            )
        self._show_header()
        self._fill_table()

    def _show_header(self) -> None:
        a = self.assignment
        if a is None:
            office = self.ctx.office_or_none()
            self.title.setText(self.tr("Máy chấm điểm của thành viên Hội đồng"))
            self.subtitle.setText(office.name if office is not None else "")
            return
        self.title.setText(f"{a.member_label} · {a.member_name}")
        council = a.council_name or self.tr("Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh")
        done = sum(1 for p in self.progress.values() if p.complete)
        self.subtitle.setText(
            " — ".join(
                x
                for x in (
                    council,
                    a.round_label,
                    a.province_name,
                    self.tr("đã chấm xong %1/%2 hồ sơ")
                    .replace("%1", str(done))
                    .replace("%2", str(a.dossiers)),
                )
                if x
            )
        )

    def _fill_table(self) -> None:
        selected = self.current_id
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for n, r in enumerate(self.rows):
            p = self.progress.get(r.dossier_id)
            product_set = self.tr("Bộ %1").replace("%1", str(r.product_set))
            name = QTableWidgetItem(f"{r.product_name}\n{r.producer_name} · {product_set}")
            name.setData(Qt.ItemDataRole.UserRole, r.dossier_id)
            name.setToolTip(f"{r.product_name}\n{r.producer_name}\n{r.product_code} · {product_set}")
            answered = QTableWidgetItem(f"{p.answered}/{p.leaves}" if p else "")
            points = QTableWidgetItem(self._points_text(p))
            if p is not None and p.complete:
                for item in (answered, points):
                    item.setForeground(Qt.GlobalColor.darkGreen)
                state = self.tr("đã gửi tỉnh") if p.sent else self.tr("chấm xong, chưa gửi")
                answered.setToolTip(state)
            for col, item in enumerate((name, answered, points)):
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(n, col, item)
            if r.dossier_id == selected:
                self.table.selectRow(n)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        if self.assignment is not None:
            complete = sum(1 for p in self.progress.values() if p.complete)
            unsent = self.assignment.unsent
            self.list_summary.setText(
                self.tr("%1 hồ sơ: %2 chấm xong, %3 chưa xong; %4 phiếu chấm xong chưa gửi tỉnh.")
                .replace("%1", str(len(self.rows)))
                .replace("%2", str(complete))
                .replace("%3", str(len(self.rows) - complete))
                .replace("%4", str(unsent))
            )
        else:
            self.list_summary.setText("")

    def _points_text(self, p: SheetProgress | None) -> str:
        if p is None or p.total is None:
            return "—"
        stars = self.tr("%n sao", "", p.star or 0) if p.complete else self.tr("tạm")
        return f"{p.total}\n{stars}"

    # -- the chosen dossier --------------------------------------------------------------------
    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            item = self.table.item(rows[0].row(), 0)
            dossier_id = item.data(Qt.ItemDataRole.UserRole) if item else None
            if dossier_id and dossier_id != self.current_id:
                self.select_dossier(dossier_id)

    def select_dossier(self, dossier_id: str | None) -> None:
        """Show one assigned dossier (None: nothing chosen). The open sheet is saved first."""
        if dossier_id == self.current_id and (self.editor is not None or dossier_id is None):
            return
        self._flush_editor()
        self.current_id = dossier_id
        if dossier_id is None:
            self._drop_editor()
            self.summary.show_dossier(None)
            self.evidence.show_files(())
            self.sheet_notice.setText(self.tr("Chọn một hồ sơ ở danh sách bên trái."))
            self.sheet_notice.show()
            return
        for n in range(self.table.rowCount()):
            item = self.table.item(n, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == dossier_id:
                self.table.blockSignals(True)
                self.table.selectRow(n)
                self.table.blockSignals(False)
        round_id = self.assignment.round_id if self.assignment else None
        try:
            dossier = self.work.dossier(dossier_id, round_id)
        except UserError as exc:
            self._drop_editor()
            errors.show_error(exc, self)
            return
        self.summary.show_dossier(dossier)
        self.evidence.show_files(dossier.evidence)
        store = EvaluatorSheetStore(self.ctx, dossier_id, round_id)
        try:
            if self.editor is None:
                self._build_editor(store)
            else:  # one editor, re-filled: same set keeps its widgets (a few ms instead of 40–70)
                self.editor.open(store)
        except UserError as exc:  # a rule set this machine lacks
            self._drop_editor()
            self.sheet_notice.setText(exc.message)
            self.sheet_notice.show()
            return
        self.sheet_notice.hide()

    def _build_editor(self, store: EvaluatorSheetStore) -> None:
        from ocop_desktop.ui.scoring import ScoreSheetEditor

        editor = ScoreSheetEditor(store, self.sheet_tab)
        # The editor's store is the dossier saved (open() saves the previous one before switching).
        editor.saved.connect(lambda _revision: self._sheet_saved(editor.store.dossier_id))
        self.sheet_layout.addWidget(editor, 1)
        self.editor = editor

    def _drop_editor(self) -> None:
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor.hide()
            self.sheet_layout.removeWidget(editor)
            editor.deleteLater()

    def _flush_editor(self) -> bool:
        return self.editor is None or bool(self.editor.flush())

    def _sheet_saved(self, dossier_id: str) -> None:
        row = next((r for r in self.rows if r.dossier_id == dossier_id), None)
        if row is not None:
            self.rows = self.work.dossiers(row.round_id)
            row = next((r for r in self.rows if r.dossier_id == dossier_id), row)
            self.progress[dossier_id] = _progress(self.work, row)
            self.assignment = next(
                (a for a in self.work.assignments() if a.round_id == row.round_id), self.assignment
            )
            self._show_header()
            self._fill_table()
        self.sheetSaved.emit(dossier_id)

    def flush(self) -> bool:
        """Save what is pending in the open sheet (page change, close)."""
        return self._flush_editor()

    # -- evidence ------------------------------------------------------------------------------
    def open_evidence(self, f: EvidenceFile) -> None:
        """A read-only copy of the file, handed to the system's viewer."""
        if self.current_id is None:
            return
        try:
            path = self.work.evidence_path(
                self.current_id, f.sha256, self.assignment.round_id if self.assignment else None
            )
            from ocop_desktop.ui.kit.system_open import viewing_copy

            copy = viewing_copy(path, f.sha256, f.filename or f.sha256[:12])
        except (UserError, OSError) as exc:
            errors.show_error(
                exc
                if isinstance(exc, UserError)
                else UserError(self.tr("Không mở được tệp: %1").replace("%1", str(exc))),
                self,
            )
            return
        if not self.open_external(copy):
            errors.warn(self, self.tr("Máy này không có ứng dụng để mở tệp “%1”.").replace("%1", f.filename))

    def preview_evidence(self, f: EvidenceFile) -> None:
        """A PDF in the print preview window (not modal)."""
        if self.current_id is None:
            return
        try:
            path = self.work.evidence_path(
                self.current_id, f.sha256, self.assignment.round_id if self.assignment else None
            )
        except UserError as exc:
            errors.show_error(exc, self)
            return
        from ocop_desktop.ui.printing import open_print_preview

        self.pdf_preview = open_print_preview(self, path, f.filename, suggested_name=f.filename)

    # -- packages ------------------------------------------------------------------------------
    def export_enrollment(self, target: Path | None = None) -> Task | None:
        """Write the enrollment package; then show the fingerprint to read to the province."""
        office = self.ctx.office()
        target = target or self.choose_save_path(
            self.tr("Lưu gói đăng ký máy chấm"),
            f"dang-ky-may-cham-{slug(office.name, fallback='goi')}.ocoppkg",
        )
        if target is None:
            return None

        def job(_progress: Progress, path: Path) -> tuple[Any, str]:
            from ocop_desktop.services.sync.service import PackageService

            result = self.packages.export_enrollment(path)
            return result, PackageService(self.ctx).own_keys().signing.readable

        self.last_task = run_task(
            job,
            Path(target),
            on_done=self._enrollment_written,
            parent=self,
            writes_db=True,
            progress_title=self.tr("Đang xuất gói đăng ký…"),
        )
        return self.last_task

    def _enrollment_written(self, value: tuple[Any, str]) -> None:
        result, fingerprint = value
        if self.enrollment_dialog is not None:
            self.enrollment_dialog.close()
            self.enrollment_dialog.deleteLater()
        self.enrollment_dialog = EnrollmentDoneDialog(result, fingerprint, self)
        self.enrollment_dialog.open()
        self.exported.emit(result)

    def import_assignment(self, path: Path | None = None) -> Task | None:
        """Dry run of an assignment package in the background, then its preview (`preview_dialog`);
        accepting the preview applies it (`apply_assignment`)."""
        path = path or self.choose_open_path(self.tr("Chọn gói phân công chấm điểm"))
        if path is None:
            return None
        path = Path(path)
        self.last_task = run_task(
            lambda progress: self.packages.preview_assignment(path, progress=progress),
            on_done=lambda preview: self._show_preview(path, preview),
            parent=self,
            progress_title=self.tr("Đang kiểm tra gói phân công…"),
        )
        return self.last_task

    def _show_preview(self, path: Path, preview: Any) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog.deleteLater()
        dialog = AssignmentPreviewDialog(preview, self)
        if not preview.already_imported:
            dialog.accepted.connect(lambda: self.apply_assignment(path, dialog.confirmed_fingerprint()))
        self.preview_dialog = dialog
        dialog.open()

    def apply_assignment(self, path: Path, confirm_fingerprint: str | None = None) -> Task:
        """Import the assignment in the background (with the province's fingerprint the first time)."""
        self._flush_editor()
        self.last_task = run_task(
            lambda progress: self.packages.import_assignment(
                Path(path), confirm_fingerprint=confirm_fingerprint, progress=progress
            ),
            on_done=self._assignment_imported,
            parent=self,
            writes_db=True,
            progress_title=self.tr("Đang nhập gói phân công…"),
        )
        return self.last_task

    def _assignment_imported(self, result: Any) -> None:
        self.assignment = None
        self.current_id = None
        self._drop_editor()
        self.refresh()
        self.assignmentChanged.emit()
        if result.applied:
            a = self.assignment
            text = self.tr("Đã nhập gói phân công: %1 hồ sơ của %2.").replace(
                "%1", str(len(result.preview.dossiers))
            )
            errors.info(self, text.replace("%2", a.round_label if a else ""))

    def sheet_counts(self) -> tuple[int, int]:
        """(complete, incomplete) sheets of the current assignment, as stored."""
        complete = sum(1 for p in self.progress.values() if p.complete)
        return complete, len(self.rows) - complete

    def export_scores(self, target: Path | None = None) -> Task | None:
        """Say how many sheets are complete (warn about the others), then write the signed scores package."""
        if self.assignment is None:
            errors.warn(self, self.tr("Chưa có gói phân công nào trên máy này."))
            return None
        if not self._flush_editor():
            return None
        self._reload_rows()
        complete, incomplete = self.sheet_counts()
        if complete == 0:
            errors.warn(self, self.tr("Chưa có phiếu nào chấm đủ mọi tiêu chí, nên chưa có gì để gửi tỉnh."))
            return None
        if incomplete:
            names = [r.product_name for r in self.rows if not self.progress[r.dossier_id].complete]
            text = (
                self.tr(
                    "%1 phiếu đã chấm đủ sẽ được gửi. %2 phiếu chưa chấm đủ mọi tiêu chí và sẽ KHÔNG được "
                    "gửi:"
                )
                .replace("%1", str(complete))
                .replace("%2", str(incomplete))
                + "\n• "
                + "\n• ".join(names)
                + "\n\n"
                + self.tr("Vẫn xuất gói phiếu chấm?")
            )
            if not errors.ask(
                self,
                text,
                yes=self.tr("Xuất gói"),
                no=self.tr("Chấm tiếp"),
                title=self.tr("Còn phiếu chưa chấm xong"),
            ):
                return None
        a = self.assignment
        target = target or self.choose_save_path(
            self.tr("Lưu gói phiếu chấm"),
            f"phieu-cham-{a.member_label}-{slug(a.round_label, fallback='goi')}-"
            f"{date.today():%Y%m%d}.ocoppkg".lower(),
        )
        if target is None:
            return None
        round_id = a.round_id
        self.last_task = run_task(
            lambda _p: self.packages.export_scores(Path(target), round_id=round_id),
            on_done=self._scores_written,
            parent=self,
            writes_db=True,
            progress_title=self.tr("Đang xuất gói phiếu chấm…"),
        )
        return self.last_task

    def _scores_written(self, result: Any) -> None:
        self._reload_rows()
        self.exported.emit(result)
        errors.info(
            self,
            self.tr("Đã xuất %1 phiếu chấm vào:\n%2\n\nGửi tệp này cho cơ quan OCOP tỉnh.")
            .replace("%1", str(len(result.dossier_ids)))
            .replace("%2", str(result.path)),
        )

    # -- choosing files (replaced in tests) ----------------------------------------------------
    def _ask_open_path(self, title: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), PACKAGE_FILTER)
        return Path(name) if name else None

    def _ask_save_path(self, title: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested), PACKAGE_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".ocoppkg")


def _open_external(path: Path) -> bool:
    from ocop_desktop.ui.kit.system_open import open_path

    return open_path(path)
