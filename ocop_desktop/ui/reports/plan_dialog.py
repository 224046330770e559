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

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.services.reports.plans import PlanLine
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.field_messages import FieldMessages, message_label, say
from ocop_desktop.ui.kit.style import MUTED_STYLE
from ocop_desktop.ui.kit.tables import Col, RowsModel, current_row, make_table, select_row
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.reports import plan_ops
from ocop_desktop.ui.reports.plan_line_editor import PlanLineEditor
from ocop_desktop.ui.reports.plan_ops import PlanSheet

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


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

        self.editor = PlanLineEditor(self.messages, self)
        self.editor.new_button.clicked.connect(self.new_line)
        self.editor.remove_button.clicked.connect(self.remove)
        self.editor.save_button.clicked.connect(self.save)

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
        layout.addWidget(self.editor)
        layout.addWidget(self.province_box, 2)
        layout.addLayout(bottom)
        return layout

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Kế hoạch năm"))
        self.year_label.setText(self.tr("&Năm kế hoạch:"))
        self.own_box.setTitle(self.tr("Chỉ tiêu của đơn vị"))
        self.editor.retranslate()
        self.close_button.setText(self.tr("Đóng"))
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
        self.editor.fill(sheet)
        self.model.set_rows(sheet.lines)
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
        for button in (self.editor.save_button, self.editor.remove_button, self.editor.new_button):
            button.setEnabled(idle)

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
    def new_line(self) -> None:
        select_row(self.table, -1)
        self.editor.show_line(PlanLine(self.year.value(), "", "", 0, 0, 0))
        self.messages.clear()
        self.editor.commune.setFocus()

    def _picked(self) -> None:
        line = current_row(self.table)
        if line is not None:
            self.messages.clear()
            self.editor.show_line(line)

    # saving and removing --------------------------------------------------------------------------
    def save(self) -> Task | None:
        if self.task is not None or self.sheet is None:
            return None
        self.messages.clear()
        line = self.editor.line(self.year.value())
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
            self.editor.show_problems(
                exc.fields, self.tr("Chưa lưu được: hãy sửa các ô có thông báo màu đỏ.")
            )
            if "year" in exc.fields:
                self.year.setFocus()
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
