"""Every row of every table, in a stable order, through SQLAlchemy: "nothing changed" checks that work
on both engines (SQLite's `iterdump` and file hashes exist only for the file)."""

from __future__ import annotations

from sqlalchemy import Engine, select

import ocop_desktop.store.models  # noqa: F401  (registers every table)
from ocop_desktop.store.base import Base


def table_dump(engine: Engine) -> list[str]:
    lines: list[str] = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            for row in conn.execute(select(table).order_by(*order)):
                lines.append(f"{table.name} {tuple(row)!r}")
    return lines
