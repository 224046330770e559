"""Settings' "Nơi lưu dữ liệu": the store this desk works on (the SQLite file's path, or the server without
its password) and where the scans are; "Chuyển sang máy chủ…" (the move, `store_move_dialog`) on the file,
"Dùng tệp trên máy này" on a server. A change of store takes effect at the next start: said in the box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ocop_desktop.services.core.store_choice import StoreShown
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.shell import store_ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.ui.shell.store_move_dialog import StoreMoveDialog


class StoreBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: StoreShown | None = None
        self.running_on: StoreShown | None = None  # what this run works on (a change waits for a restart)
        # self.shown: what the next start works on
        self.task: Task | None = None
        self.province = False  # only a province office's desks share a server
        self.move_dialog: StoreMoveDialog | None = None
        self.where, self.scans = QLabel(self), QLabel(self)
        for label in (self.where, self.scans):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where_label, self.scans_label = QLabel(self), QLabel(self)
        self.to_server, self.to_file = QPushButton(self), QPushButton(self)
        self.to_server.clicked.connect(self.open_move)
        self.to_file.clicked.connect(self.use_file)
        self.notice = Banner(self, "warn")
        form = QFormLayout(self)
        form.addRow(self.where_label, self.where)
        form.addRow(self.scans_label, self.scans)
        row = QHBoxLayout()
        row.addWidget(self.to_server)
        row.addWidget(self.to_file)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.notice)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.task = run_task(store_ops.current, self.ctx, on_done=self._read, parent=self)

    def is_ready(self) -> bool:
        return self.task is None

    def _read(self, stores: tuple[StoreShown, StoreShown, bool]) -> None:
        self.task = None
        self.running_on, self.shown, self.province = stores
        self.retranslate()

    def open_move(self) -> QWidget:
        from ocop_desktop.ui.shell.store_move_dialog import StoreMoveDialog

        self.move_dialog = StoreMoveDialog(self.ctx, self)
        self.move_dialog.switched.connect(self._changed)
        self.move_dialog.finished.connect(self.move_dialog.deleteLater)
        self.move_dialog.finished.connect(lambda _code: setattr(self, "move_dialog", None))
        self.move_dialog.open()
        return self.move_dialog

    def use_file(self) -> None:
        if self.task is not None:
            return
        asked = errors.ask(
            self,
            self.tr(
                "Từ lần mở sau, máy này làm việc trên tệp SQLite của chính nó (%1). Tệp đó không có những gì "
                "đã làm trên máy chủ; máy chủ và các máy khác vẫn giữ nguyên. Tiếp tục?"
            ).replace("%1", str(self.ctx.paths.db_path)),
            yes=self.tr("Dùng tệp trên máy này"),
            no=self.tr("Không"),
        )
        if asked:
            self.task = run_task(store_ops.use_file, self.ctx.paths, on_done=self._changed, parent=self)

    def _changed(self, shown: StoreShown) -> None:
        self.task = None
        self.shown = shown
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Nơi lưu dữ liệu"))
        self.where_label.setText(self.tr("Dữ liệu:"))
        self.scans_label.setText(self.tr("Tài liệu (bản quét):"))
        self.to_server.setText(self.tr("Chuyển sang máy chủ…"))
        self.to_file.setText(self.tr("Dùng tệp trên máy này"))
        s, now = self.shown, self.running_on
        if s is None or now is None:
            self.where.setText(self.tr("Đang đọc…"))
            self.scans.setText("")
            self.to_server.setEnabled(False)
            self.to_file.setEnabled(False)
            return
        self.where.setText(self._where(now))
        self.scans.setText(str(now.scans))
        # the move copies the file this run works on; going back needs a saved server choice
        self.to_server.setEnabled(not now.on_server and not s.on_server)
        self.to_file.setEnabled(s.on_server and not s.for_this_run)
        movable = self.province or now.on_server or s.on_server  # communes and evaluators keep their file
        self.to_server.setVisible(movable)
        self.to_file.setVisible(movable)
        if (s.on_server, s.where) != (now.on_server, now.where):
            self.notice.show_text(
                self.tr("Từ lần mở sau: %1. Hãy đóng và mở lại OCOP Desktop để áp dụng.").replace(
                    "%1", self._where(s)
                ),
                "warn",
            )
        elif s.for_this_run:
            self.notice.show_text(self.tr("Máy chủ được chọn cho lần chạy này (--database)."), "info")
        else:
            self.notice.show_text("")

    def _where(self, shown: StoreShown) -> str:
        if shown.on_server:
            return self.tr("Máy chủ PostgreSQL %1 (dùng chung với các máy của văn phòng)").replace(
                "%1", shown.where
            )
        return self.tr("Tệp SQLite trên máy này: %1").replace("%1", shown.where)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
