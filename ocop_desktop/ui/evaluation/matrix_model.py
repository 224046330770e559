"""The council matrix as a table: a first row with the members' totals (and the mean), then one row
per leaf criterion (code, title, maximum); one column per member expected to score, then the median. Cells whose points differ
from the criterion's median by half its maximum or more, and the total of the member furthest
from the mean when the spread fails, are highlighted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ocop_desktop.services.province_aggregation import CouncilMatrix
from ocop_desktop.ui.evaluation.style import OUTLIER_BG, OUTLIER_FG, score_text

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
FIXED = 2  # criterion, maximum
TOTAL_BG = QColor("#f1f3f4")




class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix: CouncilMatrix | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_matrix(self, matrix: CouncilMatrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def outlier_cells(self) -> list[tuple[str, str]]:
        """(criterion code, member label) of every highlighted cell."""
        m = self.matrix
        if m is None:
            return []
        return [(line.code, member.label) for line in m.lines for member, out in zip(m.members, line.outliers) if out]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.lines) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() or self.matrix is None else FIXED + len(self.matrix.members) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        m = self.matrix
        if m is None or orientation != Qt.Orientation.Horizontal:
            return None
        members = m.members
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return translate("MatrixModel", "Tiêu chí")
            if section == 1:
                return translate("MatrixModel", "Tối đa")
            if section - FIXED < len(members):
                return members[section - FIXED].label
            return translate("MatrixModel", "Trung vị")
        if role == Qt.ItemDataRole.ToolTipRole and FIXED <= section < FIXED + len(members):
            member = members[section - FIXED]
            return f"{member.name} — {member.role_label}" + (f", {member.organisation}" if member.organisation else "")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        m = self.matrix
        if m is None or not index.isValid():
            return None
        row, col = index.row() - 1, index.column()  # row -1: the totals
        members = len(m.members)
        is_total = row < 0
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if col == 0 else Qt.AlignmentFlag.AlignHCenter
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        flagged = self._flagged(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if flagged:
                return QBrush(QColor(OUTLIER_BG))
            return QBrush(TOTAL_BG) if is_total else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(OUTLIER_FG)) if flagged else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if flagged or is_total else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if is_total:
                return None
            line = m.lines[row]
            if flagged:
                return translate("MatrixModel", "Chênh từ nửa số điểm tối đa trở lên so với trung vị (%1) của tiêu chí %2.").replace(
                    "%1", score_text(float(line.median)) if line.median is not None else "").replace("%2", line.code)
            return f"{line.code}. {line.title}" if col == 0 else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if is_total:
            if col == 0:
                return translate("MatrixModel", "Tổng điểm")
            if col == 1:
                return "100"
            if col - FIXED < members:
                value = m.totals[col - FIXED]
                return "" if value is None else str(value)
            return translate("MatrixModel", "TB %1").replace("%1", score_text(float(m.result.mean_total))) if m.result else ""
        line = m.lines[row]
        if col == 0:
            return f"{line.code}. {line.title}"
        if col == 1:
            return str(line.max_points)
        if col - FIXED < members:
            value = line.points[col - FIXED]
            return "–" if value is None else str(value)
        return score_text(float(line.median)) if line.median is not None else ""

    def _flagged(self, row: int, col: int) -> bool:
        m = self.matrix
        assert m is not None
        k = col - FIXED
        if not 0 <= k < len(m.members):
            return False
        if row < 0:
            return m.total_outliers[k]
        return m.lines[row].outliers[k]
