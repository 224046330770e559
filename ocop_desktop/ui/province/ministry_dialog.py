"""“Ghi kết quả của Bộ…”: the ministry's result on a product the province proposed for 5★ (QĐ 26/2026
Art. 7.4) — the decision's number and date, the result (5★; 4★ or 3★ from the central council, which
the province then recognises in its own decision; not recognised) and the central council's points.

The focus starts in the number. "Ghi kết quả" asks for confirmation (the proposal closes, a 5★
result records the ministry's certificate), then emits `submitted(CentralResultInput)`; the tab runs
the service and closes the dialog, or shows the service's message here, nothing typed lost."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ocop_desktop.services.province.common import EntryRow
from ocop_desktop.services.province.ministry import MINISTRY_NAME, CentralResultInput
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.province.dialogs import _date, _Dialog
from ocop_desktop.ui.province.style import score_text


class MinistryResultDialog(_Dialog):
    def __init__(self, entry: EntryRow, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(self.tr("Ghi kết quả của Bộ"), self.tr("Ghi kết quả"), parent)
        self.entry = entry
        self.setMinimumWidth(620)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        unmet = ", ".join(entry.unmet_floors)
        self.about.setText(
            self.tr("“%1” — Hội đồng cấp tỉnh: %2 điểm, %3 sao; yêu cầu tối thiểu đến 5 sao: %4.")
            .replace("%1", entry.product_name)
            .replace("%2", score_text(entry.mean_total))
            .replace("%3", str(entry.star or 0))
            .replace("%4", self.tr("chưa đạt %1").replace("%1", unmet) if unmet else self.tr("đạt đủ"))
        )
        self.body.insertWidget(0, self.about)
        self.number, self.decided_on, self.points = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.number.setPlaceholderText("123/QĐ-BNNMT")
        self.decided_on.setPlaceholderText("dd/mm/yyyy")
        self.decided_on.setText(format_date(today or date.today()))
        self.points.setPlaceholderText("0–100")
        self.stars = QComboBox(self)
        for text, value in (
            (self.tr("5 sao — Bộ công nhận, cấp giấy chứng nhận"), 5),
            (self.tr("4 sao — tỉnh công nhận theo kết quả trung ương"), 4),
            (self.tr("3 sao — tỉnh công nhận theo kết quả trung ương"), 3),
            (self.tr("Không công nhận"), 0),
        ):
            self.stars.addItem(text, value)
        self.issuer = QLineEdit(self)
        self.issuer.setText(MINISTRY_NAME)
        self.note = QLineEdit(self)
        for label, widget in (
            (self.tr("Số quyết định / văn bản"), self.number),
            (self.tr("Ngày"), self.decided_on),
            (self.tr("Kết quả"), self.stars),
            (self.tr("Điểm Hội đồng trung ương"), self.points),
            (self.tr("Cơ quan ban hành"), self.issuer),
            (self.tr("Ghi chú"), self.note),
        ):
            self.form.addRow(label, widget)
        self.finish_layout()

    def value(self) -> CentralResultInput:
        """What was typed, or ValueError (shown in the dialog) for a date or points that do not read."""
        on = _date(self.decided_on.text(), self.tr("Ngày"))
        if on is None:
            raise ValueError(self.tr("Cần ngày của quyết định (dd/mm/yyyy)."))
        text = self.points.text().strip().replace(",", ".")
        try:
            total = float(text)
        except ValueError:
            raise ValueError(
                self.tr("Điểm “%1” không phải một số (ví dụ 87 hoặc 87,5).").replace("%1", self.points.text())
            ) from None
        return CentralResultInput(
            self.number.text(), on, int(self.stars.currentData()), total, self.issuer.text(), self.note.text()
        )

    def submit(self) -> None:
        """Checked here first (what does not read), then confirmed: the proposal closes for good."""
        self.problem.show_text("")
        try:
            data = self.value()
        except ValueError as exc:
            self.problem.show_text(str(exc))
            return
        if not errors.ask(self, self._question(data), yes=self.tr("Ghi kết quả"), no=self.tr("Xem lại")):
            return
        self.ok_button.setEnabled(False)
        self.submitted.emit(data)

    def _question(self, data: CentralResultInput) -> str:
        outcome = {
            5: self.tr("Bộ công nhận 5 sao; giấy chứng nhận của Bộ được ghi cho sản phẩm."),
            4: self.tr("Hội đồng trung ương đánh giá 4 sao; tỉnh công nhận 4 sao bằng quyết định của tỉnh."),
            3: self.tr("Hội đồng trung ương đánh giá 3 sao; tỉnh công nhận 3 sao bằng quyết định của tỉnh."),
            0: self.tr("Bộ không công nhận; sản phẩm không được công nhận ở đợt này."),
        }[data.stars]
        return (
            self.tr(
                "Ghi kết quả của Bộ cho “%1”: văn bản số %2 ngày %3, %4 điểm?\n%5\n\n"
                "Sau khi ghi, đề nghị 5 sao được đóng lại."
            )
            .replace("%1", self.entry.product_name)
            .replace("%2", data.number.strip() or "…")
            .replace("%3", format_date(data.decided_on))
            .replace("%4", score_text(data.total))
            .replace("%5", outcome)
        )
