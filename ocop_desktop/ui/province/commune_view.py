"""At a commune the evaluation belongs to the province: this view shows what the commune learns
from the results packages — each dossier sent, its status at the province (accepted, returned
with the reasons, decided), and the certificate a decision issued."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.style import BAD, GOOD, INFO
from ocop_desktop.ui.kit.tables import Col, RowsModel, make_table
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.style import stars

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

COLOURS = {"sent": INFO, "accepted": INFO, "returned": BAD, "decided": GOOD}


class CommuneResultsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.loaded = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.model = RowsModel(
            [
                Col(lambda: self.tr("Sản phẩm"), lambda r: r.dossier.product_name),
                Col(lambda: self.tr("Chủ thể"), lambda r: r.dossier.producer_name, 26),
                Col(lambda: self.tr("Số hồ sơ"), lambda r: r.dossier.receipt_number, 22),
                Col(
                    lambda: self.tr("Tình trạng ở tỉnh"),
                    lambda r: label_text(r.dossier.status_label),
                    20,
                    colours=lambda r: COLOURS.get(r.dossier.status),
                ),
                Col(
                    lambda: self.tr("Hạng"), lambda r: stars(r.certificate.stars) if r.certificate else "", 7
                ),
                Col(lambda: self.tr("Quyết định"), lambda r: self._decision(r), 26),
                Col(
                    lambda: self.tr("Lý do trả lại"),
                    lambda r: r.return_reasons if r.dossier.status == "returned" else "",
                    30,
                    tip=lambda r: r.return_reasons,
                ),
            ],
            self,
        )
        self.table = make_table(self.model, self)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.retranslate()

    def _decision(self, r: jobs.CommuneOutcome) -> str:
        cert = r.certificate
        if cert is None:
            return ""
        return (
            self.tr("%1 ngày %2, hiệu lực đến %3")
            .replace("%1", cert.decision_number)
            .replace("%2", format_date(cert.decision_date))
            .replace("%3", format_date(cert.valid_until))
        )

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Việc đánh giá, phân hạng do Hội đồng cấp tỉnh thực hiện. Tại đây là tình trạng "
                "các hồ sơ xã đã gửi, cập nhật mỗi khi nhập gói kết quả của tỉnh ở trang "
                "“Đồng bộ”."
            )
        )
        self.empty.setText(
            self.tr(
                "Chưa có hồ sơ nào gửi tỉnh. Hồ sơ xã đã đánh giá (Mẫu 03) được gửi bằng "
                "“Xuất gói gửi tỉnh…” ở trang Đồng bộ."
            )
        )
        self.model.retranslate()

    def reload(self) -> Task:
        self.task = run_task(jobs.commune_outcomes, self.ctx, on_done=self._show, parent=self)
        return self.task

    def _show(self, rows: list[jobs.CommuneOutcome]) -> None:
        self.loaded = True
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.reload()
