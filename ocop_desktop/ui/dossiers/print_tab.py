"""In: each form of the dossier printed to PDF on a worker thread, then opened with the system
viewer, or saved where the officer chooses."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.domain.errors import UserError
from ocop_desktop.ui.dossiers import ops
from ocop_desktop.ui.kit import errors, system_open
from ocop_desktop.ui.kit.field_messages import message_label
from ocop_desktop.ui.kit.style import ERROR_STYLE, MUTED_STYLE, OK_STYLE, bold
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

C = "PrintTab"
FORMS = (
    ("mau01", QT_TRANSLATE_NOOP("PrintTab", "Mẫu 01 – Phiếu đăng ký đánh giá, phân hạng")),
    ("mau02", QT_TRANSLATE_NOOP("PrintTab", "Mẫu 02 – Báo cáo tự đánh giá về sản phẩm")),
    ("sheet", QT_TRANSLATE_NOOP("PrintTab", "Phiếu tự chấm điểm (Mẫu 02, Phần III)")),
    ("checklist", QT_TRANSLATE_NOOP("PrintTab", "Danh mục hồ sơ và tài liệu minh chứng")),
    ("receipt", QT_TRANSLATE_NOOP("PrintTab", "Phiếu tiếp nhận hồ sơ")),
    ("mau03", QT_TRANSLATE_NOOP("PrintTab", "Mẫu 03 – Báo cáo đánh giá của UBND cấp xã")),
    ("supplement", QT_TRANSLATE_NOOP("PrintTab", "Phiếu hướng dẫn bổ sung (giấy tờ còn thiếu, sắp hết hạn)")),
)


def pdf_name(stem: str, form: str) -> str:
    """A file name from the receipt number or product code: "01-PĐK-01-00070-2026-mau01.pdf"."""
    safe = re.sub(r"[^\w.-]+", "-", stem).strip("-") or "ho-so"
    return f"{safe}-{form}.pdf"


class PrintTab(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        dossier_id: str,
        before_print: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.dossier_id = ctx, dossier_id
        self._before_print = before_print
        self.stem = dossier_id[:8]
        self.task: Task | None = None
        self.last_pdf: Path | None = None
        self.print_buttons: dict[str, QPushButton] = {}
        self.preview_buttons: dict[str, QPushButton] = {}
        self.save_buttons: dict[str, QPushButton] = {}
        self.status = message_label(MUTED_STYLE)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        for row, (form, title) in enumerate(FORMS):
            grid.addWidget(QLabel(QCoreApplication.translate(C, title)), row, 0)
            preview = QPushButton(self.tr("Xem trước và in…"))
            show = QPushButton(self.tr("Mở PDF"))
            save = QPushButton(self.tr("Lưu thành…"))
            preview.clicked.connect(lambda _=False, f=form: self.preview_form(f))
            show.clicked.connect(lambda _=False, f=form: self.print_form(f))
            save.clicked.connect(lambda _=False, f=form: self.save_form(f))
            self.preview_buttons[form], self.print_buttons[form], self.save_buttons[form] = (
                preview,
                show,
                save,
            )
            for column, button in enumerate((preview, show, save), start=1):
                grid.addWidget(button, row, column)
        intro = QLabel(
            self.tr("Biểu mẫu được điền từ hồ sơ đã lưu, khổ A4, có mã QR đối chiếu trên mỗi trang.")
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(MUTED_STYLE)
        box = QWidget()
        box.setMaximumWidth(820)
        inner = QVBoxLayout(box)
        inner.addWidget(bold(QLabel(self.tr("In biểu mẫu của hồ sơ")), 1.15))
        inner.addWidget(intro)
        inner.addLayout(grid)
        inner.addWidget(self.status)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(box)

    def set_stem(self, stem: str) -> None:
        self.stem = stem or self.dossier_id[:8]

    def output_dir(self) -> Path:
        return self.ctx.paths.data_dir / "ban-in"

    def preview_form(self, form: str) -> Task:
        """The form in the print preview window (issue 5): pages, zoom, printer, Save PDF."""
        from ocop_desktop.ui.printing import preview_dossier_form

        self._before_print()
        return preview_dossier_form(self, self.ctx, self.dossier_id, form)

    def print_form(self, form: str) -> Task | None:
        return self._run(form, self.output_dir() / pdf_name(self.stem, form), open_after=True)

    def save_form(self, form: str) -> Task | None:
        target = self.ask_save_path(pdf_name(self.stem, form))
        if target is None:
            return None
        return self._run(form, target, open_after=False)

    def ask_save_path(self, suggested: str) -> Path | None:
        """Where to save (replaced in tests: the file dialog is modal)."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu biểu mẫu"), str(Path.home() / suggested), self.tr("Tệp PDF (*.pdf)")
        )
        return Path(name) if name else None

    def _run(self, form: str, out: Path, *, open_after: bool) -> Task | None:
        if self.task is not None:
            return None
        self._before_print()  # the PDF shows what was typed a moment ago
        out.parent.mkdir(parents=True, exist_ok=True)
        self._say(self.tr("Đang in…"), MUTED_STYLE)
        self.task = run_task(
            ops.print_form,
            self.ctx,
            self.dossier_id,
            form,
            out,
            on_done=lambda path: self._printed(path, open_after),
            on_error=self._failed,
            parent=self,
        )
        self.task.finished.connect(self._finished)
        return self.task

    def _printed(self, path: Path, open_after: bool) -> None:
        self.last_pdf = path
        self._say(self.tr("Đã in: %1").replace("%1", str(path)), OK_STYLE)
        if open_after and not system_open.open_path(path):
            self._say(
                self.tr("Đã in: %1 (máy chưa có chương trình xem PDF).").replace("%1", str(path)), OK_STYLE
            )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self._say(exc.message, ERROR_STYLE)
        else:
            errors.show_error(exc, self)

    def _finished(self) -> None:
        self.task = None

    def _say(self, text: str, style: str) -> None:
        self.status.setStyleSheet(style)
        self.status.setText(text)
        self.status.show()
