"""The council member's workspace on an evaluator laptop (docs/province.md §7, sync-package.md §13):
the imported assignment's dossiers on the left, and for the chosen one the member's sheet
(`ScoreSheetEditor` on `EvaluatorSheetStore`, autosaved), the dossier as the province sent it
and its evidence files. The top bar carries the three package steps (`package_steps.PackageSteps`:
enrollment out, assignment in, signed scores out).

`EvaluatorWorkspace` is the controller over `WorkspaceView` (workspace_view.py, the layout): it
fills the dossier list, keeps one score-sheet editor alive and re-fills it for each dossier, and
opens the evidence. Services do the work; this module holds no SQL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.evaluator.work import (
    AssignedDossierRow,
    AssignmentRow,
    EvaluatorWorkService,
    EvidenceFile,
)
from ocop_desktop.ui.evaluator.package_steps import PackageSteps
from ocop_desktop.ui.evaluator.store import EvaluatorSheetStore
from ocop_desktop.ui.evaluator.workspace_view import WorkspaceView
from ocop_desktop.ui.kit import errors, system_open
from ocop_desktop.ui.kit.style import COMPLETE

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.ui.scoring import ScoreSheetEditor

log = logging.getLogger(__name__)


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


class EvaluatorWorkspace(WorkspaceView):
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
        self.assignment: AssignmentRow | None = None
        self.rows: list[AssignedDossierRow] = []
        self.progress: dict[str, SheetProgress] = {}
        self.current_id: str | None = None
        self.editor: ScoreSheetEditor | None = None
        self.pdf_preview: QWidget | None = None
        self.steps = PackageSteps(ctx, self, self)
        self._connect()
        self._retranslate()
        self.refresh()

    def _connect(self) -> None:
        self.round_combo.currentIndexChanged.connect(self._round_chosen)
        self.enroll_button.clicked.connect(lambda: self.steps.export_enrollment())
        self.import_button.clicked.connect(lambda: self.steps.import_assignment())
        self.scores_button.clicked.connect(lambda: self.steps.export_scores())
        self.steps.exported.connect(self.exported)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.evidence.openRequested.connect(self.open_evidence)
        self.evidence.previewRequested.connect(self.preview_evidence)

    def _retranslate(self) -> None:
        self.retranslate_view()
        self._show_header()
        self._fill_table()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "steps"):  # built
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
            for col, item in enumerate(self._row_items(r, self.progress.get(r.dossier_id))):
                self.table.setItem(n, col, item)
            if r.dossier_id == selected:
                self.table.selectRow(n)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self.list_summary.setText(self._list_summary())

    def _row_items(self, r: AssignedDossierRow, p: SheetProgress | None) -> list[QTableWidgetItem]:
        """The dossier (its id in UserRole), criteria answered, points and stars."""
        product_set = self.tr("Bộ %1").replace("%1", str(r.product_set))
        name = QTableWidgetItem(f"{r.product_name}\n{r.producer_name} · {product_set}")
        name.setData(Qt.ItemDataRole.UserRole, r.dossier_id)
        name.setToolTip(f"{r.product_name}\n{r.producer_name}\n{r.product_code} · {product_set}")
        answered = QTableWidgetItem(f"{p.answered}/{p.leaves}" if p else "")
        points = QTableWidgetItem(self._points_text(p))
        if p is not None and p.complete:
            for item in (answered, points):
                item.setForeground(COMPLETE)
            answered.setToolTip(self.tr("đã gửi tỉnh") if p.sent else self.tr("chấm xong, chưa gửi"))
        for item in (answered, points):
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return [name, answered, points]

    def _list_summary(self) -> str:
        if self.assignment is None:
            return ""
        complete = sum(1 for p in self.progress.values() if p.complete)
        return (
            self.tr("%1 hồ sơ: %2 chấm xong, %3 chưa xong; %4 phiếu chấm xong chưa gửi tỉnh.")
            .replace("%1", str(len(self.rows)))
            .replace("%2", str(complete))
            .replace("%3", str(len(self.rows) - complete))
            .replace("%4", str(self.assignment.unsent))
        )

    def _points_text(self, p: SheetProgress | None) -> str:
        if p is None or p.total is None:
            return "—"
        stars = self.tr("%n sao", "", p.star or 0) if p.complete else self.tr("tạm")
        return f"{p.total}\n{stars}"

    def sheet_counts(self) -> tuple[int, int]:
        """(complete, incomplete) sheets of the current assignment, as stored."""
        complete = sum(1 for p in self.progress.values() if p.complete)
        return complete, len(self.rows) - complete

    # -- what the package steps ask (`package_steps.SheetsOnScreen`) ---------------------------------
    def reread_sheets(self) -> list[tuple[str, bool]]:
        self._reload_rows()
        return [(r.product_name, self.progress[r.dossier_id].complete) for r in self.rows]

    def show_imported(self) -> AssignmentRow | None:
        self.assignment = None
        self.current_id = None
        self._drop_editor()
        self.refresh()
        self.assignmentChanged.emit()
        return self.assignment

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
        self._select_row(dossier_id)
        round_id = self.assignment.round_id if self.assignment else None
        try:
            dossier = self.work.dossier(dossier_id, round_id)
        except UserError as exc:
            self._drop_editor()
            errors.show_error(exc, self)
            return
        self.summary.show_dossier(dossier)
        self.evidence.show_files(dossier.evidence)
        self._show_sheet(EvaluatorSheetStore(self.ctx, dossier_id, round_id))

    def _select_row(self, dossier_id: str) -> None:
        for n in range(self.table.rowCount()):
            item = self.table.item(n, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == dossier_id:
                self.table.blockSignals(True)
                self.table.selectRow(n)
                self.table.blockSignals(False)

    # -- the score-sheet editor: built once, re-filled for each dossier ------------------------------
    def _show_sheet(self, store: EvaluatorSheetStore) -> None:
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
        from ocop_desktop.ui.scoring import (
            ScoreSheetEditor,
        )  # the heaviest widget: only once a dossier is shown

        editor = ScoreSheetEditor(store, self.sheet_tab)
        # The editor's store is the dossier saved (open() saves the previous one before switching).
        editor.saved.connect(
            lambda _rev: self._sheet_saved(cast(EvaluatorSheetStore, editor.store).dossier_id)
        )
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
        """Save what is pending in the open sheet (page change, close, before a package step)."""
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
            copy = system_open.viewing_copy(path, f.sha256, f.filename or f.sha256[:12])
        except (UserError, OSError) as exc:
            errors.show_error(
                exc
                if isinstance(exc, UserError)
                else UserError(self.tr("Không mở được tệp: %1").replace("%1", str(exc))),
                self,
            )
            return
        if not system_open.open_path(copy):
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
        from ocop_desktop.ui.printing import open_print_preview  # PDFium: loaded on first use

        self.pdf_preview = open_print_preview(self, path, f.filename, suggested_name=f.filename)
