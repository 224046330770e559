"""The council secretary's notice of dossiers their producers withdrew from the round being worked on
(issue 15): which, when, why, and what it means — out of aggregation, ranking and the decision,
the sheets kept for the record, laptops to be sent a new assignment. It stays over the round's
views until someone presses "Đã xem" (recorded in the entries' history, so every desk sees it
gone, and it survives a restart)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.state import EvalState

SHOWN = 6  # dossiers named in the notice; the rest are counted


class WithdrawalNotice(QWidget):
    def __init__(self, state: EvalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.banner = Banner(self, "warn")
        self.seen_button = QPushButton(self)
        self.seen_button.clicked.connect(self.mark_seen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner, 1)
        layout.addWidget(self.seen_button)
        state.roundLoaded.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.seen_button.setText(self.tr("Đã xem"))
        self.seen_button.setToolTip(
            self.tr("Ẩn thông báo này trên mọi máy của tỉnh (ghi vào lịch sử hồ sơ).")
        )
        self.refresh()

    def refresh(self) -> None:
        detail = self.state.detail
        entries = detail.entries if detail else ()
        rows = [e for e in entries if e.status == "withdrawn" and not e.withdrawal_noted]
        self.setVisible(bool(rows))
        if not rows:
            self.banner.show_text("")
            return
        lines = [
            self.tr(
                "Chủ thể đã rút %1 hồ sơ của đợt này. Hồ sơ đã được đưa ra khỏi tổng hợp điểm, xếp hạng và "
                "dự thảo quyết định; phiếu chấm đã nhập được giữ để lưu. Máy chấm điểm đã nhận phân công "
                "trước đó: hãy gửi lại gói phân công."
            ).replace("%1", str(len(rows)))
        ]
        for e in rows[:SHOWN]:
            line = (
                self.tr("• %1 (%2), rút ngày %3")
                .replace("%1", e.product_name)
                .replace("%2", e.commune_name or e.producer_name)
                .replace("%3", format_date(e.withdrawn_on) if e.withdrawn_on else "…")
            )
            lines.append(line + (f": {e.withdrawal_reason}" if e.withdrawal_reason else ""))
        if len(rows) > SHOWN:
            lines.append(self.tr("… và %1 hồ sơ khác").replace("%1", str(len(rows) - SHOWN)))
        self.banner.show_text("\n".join(lines))

    def mark_seen(self) -> Task | None:
        if self.state.round_id is None:
            return None
        return self.state.run(jobs.note_withdrawals, self.state.round_id, writes=True, parent=self)
