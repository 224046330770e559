"""Print preview: the pages of a generated PDF, zoom and page navigation, and the three ways
out — print through the system dialog, save a copy as PDF, open in the system's viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QSpinBox, QToolBar, QVBoxLayout, QWidget

from ocop_desktop.ui.kit import errors, system_open
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.printing import output, printer
from ocop_desktop.ui.printing.page_view import PageView
from ocop_desktop.ui.printing.pdf_pages import PdfPages


class PrintPreviewDialog(QDialog):
    """Shows `pdf_path` (not modal). `suggested_name` is the default file name of "Lưu PDF…"."""

    def __init__(
        self, pdf_path: Path, title: str = "", parent: QWidget | None = None, suggested_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.title = title or self.pdf_path.stem
        self.suggested_name = suggested_name or output.safe_file_name(self.pdf_path.name)
        self.pages = PdfPages(self.pdf_path)
        self.destroyed.connect(self.pages.close)
        self.print_task: Task | None = None
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.view = PageView(self.pages, self)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = self._action(self.print_document, QKeySequence.StandardKey.Print)
        self.save_action = self._action(self.save_as, QKeySequence.StandardKey.Save)
        self.open_action = self._action(self.open_external)
        self.toolbar.addSeparator()
        ctrl = Qt.KeyboardModifier.ControlModifier
        self.previous_action = self._action(self.view.previous_page, QKeySequence(ctrl | Qt.Key.Key_PageUp))
        self.page_spin = QSpinBox(self)
        self.page_spin.setRange(1, max(len(self.pages), 1))
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.valueChanged.connect(self.view.go_to_page)
        self.toolbar.addWidget(self.page_spin)
        self.page_label = QLabel(self)
        self.toolbar.addWidget(self.page_label)
        self.next_action = self._action(self.view.next_page, QKeySequence(ctrl | Qt.Key.Key_PageDown))
        self.toolbar.addSeparator()
        self.zoom_out_action = self._action(self.view.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("000 %") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.toolbar.addWidget(self.zoom_label)
        self.zoom_in_action = self._action(self.view.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence(ctrl | Qt.Key.Key_Equal)]
        )
        self.fit_action = self._action(self.view.set_fit_width, QKeySequence(ctrl | Qt.Key.Key_0))
        self.fit_action.setCheckable(True)
        self.actual_action = self._action(lambda: self.view.set_zoom(1.0), QKeySequence(ctrl | Qt.Key.Key_1))
        self.status = QLabel(self)
        self.status.setContentsMargins(8, 2, 8, 4)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.view.current_page_changed.connect(self._page_changed)
        self.view.zoom_changed.connect(lambda _percent: self._zoom_changed())
        self.retranslate()
        self._page_changed(self.view.current_page())
        self._zoom_changed()
        self.view.setFocus()

    def _action(
        self, slot: object, shortcut: QKeySequence | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        if shortcut is not None:
            action.setShortcut(shortcut)
        self.toolbar.addAction(action)
        return action

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Xem trước khi in – %1").replace("%1", self.title))
        texts = {
            self.print_action: (self.tr("In…"), self.tr("In qua hộp thoại máy in của hệ thống (Ctrl+P)")),
            self.save_action: (self.tr("Lưu PDF…"), self.tr("Lưu một bản tệp PDF (Ctrl+S)")),
            self.open_action: (
                self.tr("Mở bằng trình xem PDF"),
                self.tr("Mở tệp bằng chương trình xem PDF của máy"),
            ),
            self.previous_action: (self.tr("◀ Trang trước"), self.tr("Trang trước (Ctrl+PgUp)")),
            self.next_action: (self.tr("Trang sau ▶"), self.tr("Trang sau (Ctrl+PgDown)")),
            self.zoom_out_action: (self.tr("−"), self.tr("Thu nhỏ (Ctrl+-)")),
            self.zoom_in_action: (self.tr("+"), self.tr("Phóng to (Ctrl++)")),
            self.fit_action: (
                self.tr("Vừa chiều ngang"),
                self.tr("Trang vừa khung nhìn theo chiều ngang (Ctrl+0)"),
            ),
            self.actual_action: (self.tr("100 %"), self.tr("Đúng kích thước thật của trang giấy (Ctrl+1)")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
        self._page_changed(self.view.current_page())

    # state --------------------------------------------------------------------------------------
    def page_text(self) -> str:
        return self.page_label.text()

    def _page_changed(self, number: int) -> None:
        total = len(self.pages)
        self.page_label.setText(
            " " + self.tr("Trang %1/%2").replace("%1", str(number)).replace("%2", str(total)) + " "
        )
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(max(number, 1))
        self.page_spin.blockSignals(False)
        self.previous_action.setEnabled(number > 1)
        self.next_action.setEnabled(number < total)

    def _zoom_changed(self) -> None:
        self.zoom_label.setText(f"{self.view.zoom_percent():.0f} %")
        self.fit_action.setChecked(self.view.fit_width)

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # actions ------------------------------------------------------------------------------------
    def print_document(self) -> Task | None:
        """The system print dialog, then the pages are sent in the background ("Hủy" stops)."""
        if self.print_task is not None:
            return None
        task = printer.print_with_dialog(
            self,
            self.pdf_path,
            self.title,
            len(self.pages),
            self.view.current_page(),
            on_done=self._printed,
            on_cancel=self._print_cancelled,
        )
        if task is not None:
            self.say(self.tr("Đang in…"))
            self.print_task = task
            task.failed.connect(lambda _exc: self.say(""))
            task.finished.connect(self._print_finished)
        return task

    def _printed(self, sheets: int) -> None:
        self.say(self.tr("Đã gửi %n trang tới máy in.", "", sheets))

    def _print_cancelled(self) -> None:
        self.say(self.tr("Đã hủy lệnh in."))

    def _print_finished(self) -> None:
        self.print_task = None

    def ask_save_path(self, suggested: str) -> Path | None:
        """Where to save (tests replace this: the file dialog is modal)."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu PDF"), str(Path.home() / suggested), self.tr("Tệp PDF (*.pdf)")
        )
        return Path(name) if name else None

    def save_as(self) -> Path | None:
        target = self.ask_save_path(self.suggested_name)
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            output.save_copy(self.pdf_path, target)
        except OSError as exc:
            errors.warn(
                self,
                self.tr("Không lưu được tệp %1: %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self.say(self.tr("Đã lưu: %1").replace("%1", str(target)))
        return target

    def open_external(self) -> bool:
        opened = system_open.open_path(self.pdf_path)
        if not opened:
            errors.warn(
                self,
                self.tr(
                    "Máy chưa có chương trình xem PDF. Hãy dùng “Lưu PDF…” rồi mở tệp bằng chương trình khác."
                ),
            )
        return opened

    # events -------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:  # Esc, the window's close button and close() all end here
        if self.print_task is not None:
            self.print_task.cancel()
        super().done(result)
        self.pages.close()  # reopened by itself if the dialog is shown again
