"""Kế hoạch năm: the office's targets for a year — new products of 3★ or more, upgrades, re-evaluations —
for its whole area or one commune, every product group or one, the whole year or one round of it
("Đợt 1, đến 30/07"). A table of the year's lines and, under it, the line being edited: picking a row
loads it, "Lưu dòng" (Enter) creates or replaces the line of that scope, "Xóa dòng" (the Delete key in
the table) removes it after a question. The service's refusals show under their fields. At a commune, the
province's targets for it (from its reference pack) are shown read-only underneath. Reads and writes run
in the background (`plan_ops`); the dialog reloads the year after each change."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
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

from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.services.reports.plans import COUNTS, MAX_ROUND, PlanLine, periods
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.field_messages import FieldMessages, message_label, say
from ocop_desktop.ui.kit.style import MUTED_STYLE
from ocop_desktop.ui.kit.tables import Col, RowsModel, current_row, make_table, select_row
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.reports import plan_ops
from ocop_desktop.ui.reports.plan_ops import PlanSheet

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

COUNT_MAX = 1_000_000
FIELDS = ("year", "commune_code", "product_group", "round_number", "period_end", *COUNTS)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PlanDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.sheet: PlanSheet | None = None
        self.loading = 0  # the year the last read was for
        self.select_after: tuple[int, str, str, int] | None = None  # the line to select once read again
        self.summary = message_label()
        self.messages = FieldMessages(self.summary)
        self.status = QLabel(self)
        self.status.setStyleSheet(MUTED_STYLE)
        self.status.setWordWrap(True)

        self.year_label = QLabel(self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year or date.today().year)
        self.year.valueChanged.connect(self.reload)
        self.year_label.setBuddy(self.year)

        self.own_box = QGroupBox(self)
        self.model = RowsModel(self._columns(), self)
        self.table = make_table(self.model, self)
        self.table.selectionModel().selectionChanged.connect(self._picked)
        self.table.installEventFilter(self)
        QVBoxLayout(self.own_box).addWidget(self.table)

        self.editor_box = QGroupBox(self)
        self.commune, self.group, self.period = QComboBox(self), QComboBox(self), QComboBox(self)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd/MM/yyyy")
        self.counts = {name: self._count() for name in COUNTS}
        self.labels: dict[str, QLabel] = {name: QLabel(self) for name in FIELDS if name != "year"}
        self.new_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.new_button.clicked.connect(self.new_line)
        self.remove_button.clicked.connect(self.remove)
        self.save_button.clicked.connect(self.save)
        self.editor_box.setLayout(self._editor_layout())
        self.editor_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # no gaps

        self.province_box = QGroupBox(self)
        self.province_model = RowsModel(self._columns(), self)
        self.province_table = make_table(self.province_model, self)
        self.province_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QVBoxLayout(self.province_box).addWidget(self.province_table)
        self.province_box.hide()

        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        self.setLayout(self._layout())
        self.retranslate()
        self.resize(1000, 700)
        self.year.setFocus()
        self.reload()

    # building -----------------------------------------------------------------------------------
    def _count(self) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(0, COUNT_MAX)
        box.setAlignment(Qt.AlignmentFlag.AlignRight)
        return box

    def _columns(self) -> list[Col]:
        def period(line: PlanLine) -> str:
            if not line.round_number or line.period_end is None:
                return self.tr("Cả năm")
            return self.tr("Đợt {n} (đến {day})").format(n=line.round_number, day=f"{line.period_end:%d/%m}")

        return [
            Col(lambda: self.tr("Kỳ"), period, 18),
            Col(lambda: self.tr("Xã/phường"), self._commune_name),
            Col(lambda: self.tr("Ngành"), self._group_name, 22),
            Col(lambda: self.tr("Sản phẩm mới"), lambda x: x.new_products, 12, right=True),
            Col(lambda: self.tr("Nâng hạng"), lambda x: x.upgrades, 10, right=True),
            Col(lambda: self.tr("Đánh giá lại"), lambda x: x.reevaluations, 11, right=True),
        ]

    def _editor_layout(self) -> QVBoxLayout:
        """The scope on the left (where, which group, which period), the three targets on the right; each
        field with its message line under it."""
        forms = QHBoxLayout()
        forms.setSpacing(24)
        for names in (("commune_code", "product_group", "round_number", "period_end"), COUNTS):
            form = QFormLayout()
            form.setSpacing(6)  # not the 24 between the two forms, which a layout passes to its children
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in names:
                self.labels[name].setBuddy(self._field(name))
                box = QWidget(self)
                inner = QVBoxLayout(box)
                inner.setContentsMargins(0, 0, 0, 0)
                inner.setSpacing(1)
                inner.addWidget(self._field(name))
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

    def _field(self, name: str) -> QWidget:
        fields: dict[str, QWidget] = {
            "commune_code": self.commune,
            "product_group": self.group,
            "round_number": self.period,
            "period_end": self.until,
        }
        return fields.get(name) or self.counts[name]

    def _layout(self) -> QVBoxLayout:
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addWidget(self.messages.label("year"))
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout()
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.own_box, 3)
        layout.addWidget(self.editor_box)
        layout.addWidget(self.province_box, 2)
        layout.addLayout(bottom)
        return layout

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Kế hoạch năm"))
        self.year_label.setText(self.tr("&Năm kế hoạch:"))
        self.own_box.setTitle(self.tr("Chỉ tiêu của đơn vị"))
        self.editor_box.setTitle(self.tr("Dòng chỉ tiêu (chọn một dòng ở bảng trên để sửa)"))
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
        self.close_button.setText(self.tr("Đóng"))
        self._fill_choices()
        self.model.layoutChanged.emit()
        self.province_model.layoutChanged.emit()

    # loading ------------------------------------------------------------------------------------
    def reload(self) -> Task | None:
        if self.task is not None:
            return None
        self.loading = self.year.value()
        self.task = run_task(plan_ops.load, self.ctx, self.loading, on_done=self._loaded, parent=self)
        self.task.finished.connect(self._ended)
        self._enable()
        return self.task

    def _loaded(self, sheet: PlanSheet) -> None:
        if sheet.year != self.year.value():  # the year changed while reading: `_ended` reads it again
            return
        self.sheet = sheet
        self._fill_choices()
        self.model.set_rows(sheet.lines)
        start, end = QDate(sheet.year, 1, 1), QDate(sheet.year, 12, 31)
        self.until.setDateRange(start, end)
        given = sheet.province
        self.province_box.setVisible(given is not None)
        if given is not None:
            self.province_model.set_rows(given.lines)
            when = (
                self.tr("nhận ngày {day}").format(day=f"{given.received:%d/%m/%Y}")
                if given.received
                else self.tr("chưa nhận")
            )
            self.province_box.setTitle(
                self.tr(
                    "Chỉ tiêu tỉnh giao năm {year} ({when}; chỉ xem, tỉnh gửi trong gói tham chiếu)"
                ).format(year=sheet.year, when=when)
            )

    def _ended(self) -> None:
        self.task = None
        self._enable()
        if self.loading != self.year.value():  # the year changed while reading
            self.reload()

    def _enable(self) -> None:
        idle = self.task is None
        for button in (self.save_button, self.remove_button, self.new_button):
            button.setEnabled(idle)

    def _fill_choices(self) -> None:
        """The communes, groups and rounds to choose from, keeping what is chosen."""
        sheet = self.sheet
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
        self._period_changed()

    def _commune_name(self, line: PlanLine) -> str:
        if not line.commune_code:
            return self.tr("Toàn địa bàn")
        return (
            self.sheet.communes.get(line.commune_code, line.commune_code) if self.sheet else line.commune_code
        )

    def _group_name(self, line: PlanLine) -> str:
        if not line.product_group:
            return self.tr("Tất cả")
        return (
            self.sheet.groups.get(line.product_group, line.product_group)
            if self.sheet
            else line.product_group
        )

    # the line being edited ------------------------------------------------------------------------
    def line(self) -> PlanLine:
        """What the editor holds."""
        number = int(self.period.currentData() or 0)
        end: date | None = self.until.date().toPython() if number else None  # type: ignore[assignment]
        new, upgrades, reevaluations = (box.value() for box in self.counts.values())
        commune, group = str(self.commune.currentData() or ""), str(self.group.currentData() or "")
        return PlanLine(self.year.value(), commune, group, new, upgrades, reevaluations, number, end)

    def show_line(self, line: PlanLine) -> None:
        for choice, data in ((self.commune, line.commune_code), (self.group, line.product_group)):
            choice.setCurrentIndex(max(choice.findData(data), 0))
        self.period.setCurrentIndex(max(self.period.findData(line.round_number), 0))
        if line.period_end is not None:
            self.until.setDate(_qdate(line.period_end))
        for name, count in self.counts.items():
            count.setValue(getattr(line, name))

    def new_line(self) -> None:
        select_row(self.table, -1)
        self.show_line(PlanLine(self.year.value(), "", "", 0, 0, 0))
        self.messages.clear()
        self.commune.setFocus()

    def _picked(self) -> None:
        line = current_row(self.table)
        if line is not None:
            self.messages.clear()
            self.show_line(line)

    def _period_changed(self) -> None:
        """A round needs its end: the one the year's lines give it, else the province's own round's
        finish, else the end of the year."""
        number = int(self.period.currentData() or 0)
        self.until.setEnabled(bool(number))
        if self.sheet is None:
            return
        if not number:  # the whole year: to its last day
            self.until.setDate(QDate(self.sheet.year, 12, 31))
            return
        known = periods(self.sheet.lines, self.sheet.year)
        end = known[number].end if number in known else self.sheet.finishes.get(number)
        self.until.setDate(_qdate(end or date(self.sheet.year, 12, 31)))

    # saving and removing --------------------------------------------------------------------------
    def save(self) -> Task | None:
        if self.task is not None or self.sheet is None:
            return None
        self.messages.clear()
        line = self.line()
        self.task = run_task(
            plan_ops.save,
            self.ctx,
            line,
            self.sheet.groups,
            on_done=self._saved,
            on_error=self._refused,
            writes_db=True,
            parent=self,
        )
        self.task.finished.connect(self._ended_change)
        self._enable()
        return self.task

    def remove(self) -> Task | None:
        line = current_row(self.table)
        if self.task is not None or line is None:
            return None
        question = self.tr("Xóa dòng chỉ tiêu “{period} — {commune} — {group}”?").format(
            period=self._columns()[0].value(line),
            commune=self._commune_name(line),
            group=self._group_name(line),
        )
        if not errors.ask(self, question, yes=self.tr("Xóa"), no=self.tr("Không xóa")):
            return None
        self.task = run_task(
            plan_ops.remove,
            self.ctx,
            line,
            on_done=self._removed,
            on_error=self._refused,
            writes_db=True,
            parent=self,
        )
        self.task.finished.connect(self._ended_change)
        self._enable()
        return self.task

    def _saved(self, line: PlanLine) -> None:
        self.sheet = None  # read again when the save has ended
        self.select_after = line.scope
        say(self.status, self.tr("Đã lưu dòng chỉ tiêu."))

    def _removed(self, _line: PlanLine) -> None:
        self.sheet = None
        self.select_after = None
        say(self.status, self.tr("Đã xóa dòng chỉ tiêu."))

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.messages.show(exc.fields, lead=self.tr("Chưa lưu được: hãy sửa các ô có thông báo màu đỏ."))
            first = next((name for name in FIELDS if name in exc.fields), None)
            widget = self.labels[first].buddy() if first and first in self.labels else self.year
            widget.setFocus()
        else:
            errors.show_error(exc, self)

    def _ended_change(self) -> None:
        self.task = None
        self._enable()
        if self.sheet is None:
            task = self.reload()
            if task is not None:
                task.succeeded.connect(lambda _sheet: self._select(self.select_after))

    def _select(self, scope: tuple[int, str, str, int] | None) -> None:
        rows = self.model.rows
        index = next((i for i, x in enumerate(rows) if x.scope == scope), -1)
        select_row(self.table, index)

    # keys and language ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self.remove()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
