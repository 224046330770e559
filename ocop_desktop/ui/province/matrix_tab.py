"""Tổng hợp: the council result of each dossier — the members × criteria matrix with outliers
highlighted, the mean, the spread against the allowed maximum, the quorum, the star — and the
actions: aggregate the whole round (in the background), aggregate one dossier, ask for a
re-score, print the matrix."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.province.aggregation import CouncilMatrix, RoundAggregation
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.dialogs import forget
from ocop_desktop.ui.kit.style import ERROR, MUTED, OK
from ocop_desktop.ui.kit.tables import RowsModel, current_row, make_table, select_row
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.dialogs import ReasonDialog
from ocop_desktop.ui.province.matrix_model import MatrixModel
from ocop_desktop.ui.province.printing import print_to_preview
from ocop_desktop.ui.province.state import EvalState
from ocop_desktop.ui.province.style import entry_columns, score_text, stars, status_text, status_tip


class MatrixTab(QWidget):
    def __init__(self, state: EvalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.dialog: ReasonDialog | None = None
        self.last_round: RoundAggregation | None = None
        self.entries = RowsModel(entry_columns(self, compact=True), self)
        self.entries_table = make_table(self.entries, self)
        self.entries_table.clicked.connect(lambda _i: self.show_matrix())
        self.round_button, self.one_button, self.rescore_button, self.print_button = (
            QPushButton(self) for _ in range(4)
        )
        self.round_button.clicked.connect(self.aggregate_round)
        self.one_button.clicked.connect(self.aggregate_one)
        self.rescore_button.clicked.connect(self.request_rescore)
        self.print_button.clicked.connect(self.print_matrix)
        self.round_banner = Banner(self, "info")
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.model = MatrixModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.problems = Banner(self, "error")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.round_button)
        left_layout.addWidget(self.round_banner)
        left_layout.addWidget(self.entries_table, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        for button in (self.one_button, self.rescore_button, self.print_button):
            bar.addWidget(button)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.problems)
        right_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([430, 850])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(split)
        state.roundLoaded.connect(self._round_loaded)
        self.retranslate()
        self._show(None)

    def retranslate(self) -> None:
        self.round_button.setText(self.tr("Tổng hợp cả đợt"))
        self.one_button.setText(self.tr("Tổng hợp hồ sơ này"))
        self.rescore_button.setText(self.tr("Yêu cầu chấm lại…"))
        self.print_button.setText(self.tr("In bảng tổng hợp…"))
        self.entries.retranslate()
        self.model.retranslate()

    # -- lists -------------------------------------------------------------------------------------
    def activate(self) -> None:
        """Built after the page: show what the round state holds now."""
        self._round_loaded()

    def _round_loaded(self) -> None:
        chosen = current_row(self.entries_table)
        detail = self.state.detail
        self.entries.set_rows(detail.entries if detail else [])
        ids = [e.dossier_id for e in self.entries.rows]
        self.round_button.setEnabled(bool(ids))
        if chosen is not None and chosen.dossier_id in ids:
            select_row(self.entries_table, ids.index(chosen.dossier_id))
            self.show_matrix()
        else:
            self._show(None)

    def select_dossier(self, dossier_id: str) -> Task | None:
        ids = [e.dossier_id for e in self.entries.rows]
        if dossier_id not in ids:
            return None
        select_row(self.entries_table, ids.index(dossier_id))
        return self.show_matrix()

    def show_matrix(self) -> Task | None:
        entry = current_row(self.entries_table)
        if entry is None or self.state.round_id is None:
            return None
        wanted = entry.dossier_id
        return self.state.run(
            jobs.matrix,
            self.state.round_id,
            wanted,
            done=lambda m: self._show(m) if self._chosen() == wanted else None,
        )

    def _chosen(self) -> str | None:
        entry = current_row(self.entries_table)
        return entry.dossier_id if entry else None

    def _show(self, m: CouncilMatrix | None) -> None:
        self.model.set_matrix(m)
        for button in (self.one_button, self.rescore_button, self.print_button):
            button.setEnabled(m is not None)
        if m is None:
            self.title.setText(self.tr("Chọn một hồ sơ để xem bảng điểm của Hội đồng."))
            self.summary.setText("")
            self.problems.show_text("")
            return
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        last = self.model.columnCount() - 1
        for col in range(1, last + 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, 80 if col == last else 56)
        self.title.setText(
            f"{m.entry.product_name} — {self.tr('Bộ %1').replace('%1', str(m.set_number))}: {m.set_name}"
        )
        self.summary.setText(self._summary(m))
        if m.entry.status == "withdrawn":  # kept for the record, greyed: nothing to aggregate or re-score
            self.one_button.setEnabled(False)
            self.rescore_button.setEnabled(False)
            self.problems.show_text(status_tip(m.entry), "info")
            return
        problems = list(m.result.problems) if m.result else []
        flagged = self.model.outlier_cells()
        if flagged:
            shown = ", ".join(f"{who} ở {code}" for code, who in flagged[:8])
            problems.append(
                self.tr("%1 ô chênh nhiều so với trung vị (tô đỏ): %2")
                .replace("%1", str(len(flagged)))
                .replace("%2", shown + (", …" if len(flagged) > 8 else "."))
            )
        self.problems.show_text("\n".join(problems), "error")

    def _summary(self, m: CouncilMatrix) -> str:
        r = m.result
        status = f"<b>{html.escape(status_text(m.entry))}</b>"
        if r is None:
            return status + " &nbsp;·&nbsp; " + self.tr("Chưa có phiếu chấm nào của thành viên.")
        if m.entry.status == "withdrawn":  # what the sheets said, for the record: no rank, no verdict
            kept = (
                self.tr("Điểm trung bình theo các phiếu đã nhập: %1").replace(
                    "%1", score_text(float(r.mean_total))
                )
                + " &nbsp;·&nbsp; "
                + self.tr("Số phiếu: %1/%2 thành viên")
                .replace("%1", str(len(r.totals)))
                .replace("%2", str(r.council_size))
            )
            return f"<span style='color:{MUTED.name()}'>{status} &nbsp;·&nbsp; {kept}</span>"
        spread_ok = r.spread <= m.max_spread
        colour = (OK if spread_ok else ERROR).name()
        star = stars(r.star) if r.star else self.tr("bị loại") if r.eliminated else "—"
        quorum = self.tr("đủ tỉ lệ") if r.quorum_met else self.tr("không đủ tỉ lệ")
        if not r.quorum_met:
            quorum = f"<b style='color:{ERROR.name()}'>{quorum}</b>"
        parts = [
            status,
            self.tr("Điểm trung bình: <b>%1</b>").replace("%1", score_text(float(r.mean_total))),
            self.tr("Chênh lệch: <b style='color:%1'>%2</b> (tối đa %3)")
            .replace("%1", colour)
            .replace("%2", str(r.spread))
            .replace("%3", str(m.max_spread)),
            self.tr("Số phiếu: %1/%2 thành viên, %3")
            .replace("%1", str(len(r.totals)))
            .replace("%2", str(r.council_size))
            .replace("%3", quorum),
            self.tr("Hạng đề xuất: <b>%1</b>").replace("%1", star)
            + ("" if r.valid else " " + self.tr("(chưa hợp lệ)")),
        ]
        return " &nbsp;·&nbsp; ".join(parts)

    # -- actions -----------------------------------------------------------------------------------
    def aggregate_round(self) -> Task | None:
        if self.state.round_id is None:
            return None
        return self.state.run(
            jobs.aggregate_round,
            self.state.round_id,
            writes=True,
            parent=self,
            done=self._round_done,
            title=self.tr("Đang tổng hợp điểm của cả đợt…"),
        )

    def _round_done(self, result: RoundAggregation) -> None:
        self.last_round = result
        rescore = sum(1 for a in result.done if a.entry.status == "needs_rescore")
        text = (
            self.tr("Đã tổng hợp %1 hồ sơ (%2 cần chấm lại).")
            .replace("%1", str(len(result.done)))
            .replace("%2", str(rescore))
        )
        if result.skipped:
            text += "\n" + self.tr("Chưa tổng hợp được %1 hồ sơ:").replace("%1", str(len(result.skipped)))
            text += "".join(f"\n• {row.product_name}: {why}" for row, why in result.skipped[:5])
        self.round_banner.show_text(text, "warn" if result.skipped or rescore else "ok")

    def aggregate_one(self) -> Task | None:
        entry = current_row(self.entries_table)
        if entry is None or self.state.round_id is None:
            return None
        return self.state.run(
            jobs.aggregate_one, self.state.round_id, entry.dossier_id, writes=True, parent=self
        )

    def request_rescore(self) -> ReasonDialog | None:
        entry = current_row(self.entries_table)
        round_id = self.state.round_id
        if entry is None or round_id is None:
            return None
        dialog = ReasonDialog(
            self.tr("Yêu cầu chấm lại"),
            self.tr("Các thành viên sửa phiếu của “%1”, thư ký nhập lại phiếu, rồi tổng hợp lại.").replace(
                "%1", entry.product_name
            ),
            self.tr("Yêu cầu chấm lại"),
            self,
        )
        dialog.submitted.connect(
            lambda reason: self.state.run(
                jobs.rescore,
                round_id,
                entry.dossier_id,
                reason,
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
        return dialog

    def print_matrix(self) -> Any:
        entry = current_row(self.entries_table)
        if entry is None or self.state.round_id is None:
            return None
        return print_to_preview(
            self,
            self.state,
            jobs.print_matrix,
            (self.state.round_id, entry.dossier_id),
            "council-matrix",
            entry.product_name,
        )
