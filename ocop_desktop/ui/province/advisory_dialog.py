"""Ý kiến tổ tư vấn: the advisory team's notes on one dossier of a round (QĐ 26/2026 Art. 7.3.c —
the review of the dossier, the site visit report, extra test results), each with an optional file.
A note belongs to the round's entry, not to the dossier, which stays as the commune sent it; the
notes and their files travel to the council members' laptops in the assignment package, where the
dossier tab shows them (`ui/evaluator/panels.py`).

`AdvisoryDialog` lists the notes and adds more, one after another: both run in the background
through the round state (`jobs.advisory_notes`, `jobs.add_advisory_note`). The service checks what
is typed; its messages appear under the field they are about. Keyboard: focus starts in the first
field, Enter (Ctrl+Enter from the text) adds the note, Esc closes (asking first if something typed
would be lost)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.domain.forms import parse_date
from ocop_desktop.domain.province import NoteKind
from ocop_desktop.services.province.advisory import NoteRow
from ocop_desktop.services.province.common import EntryRow
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.form_dialog import FormDialog
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.tables import Col, RowsModel, make_table
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.state import EvalState

FILE_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff"  # what the blob store accepts as evidence


class AdvisoryDialog(FormDialog):
    """The notes of `entry` (a dossier of the round being worked on) and a form for one more.

    Signals (from FormDialog):
        saved(object): a note was added (`NoteRow`); the list was reloaded.
    """

    def __init__(self, state: EvalState, entry: EntryRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.entry = state, entry
        self.notes: list[NoteRow] = []
        self.loaded = False
        self.task: Task | None = None
        self.file: Path | None = None
        self.choose_file: Callable[[], Path | None] = self._ask_file  # replaceable (tests)
        self.setWindowTitle(self.tr("Ý kiến tổ tư vấn – %1").replace("%1", entry.product_name))
        self.setMinimumWidth(680)
        self._build_list()
        self._build_fields()
        self.save_button.setText(self.tr("Thêm ghi chú"))
        self.cancel_button.setText(self.tr("Đóng"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # Enter alone starts a new line in the text
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)
        self.reload()

    def _build_list(self) -> None:
        intro = QLabel(
            self.tr(
                "Báo cáo thẩm định, biên bản kiểm tra thực tế, kết quả kiểm nghiệm bổ sung… về hồ sơ "
                "này. Hồ sơ của xã giữ nguyên; các ghi chú và tệp được gửi đến máy chấm của thành viên "
                "Hội đồng cùng gói phân công."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model = RowsModel(
            [
                Col(lambda: self.tr("Loại"), lambda n: label_text(n.kind_label), 24),
                Col(lambda: self.tr("Nội dung"), lambda n: n.text, tip=lambda n: n.text),
                Col(lambda: self.tr("Ngày"), lambda n: format_date(n.noted_on) if n.noted_on else "", 10),
                Col(lambda: self.tr("Tệp"), lambda n: n.filename, 18),
            ],
            self,
        )
        self.table = make_table(self.model, self)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only: Tab goes through the form
        self.table.setMinimumHeight(140)
        self.empty = QLabel(self.tr("Chưa có ghi chú nào của tổ tư vấn."), self)
        self.empty.hide()
        heading = QLabel(self.tr("Thêm ghi chú"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        for n, widget in enumerate((intro, self.table, self.empty, heading)):
            layout.insertWidget(n, widget)

    def _build_fields(self) -> None:
        self.kind = QComboBox(self)
        for kind in NoteKind:
            self.kind.addItem(label_text(kind.label), kind.value)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.noted_on = QLineEdit(self)
        self.noted_on.setPlaceholderText(self.tr("dd/mm/yyyy (không bắt buộc)"))
        self.file_name = QLineEdit(self)
        self.file_name.setReadOnly(True)
        self.file_name.setPlaceholderText(self.tr("(không có tệp)"))
        self.file_button = QPushButton(self.tr("Chọn tệp…"), self)
        self.file_button.setAutoDefault(False)
        self.file_button.clicked.connect(self.pick_file)
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_name, 1)
        row.addWidget(self.file_button)
        self.add_field("kind", self.tr("Loại"), self.kind)
        self.add_field("text", self.tr("Nội dung"), self.text)
        self.add_field("noted_on", self.tr("Ngày"), self.noted_on)
        self.add_field("file", self.tr("Tệp đính kèm"), box)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the notes -----------------------------------------------------------------------------
    def reload(self) -> Task:
        e = self.entry
        self.task = self.state.run(
            jobs.advisory_notes, e.round_id, e.dossier_id, parent=self, done=self._show
        )
        return self.task

    def _show(self, notes: list[NoteRow]) -> None:
        self.notes = notes
        self.loaded = True
        self.model.set_rows(notes)
        self.table.setVisible(bool(notes))
        self.empty.setVisible(not notes)

    # -- adding one ----------------------------------------------------------------------------
    def pick_file(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.file = Path(path)
            self.file_name.setText(self.file.name)
            self.mark_dirty()

    def submit(self) -> None:
        """The service call runs on the writer thread; the dialog stays open for the next note."""
        if not self.save_button.isEnabled():  # one at a time
            return
        self.clear_problems()
        try:
            on = parse_date(self.noted_on.text()) if self.noted_on.text().strip() else None
        except ValueError:
            self.show_problems(
                {
                    "noted_on": self.tr("“%1” không phải ngày hợp lệ (dd/mm/yyyy).").replace(
                        "%1", self.noted_on.text()
                    )
                }
            )
            return
        data = jobs.NoteInput(self.kind.currentData(), self.text.toPlainText(), on, self.file)
        self.save_button.setEnabled(False)
        e = self.entry
        self.task = self.state.run(
            jobs.add_advisory_note,
            e.round_id,
            e.dossier_id,
            data,
            writes=True,
            parent=self,
            done=self._added,
            failed=self._refused,
        )

    def _added(self, note: NoteRow) -> None:
        self.save_button.setEnabled(True)
        self.text.clear()
        self.noted_on.clear()
        self.file = None
        self.file_name.clear()
        self.mark_clean()
        self.saved.emit(note)
        self.reload()
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_problems(exc.fields)
        elif isinstance(exc, UserError):  # e.g. a file of a kind the store does not take
            self.show_problems({"file": exc.message} if self.file is not None else {"": exc.message})
        else:
            errors.show_error(exc, self)

    def _ask_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn tệp đính kèm"),
            str(Path.home()),
            self.tr("Tài liệu (%1)").replace("%1", FILE_FILTER),
        )
        return Path(name) if name else None
