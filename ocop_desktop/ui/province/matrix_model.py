"""The council matrix as a table: a first row with the members' totals (and the mean), then one row
per leaf criterion (code, title, maximum); one column per member expected to score, then the median.
Cells whose points differ from the criterion's median by half its maximum or more, and the total of
the member furthest from the mean when the spread fails, are highlighted. The matrix of a dossier its
producer withdrew is kept for the record but greyed, with no highlight: it no longer competes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from ocop_desktop.services.province.aggregation import CouncilMatrix
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.style import BAD, MUTED, TOTAL_FILL
from ocop_desktop.ui.province.style import score_text

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
FIXED = 2  # criterion, maximum
DISPLAY, ALIGN, BACKGROUND, FOREGROUND, FONT, TOOLTIP = (
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)


class MatrixModel(QAbstractTableModel):
    """The cells' texts and highlights are worked out once per matrix (`set_matrix`): a view asks
    `data` for six or seven roles of every visible cell at each repaint and scroll, and a round's
    matrix has 300–500 cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix: CouncilMatrix | None = None
        self._cells: list[list[tuple[str, bool]]] = []  # [row][column] -> (text, highlighted); row 0: totals
        self._bold = QFont()
        self._bold.setBold(True)
        self._outlier_bg, self._outlier_fg = QBrush(BAD[0]), QBrush(BAD[1])
        self._total_bg = QBrush(TOTAL_FILL)
        self._greyed = QBrush(MUTED)
        self._italic = QFont()
        self._italic.setItalic(True)

    @property
    def withdrawn(self) -> bool:
        """The dossier was withdrawn by its producer: every cell greyed, nothing highlighted."""
        return self.matrix is not None and self.matrix.entry.status == "withdrawn"

    def set_matrix(self, matrix: CouncilMatrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._cells = self._work_out_cells()
        self.endResetModel()

    def retranslate(self) -> None:
        if self.matrix is not None:
            self._cells = self._work_out_cells()
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def _work_out_cells(self) -> list[list[tuple[str, bool]]]:
        m = self.matrix
        if m is None:
            return []
        mean = (
            translate("MatrixModel", "TB %1").replace("%1", score_text(float(m.result.mean_total)))
            if m.result
            else ""
        )
        rows = [
            [
                (translate("MatrixModel", "Tổng điểm"), False),
                ("100", False),
                *(
                    ("" if value is None else str(value), out)
                    for value, out in zip(m.totals, m.total_outliers, strict=True)
                ),
                (mean, False),
            ]
        ]
        for line in m.lines:
            rows.append(
                [
                    (f"{line.code}. {line.title}", False),
                    (str(line.max_points), False),
                    *(
                        ("–" if value is None else str(value), out)
                        for value, out in zip(line.points, line.outliers, strict=True)
                    ),
                    (score_text(float(line.median)) if line.median is not None else "", False),
                ]
            )
        return rows

    def outlier_cells(self) -> list[tuple[str, str]]:
        """(criterion code, member label) of every highlighted cell."""
        m = self.matrix
        if m is None or self.withdrawn:
            return []
        return [
            (line.code, member.label)
            for line in m.lines
            for member, out in zip(m.members, line.outliers, strict=True)
            if out
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override, Qt's idiom
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override, Qt's idiom
        return 0 if parent.isValid() or self.matrix is None else FIXED + len(self.matrix.members) + 1

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt override
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        m = self.matrix
        if m is None or orientation != Qt.Orientation.Horizontal:
            return None
        members = m.members
        if role == DISPLAY:
            if section == 0:
                return translate("MatrixModel", "Tiêu chí")
            if section == 1:
                return translate("MatrixModel", "Tối đa")
            if section - FIXED < len(members):
                return members[section - FIXED].label
            return translate("MatrixModel", "Trung vị")
        if role == TOOLTIP and FIXED <= section < FIXED + len(members):
            member = members[section - FIXED]
            return f"{member.name} — {label_text(member.role_label)}" + (
                f", {member.organisation}" if member.organisation else ""
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._cells):
            return None
        text, flagged = self._cells[row][col]
        if role == DISPLAY:
            return text
        if role == ALIGN:
            return LEFT if col == 0 else CENTRE
        if self.withdrawn and role in (BACKGROUND, FOREGROUND, FONT):
            return {BACKGROUND: None, FOREGROUND: self._greyed, FONT: self._italic}[role]
        if role == BACKGROUND:
            return self._outlier_bg if flagged else self._total_bg if row == 0 else None
        if role == FOREGROUND:
            return self._outlier_fg if flagged else None
        if role == FONT:
            return self._bold if flagged or row == 0 else None
        if role == TOOLTIP and row > 0 and self.matrix is not None:
            line = self.matrix.lines[row - 1]
            if flagged and not self.withdrawn:
                median = score_text(float(line.median)) if line.median is not None else ""
                return (
                    translate(
                        "MatrixModel",
                        "Chênh từ nửa số điểm tối đa trở lên so với trung vị (%1) của tiêu chí %2.",
                    )
                    .replace("%1", median)
                    .replace("%2", line.code)
                )
            return f"{line.code}. {line.title}" if col == 0 else None
        return None
