"""The audit log as an XLSX workbook: one row per changed field, times in this computer's clock."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.services.core.audit import SOURCE_LABELS, AuditRow

HEADERS = [
    "Số mục",
    "Thời điểm",
    "Cán bộ",
    "Cơ quan",
    "Nguồn",
    "Loại bản ghi",
    "Mã bản ghi",
    "Thao tác",
    "Trường",
    "Trước",
    "Sau",
]
WIDTHS = [8, 20, 24, 30, 12, 22, 38, 10, 22, 40, 40]


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def audit_rows(entries: Sequence[AuditRow]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for e in entries:
        head = [
            e.seq,
            e.at.astimezone().strftime("%d/%m/%Y %H:%M:%S"),
            e.officer_name,
            e.office_name,
            SOURCE_LABELS.get(e.source, e.source),
            e.table_label,
            e.record_id,
            e.action_label,
        ]
        changes = e.changes() or [("", None, None)]
        rows.extend([*head, field, _cell(before), _cell(after)] for field, before, after in changes)
    return rows


def write_audit_xlsx(entries: Sequence[AuditRow], agency: str, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Nhật ký thay đổi"
    ws.append([agency.upper()])
    ws.append(["NHẬT KÝ THAY ĐỔI DỮ LIỆU"])
    ws.append([])
    ws.append(HEADERS)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for row in audit_rows(entries):
        ws.append(row)
    for index, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[ws.cell(row=4, column=index).column_letter].width = width
    ws.freeze_panes = "A5"
    out = io.BytesIO()
    wb.save(out)
    atomic_write_bytes(Path(path), out.getvalue())
    return Path(path)
