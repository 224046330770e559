"""Tài liệu minh chứng: the dossier's evidence files. Files and folders are added by dialog or
drag-and-drop and imported on a worker thread (progress and cancel in the tab, so the officer
can keep typing elsewhere); listed with type, pages, size and links; opened with the system
viewer; linked to a checklist item and criteria; removed. Every write is an `ops` job that
returns the dossier's files as they are now."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.dossiers.evidence import AttachmentRow
from ocop_desktop.ui.dossiers import ops
from ocop_desktop.ui.dossiers.evidence_files import expand, format_size
from ocop_desktop.ui.dossiers.evidence_link_dialog import EvidenceLinkDialog
from ocop_desktop.ui.dossiers.evidence_table import EvidenceTable
from ocop_desktop.ui.kit import errors, system_open
from ocop_desktop.ui.kit.field_messages import message_label
from ocop_desktop.ui.kit.style import ERROR_STYLE, MUTED_STYLE, OK_STYLE
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class EvidenceTab(QWidget):
    """Signals:
    changed(): files were added, linked or removed (checklist counts may have moved).
    """

    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        dossier_id: str,
        view: ops.EvidenceView,
        criteria: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.criteria = criteria  # (code, title) a file can be linked to
        self.rows: list[AttachmentRow] = view.rows
        self._total_size = view.total_size
        self.labels: dict[str, str] = {}  # checklist key -> label
        self.task: Task | None = None  # an import while it runs
        self.edit_task: Task | None = None  # a link or a removal while it runs
        self.link_dialog: EvidenceLinkDialog | None = None
        self._skipped: list[Path] = []
        self._read_only = False
        self.setAcceptDrops(True)
        self.add_button = QPushButton(self.tr("Thêm tệp…"))
        self.add_folder_button = QPushButton(self.tr("Thêm thư mục…"))
        self.target = QComboBox()
        self.target.setMinimumContentsLength(28)
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.open_button = QPushButton(self.tr("Mở"))
        self.link_button = QPushButton(self.tr("Liên kết…"))
        self.remove_button = QPushButton(self.tr("Gỡ khỏi hồ sơ"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress_text = QLabel()
        self.cancel_button = QPushButton(self.tr("Hủy nhập"))
        self.message = message_label()
        self.total = QLabel()
        self.total.setStyleSheet(MUTED_STYLE)
        self.table = EvidenceTable()
        self.add_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.open_button.clicked.connect(self.open_current)
        self.link_button.clicked.connect(self.link_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self.open_current())
        self._layout()
        self._show_progress(False)
        self._show_rows()

    def _layout(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.add_button)
        adding.addWidget(self.add_folder_button)
        adding.addWidget(QLabel(self.tr("Gắn với mục:")))
        adding.addWidget(self.target, 1)
        adding.addSpacing(16)
        adding.addWidget(self.open_button)
        adding.addWidget(self.link_button)
        adding.addWidget(self.remove_button)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.progress_text, 2)
        progress.addWidget(self.cancel_button)
        hint = QLabel(
            self.tr(
                "Kéo thả tệp hoặc cả thư mục vào đây. Nhận PDF, JPEG, PNG, TIFF; "
                "PDF có mật khẩu không được nhận."
            )
        )
        hint.setStyleSheet(MUTED_STYLE)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(adding)
        layout.addWidget(hint)
        layout.addLayout(progress)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)

    # -- showing ------------------------------------------------------------------------------
    def set_checklist_labels(self, labels: dict[str, str]) -> None:
        """The checklist items files can be attached to (key -> label)."""
        self.labels = dict(labels)
        current = self.target.currentData()
        self.target.clear()
        self.target.addItem(self.tr("— chưa gắn với mục nào —"), None)
        for key, label in labels.items():
            self.target.addItem(label, key)
        self.target.setCurrentIndex(max(self.target.findData(current), 0))
        self._show_rows()

    def show_view(self, view: ops.EvidenceView) -> None:
        """The dossier's files as a job left them."""
        self.rows, self._total_size = view.rows, view.total_size
        self._show_rows()

    def _show_rows(self) -> None:
        self.table.show_rows(self.rows, self.labels)
        size = self._total_size
        self.total.setText(
            self.tr("%n tệp", "", len(self.rows))
            + " · "
            + self.tr("tổng dung lượng %1").replace("%1", format_size(size))
        )
        self._update_buttons()

    def file_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.rows:
            if r.checklist_key:
                counts[r.checklist_key] = counts.get(r.checklist_key, 0) + 1
        return counts

    def current(self) -> AttachmentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        for button in (self.open_button, self.link_button, self.remove_button):
            button.setEnabled(chosen)

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.add_button, self.add_folder_button, self.target):
            w.setEnabled(not read_only)
        self.setAcceptDrops(not read_only)
        self._read_only = read_only

    # -- adding -------------------------------------------------------------------------------
    def choose_files(self) -> None:
        wanted = self.tr("Tài liệu minh chứng (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Tất cả tệp (*)")
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn tài liệu minh chứng"), "", wanted)
        if names:
            self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục tài liệu"))
        if name:
            self.add_paths([Path(name)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and self.task is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def add_paths(self, paths: list[Path]) -> Task | None:
        """Import files (folders expanded) in the background; all or nothing."""
        if self.task is not None:
            self._say(self.tr("Đang nhập tệp khác; hãy đợi xong rồi thêm tiếp."))
            return None
        files, skipped = expand(paths)
        self.message.hide()
        if not files:
            self._say(self.tr("Không có tệp PDF, JPEG, PNG hay TIFF nào để thêm."))
            return None
        self._skipped = skipped
        self._show_progress(True)
        self.progress.setValue(0)
        self.progress_text.setText(self.tr("Đang kiểm tra %n tệp…", "", len(files)))
        self.task = run_task(
            ops.add_evidence,
            self.ctx,
            self.dossier_id,
            files,
            self.target.currentData(),
            on_done=self._imported,
            on_error=self._failed,
            on_cancel=self._cancelled,
            writes_db=True,
            parent=self,
        )
        self.task.progressed.connect(self._progressed)
        self.task.finished.connect(self._finished)
        return self.task

    def cancel_import(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.progress_text.setText(self.tr("Đang hủy…"))

    def _progressed(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        if text:
            self.progress_text.setText(text)

    def _imported(self, result: ops.EvidenceAdded) -> None:
        text = self.tr("Đã thêm %n tệp.", "", len(result.added))
        if self._skipped:
            text += (
                " "
                + self.tr("Bỏ qua %n tệp không phải PDF/ảnh: ", "", len(self._skipped))
                + ", ".join(p.name for p in self._skipped[:5])
            )
        self._say(text, OK_STYLE)
        self.show_view(result.evidence)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            text = exc.message
            if "Không tệp nào" not in text:  # the service says it for duplicates already
                text += " " + self.tr("(Không có tệp nào được thêm.)")
            self._say(text)
        else:
            errors.show_error(exc, self)

    def _cancelled(self) -> None:
        self._say(self.tr("Đã hủy; không có tệp nào được thêm."), MUTED_STYLE)

    def _finished(self) -> None:
        self.task = None
        self._show_progress(False)

    def _show_progress(self, on: bool) -> None:
        for w in (self.progress, self.progress_text, self.cancel_button):
            w.setVisible(on)

    def _say(self, text: str, style: str = "") -> None:
        self.message.setStyleSheet(style or ERROR_STYLE)
        self.message.setText(text)
        self.message.show()

    # -- one file -----------------------------------------------------------------------------
    def open_current(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            copy = system_open.viewing_copy(row.path, row.sha256, row.filename)
        except OSError as exc:  # its text names the store's copy by its hash: say it in words instead
            if isinstance(exc, FileNotFoundError):
                why = self.tr("tệp không còn trong kho tài liệu trên máy này (có thể đã bị xóa bằng tay)")
            elif isinstance(exc, PermissionError):
                why = self.tr("máy không cho đọc tệp hoặc ghi bản xem vào thư mục tạm")
            else:
                why = exc.strerror or self.tr("lỗi đọc ghi tệp")
            self._say(self.tr("Không mở được tệp “%1”: %2.").replace("%1", row.filename).replace("%2", why))
            return
        if not system_open.open_path(copy):
            self._say(self.tr("Máy chưa có chương trình xem tệp “%1”.").replace("%1", row.filename))

    def link_current(self) -> None:
        """Ask which checklist item and criteria the selected file supports, then save it."""
        row = self.current()
        if row is None:
            return
        dialog = EvidenceLinkDialog(
            row.filename, self.labels, self.criteria, row.checklist_key, row.criteria, self
        )
        dialog.accepted.connect(
            lambda: self._edit(ops.link_evidence, row.id, dialog.checklist_key(), dialog.chosen_criteria())
        )
        dialog.finished.connect(dialog.deleteLater)
        self.link_dialog = dialog
        dialog.open()

    def remove_current(self) -> None:
        row = self.current()
        if row is None or not errors.ask(
            self,
            self.tr("Gỡ tệp “%1” khỏi hồ sơ?").replace("%1", row.filename),
            yes=self.tr("Gỡ"),
            no=self.tr("Không"),
        ):
            return
        self._edit(ops.remove_evidence, row.id)

    def _edit(self, job: Callable[..., ops.EvidenceView], *args: object) -> Task | None:
        """A link or a removal in the background; the list and the counts follow."""
        if self.edit_task is not None:
            return None
        self.edit_task = run_task(
            job, self.ctx, self.dossier_id, *args, on_done=self._edited, writes_db=True, parent=self
        )
        self.edit_task.finished.connect(self._edit_ended)
        return self.edit_task

    def _edited(self, view: ops.EvidenceView) -> None:
        self.show_view(view)
        self.changed.emit()

    def _edit_ended(self) -> None:
        self.edit_task = None

    def select_file(self, filename: str) -> bool:
        for i, r in enumerate(self.rows):
            if r.filename == filename:
                self.table.selectRow(i)
                return True
        return False
