"""Certificates expiring within N days (by default, from when the re-evaluation window of the rule
set's procedure opens: `set_default_days`, once the results tab has read it) and those expired,
with the filing window and whether a re-evaluation dossier exists; revocation with a reason (3★/4★
only: 5★ certificates are the ministry's)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ocop_desktop.services.province.reports import ExpiryRow
from ocop_desktop.ui.kit.dialogs import forget
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.style import BAD, GOOD, WARN
from ocop_desktop.ui.kit.tables import Col, RowsModel, current_row, make_table
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.dialogs import ReasonDialog
from ocop_desktop.ui.province.state import EvalState
from ocop_desktop.ui.province.style import stars


def _state_colours(r: ExpiryRow) -> tuple | None:  # type: ignore[type-arg]
    return BAD if r.state == "expired" else WARN


class ExpiryPanel(QWidget):
    def __init__(self, state: EvalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loaded = False
        self.ready = False  # the default number of days is known
        self.dialog: ReasonDialog | None = None
        self.days = QSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setEnabled(False)
        self.days.valueChanged.connect(lambda _v: self.reload())
        self.expired = QCheckBox(self)
        self.expired.setChecked(True)
        self.expired.toggled.connect(lambda _on: self.reload())
        self.revoke_button = QPushButton(self)
        self.revoke_button.clicked.connect(self.revoke)
        self.model = RowsModel(
            [
                Col(lambda: self.tr("Sản phẩm"), lambda r: r.product_name),
                Col(lambda: self.tr("Chủ thể"), lambda r: r.producer_name, 22),
                Col(lambda: self.tr("Xã"), lambda r: r.commune_name, 15),
                Col(lambda: self.tr("Hạng"), lambda r: stars(r.stars), 7),
                Col(lambda: self.tr("Quyết định"), lambda r: r.decision_number, 13),
                Col(lambda: self.tr("Hiệu lực đến"), self._valid_text, 11),
                Col(
                    lambda: self.tr("Còn (ngày)"),
                    lambda r: r.days_left,
                    9,
                    right=True,
                    colours=_state_colours,
                ),
                Col(
                    lambda: self.tr("Nộp đánh giá lại"),
                    lambda r: f"{format_date(r.reevaluation_opens)} – {format_date(r.reevaluation_closes)}",
                    22,
                    colours=lambda r: GOOD if r.window_open else None,
                ),
                Col(
                    lambda: self.tr("Hồ sơ mới"),
                    lambda r: self.tr("đã có") if r.reevaluation_dossier_id else self.tr("chưa có"),
                    11,
                ),
            ],
            self,
        )
        self.table = make_table(self.model, self)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.count = QLabel(self)
        bar = QHBoxLayout()
        self.days_label = QLabel(self)
        bar.addWidget(self.days_label)
        bar.addWidget(self.days)
        bar.addWidget(self.expired)
        bar.addWidget(self.count, 1)
        bar.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        state.written.connect(lambda: self.reload() if self.loaded else None)
        self.retranslate()

    def _valid_text(self, r: ExpiryRow) -> str:
        """A late re-evaluation awaiting its result keeps the certificate (QĐ 26/2026 Art. 12.3)."""
        if r.valid_through is None:
            return format_date(r.valid_until)
        return (
            self.tr("%1 (gia hạn, tối đa %2)")
            .replace("%1", format_date(r.valid_until))
            .replace("%2", format_date(r.valid_through))
        )

    def retranslate(self) -> None:
        self.days_label.setText(self.tr("Hết hạn trong vòng (ngày):"))
        self.expired.setText(self.tr("Cả giấy đã hết hạn"))
        self.revoke_button.setText(self.tr("Thu hồi…"))
        self.model.retranslate()
        self._update()

    def set_default_days(self, days: int) -> None:
        """The days to look ahead until changed; the list loads from then on."""
        self.days.blockSignals(True)
        self.days.setValue(days)
        self.days.blockSignals(False)
        self.days.setEnabled(True)
        self.ready = True
        if self.isVisible() and not self.loaded:
            self.reload()

    def reload(self) -> Task:
        return self.state.run(jobs.expiring, self.days.value(), self.expired.isChecked(), done=self._show)

    def _show(self, rows: list[ExpiryRow]) -> None:
        self.loaded = True
        self.model.set_rows(rows)
        self._update()

    def _update(self) -> None:
        rows = self.model.rows
        expired = sum(1 for r in rows if r.state == "expired")
        self.count.setText(
            self.tr("%1 sắp hết hạn, %2 đã hết hạn")
            .replace("%1", str(len(rows) - expired))
            .replace("%2", str(expired))
            if self.loaded
            else ""
        )
        row = current_row(self.table)
        self.revoke_button.setEnabled(row is not None and row.issuing_level != "ministry")

    def revoke(self) -> ReasonDialog | None:
        row = current_row(self.table)
        if row is None:
            return None
        dialog = ReasonDialog(
            self.tr("Thu hồi giấy chứng nhận"),
            self.tr("Thu hồi giấy chứng nhận %1 sao của “%2” (quyết định %3).")
            .replace("%1", str(row.stars))
            .replace("%2", row.product_name)
            .replace("%3", row.decision_number),
            self.tr("Thu hồi"),
            self,
            with_date=True,
        )
        dialog.submitted.connect(
            lambda value: self.state.run(
                jobs.revoke,
                row.certificate_id,
                value[0],
                value[1],
                writes=True,
                parent=self,
                failed=dialog.refused,
                done=lambda _c: dialog.done_ok(),
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: forget(self, "dialog", dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.ready and not self.loaded:
            self.reload()
