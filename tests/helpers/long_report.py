"""Long report tables made up for the printing tests and benchmarks: rows shaped like the province's
expiring-certificates list (10 columns, landscape) and its product catalogue (11 columns, long addresses
that wrap), Vietnamese names and places, the same rows for the same seed."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ocop_desktop.services.reports.model import Cell, Report, ReportTable

PRODUCTS = ("Mật ong bạc hà", "Chè Shan tuyết cổ thụ", "Rượu ngô men lá", "Thổ cẩm dệt tay", "Cà phê Robusta")
PLACES = ("Tân Lập", "Buôn Ma Thuột", "Krông Bông", "Ea Kly", "Hòa Phú", "Cư Pơng", "Xuân Thọ", "Ea H'leo")
KINDS = ("Hợp tác xã Nông nghiệp", "Hộ kinh doanh", "Công ty TNHH Đặc sản Việt", "Tổ hợp tác")
PEOPLE = ("Nguyễn Thị Hằng", "Trần Văn Bình", "Y Thanh Khánh", "H' Quốc Bình", "Lò Thanh Dũng")
SETS = ("14 – Rượu trắng", "15 – Đồ uống có cồn khác", "21 – Thủ công mỹ nghệ gia dụng, trang trí")

EXPIRING_HEADERS = (
    "Mã sản phẩm",
    "Sản phẩm",
    "Chủ thể",
    "Xã/phường",
    "Hạng sao",
    "Số quyết định",
    "Hiệu lực đến",
    "Mở cửa sổ đánh giá lại",
    "Hạn nộp hồ sơ",
    "Còn (ngày)",
)
CATALOGUE_HEADERS = (
    "Mã sản phẩm",
    "Sản phẩm",
    "Bộ sản phẩm",
    "Hạng sao",
    "Chủ thể",
    "Người đại diện",
    "Địa chỉ",
    "Điện thoại",
    "Thư điện tử",
    "Số quyết định",
    "Hiệu lực đến",
)


def code(i: int) -> str:
    """A product code unique to row `i` (what a test looks for, page by page)."""
    return f"66-{22000 + i // 1000:05d}-{i % 1000:03d}-2025"


def expiring_rows(count: int, seed: int = 14) -> tuple[tuple[Cell, ...], ...]:
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        place = rnd.choice(PLACES)
        valid = date(2026, 12, 4) + timedelta(days=i // 12)
        out.append(
            (
                code(i),
                f"{rnd.choice(PRODUCTS)} {place}",
                f"{rnd.choice(KINDS)} {place}",
                f"Xã {place}",
                rnd.choice((3, 3, 4, 5)),
                f"{rnd.randrange(100, 999)}/QĐ-UBND",
                valid,
                valid - timedelta(days=180),
                valid - timedelta(days=120),
                i // 12,
            )
        )
    return tuple(out)


def catalogue_rows(count: int, seed: int = 14) -> tuple[tuple[Cell, ...], ...]:
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        place = rnd.choice(PLACES)
        out.append(
            (
                code(i),
                f"{rnd.choice(PRODUCTS)} {place}",
                rnd.choice(SETS),
                rnd.choice((3, 4, 5)),
                f"{rnd.choice(KINDS)} Thôn {rnd.choice(PLACES)}",
                rnd.choice(PEOPLE),
                f"Thôn {rnd.choice(PLACES)}, xã {place}, tỉnh Đắk Lắk",
                f"09{rnd.randrange(10**7, 10**8)}",
                f"htx{i}@example.vn" if i % 3 else None,
                f"{rnd.randrange(1000, 4000)}/QĐ-UBND",
                date(2027, 1, 1) + timedelta(days=i % 700),
            )
        )
    return tuple(out)


def long_report(kind: str, count: int) -> Report:
    """A one-table report of `count` rows: "expiring" or "catalogue"."""
    headers, rows = (
        (EXPIRING_HEADERS, expiring_rows(count))
        if kind == "expiring"
        else (CATALOGUE_HEADERS, catalogue_rows(count))
    )
    table = ReportTable(kind, f"Bảng dài: {count} dòng", headers, rows)
    return Report(
        kind, f"Báo cáo dài ({kind})", date(2026, 12, 4), "Tỉnh Đắk Lắk", (table,), (("Số dòng", count),)
    )
