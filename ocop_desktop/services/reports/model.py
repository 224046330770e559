"""A report is a title, the day it is valid on, and tables of plain values: what a screen, a JSON dump,
an XLSX sheet or a PDF page each lay out their own way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

Cell = str | int | float | date | None


@dataclass(frozen=True)
class ReportTable:
    key: str  # stable id: "by_star", "by_commune" … (sheet names, JSON keys)
    title: str  # Vietnamese
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None  # the "Tổng cộng" row, when the table has one

    def to_json(self) -> dict[str, Any]:
        def cell(v: Cell) -> Any:
            return v.isoformat() if isinstance(v, date) else v

        return {
            "key": self.key,
            "title": self.title,
            "headers": list(self.headers),
            "rows": [[cell(v) for v in r] for r in self.rows],
            "total": [cell(v) for v in self.total] if self.total is not None else None,
        }


@dataclass(frozen=True)
class Report:
    key: str
    title: str
    on: date
    scope: str  # "Tỉnh …" or "Xã …": whose figures these are
    tables: tuple[ReportTable, ...]
    figures: tuple[tuple[str, Cell], ...] = ()  # headline numbers (label, value)

    def table(self, key: str) -> ReportTable:
        return next(t for t in self.tables if t.key == key)

    def to_json(self) -> dict[str, Any]:
        return {
            "report": self.key,
            "title": self.title,
            "on": self.on.isoformat(),
            "scope": self.scope,
            "figures": {label: (v.isoformat() if isinstance(v, date) else v) for label, v in self.figures},
            "tables": [t.to_json() for t in self.tables],
        }
