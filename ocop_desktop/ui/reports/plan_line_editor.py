"""The line being edited in "Kế hoạch năm" (`plan_dialog`): where (the whole area or a commune), which
product group, which period (the whole year or round N, with the last day of its period), and the three
targets; each field with its message line under it, and the dialog's buttons for the line. A round's end is
proposed from what is known: the end the year's lines already give it, else the province's own round's
finish, else the end of the year."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.reports.plans import COUNTS, MAX_ROUND, PlanLine, periods
from ocop_desktop.ui.kit.field_messages import FieldMessages
from ocop_desktop.ui.reports.plan_ops import PlanSheet

COUNT_MAX = 1_000_000
SCOPE = ("commune_code", "product_group", "round_number", "period_end")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PlanLineEditor(QGroupBox):
    def __init__(self, messages: FieldMessages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = messages
        self.sheet: PlanSheet | None = None
        self.commune, self.group, self.period = QComboBox(self), QComboBox(self), QComboBox(self)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd/MM/yyyy")
        self.counts = {name: self._count() for name in COUNTS}
        self.labels = {name: QLabel(self) for name in (*SCOPE, *COUNTS)}
        self.new_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.setLayout(self._layout())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # no gaps between rows

    def _count(self) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(0, COUNT_MAX)
        box.setAlignment(Qt.AlignmentFlag.AlignRight)
        return box

    def field(self, name: str) -> QWidget:
        fields: dict[str, QWidget] = {
            "commune_code": self.commune,
            "product_group": self.group,
            "round_number": self.period,
            "period_end": self.until,
        }
        return fields.get(name) or self.counts[name]

    def _layout(self) -> QVBoxLayout:
        """The scope on the left, the three targets on the right, the buttons under them."""
        forms = QHBoxLayout()
        forms.setSpacing(24)
        for names in (SCOPE, COUNTS):
            form = QFormLayout()
            form.setSpacing(6)  # not the 24 between the two forms, which a layout passes to its children
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in names:
                self.labels[name].setBuddy(self.field(name))
                box = QWidget(self)
                inner = QVBoxLayout(box)
                inner.setContentsMargins(0, 0, 0, 0)
                inner.setSpacing(1)
                inner.addWidget(self.field(name))
                inner.addWidget(self.messages.label(name))
                form.addRow(self.labels[name], box)
            forms.addLayout(form, 3 if names is COUNTS else 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout()
        layout.addLayout(forms)
        layout.addLayout(buttons)
        return layout

    def retranslate(self) -> None:
        self.setTitle(self.tr("Dòng chỉ tiêu (chọn một dòng ở bảng trên để sửa)"))
        texts = {
            "commune_code": self.tr("&Xã/phường:"),
            "product_group": self.tr("N&gành:"),
            "round_number": self.tr("&Kỳ:"),
            "period_end": self.tr("Đợt kết thúc &ngày:"),
            "new_products": self.tr("Sản phẩm &mới (từ 3 sao):"),
            "upgrades": self.tr("Nâng &hạng:"),
            "reevaluations": self.tr("Đánh giá &lại:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.until.setToolTip(self.tr("Đợt tính từ ngày sau khi đợt trước kết thúc (đợt 1: từ 1/1)."))
        self.new_button.setText(self.tr("Dòng mới"))
        self.remove_button.setText(self.tr("Xóa dòng"))
        self.save_button.setText(self.tr("Lưu dòng"))
        self.fill(self.sheet)

    def fill(self, sheet: PlanSheet | None) -> None:
        """The communes, groups and rounds to choose from for `sheet`'s year, keeping what is chosen."""
        self.sheet = sheet
        communes = sheet.communes if sheet else {}
        groups = sheet.groups if sheet else {}
        chosen = (self.commune.currentData(), self.group.currentData(), self.period.currentData())
        for box, everything, items in (
            (self.commune, self.tr("Toàn địa bàn"), sorted(communes.items(), key=lambda kv: kv[1])),
            (self.group, self.tr("Tất cả các ngành"), sorted(groups.items())),
        ):
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, "")
            for code, name in items:
                box.addItem(name if box is self.commune else f"{code}. {name}", code)
            box.blockSignals(False)
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem(self.tr("Cả năm"), 0)
        for n in range(1, MAX_ROUND + 1):
            self.period.addItem(self.tr("Đợt {n}").format(n=n), n)
        self.period.blockSignals(False)
        for box, data in zip((self.commune, self.group, self.period), chosen, strict=True):
            box.setCurrentIndex(max(box.findData(data), 0))
        if sheet is not None:
            self.until.setDateRange(QDate(sheet.year, 1, 1), QDate(sheet.year, 12, 31))
        self._period_changed()

    def line(self, year: int) -> PlanLine:
        """What the editor holds, for `year`."""
        number = int(self.period.currentData() or 0)
        end: date | None = self.until.date().toPython() if number else None  # type: ignore[assignment]
        new, upgrades, reevaluations = (box.value() for box in self.counts.values())
        commune, group = str(self.commune.currentData() or ""), str(self.group.currentData() or "")
        return PlanLine(year, commune, group, new, upgrades, reevaluations, number, end)

    def show_line(self, line: PlanLine) -> None:
        for choice, data in ((self.commune, line.commune_code), (self.group, line.product_group)):
            choice.setCurrentIndex(max(choice.findData(data), 0))
        self.period.setCurrentIndex(max(self.period.findData(line.round_number), 0))
        if line.period_end is not None:
            self.until.setDate(qdate(line.period_end))
        for name, count in self.counts.items():
            count.setValue(getattr(line, name))

    def show_problems(self, problems: dict[str, str], lead: str) -> None:
        """The service's refusal under its fields; the first field in the form's order takes the focus."""
        self.messages.show(problems, lead=lead)
        first = next((name for name in (*SCOPE, *COUNTS) if name in problems), None)
        if first is not None:
            self.field(first).setFocus()

    def _period_changed(self) -> None:
        number = int(self.period.currentData() or 0)
        self.until.setEnabled(bool(number))
        sheet = self.sheet
        if sheet is None:
            return
        if not number:  # the whole year: to its last day
            self.until.setDate(QDate(sheet.year, 12, 31))
            return
        known = periods(sheet.lines, sheet.year)
        end = known[number].end if number in known else sheet.finishes.get(number)
        self.until.setDate(qdate(end or date(sheet.year, 12, 31)))
