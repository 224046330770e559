"""Asks what a lifecycle action needs before it runs: the receipt date (default today) for
"Tiếp nhận", a reason for "Trả lại" and for "Hủy hồ sơ" (the producer withdraws it; said to be final
before it runs). The action runs in the background; the dialog closes when it
is done (`accept`) and stays open with the messages when the service refuses (`refused`), so
nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ocop_desktop.domain.dossiers import Action
from ocop_desktop.domain.forms import parse_date
from ocop_desktop.ui.dossiers.field_widgets import PlainTextInput
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.field_messages import FieldMessages, message_label
from ocop_desktop.ui.kit.formatting import format_date

# perform(note, on): start the action; its end calls accept() or refused(problems)
Perform = Callable[[str, date | None], object]


class ActionDialog(QDialog):
    def __init__(self, action: str, perform: Perform, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = Action(action)
        self._perform = perform
        self.setWindowTitle(label_text(self.action.label))
        self.setMinimumWidth(460)
        self.date_edit: QLineEdit | None = None
        self.note_edit: PlainTextInput | None = None
        self.summary = message_label()
        self.messages = FieldMessages(self.summary)
        form = QFormLayout()
        if self.action is Action.RECEIVE:
            self.date_edit = QLineEdit(format_date(today))
            self.date_edit.setPlaceholderText("dd/mm/yyyy")
            form.addRow(self.tr("Ngày tiếp nhận"), self.date_edit)
            form.addRow("", self.messages.label("received_on"))
            # kept in the history; required for a re-evaluation received outside its filing window
            self.note_edit = PlainTextInput()
            self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
            form.addRow(self.tr("Ghi chú"), self.note_edit)
            form.addRow("", self.messages.label("note"))
        if self.action is Action.RETURN:
            self.note_edit = PlainTextInput()
            self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 14)
            form.addRow(self.tr("Lý do trả lại (bắt buộc)"), self.note_edit)
            form.addRow("", self.messages.label("note"))
        if self.action is Action.WITHDRAW:
            warning = QLabel(
                self.tr(
                    "Hồ sơ bị hủy theo đề nghị rút hồ sơ của chủ thể: không sửa, không gửi tiếp được nữa. "
                    "Lý do được ghi vào lịch sử hồ sơ và nhật ký thay đổi. Muốn đăng ký lại, lập hồ sơ mới."
                )
            )
            warning.setWordWrap(True)
            form.addRow(warning)
            self.note_edit = PlainTextInput()
            self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
            form.addRow(self.tr("Lý do hủy (bắt buộc)"), self.note_edit)
            form.addRow("", self.messages.label("note"))
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            label_text(self.action.label), QDialogButtonBox.ButtonRole.AcceptRole
        )
        # "Hủy hồ sơ" is the action here: the way out says it keeps the dossier
        buttons.addButton(
            self.tr("Không hủy") if self.action is Action.WITHDRAW else self.tr("Hủy"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def needed(action: str) -> bool:
        """Does this action ask something before it runs?"""
        return action in (Action.RECEIVE.value, Action.RETURN.value, Action.WITHDRAW.value)

    def submit(self) -> None:
        self.messages.clear()
        on = None
        if self.date_edit is not None:
            try:
                on = parse_date(self.date_edit.text())
            except ValueError:
                self.messages.show(
                    {
                        "received_on": self.tr("Ngày “%1” không hợp lệ, cần dạng dd/mm/yyyy.").replace(
                            "%1", self.date_edit.text()
                        )
                    }
                )
                return
        note = self.note_edit.toPlainText() if self.note_edit is not None else ""
        self.ok_button.setEnabled(False)  # until the action ended
        if self._perform(note, on) is None:  # another action is still running
            self.ok_button.setEnabled(True)

    def refused(self, problems: dict[str, str]) -> None:
        """The service said no: the messages where they belong, the dialog kept open."""
        self.ok_button.setEnabled(True)
        self.messages.show(problems)
