"""Danh mục hồ sơ: every paper the dossier needs for its product set and registration type, its
status, expiry date (time-limited papers), note and attached files; knock-out papers flagged.
Each change is saved at once (`ops.update_checklist_item`: one small write, on the GUI thread like
the forms' autosave)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.checklist import Completeness, ItemStatus
from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.forms import parse_date
from ocop_desktop.services.dossiers.checklists import ChecklistRow
from ocop_desktop.ui.dossiers import ops
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.field_messages import message_label
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.style import BAD_FILL, ERROR, ERROR_STYLE, GROUP_FILL, KNOCKOUT_FILL, MUTED, OK_STYLE

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

COLUMNS = ("label", "requirement", "status", "expires", "files", "note")


class ChecklistTab(QWidget):
    """Signals:
    changed(): an item was saved (completeness may have moved).
    """

    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        dossier_id: str,
        view: ops.ChecklistView,
        parent: QWidget | None = None,
        *,
        deferred: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.rows: dict[str, ChecklistRow] = {}
        self.completeness: Completeness = view.completeness
        self.status_boxes: dict[str, QComboBox] = {}
        self.expiry_edits: dict[str, QLineEdit] = {}
        self.note_edits: dict[str, QLineEdit] = {}
        self.row_of: dict[str, int] = {}
        self._read_only = False
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFixedWidth(240)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.show_all = QCheckBox(self.tr("Hiện cả các mục không áp dụng"))
        self.show_all.toggled.connect(self._apply_visibility)
        self.message = message_label()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Giấy tờ"),
                self.tr("Yêu cầu"),
                self.tr("Trạng thái"),
                self.tr("Ngày hết hạn"),
                self.tr("Tệp"),
                self.tr("Ghi chú"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Wrapped labels need their height again whenever the label column gets its width.
        self._fit_timer = QTimer(self, singleShot=True, interval=0)  # once, after the layout settled
        self._fit_timer.timeout.connect(self._fit_rows)
        header.sectionResized.connect(
            lambda index, _old, _new: self._fit_timer.start() if index == 0 else None
        )
        char = self.fontMetrics().horizontalAdvance("0")
        for column, width in ((1, 12), (2, 13), (3, 12), (4, 5), (5, 24)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width * char + 16)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Đủ thành phần bắt buộc:")))
        top.addWidget(self.bar)
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._pending: list[ChecklistRow] | None = []  # items whose table rows are not built yet
        self._file_counts: dict[str, int] | None = None  # counts that arrived meanwhile
        self.show_view(view, deferred=deferred)

    # -- showing ------------------------------------------------------------------------------
    def show_view(self, view: ops.ChecklistView, *, deferred: bool = False) -> None:
        """Every item of the checklist, and where the dossier stands. `deferred`: the table's rows
        (a combo box and line edits per item, ~15 ms) wait for `build()` or the first show, unless
        they are built already — a dossier window opens before its hidden tabs are filled."""
        self.completeness = view.completeness
        self.rows = {r.key: r for r in view.items}
        self.show_completeness()
        was_built = self._pending is None
        self._pending, self._file_counts = list(view.items), None
        if not deferred or was_built or self.isVisible():
            self.build()

    @property
    def built(self) -> bool:
        return self._pending is None

    def build(self) -> None:
        """The table's rows for the items last shown (once)."""
        if self._pending is None:
            return
        items, self._pending = self._pending, None
        self.table.setRowCount(0)
        self.status_boxes.clear()
        self.expiry_edits.clear()
        self.note_edits.clear()
        self.row_of.clear()
        group = None
        for r in items:
            if r.group != group:
                group = r.group
                self._add_group_row(group)
            self._add_item_row(r)
        self._apply_visibility()
        self.set_read_only(self._read_only)
        if self._file_counts is not None:
            self.set_file_counts(self._file_counts)

    def _add_group_row(self, group: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(group)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setBackground(QBrush(GROUP_FILL))
        self.table.setItem(row, 0, item)
        self.table.setSpan(row, 0, 1, len(COLUMNS))

    def _add_item_row(self, r: ChecklistRow) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.row_of[r.key] = row
        knockout = bool(r.knockout) and r.requirement == "required"  # optional papers never eliminate
        label = QTableWidgetItem(r.label + (" " + self.tr("[loại trực tiếp nếu thiếu]") if knockout else ""))
        label.setToolTip(self._tooltip(r, knockout))
        if knockout:
            label.setBackground(QBrush(KNOCKOUT_FILL))
        self.table.setItem(row, 0, label)
        self.table.setItem(row, 1, QTableWidgetItem(label_text(r.requirement_label)))
        status = QComboBox()
        for s in ItemStatus:
            status.addItem(label_text(s.label), s.value)
        status.setCurrentIndex(status.findData(r.status))
        status.setEnabled(r.requirement != "not_applicable")
        status.activated.connect(lambda _i, key=r.key: self._status_chosen(key))
        self.status_boxes[r.key] = status
        self.table.setCellWidget(row, 2, status)
        if r.time_limited:
            expiry = QLineEdit(format_date(r.expires_on))
            expiry.setPlaceholderText("dd/mm/yyyy")
            expiry.editingFinished.connect(lambda key=r.key: self._expiry_finished(key))
            self.expiry_edits[r.key] = expiry
            self._style_expiry(r)
            self.table.setCellWidget(row, 3, expiry)
        files = QTableWidgetItem(str(r.attachments) if r.attachments else "")
        files.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItem(row, 4, files)
        note = QLineEdit(r.note)
        note.editingFinished.connect(lambda key=r.key: self._note_finished(key))
        self.note_edits[r.key] = note
        self.table.setCellWidget(row, 5, note)
        if r.requirement == "not_applicable":
            for column in (0, 1):
                self.table.item(row, column).setForeground(QBrush(MUTED))

    def _tooltip(self, r: ChecklistRow, knockout: bool) -> str:
        parts = [r.label]
        if knockout:
            parts.append(self.tr("Giấy tờ bắt buộc: thiếu thì sản phẩm bị loại, dù điểm cao."))
        if r.criteria:
            parts.append(self.tr("Tiêu chí liên quan: %1").replace("%1", ", ".join(r.criteria)))
        return "\n".join(parts)

    def _style_expiry(self, r: ChecklistRow) -> None:
        edit = self.expiry_edits[r.key]
        if r.expired:
            edit.setStyleSheet(f"QLineEdit {{ color: {ERROR.name()}; background: {BAD_FILL.name()}; }}")
            edit.setToolTip(self.tr("Đã hết hạn: cần bản còn hiệu lực."))
        else:
            edit.setStyleSheet("")
            edit.setToolTip(self.tr("Giấy tờ có thời hạn: nhập ngày hết hạn (dd/mm/yyyy)."))

    def _apply_visibility(self) -> None:
        show_all = self.show_all.isChecked()
        for key, row in self.row_of.items():
            self.table.setRowHidden(row, not show_all and self.rows[key].requirement == "not_applicable")
        self._fit_timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.build()
        super().showEvent(event)
        self._fit_timer.start()

    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()

    def show_completeness(self) -> None:
        c = self.completeness
        self.bar.setValue(c.percent)
        self.bar.setFormat(
            self.tr("%1/%2 (%3%)")
            .replace("%1", str(c.provided))
            .replace("%2", str(c.required))
            .replace("%3", str(c.percent))
        )
        lines = []
        if c.missing_knockouts:
            names = [
                self.rows[k].label
                for k in c.missing_keys + c.expired_keys
                if k in self.rows and self.rows[k].knockout
            ]
            lines.append(self.tr("Thiếu giấy tờ loại trực tiếp: %1").replace("%1", "; ".join(names)))
        if c.expired_keys:
            lines.append(self.tr("%n giấy tờ đã hết hạn.", "", len(c.expired_keys)))
        if not lines and c.complete:
            lines.append(self.tr("Đã đủ các giấy tờ bắt buộc."))
        self.summary.setText("\n".join(lines))
        self.summary.setStyleSheet(ERROR_STYLE if c.missing_knockouts or c.expired_keys else OK_STYLE)

    # -- editing ------------------------------------------------------------------------------
    def _status_chosen(self, key: str) -> None:
        self._update(key, status=self.status_boxes[key].currentData())

    def _note_finished(self, key: str) -> None:
        text = self.note_edits[key].text()
        if text != self.rows[key].note:
            self._update(key, note=text)

    def _expiry_finished(self, key: str) -> None:
        edit = self.expiry_edits[key]
        text = edit.text().strip()
        if text == format_date(self.rows[key].expires_on):
            return
        try:
            when: date | None = parse_date(text) if text else None
        except ValueError:
            # Keep what was typed, say why it is not saved.
            edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {ERROR.name()}; }}")
            self._say(
                self.tr("“%1”: ngày hết hạn “%2” không hợp lệ, cần dạng dd/mm/yyyy; chưa lưu.")
                .replace("%1", self.rows[key].label)
                .replace("%2", text)
            )
            return
        self._update(key, expires_on=when)

    def _update(self, key: str, **change: object) -> None:
        self.message.hide()
        try:
            saved = ops.update_checklist_item(self.ctx, self.dossier_id, key, **change)
        except UserError as exc:
            fields = getattr(exc, "fields", None)
            self._say("\n".join(fields.values()) if fields else exc.message)
            if not fields:
                errors.show_error(exc, self)
            self.status_boxes[key].setCurrentIndex(self.status_boxes[key].findData(self.rows[key].status))
            return
        row, self.rows[key], self.completeness = saved.row, saved.row, saved.completeness
        if key in self.expiry_edits:
            self.expiry_edits[key].setText(format_date(row.expires_on))
            self._style_expiry(row)
        self.show_completeness()
        self.changed.emit()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def flush(self) -> None:
        """Save a note or date still being typed (the editor is closing or changing tab)."""
        for key in list(self.note_edits):
            self._note_finished(key)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for key, box in self.status_boxes.items():
            box.setEnabled(not read_only and self.rows[key].requirement != "not_applicable")
        for edit in (*self.expiry_edits.values(), *self.note_edits.values()):
            edit.setReadOnly(read_only)

    def set_file_counts(self, counts: dict[str, int]) -> None:
        """Attached file counts per item, after evidence was added or removed."""
        self._file_counts = counts if self._pending is not None else None  # applied by `build`
        for key, row in self.row_of.items():
            n = counts.get(key, 0)
            self.table.item(row, 4).setText(str(n) if n else "")
