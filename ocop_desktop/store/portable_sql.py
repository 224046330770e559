"""SQL functions written once for both engines: SQLite's name for them, PostgreSQL's equivalent.

Queries use these instead of `func.instr` or `func.json_extract`, which only SQLite has.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, Text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class position_of(FunctionElement[int]):  # noqa: N801  (reads like the SQL function it is)
    """1-based position of `needle` in `text`, 0 when absent: SQLite `instr`, PostgreSQL `strpos`."""

    type = Integer()
    inherit_cache = True
    name = "position_of"


class json_field_text(FunctionElement[str]):  # noqa: N801
    """The member `key` of a JSON column as text (a list or object as its JSON text): SQLite
    `json_extract(col, '$.key')`, PostgreSQL `col ->> 'key'`."""

    type = Text()
    inherit_cache = True
    name = "json_field_text"


@compiles(position_of)
def _position_sqlite(element: position_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(position_of, "postgresql")
def _position_postgres(element: position_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


@compiles(json_field_text)
def _json_sqlite(element: json_field_text, compiler: SQLCompiler, **kw: Any) -> str:
    column, key = list(element.clauses)
    return f"json_extract({compiler.process(column, **kw)}, '$.' || {compiler.process(key, **kw)})"


@compiles(json_field_text, "postgresql")
def _json_postgres(element: json_field_text, compiler: SQLCompiler, **kw: Any) -> str:
    column, key = list(element.clauses)
    return f"({compiler.process(column, **kw)} ->> {compiler.process(key, **kw)})"
