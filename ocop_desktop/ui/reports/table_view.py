"""One table of a report on screen: a plain table (`kit.tables`) for a short one, a searchable list
(`kit.pick_table.SearchTable`) for a long one (thousands of expired certificates); the "Tổng cộng" row last,
in bold. Numbers right-aligned in the Vietnamese format, dates dd/mm/yyyy."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ocop_desktop.services.reports.model import Cell, ReportTable
from ocop_desktop.ui.kit.formatting import format_date, format_int, format_number
from ocop_desktop.ui.kit.pick_table import SearchTable
from ocop_desktop.ui.kit.style import TOTAL_FILL, Colours
from ocop_desktop.ui.kit.tables import Col, RowsModel, make_table

LONG = 200  # rows: from here on the table gets a search box


class TotalRow(tuple[Cell, ...]):
    """The "Tổng cộng" row, shaded like the totals of the council's matrix."""


def _shade(row: tuple[Cell, ...]) -> Colours | None:
    return (TOTAL_FILL, None) if isinstance(row, TotalRow) else None


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int):
        return format_int(value)
    if isinstance(value, float):
        return format_number(value)
    return value


def columns(table: ReportTable) -> list[Col]:
    """One column per header; numeric when every value is a number; widths from the contents."""
    out = []
    for i, head in enumerate(table.headers):
        values = [r[i] for r in table.rows[:LONG]]
        numeric = bool(values) and all(isinstance(v, int | float) or v is None for v in values)
        longest = max([len(head), *(len(cell_text(v)) for v in values)])
        width = 0 if not numeric and longest > 30 else min(longest, 30) + 1

        def value(row: tuple[Cell, ...], i: int = i) -> str:
            return cell_text(row[i]) if i < len(row) else ""

        out.append(Col(partial(str, head), value, width=width, right=numeric, colours=_shade))
    if out and all(c.width for c in out):
        last = out[-1]
        out[-1] = Col(last.title, last.value, width=0, right=last.right, colours=_shade)
    return out


class ReportTableView(QWidget):
    """The title of the table and the table itself."""

    def __init__(self, table: ReportTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = table
        cols = columns(table)
        rows: list[Any] = list(table.rows)
        if table.total is not None:
            rows.append(TotalRow(table.total))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(table.title, self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        if len(table.rows) >= LONG:
            self.search: SearchTable | None = SearchTable(
                cols, lambda r: " ".join(cell_text(v) for v in r), self
            )
            self.search.set_rows(rows)
            self.view = self.search.table
            layout.addWidget(self.search, 1)
        else:
            self.search = None
            self.model = RowsModel(cols, self)
            self.model.set_rows(rows)
            self.view = make_table(self.model, self)
            layout.addWidget(self.view, 1)

    def shown_rows(self) -> list[tuple[Cell, ...]]:
        if self.search is not None:
            return self.search.shown_rows()
        return list(self.model.rows)
