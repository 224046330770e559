"""The register template: the columns the import reads, one example row, and a guide sheet with what
each column takes, the other names it is recognised by, and the product sets."""

from __future__ import annotations

from pathlib import Path

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.register.columns import COLUMNS
from ocop_desktop.services.core.rules import RuleService

EXAMPLE = {
    "row_no": 1,
    "producer_name": "HTX Nông nghiệp Thanh Bình",
    "producer_kind": "HTX",
    "tax_code": "0101234567",
    "representative": "Nguyễn Văn An",
    "representative_title": "Giám đốc",
    "phone": "0912345678",
    "address": "Thôn Đông",
    "commune": "",
    "former_unit": "Huyện Ba Vì",
    "product_name": "Mật ong rừng Thanh Bình",
    "product_set": 4,
    "stars": 3,
    "decision_number": "1234/QĐ-UBND",
    "decision_date": "15/11/2023",
    "issuing_level": "Huyện",
    "legal_basis": "QĐ 148/2023",
}


def write_template(path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ sản phẩm OCOP"
    sheet.append([c.title for c in COLUMNS])
    sheet.append([EXAMPLE.get(c.key, "") for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, c in enumerate(COLUMNS):
        sheet.column_dimensions[sheet.cell(1, i + 1).column_letter].width = max(10, min(32, len(c.title) + 6))
        sheet.cell(2, i + 1).number_format = "@"  # codes keep their leading zeros
    sheet.freeze_panes = "A2"
    guide = book.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Cách ghi", "Cũng nhận các tên cột"])
    for c in COLUMNS:
        guide.append([c.title, c.hint, "; ".join(c.synonyms)])
    guide.append([])
    guide.append(["Bộ sản phẩm", "Số, mã và tên (Phụ lục I)", ""])
    for ps in RuleService().product_sets():
        guide.append([ps.number, ps.code, ps.name])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 22, 70
    guide.column_dimensions["C"].width = 70
    try:
        book.save(path)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp mẫu {path}: {exc.strerror or exc}.") from exc
    return path
