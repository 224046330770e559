"""Reading a register file into rows of cells keyed by column: XLSX (any sheet, header anywhere in the
first rows, merged cells spread over their range) or CSV (UTF-8 or Windows-1258, comma, semicolon or tab).

A file that is not a spreadsheet, or has no recognisable header, is refused with a UserError that says
what to do; nothing is written in any case."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.register.columns import COLUMNS, HeaderMap, map_headers

HEADER_SCAN_ROWS = 15  # old registers put a title, a date and blank lines above the header
MAX_ROWS = 100_000


@dataclass(frozen=True)
class RawRow:
    line: int  # the row number the officer sees in the spreadsheet (1-based)
    cells: dict[str, object]
    filled: int  # how many cells of the row are not empty, mapped or not


@dataclass(frozen=True)
class Table:
    sheet: str
    header_line: int
    headers: HeaderMap
    rows: list[RawRow]


def read_table(path: Path) -> Table:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp {path}.")
    if suffix == ".xls":
        raise UserError(
            f"Tệp {path.name} là Excel 97–2003 (.xls): mở bằng Excel hoặc LibreOffice, lưu thành .xlsx."
        )
    if suffix in (".csv", ".txt"):
        return _pick([("CSV", _csv_rows(path))], path)
    return _pick(_xlsx_sheets(path), path)


def _pick(sheets: Sequence[tuple[str, list[list[object]]]], path: Path) -> Table:
    """The sheet and row whose header names the most known columns (a guide sheet or a cover page
    placed first does not win)."""
    best: tuple[int, str, int, HeaderMap, list[list[object]]] | None = None
    for name, rows in sheets:
        for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
            headers = map_headers(row)
            if headers.usable() and (best is None or headers.score > best[0]):
                best = (headers.score, name, i, headers, rows)
    if best is None:
        wanted = ", ".join(c.title for c in COLUMNS[1:4])
        raise UserError(
            f"Không tìm thấy dòng tiêu đề trong {path.name}: cần ít nhất cột “Tên chủ thể” hoặc "
            f"“Tên sản phẩm” và một cột khác ({wanted}, …). Tải mẫu để xem tên cột."
        )
    _, name, index, headers, rows = best
    if len(rows) - index - 1 > MAX_ROWS:
        raise UserError(
            f"Tệp {path.name} có hơn {MAX_ROWS:,} dòng; hãy chia thành nhiều tệp.".replace(",", ".")
        )
    out = []
    for offset, row in enumerate(rows[index + 1 :], start=index + 2):
        cells = {key: row[pos] if pos < len(row) else None for key, pos in headers.positions.items()}
        filled = sum(1 for c in row if c is not None and str(c).strip())
        if filled:
            out.append(RawRow(offset, cells, filled))
    return Table(name, index + 1, headers, out)


def _xlsx_sheets(path: Path) -> list[tuple[str, list[list[object]]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # Read-only: a loaded (editable) workbook takes 4× longer and 5× the memory on a 20,000-row register.
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise UserError(
            f"Tệp {path.name} không phải bảng tính Excel (.xlsx) đọc được ({type(exc).__name__}). "
            "Mở bằng Excel hoặc LibreOffice và lưu lại thành .xlsx hoặc .csv."
        ) from exc
    try:
        sheets = []
        for ws in book.worksheets:
            ws.reset_dimensions()  # some writers record a wrong sheet size; read every row there is
            rows: list[list[object]] = [list(r) for r in ws.iter_rows(values_only=True)]
            sheets.append((ws.title, _spread_merged(rows, _merged_ranges(book, ws))))
        return sheets
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise UserError(f"Tệp {path.name} bị hỏng, không đọc hết được ({type(exc).__name__}).") from exc
    finally:
        book.close()


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def _merged_ranges(book: Any, ws: Any) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of the merged ranges. A read-only sheet does not parse them, so
    they are found in its XML (the path and archive are openpyxl internals, pinned in uv.lock and covered
    by the merged-cells test)."""
    from openpyxl.utils.cell import range_boundaries

    try:
        xml = book._archive.read(ws._worksheet_path)
    except (AttributeError, KeyError):
        return []
    return [range_boundaries(ref.decode()) for ref in _MERGE.findall(xml)]


def _spread_merged(rows: list[list[object]], ranges: list[tuple[int, int, int, int]]) -> list[list[object]]:
    """Every cell of a merged range holds the value of its top-left cell (a producer written once over the
    rows of its products)."""
    for min_col, min_row, max_col, max_row in ranges:
        if min_row > len(rows):
            continue
        top_row = rows[min_row - 1]
        top = top_row[min_col - 1] if min_col <= len(top_row) else None
        for r in range(min_row - 1, min(max_row, len(rows))):
            row = rows[r]
            row.extend([None] * (max_col - len(row)))
            for c in range(min_col - 1, max_col):
                row[c] = top
    return rows


def _csv_rows(path: Path) -> list[list[object]]:
    data = path.read_bytes()
    text = _decode(data, path)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(r) for r in _records(text, dialect)]


def _records(text: str, dialect: type[csv.Dialect] | csv.Dialect) -> Iterator[list[str]]:
    try:
        yield from csv.reader(io.StringIO(text, newline=""), dialect)
    except csv.Error as exc:
        raise UserError(f"Tệp CSV không đọc được: {exc}.") from exc


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096]:
        raise UserError(
            f"Tệp {path.name} không phải tệp CSV (văn bản). Lưu bảng tính thành .xlsx hoặc CSV UTF-8."
        )
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"Tệp {path.name}: không rõ bảng mã; hãy lưu thành “CSV UTF-8”.")
