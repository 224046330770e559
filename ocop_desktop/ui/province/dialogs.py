"""Small dialogs of the evaluation page. Each collects input and emits `submitted(value)`; the
tab runs the service in the background and either closes the dialog (`done()`) or shows the
service's message in it (`refused(exc)`), so nothing typed is lost."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.deadlines import rounds_of_year
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.domain.forms import parse_date
from ocop_desktop.domain.province import MemberRole
from ocop_desktop.services.province.councils import MemberInput
from ocop_desktop.services.province.rounds import RoundInput
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.formatting import format_date, format_int
from ocop_desktop.ui.kit.pick_table import PickTable
from ocop_desktop.ui.kit.tables import Col


class _Dialog(QDialog):
    submitted = Signal(object)

    def __init__(self, title: str, ok: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.problem = Banner(self, "error")
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.problem)
        self.body.addLayout(self.form)

    def finish_layout(self, first: QWidget | None = None) -> None:
        """Buttons last, in the layout and in the Tab order (they were made before the fields), and
        the focus in the first input (or `first`), so that typing starts at once."""
        self.body.addWidget(self.buttons)
        inputs = [
            item.widget()
            for row in range(self.form.rowCount())
            if (item := self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)) is not None
            and item.widget() is not None
        ]
        chain = [*inputs, *self.buttons.buttons()]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        target = first or (inputs[0] if inputs else None)
        if target is not None:
            target.setFocus()

    def value(self) -> Any:
        raise NotImplementedError

    def submit(self) -> None:
        self.problem.show_text("")
        try:
            value = self.value()
        except ValueError as exc:
            self.problem.show_text(str(exc))
            return
        self.ok_button.setEnabled(False)
        self.submitted.emit(value)

    def done_ok(self) -> None:
        self.accept()

    def refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.problem.show_text("\n".join(exc.fields.values()))
        elif isinstance(exc, UserError):
            self.problem.show_text(exc.message)
        else:
            raise exc


def _date(text: str, what: str) -> date | None:
    if not text.strip():
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("EvaluationDialogs", "%1: “%2” không phải ngày hợp lệ (dd/mm/yyyy).")
            .replace("%1", what)
            .replace("%2", text)
        ) from None


class RoundDialog(_Dialog):
    """A new round: regular rounds 1 and 2 take QĐ 26's dates; any other number is an extra round."""

    def __init__(
        self, taken: dict[int, set[int]], parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(self.tr("Tạo đợt đánh giá"), self.tr("Tạo đợt"), parent)
        self._taken = taken
        today = today or date.today()
        self.year = QSpinBox(self)
        self.year.setRange(2019, 2100)
        self.year.setValue(today.year)
        self.number = QSpinBox(self)
        self.number.setRange(1, 20)
        self.cutoff, self.finish = QLineEdit(self), QLineEdit(self)
        self.name, self.council = QLineEdit(self), QLineEdit(self)
        self.council.setText(self.tr("Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        for label, widget in (
            (self.tr("Năm"), self.year),
            (self.tr("Đợt số"), self.number),
            (self.tr("Chốt nhận hồ sơ"), self.cutoff),
            (self.tr("Hoàn thành trước"), self.finish),
            (self.tr("Tên đợt (không bắt buộc)"), self.name),
            (self.tr("Tên Hội đồng"), self.council),
        ):
            self.form.addRow(label, widget)
        self.form.addRow("", self.hint)
        self.finish_layout()
        self.year.valueChanged.connect(self._year_changed)
        self.number.valueChanged.connect(self._defaults)
        self._year_changed()

    def _year_changed(self) -> None:
        used = self._taken.get(self.year.value(), set())
        self.number.setValue(max(used, default=0) + 1)
        self._defaults()

    def _defaults(self) -> None:
        regular = next(
            (r for r in rounds_of_year(self.year.value()) if r.number == self.number.value()), None
        )
        self.cutoff.setText(format_date(regular.cutoff) if regular else "")
        self.finish.setText(format_date(regular.finish) if regular else "")
        self.hint.setText(
            self.tr("Đợt thường kỳ theo QĐ 26/2026: ngày mặc định đã điền sẵn.")
            if regular
            else self.tr("Đợt bổ sung: hãy nhập ngày chốt nhận hồ sơ và ngày hoàn thành.")
        )

    def value(self) -> RoundInput:
        return RoundInput(
            self.year.value(),
            self.number.value(),
            self.name.text(),
            _date(self.cutoff.text(), self.tr("Chốt nhận hồ sơ")),
            _date(self.finish.text(), self.tr("Hoàn thành trước")),
            self.council.text(),
        )


class MemberDialog(_Dialog):
    def __init__(self, parent: QWidget | None = None, member: Any = None) -> None:
        super().__init__(
            self.tr("Sửa thành viên Hội đồng") if member else self.tr("Thêm thành viên Hội đồng"),
            self.tr("Lưu"),
            parent,
        )
        self.name, self.organisation, self.title = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.role = QComboBox(self)
        for role in MemberRole:
            self.role.addItem(label_text(role.label), role.value)
        self.role.setCurrentIndex(self.role.findData(MemberRole.MEMBER.value))
        if member is not None:
            self.name.setText(member.name)
            self.organisation.setText(member.organisation)
            self.title.setText(member.title)
            self.role.setCurrentIndex(self.role.findData(member.role))
        for label, widget in (
            (self.tr("Họ và tên"), self.name),
            (self.tr("Vai trò"), self.role),
            (self.tr("Cơ quan"), self.organisation),
            (self.tr("Chức vụ"), self.title),
        ):
            self.form.addRow(label, widget)
        self.finish_layout()

    def value(self) -> MemberInput:
        return MemberInput(
            self.name.text(), self.role.currentData(), self.organisation.text(), self.title.text()
        )


class ReasonDialog(_Dialog):
    """A reason (and optionally a date): return to the commune, re-score, revoke."""

    def __init__(
        self, title: str, prompt: str, ok: str, parent: QWidget | None = None, *, with_date: bool = False
    ) -> None:
        super().__init__(title, ok, parent)
        self.text = QPlainTextEdit(self)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 14)
        self.on = QLineEdit(format_date(date.today()), self) if with_date else None
        intro = QLabel(prompt, self)
        intro.setWordWrap(True)
        self.body.insertWidget(1, intro)
        if self.on is not None:
            self.form.addRow(self.tr("Ngày"), self.on)
        self.form.addRow(self.tr("Lý do (bắt buộc)"), self.text)
        self.text.setTabChangesFocus(True)  # Tab goes on to the buttons, as in every other field
        self.finish_layout(first=self.text)  # the date is filled in already; the reason is not

    def value(self) -> Any:
        reason = self.text.toPlainText()
        if not reason.strip():
            raise ValueError(self.tr("Cần ghi lý do."))
        if self.on is None:
            return reason
        return _date(self.on.text(), self.tr("Ngày")) or date.today(), reason


class AssignDialog(_Dialog):
    """Accepted dossiers not in any round, to tick for the current round. Only those whose suggested
    round is this one start ticked: one click must never put a whole province into one round."""

    def __init__(self, round_label: str, rows: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Phân hồ sơ vào %1").replace("%1", round_label), self.tr("Phân vào đợt"), parent
        )
        self.resize(900, 560)
        self.picker = PickTable(
            [
                Col(lambda: self.tr("Sản phẩm"), lambda r: r.product_name),
                Col(lambda: self.tr("Chủ thể"), lambda r: r.producer_name, 28),
                Col(lambda: self.tr("Xã"), lambda r: r.commune_name, 22),
                Col(lambda: self.tr("Bộ"), lambda r: r.product_set, 4, right=True),
                Col(lambda: self.tr("Đợt đề xuất"), lambda r: r.suggested_round, 12),
            ],
            rows,
            lambda r: f"{r.product_name} {r.producer_name} {r.commune_name}",
            self,
            ticked=lambda r: r.suggested_round == round_label,
        )
        self.model, self.table = self.picker.model, self.picker.table
        intro = QLabel(
            self.tr(
                "Hồ sơ đã tiếp nhận, chưa thuộc đợt nào. Đã chọn sẵn những hồ sơ được đề xuất cho đợt "
                "này; đánh dấu thêm hoặc bỏ dấu những hồ sơ để đợt sau:"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.body.addWidget(self.picker, 1)
        self.picker.changed.connect(self._count)
        self.finish_layout(first=self.picker.search)
        self._count(len(self.picker.ticked_rows()))

    def _count(self, ticked: int) -> None:
        self.ok_button.setText(self.tr("Phân %1 hồ sơ vào đợt").replace("%1", format_int(ticked)))
        self.ok_button.setEnabled(ticked > 0)

    def value(self) -> list[str]:
        ids = [r.dossier_id for r in self.picker.ticked_rows()]
        if not ids:
            raise ValueError(self.tr("Chưa đánh dấu hồ sơ nào."))
        return ids
