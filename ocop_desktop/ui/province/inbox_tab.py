"""Hồ sơ đến: dossiers the communes sent. Accept (several at once) or return for correction with
the reasons; each row says which regular round its forwarding date qualifies for."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.services.province.inbox import InboxRow
from ocop_desktop.ui.kit.dialogs import forget
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.formatting import format_date, format_number
from ocop_desktop.ui.kit.pick_table import SearchTable
from ocop_desktop.ui.kit.style import BAD, GOOD, GREYED, INFO
from ocop_desktop.ui.kit.tables import Col, selected_rows
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.dialogs import ReasonDialog
from ocop_desktop.ui.province.state import EvalState

STATUS_COLOURS = {"sent": INFO, "accepted": GOOD, "returned": BAD, "withdrawn": GREYED}


class InboxTab(QWidget):
    def __init__(self, state: EvalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loaded = False
        self.shown_status: str | None = None  # the status filter of the rows shown
        self.dialog: ReasonDialog | None = None
        self.status = QComboBox(self)
        for value in ("sent", "accepted", "returned", "withdrawn", None):
            self.status.addItem("", value)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.view_button = QPushButton(self)
        self.accept_button, self.return_button = QPushButton(self), QPushButton(self)
        self.view_button.clicked.connect(self.view_selected)
        self.accept_button.clicked.connect(self.accept_selected)
        self.return_button.clicked.connect(self.return_selected)
        self.list = SearchTable(
            [
                Col(lambda: self.tr("Sản phẩm"), lambda r: r.product_name),
                Col(lambda: self.tr("Chủ thể"), lambda r: r.producer_name, 20),
                Col(lambda: self.tr("Xã"), lambda r: r.commune_name, 15),
                Col(lambda: self.tr("Bộ"), lambda r: r.product_set, 4, right=True),
                Col(lambda: self.tr("Loại"), lambda r: label_text(r.registration_label), 13),
                Col(lambda: self.tr("Ngày gửi"), lambda r: format_date(r.forwarded_on), 10),
                Col(
                    lambda: self.tr("Tự chấm"),
                    lambda r: (
                        "" if r.self_total is None else f"{format_number(r.self_total, 0)} ({r.self_star}★)"
                    ),
                    8,
                    right=True,
                ),
                Col(
                    lambda: self.tr("Trạng thái"),
                    lambda r: label_text(r.status_label),
                    12,
                    colours=lambda r: STATUS_COLOURS.get(r.status),
                    tip=lambda r: r.return_reasons,
                ),
                Col(lambda: self.tr("Đợt"), lambda r: r.round_label or f"→ {r.suggested_round}", 11),
                Col(
                    lambda: self.tr("Hạn đánh giá lại"),
                    lambda r: format_date(r.reevaluation_due) if r.reevaluation_due else "",
                    10,
                    tip=lambda r: (
                        self.tr(
                            "Hạn tổ chức đánh giá lại, tính từ ngày tỉnh tiếp nhận hồ sơ "
                            "(điểm g khoản 6 Điều 7 QĐ 26/2026/QĐ-TTg)."
                        )
                        if r.reevaluation_due
                        else ""
                    ),
                ),
            ],
            lambda r: f"{r.product_name} {r.producer_name} {r.commune_name} {r.receipt_number}",
            self,
            multi=True,
        )
        self.model, self.table = self.list.model, self.list.table
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.list.activated.connect(lambda row: self.state.openDossier.emit(row.dossier_id))
        top = QHBoxLayout()
        self.status_label = QLabel(self)
        top.addWidget(self.status_label)
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.view_button)
        top.addWidget(self.accept_button)
        top.addWidget(self.return_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        state.written.connect(self.reload)
        self.retranslate()

    def retranslate(self) -> None:
        for i, text in enumerate(
            (
                self.tr("Chờ tiếp nhận"),
                self.tr("Đã tiếp nhận"),
                self.tr("Đã trả lại"),
                self.tr("Chủ thể đã rút"),
                self.tr("Tất cả"),
            )
        ):
            self.status.setItemText(i, text)
        self.status_label.setText(self.tr("Hiện:"))
        self.view_button.setText(self.tr("&Xem hồ sơ"))
        self.view_button.setToolTip(self.tr("Mở hồ sơ để xem (chỉ đọc) — Enter hoặc nhấp đúp vào dòng"))
        self.accept_button.setText(self.tr("Tiếp nhận"))
        self.return_button.setText(self.tr("Trả lại xã…"))
        self.model.retranslate()
        self._update()

    def activate(self) -> None:
        """Built after the page: show what the round state holds now."""
        self.reload()

    def reload(self) -> Task:
        status = self.status.currentData()
        return self.state.run(jobs.inbox, status, done=lambda rows: self._show(rows, status))

    def _show(self, rows: list[InboxRow], status: str | None = None) -> None:
        same = self.loaded and status == self.shown_status  # read again: sort, selection, scroll stay
        self.loaded, self.shown_status = True, status
        (self.list.refresh_rows if same else self.list.set_rows)(rows)
        self._update()

    def _update(self) -> None:
        picked = selected_rows(self.table)
        self.view_button.setEnabled(len(picked) == 1)
        self.accept_button.setEnabled(bool(picked) and all(r.status == "sent" for r in picked))
        self.return_button.setEnabled(len(picked) == 1 and picked[0].status in ("sent", "accepted"))

    def view_selected(self) -> None:
        """The dossier as the commune sent it, read-only, before it is accepted (a window of its own)."""
        picked = selected_rows(self.table)
        if len(picked) == 1:
            self.state.openDossier.emit(picked[0].dossier_id)

    def accept_selected(self) -> Task | None:
        ids = [r.dossier_id for r in selected_rows(self.table) if r.status == "sent"]
        if not ids:
            return None
        return self.state.run(
            jobs.accept,
            ids,
            writes=True,
            parent=self,
            title=self.tr("Đang tiếp nhận hồ sơ…") if len(ids) > 5 else None,
        )

    def return_selected(self) -> ReasonDialog | None:
        picked = selected_rows(self.table)
        if len(picked) != 1:
            return None
        row = picked[0]
        dialog = ReasonDialog(
            self.tr("Trả lại hồ sơ"),
            self.tr(
                "Hồ sơ “%1” của %2 được trả lại để xã bổ sung, sửa "
                "đổi. Lý do được gửi về xã trong gói kết quả."
            )
            .replace("%1", row.product_name)
            .replace("%2", row.commune_name),
            self.tr("Trả lại"),
            self,
        )
        dialog.submitted.connect(
            lambda reasons: self.state.run(
                jobs.return_dossier,
                row.dossier_id,
                reasons,
                writes=True,
                parent=self,
                done=lambda _d: dialog.done_ok(),
                failed=dialog.refused,
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: forget(self, "dialog", dialog))
        self.dialog = dialog
        dialog.open()
        return dialog
