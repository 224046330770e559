"""Register import against real XLSX/CSV files and a real SQLite store: the dry run writes nothing,
apply writes the good rows in one transaction, a second run changes nothing, the commune imports only
its own rows, old certificates keep their legal basis and former units their names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.register.service import RegisterImportService
from ocop_desktop.services.register.template import write_template
from ocop_desktop.store.models import Certificate, Producer, Product

TODAY = date(2026, 12, 1)
HEADER = [
    "STT",
    "Chủ thể",
    "MST",
    "Xã/phường",
    "Tên sản phẩm",
    "Bộ SP",
    "Số sao",
    "Số QĐ",
    "Ngày QĐ",
    "Cấp",
    "Căn cứ",
    "Huyện",
]
GOOD = [
    [
        1,
        "HTX Hoàn Kiếm Xanh",
        "0101234567",
        "Hoàn Kiếm",
        "Mật ong rừng",
        4,
        3,
        "12/QĐ-UBND",
        "05/03/2024",
        "Huyện",
        "",
        "Huyện Ba Vì",
    ],
    [
        2,
        "HTX Hoàn Kiếm Xanh",
        "0101234567",
        "Phường Hoàn Kiếm",
        "Chè búp",
        11,
        4,
        "55/QĐ-UBND",
        "10/10/2020",
        "",
        "QĐ 1048/2019",
        "",
    ],
    [
        3,
        "Công ty TNHH Ba Đình",
        "0109876543",
        "Ba Đình",
        "Cà phê rang",
        13,
        4,
        "77/QĐ-UBND",
        "01/08/2025",
        "Tỉnh",
        "148",
        "",
    ],
]
BAD = [
    [4, "Công ty X", "123", "Hoàn Kiếm", "Bánh", 6, 3, "1/QĐ", "01/01/2024", "", "", ""],
    [5, "HTX Sai Ngày", "", "Hoàn Kiếm", "Rượu", 14, 3, "2/QĐ", "31/02/2024", "", "", ""],
    [6, "HTX Sao Lạ", "", "Hoàn Kiếm", "Gạo", 3, 7, "3/QĐ", "01/01/2024", "", "", ""],
    [7, "HTX Ở Đâu", "", "Xã Không Tồn Tại", "Muối", 10, 3, "4/QĐ", "01/01/2024", "", "", ""],
    GOOD[0],  # the same row twice
]


def xlsx(path: Path, rows: list[list[object]], *, guide_first: bool = False, title: bool = True) -> Path:
    book = Workbook()
    sheet = book.active
    if guide_first:  # a different sheet order: the register is not the first sheet
        sheet.title = "Ghi chú"
        sheet.append(["Sổ này lập năm 2024"])
        sheet = book.create_sheet("Danh sách")
    if title:
        sheet.append(["DANH SÁCH SẢN PHẨM OCOP ĐÃ CÔNG NHẬN"])
        sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def counts(ctx: AppContext) -> tuple[int, int, int]:
    with ctx.read() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(m)) or 0)  # type: ignore[return-value]
            for m in (Producer, Product, Certificate)
        )


def test_dry_run_apply_and_rerun(province_ctx: AppContext, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "so.xlsx", GOOD + BAD, guide_first=True)
    service = RegisterImportService(province_ctx, today=TODAY)
    preview = service.preview(path)
    assert counts(province_ctx) == (0, 0, 0)  # the dry run wrote nothing
    assert preview.sheet == "Danh sách" and preview.header_line == 3
    assert preview.counts == {"create": 3, "update": 0, "skip": 0, "refuse": 5}
    reasons = {r.line: " ".join(r.reasons) for r in preview.rows}
    assert "Mã số thuế" in reasons[7]
    assert "không có thật" in reasons[8]
    assert "ngoài khoảng" in reasons[9]
    assert "Không có xã/phường" in reasons[10]
    assert "Trùng với dòng 4" in reasons[11]

    done = service.apply(path, expected_sha256=preview.sha256)
    assert done.counts == preview.counts
    assert counts(province_ctx) == (2, 3, 3)
    again = service.preview(path)
    assert again.counts == {"create": 0, "update": 0, "skip": 3, "refuse": 5}
    service.apply(path)
    assert counts(province_ctx) == (2, 3, 3)


def test_old_certificates_keep_basis_level_and_former_district(
    province_ctx: AppContext, tmp_path: Path
) -> None:
    RegisterImportService(province_ctx, today=TODAY).apply(xlsx(tmp_path / "so.xlsx", GOOD))
    with province_ctx.read() as s:
        certs = {c.decision_number: c for c in s.scalars(select(Certificate))}
        producer = s.scalars(select(Producer).where(Producer.tax_code == "0101234567")).one()
        codes = sorted(p.code or "" for p in s.scalars(select(Product)))
    district = certs["12/QĐ-UBND"]
    assert (district.ruleset_id, district.issuing_level, district.issuer) == (
        "qd148-2023",
        "district",
        "Huyện Ba Vì",
    )
    assert district.valid_until == date(2027, 3, 5)
    assert certs["55/QĐ-UBND"].ruleset_id == "qd1048-2019" and certs["55/QĐ-UBND"].issuing_level == "province"
    assert certs["77/QĐ-UBND"].ruleset_id == "qd148-2023"
    assert "Huyện Ba Vì" in producer.address and producer.kind == "htx"
    assert codes == ["01-00004-001-2025", "01-00070-001-2024", "01-00070-002-2020"]


def test_changed_cells_update_and_nothing_else(province_ctx: AppContext, tmp_path: Path) -> None:
    service = RegisterImportService(province_ctx, today=TODAY)
    service.apply(xlsx(tmp_path / "a.xlsx", GOOD))
    changed = [list(r) for r in GOOD]
    changed[0][6] = 4  # a 4★ by a district: refused (districts recognised 3★ only)
    changed[2][9] = "Bộ"  # the ministry for a 4★: updated, with a note to check
    preview = service.preview(xlsx(tmp_path / "b.xlsx", changed))
    by_line = {r.line: r for r in preview.rows}
    assert [by_line[n].outcome.value for n in (4, 5, 6)] == ["refuse", "skip", "update"]
    assert "3 sao" in by_line[4].reasons[0]
    assert "cấp công nhận" in by_line[6].actions[0] and "kiểm tra cột Cấp" in by_line[6].notes[0]
    changed[0][6], changed[0][9] = 4, "Tỉnh"  # the same decision, corrected: an update of its certificate
    fixed = service.preview(xlsx(tmp_path / "c.xlsx", changed))
    assert fixed.rows[0].outcome.value == "update" and "hạng sao" in fixed.rows[0].actions[0]


def test_the_commune_imports_only_its_own_rows(ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        list(GOOD[0]),
        list(GOOD[2]),
        [8, "Hộ Lê Văn B", "", "", "Bánh cốm", 6, "", "", "", "", "", ""],
        [9, "Hộ Trần C", "", "Xã Cũ Đã Nhập", "Miến", 6, "", "", "", "", "", ""],
    ]
    preview = RegisterImportService(ctx, today=TODAY).preview(xlsx(tmp_path / "x.xlsx", rows))
    by_line = {r.line: r for r in preview.rows}
    assert by_line[4].outcome.value == "create"
    assert by_line[5].outcome.value == "refuse" and "chỉ nhập sổ của" in by_line[5].reasons[0]
    assert by_line[6].outcome.value == "create"  # no commune: its own
    assert by_line[7].outcome.value == "create" and "đơn vị cũ" in by_line[7].notes[-1]


def test_csv_with_semicolons_and_windows_1258(province_ctx: AppContext, tmp_path: Path) -> None:
    lines = [";".join(HEADER)] + [";".join(str(c) for c in r) for r in GOOD]
    path = tmp_path / "so.csv"
    path.write_bytes("\n".join(lines).encode("utf-8-sig"))
    assert RegisterImportService(province_ctx, today=TODAY).preview(path).counts["create"] == 3


def test_merged_producer_cells_spread_over_their_products(province_ctx: AppContext, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "m.xlsx",
        [GOOD[0], [2, None, None, None, "Chè búp", 11, 4, "55/QĐ", "10/10/2020", "", "", ""]],
        title=False,
    )
    from openpyxl import load_workbook

    book = load_workbook(path)
    for col in "BCD":
        book.active.merge_cells(f"{col}2:{col}3")
    book.save(path)
    preview = RegisterImportService(province_ctx, today=TODAY).preview(path)
    assert [r.outcome.value for r in preview.rows] == ["create", "create"]
    assert preview.rows[1].producer == "HTX Hoàn Kiếm Xanh"


@pytest.mark.parametrize("content", [b"not a spreadsheet", b"PK\x03\x04broken"])
def test_a_file_that_is_no_spreadsheet_is_refused_in_words(
    province_ctx: AppContext, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(content)
    with pytest.raises(UserError, match="không phải bảng tính"):
        RegisterImportService(province_ctx, today=TODAY).apply(path)
    assert counts(province_ctx) == (0, 0, 0)


def test_a_changed_file_is_not_applied_after_its_preview(province_ctx: AppContext, tmp_path: Path) -> None:
    service = RegisterImportService(province_ctx, today=TODAY)
    path = xlsx(tmp_path / "so.xlsx", GOOD)
    preview = service.preview(path)
    xlsx(path, GOOD[:1])
    with pytest.raises(UserError, match="đã thay đổi"):
        service.apply(path, expected_sha256=preview.sha256)
    assert counts(province_ctx) == (0, 0, 0)


def test_the_template_reads_back_as_a_register(ctx: AppContext, tmp_path: Path) -> None:
    preview = RegisterImportService(ctx, today=TODAY).preview(write_template(tmp_path / "mau.xlsx"))
    assert preview.counts["create"] == 1 and len(preview.columns) > 20


def test_a_known_producer_keeps_what_the_file_does_not_say(province_ctx: AppContext, tmp_path: Path) -> None:
    from ocop_desktop.domain.producers import ProducerInput, ProducerKind
    from ocop_desktop.services.registry.producers import ProducerService

    ProducerService(province_ctx).create(
        ProducerInput(
            "Nguyễn Văn Tâm",
            ProducerKind.ENTERPRISE,
            "00070",
            address="Số 5 Hàng Bài",
            tax_code="0101234567",
            representative="Nguyễn Văn Tâm",
        )
    )
    row = [1, "Nguyễn Văn Tâm", "0101234567", "Hoàn Kiếm", "", "", "", "", "", "", "", "Huyện Ba Vì"]
    preview = RegisterImportService(province_ctx, today=TODAY).preview(xlsx(tmp_path / "so.xlsx", [row]))
    assert preview.rows[0].outcome.value == "skip", preview.rows[0]
