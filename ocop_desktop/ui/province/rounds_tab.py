"""Đợt đánh giá: every round with its progress (assigned → scored → aggregated → proposed →
decided), the dossiers of the round being worked on, creating a round with QĐ 26's default
dates, assigning accepted dossiers and taking one out before it is scored, and the advisory team's
notes on a dossier of the round (`AdvisoryDialog`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ocop_desktop.services.province.rounds import RoundRow
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.dialogs import forget
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.kept_view import kept_view
from ocop_desktop.ui.kit.style import GOOD, WARN
from ocop_desktop.ui.kit.tables import Col, RowsModel, current_row, make_table, select_row
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.advisory_dialog import AdvisoryDialog
from ocop_desktop.ui.province.dialogs import AssignDialog, RoundDialog
from ocop_desktop.ui.province.state import EvalState
from ocop_desktop.ui.province.style import entry_columns
from ocop_desktop.ui.province.withdrawal_notice import WithdrawalNotice


def _done_colours(r: RoundRow) -> tuple | None:  # type: ignore[type-arg]
    p = r.progress
    return GOOD if p.assigned and p.decided + p.not_recognised == p.assigned else None


class RoundsTab(QWidget):
    def __init__(self, state: EvalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.dialog: RoundDialog | AssignDialog | AdvisoryDialog | None = None
        self.shown_round: str | None = None  # whose entries are listed
        self.rounds = RowsModel(
            [
                Col(lambda: self.tr("Đợt"), lambda r: r.label, 16),
                Col(lambda: self.tr("Tên đợt / Hội đồng"), lambda r: r.name or r.council_name),
                Col(lambda: self.tr("Chốt hồ sơ"), lambda r: format_date(r.cutoff), 10),
                Col(lambda: self.tr("Hoàn thành"), lambda r: format_date(r.finish), 10),
                Col(lambda: self.tr("Hồ sơ"), lambda r: r.progress.assigned, 6, right=True),
                Col(lambda: self.tr("Đủ phiếu"), lambda r: r.progress.scored, 8, right=True),
                Col(
                    lambda: self.tr("Chấm lại"),
                    lambda r: r.progress.needs_rescore or "",
                    8,
                    right=True,
                    colours=lambda r: WARN if r.progress.needs_rescore else None,
                ),
                Col(lambda: self.tr("Đã tổng hợp"), lambda r: r.progress.aggregated, 10, right=True),
                Col(lambda: self.tr("Đề nghị"), lambda r: r.progress.proposed, 7, right=True),
                Col(
                    lambda: self.tr("Có QĐ"),
                    lambda r: r.progress.decided,
                    6,
                    right=True,
                    colours=_done_colours,
                ),
            ],
            self,
        )
        self.rounds_table = make_table(self.rounds, self)
        self.rounds_table.clicked.connect(lambda _i: self._picked())
        self.entries = RowsModel(entry_columns(self), self)
        self.entries_table = make_table(self.entries, self)
        self.entries_table.activated.connect(lambda _i: self.advisory())  # Enter or double-click
        self.create_button, self.assign_button, self.unassign_button = (QPushButton(self) for _ in range(3))
        self.create_button.clicked.connect(self.create_round)
        self.assign_button.clicked.connect(self.assign)
        self.unassign_button.clicked.connect(self.unassign)
        self.notice = WithdrawalNotice(state, self)
        self.advisory_button = QPushButton(self)
        self.advisory_button.clicked.connect(self.advisory)
        self.round_title = QLabel(self)
        font = self.round_title.font()
        font.setBold(True)
        self.round_title.setFont(font)
        top = QHBoxLayout()
        self.rounds_label = QLabel(self)
        top.addWidget(self.rounds_label, 1)
        top.addWidget(self.create_button)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.rounds_table)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.round_title, 1)
        bar.addWidget(self.advisory_button)
        bar.addWidget(self.unassign_button)
        bar.addWidget(self.assign_button)
        lower_layout.addLayout(bar)
        lower_layout.addWidget(self.notice)
        lower_layout.addWidget(self.entries_table)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([160, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split)
        state.roundsLoaded.connect(self._rounds_loaded)
        state.roundLoaded.connect(self._round_loaded)
        self.retranslate()

    def retranslate(self) -> None:
        self.rounds_label.setText(self.tr("Các đợt đánh giá (ít nhất 2 đợt mỗi năm)"))
        self.create_button.setText(self.tr("Tạo đợt mới…"))
        self.assign_button.setText(self.tr("Phân hồ sơ vào đợt…"))
        self.unassign_button.setText(self.tr("Rút khỏi đợt"))
        self.advisory_button.setText(self.tr("Ý kiến tổ tư vấn…"))
        self.advisory_button.setToolTip(
            self.tr("Ghi chú, biên bản của tổ tư vấn về hồ sơ đang chọn (gửi kèm gói phân công chấm điểm).")
        )
        self.rounds.retranslate()
        self.entries.retranslate()
        self.notice.retranslate()
        self._round_loaded()

    def activate(self) -> None:
        """Built after the page: show what the round state holds now."""
        self._rounds_loaded()
        self._round_loaded()

    def _rounds_loaded(self) -> None:
        self.rounds.set_rows(self.state.rounds)
        ids = [r.id for r in self.state.rounds]
        select_row(self.rounds_table, ids.index(self.state.round_id) if self.state.round_id in ids else -1)

    def _picked(self) -> None:
        row = current_row(self.rounds_table)
        if row is not None:
            self.state.select(row.id)

    def _round_loaded(self) -> None:
        detail = self.state.detail
        shown = detail.row.id if detail else None
        with kept_view(self.entries_table, keep=shown == self.shown_round):  # read again: selection stays
            self.entries.set_rows(detail.entries if detail else [])
        self.shown_round = shown
        has = detail is not None
        self.assign_button.setEnabled(has)
        self.unassign_button.setEnabled(has)
        self.advisory_button.setEnabled(bool(detail and detail.entries))
        if detail is None:
            self.round_title.setText(
                self.tr("Chưa có đợt đánh giá nào: bấm “Tạo đợt mới…”.") if not self.state.rounds else ""
            )
            return
        p = detail.row.progress
        self.round_title.setText(
            self.tr("%1: %2 hồ sơ · %3 đủ phiếu · %4 đã tổng hợp · %5 có quyết định")
            .replace("%1", detail.row.label)
            .replace("%2", str(p.assigned))
            .replace("%3", str(p.scored))
            .replace("%4", str(p.aggregated))
            .replace("%5", str(p.decided))
            + (self.tr(" · %1 chủ thể đã rút").replace("%1", str(p.withdrawn)) if p.withdrawn else "")
        )

    # -- actions ---------------------------------------------------------------------------------
    def create_round(self) -> RoundDialog:
        taken: dict[int, set[int]] = {}
        for r in self.state.rounds:
            taken.setdefault(r.year, set()).add(r.number)
        dialog = RoundDialog(taken, self)
        dialog.submitted.connect(
            lambda data: self.state.run(
                jobs.create_round,
                data,
                writes=True,
                parent=self,
                failed=dialog.refused,
                done=lambda detail: (dialog.done_ok(), self.state.select(detail.row.id)),
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: forget(self, "dialog", dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def assign(self) -> Task | None:
        detail = self.state.detail
        if detail is None:
            return None
        return self.state.run(
            jobs.assignable, done=lambda rows: self._choose(detail.row.id, detail.row.label, rows)
        )

    def _choose(self, round_id: str, label: str, rows: list) -> None:  # type: ignore[type-arg]
        if not rows:
            errors.info(
                self,
                self.tr(
                    "Không có hồ sơ nào đã tiếp nhận mà chưa thuộc đợt nào. Hãy tiếp nhận hồ sơ ở "
                    "thẻ “Hồ sơ đến” trước."
                ),
            )
            return
        dialog = AssignDialog(label, rows, self)
        dialog.submitted.connect(
            lambda ids: self.state.run(
                jobs.assign,
                round_id,
                ids,
                writes=True,
                parent=self,
                failed=dialog.refused,
                done=lambda _e: dialog.done_ok(),
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: forget(self, "dialog", dialog))
        self.dialog = dialog
        dialog.open()

    def unassign(self) -> Task | None:
        row = current_row(self.entries_table)
        if row is None or self.state.detail is None:
            return None
        if not errors.ask(
            self,
            self.tr("Rút “%1” khỏi %2?")
            .replace("%1", row.product_name)
            .replace("%2", self.state.detail.row.label),
            yes=self.tr("Rút khỏi đợt"),
            no=self.tr("Không"),
        ):
            return None
        return self.state.run(jobs.unassign, row.round_id, row.dossier_id, writes=True, parent=self)

    def advisory(self) -> AdvisoryDialog | None:
        """The advisory team's notes on the chosen dossier of the round, and a form to add one."""
        row = current_row(self.entries_table)
        if row is None:
            errors.info(self, self.tr("Hãy chọn một hồ sơ của đợt trong bảng."))
            return None
        dialog = AdvisoryDialog(self.state, row, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: forget(self, "dialog", dialog))
        self.dialog = dialog
        dialog.open()
        return dialog
