""" "Ghi nhận kết quả tỉnh gửi bằng văn bản…": the commune records what a paper document of the
province says (returned with reasons, accepted, decided), naming the document, its date, who signed
it and how it came. Checked as typed (domain/paper_outcome), confirmed once more in plain words,
then run in the background; the dialog stays open with the messages when the service refuses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.dossiers import Action, next_status
from ocop_desktop.domain.dossiers import Status as DossierStatus
from ocop_desktop.domain.forms import parse_date
from ocop_desktop.domain.paper_outcome import PaperDocument, paper_problems
from ocop_desktop.ui.dossiers.field_widgets import PlainTextInput
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.field_messages import FieldMessages, message_label
from ocop_desktop.ui.kit.style import bold

# perform(outcome, document): start recording; its end calls accept() or refused(problems)
Perform = Callable[[str, PaperDocument], object]


class PaperOutcomeDialog(QDialog):
    def __init__(
        self,
        product_name: str,
        status: str,
        outcomes: Sequence[str],
        perform: Perform,
        *,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._perform = perform
        self._today = today
        self.product_name = product_name
        self.status = DossierStatus(status)
        self.setWindowTitle(self.tr("Ghi nhận kết quả tỉnh gửi bằng văn bản"))
        self.setMinimumWidth(620)
        heading = bold(message_label(""), 1.1)
        heading.setText(
            self.tr("Hồ sơ “%1” — đang “%2”")
            .replace("%1", product_name)
            .replace("%2", label_text(self.status.label))
        )
        heading.show()
        note = Banner(self, "info")
        note.show_text(
            self.tr(
                "Chỉ dùng khi xã đã nhận văn bản giấy của tỉnh (công văn, quyết định) mà chưa có gói kết "
                "quả. Việc ghi nhận chỉ lưu trên máy này, ghi vào lịch sử hồ sơ với tên của bạn; "
                "nó không gửi lên tỉnh và không thay cho gói kết quả: khi gói kết quả của tỉnh đến, "
                "gói đó vẫn được nhập như thường lệ (trang Đồng bộ)."
            )
        )
        self.summary = message_label()
        self.messages = FieldMessages(self.summary)
        self.outcome = QComboBox(self)
        labels = {
            Action.RETURN: self.tr("Tỉnh trả lại hồ sơ để bổ sung"),
            Action.ACCEPT: self.tr("Tỉnh tiếp nhận hồ sơ"),
            Action.DECIDE: self.tr("Tỉnh có quyết định công nhận"),
        }
        for value in outcomes:
            self.outcome.addItem(labels[Action(value)], value)
        self.outcome.currentIndexChanged.connect(lambda _i: self._outcome_changed())
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("ví dụ: 125/SNNMT-PTNT"))
        self.signed_on = QLineEdit(self)
        self.signed_on.setPlaceholderText("dd/mm/yyyy")
        self.signer = QLineEdit(self)
        self.signer.setPlaceholderText(self.tr("họ tên, chức vụ"))
        self.received_via = QComboBox(self)
        self.received_via.setEditable(True)
        self.received_via.addItems(
            [
                self.tr("Bưu điện (công văn giấy)"),
                self.tr("Nhận trực tiếp tại tỉnh"),
                self.tr("Văn thư UBND xã chuyển"),
                self.tr("Bản chụp gửi qua e-mail"),
            ]
        )
        self.received_via.setCurrentIndex(-1)
        typed = self.received_via.lineEdit()
        if typed is not None:  # editable: it has one
            typed.setPlaceholderText(self.tr("văn bản đến xã bằng cách nào"))
        self.content = PlainTextInput()
        self.content.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        form = QFormLayout()
        rows: list[tuple[str, QWidget, str]] = [
            (self.tr("Kết quả trong văn bản"), self.outcome, "outcome"),
            (self.tr("Số văn bản"), self.number, "number"),
            (self.tr("Ngày văn bản"), self.signed_on, "signed_on"),
            (self.tr("Người ký"), self.signer, "signer"),
            (self.tr("Văn bản đến xã qua"), self.received_via, "received_via"),
            ("", self.content, "content"),
        ]
        self.content_caption = QLabel(self)
        for caption, widget, key in rows:
            if widget is self.content:
                form.addRow(self.content_caption, widget)
            else:
                form.addRow(caption, widget)
            form.addRow("", self.messages.label(key))
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Ghi nhận…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._outcome_changed()
        self.outcome.setFocus()  # the first input: which outcome the paper states is chosen, not assumed

    def chosen(self) -> Action:
        return Action(self.outcome.currentData())

    def _outcome_changed(self) -> None:
        caption = (
            self.tr("Lý do trả lại (như trong văn bản)")
            if self.chosen() is Action.RETURN
            else self.tr("Nội dung chính (không bắt buộc)")
        )
        self.content_caption.setText(caption)

    def document(self) -> tuple[PaperDocument, dict[str, str]]:
        """What was typed, and what is wrong with it (by field)."""
        problems: dict[str, str] = {}
        try:
            signed_on = parse_date(self.signed_on.text()) if self.signed_on.text().strip() else None
        except ValueError:
            signed_on = None
            problems["signed_on"] = self.tr("Ngày “%1” không hợp lệ, cần dạng dd/mm/yyyy.").replace(
                "%1", self.signed_on.text()
            )
        doc = PaperDocument(
            self.number.text(),
            signed_on,
            self.signer.text(),
            self.received_via.currentText(),
            self.content.toPlainText(),
        ).cleaned()
        return doc, {**paper_problems(self.chosen(), doc, self._today), **problems}

    def submit(self) -> None:
        self.messages.clear()
        doc, problems = self.document()
        if problems:
            self.messages.show(problems)
            return
        outcome = self.chosen()
        target = next_status(self.status, outcome)
        assert doc.signed_on is not None and target is not None
        question = (
            self.tr(
                "Ghi nhận hồ sơ “%1”: %2, theo văn bản số %3 ngày %4 do %5 ký (nhận qua: %6)?\n\n"
                "Hồ sơ sẽ chuyển sang “%7”. Việc ghi nhận được lưu vào lịch sử hồ sơ với tên của bạn, "
                "chỉ trên máy này."
            )
            .replace("%1", self.product_name)
            .replace("%2", self.outcome.currentText().lower())
            .replace("%3", doc.number)
            .replace("%4", f"{doc.signed_on:%d/%m/%Y}")
            .replace("%5", doc.signer)
            .replace("%6", doc.received_via)
            .replace("%7", label_text(target.label))
        )
        if not errors.ask(self, question, yes=self.tr("Ghi nhận"), no=self.tr("Xem lại")):
            return
        self.ok_button.setEnabled(False)  # until the record ended
        if self._perform(outcome.value, doc) is None:  # another action is still running
            self.ok_button.setEnabled(True)

    def refused(self, problems: dict[str, str]) -> None:
        """The service said no: the messages where they belong, the dialog kept open."""
        self.ok_button.setEnabled(True)
        self.messages.show(problems)
