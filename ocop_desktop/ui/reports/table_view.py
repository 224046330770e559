"""One table of a report on screen: a plain table (`kit.tables`) for a short one, a searchable list
(`kit.pick_table.SearchTable`) for a long one (thousands of expired certificates); the "Tổng cộng" row last,
in bold. Numbers right-aligned in the Vietnamese format, dates dd/mm/yyyy."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ocop_desktop.services.reports.model import Cell, ReportTable
from ocop_desktop.ui.kit.formatting import format_date, format_int, format_number
from ocop_desktop.ui.kit.pick_table import SearchTable
from ocop_desktop.ui.kit.report_labels import report_text
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
    return report_text(value)  # a label ("Tổng cộng", "3 sao") in the interface language; a name as it is


def header_text(head: str) -> str:
    """A header in the interface language, on two lines at its colon ("Sản phẩm mới:" over "chỉ tiêu"):
    a column is then as wide as its figures, and the names keep the room (13 columns on 1366 pixels)."""
    return report_text(head).replace(": ", ":\n")


def columns(table: ReportTable) -> list[Col]:
    """One column per header; numeric when every value is a number; widths from the contents, the column
    with the longest text stretched."""
    out = []
    longest_text, stretch = 0, -1
    for i, head in enumerate(table.headers):
        values = [r[i] for r in table.rows[:LONG]]
        numeric = bool(values) and all(isinstance(v, int | float) or v is None for v in values)
        longest = max([*(len(line) for line in head.split(": ")), *(len(cell_text(v)) for v in values)])
        if not numeric and longest > longest_text:
            longest_text, stretch = longest, i

        def value(row: tuple[Cell, ...], i: int = i) -> str:
            return cell_text(row[i]) if i < len(row) else ""

        width = min(longest, 40) + 2
        out.append(Col(partial(header_text, head), value, width=width, right=numeric, colours=_shade))
    if stretch >= 0:  # the names take the room left
        c = out[stretch]
        out[stretch] = Col(c.title, c.value, width=0, right=c.right, colours=_shade)
    return out


class ReportTableView(QWidget):
    """The table (its title is the tab's)."""

    def __init__(self, table: ReportTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = table
        cols = columns(table)
        rows: list[Any] = list(table.rows)
        if table.total is not None:
            rows.append(TotalRow(table.total))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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
