"""“Đề nghị 5 sao” of the results tab: the products proposed to the ministry (QĐ 26/2026 Art. 7.3.e:
from 90 points; or points and floors, the stricter reading a round may set), each with its council
points and star, its floors met or not, and the ministry's result; “Ghi kết quả của Bộ…” records it
(`MinistryResultDialog`)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.services.province.common import EntryRow
from ocop_desktop.ui.kit.dialogs import forget
from ocop_desktop.ui.kit.tables import RowsModel, current_row, make_table, select_row
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.ministry_dialog import MinistryResultDialog
from ocop_desktop.ui.province.state import EvalState
from ocop_desktop.ui.province.style import five_star_columns


class FiveStarPanel(QWidget):
    def __init__(self, state: EvalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.five_star_min: int | None = None
        self.dialog: MinistryResultDialog | None = None
        self.rows = RowsModel(five_star_columns(self), self)
        self.table = make_table(self.rows, self)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.central_button = QPushButton(self)
        self.central_button.clicked.connect(self.record_central)
        bar = QHBoxLayout()
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.central_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.central_button.setText(self.tr("Ghi kết quả của Bộ…"))
        self.hint.setText(
            self.tr(
                "Sản phẩm đạt từ %1 điểm được đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận "
                "5 sao (Điều 7.3.e QĐ 26/2026), kèm các yêu cầu tối thiểu đạt hoặc chưa đạt; đợt có thể "
                "chọn cách hiểu chặt hơn (đủ cả yêu cầu tối thiểu 5 sao) ở thẻ Hội đồng. Khi có kết quả "
                "của Bộ: 5 sao — ghi giấy chứng nhận của Bộ; 3, 4 sao — tỉnh công nhận trong quyết định "
                "của tỉnh (Điều 7.4)."
            ).replace("%1", str(self.five_star_min) if self.five_star_min is not None else "…")
        )
        self.rows.retranslate()

    def set_five_star_min(self, points: int) -> None:
        self.five_star_min = points
        self.retranslate()

    def show_rows(self, rows: tuple[EntryRow, ...]) -> None:
        chosen: EntryRow | None = current_row(self.table)
        self.rows.set_rows(list(rows))
        ids = [r.dossier_id for r in rows]
        waiting = [i for i, r in enumerate(rows) if r.status == "proposed"]
        if chosen is not None and chosen.dossier_id in ids:
            select_row(self.table, ids.index(chosen.dossier_id))
        else:
            select_row(self.table, waiting[0] if waiting else (0 if rows else -1))
        self._enable()

    def _enable(self) -> None:
        entry: EntryRow | None = current_row(self.table)
        self.central_button.setEnabled(entry is not None and entry.status == "proposed")

    def record_central(self) -> MinistryResultDialog | None:
        entry: EntryRow | None = current_row(self.table)
        round_id = self.state.round_id
        if entry is None or entry.status != "proposed" or round_id is None:
            return None
        dialog = MinistryResultDialog(entry, self)
        dialog.submitted.connect(
            lambda data: self.state.run(
                jobs.record_central,
                round_id,
                entry.dossier_id,
                data,
                writes=True,
                parent=self,
                failed=dialog.refused,
                done=lambda _row: dialog.done_ok(),
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: forget(self, "dialog", dialog))
        self.dialog = dialog
        dialog.open()
        return dialog
