"""Hồ sơ: the dossiers of this office with their status and deadline, filtered by text (product,
producer or product code; diacritics optional), status, or only the received ones whose deadline is
near (`domain.deadlines.DUE_SOON_DAYS` calendar days or fewer) or past. Archived dossiers are left out
unless "Hiện cả hồ sơ lưu trữ" is ticked. Enter or a double-click
opens the dossier editor (its content is read in the background first); Ctrl+N starts a new
dossier."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from ocop_desktop.domain.deadlines import DUE_SOON_DAYS
from ocop_desktop.domain.dossiers import Status
from ocop_desktop.domain.rules.model import Procedure
from ocop_desktop.services.dossiers.service import DossierDetail, DossierRow
from ocop_desktop.ui.dossiers import ops
from ocop_desktop.ui.dossiers.changed_bar import tell_editors
from ocop_desktop.ui.dossiers.list_model import DossierListModel
from ocop_desktop.ui.dossiers.new_dossier_dialog import NewDossierDialog
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.geometry import open_window
from ocop_desktop.ui.kit.list_page import ListPage
from ocop_desktop.ui.kit.tasks import run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.changes import Changes
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.ui.dossiers.editor import DossierEditor


class DossiersPage(ListPage):
    topics = ("dossiers", "registry")  # a dossier's row names its product and producer

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        self.status_filter = QComboBox()
        self.due_only = QCheckBox()
        self.with_archived = QCheckBox()  # archived (closed) dossiers are hidden unless asked
        self.with_archived.setObjectName("with_archived")
        self.procedure: Procedure | None = None  # read in the background, for the filter's tooltip
        super().__init__(DossierListModel(ctx), parent)
        self.model.setParent(self)
        self.source = self.model.source  # type: ignore[attr-defined]
        self.dialog: NewDossierDialog | None = None
        self.editors: dict[str, DossierEditor] = {}
        self._opening: set[str] = set()  # dossiers whose editor is being read
        self.status_filter.addItem("", None)
        for status in Status:
            self.status_filter.addItem(label_text(status.label), status.value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.due_only.toggled.connect(lambda _on: self._filters_changed())
        self.with_archived.toggled.connect(lambda _on: self._filters_changed())
        self.retranslate()
        run_task(ops.procedure_in_force, ctx, on_done=self._procedure_read, parent=self)

    def _procedure_read(self, procedure: Procedure) -> None:
        self.procedure = procedure
        self.retranslate()

    def extra_filters(self) -> list[QWidget]:
        return [self.status_filter, self.due_only, self.with_archived]

    def texts(self) -> dict[str, str]:
        return {
            "placeholder": self.tr("Tìm theo tên sản phẩm, chủ thể, mã sản phẩm… (gõ không dấu cũng được)"),
            "new": self.tr("Lập hồ sơ mới"),
            "edit": self.tr("Mở hồ sơ"),
            "edit_tip": self.tr("Mở hồ sơ đang chọn (Enter)"),
            "empty": self.tr("Chưa có hồ sơ nào. Bấm “Lập hồ sơ mới” (Ctrl+N) để bắt đầu."),
            "none_found": self.tr("Không có hồ sơ nào khớp điều kiện lọc."),
        }

    def count_text(self, n: int) -> str:
        return self.tr("%Ln hồ sơ", "", n)

    def retranslate(self) -> None:
        super().retranslate()
        if self.status_filter.count():
            self.status_filter.setItemText(0, self.tr("Mọi trạng thái"))
            for row, status in enumerate(Status, start=1):
                self.status_filter.setItemText(row, label_text(status.label))
        self.due_only.setText(self.tr("Sắp đến hạn / quá hạn"))
        self.with_archived.setText(self.tr("Hiện cả hồ sơ lưu trữ"))
        self.with_archived.setToolTip(
            self.tr("Hồ sơ đã kết thúc từ các năm trước và đã được lưu trữ (mở hồ sơ để khôi phục)")
        )
        if self.procedure is None:
            return
        self.due_only.setToolTip(
            self.tr(
                "Chỉ hiện hồ sơ đã tiếp nhận mà hạn xử lý (%1 ngày làm việc từ ngày tiếp nhận) "
                "chỉ còn %2 ngày trở xuống hoặc đã qua"
            )
            .replace("%1", str(self.procedure.commune_working_days))
            .replace("%2", str(DUE_SOON_DAYS))
        )

    def refresh_if(self, changes: Changes) -> None:
        super().refresh_if(changes)
        tell_editors(self.editors, changes.dossiers)  # "changed elsewhere" over their open windows

    def _filters_changed(self) -> None:
        self.source.status = self.status_filter.currentData()
        self.source.due_only = self.due_only.isChecked()
        self.source.with_archived = self.with_archived.isChecked()
        self.apply_filter()

    # -- opening ------------------------------------------------------------------------------
    def open_new(self) -> None:
        dialog = NewDossierDialog(self._ctx, self)
        dialog.saved.connect(self._created)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _created(self, detail: DossierDetail) -> None:
        self.show_saved(detail.row)
        self.open_dossier(detail.row.id)

    def open_edit(self, row: DossierRow) -> None:
        self.open_dossier(row.id)

    def open_dossier(self, dossier_id: str) -> DossierEditor | None:
        """The editor of a dossier: brought to the front if already open (and returned), else
        opened once its content is read in the background."""
        editor = self.editors.get(dossier_id)
        if editor is None:
            if dossier_id not in self._opening:
                self._opening.add(dossier_id)
                task = run_task(
                    ops.open_dossier, self._ctx, dossier_id, on_done=self._show_editor, parent=self
                )
                task.finished.connect(lambda: self._opening.discard(dossier_id))
            return None
        if QGuiApplication.platformName() != "offscreen":  # that plugin cannot raise windows
            editor.raise_()  # already open: bring it to the front
            editor.activateWindow()
        editor.show()
        return editor

    def _show_editor(self, data: ops.EditorData) -> None:
        from ocop_desktop.ui.dossiers.editor import DossierEditor  # imported by the job, on its worker

        dossier_id = data.detail.row.id
        editor = DossierEditor(self._ctx, data, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.changed.connect(lambda _id: self.refresh_kept())
        editor.destroyed.connect(lambda *_: self.editors.pop(dossier_id, None))
        self.editors[dossier_id] = editor
        open_window(editor, self._ctx.paths.windows_path, "dossier", (1200, 800))
