"""A register file as provinces keep them: a title above the header, producers with several products,
certificates under QĐ 1048/2019, 148/2023 (3★ by former districts) and 26/2026, and every few rows a
broken one (bad tax code, unknown commune, impossible date, a star out of range, a repeated row)."""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import Workbook

HEADER = [
    "STT",
    "Tên chủ thể",
    "Loại hình",
    "Mã số thuế",
    "Xã/phường",
    "Huyện (cũ)",
    "Tên sản phẩm",
    "Bộ sản phẩm",
    "Số sao",
    "Số quyết định",
    "Ngày quyết định",
    "Cấp công nhận",
    "Căn cứ",
]
KINDS = [("HTX", "HTX Nông nghiệp"), ("Doanh nghiệp", "Công ty TNHH"), ("Hộ kinh doanh", "Hộ kinh doanh")]
GOODS = [
    "Mật ong rừng",
    "Chè búp khô",
    "Gạo tám thơm",
    "Miến dong",
    "Nước mắm cá cơm",
    "Cà phê rang xay",
    "Bánh cốm",
    "Rượu men lá",
    "Tinh dầu sả",
    "Nấm linh chi",
    "Chả cá",
    "Mứt gừng",
]
SETS = [4, 11, 3, 6, 9, 13, 6, 14, 20, 18, 8, 7]
DISTRICTS = ["Huyện Ba Vì", "Huyện Sóc Sơn", "Huyện Mỹ Đức", "Huyện Đông Anh", ""]


def certificate(rng: random.Random, i: int) -> list[object]:
    era = i % 3
    if era == 0:
        return [
            rng.choice([3, 4]),
            f"{100 + i}/QĐ-UBND",
            f"{rng.randint(1, 28):02d}/10/2020",
            "Tỉnh",
            "QĐ 1048/2019",
        ]
    if era == 1:
        return [3, f"{200 + i}/QĐ-UBND", f"{rng.randint(1, 28):02d}/05/2024", "Huyện", "148"]
    return [4, f"{300 + i}/QĐ-UBND", f"{rng.randint(1, 28):02d}/08/2026", "Tỉnh", ""]


def register_rows(communes: list[str], n: int, *, seed: int = 7, bad_every: int = 10) -> list[list[object]]:
    rng = random.Random(seed)
    rows: list[list[object]] = []
    producer = 0
    while len(rows) < n:
        producer += 1
        kind, prefix = KINDS[producer % len(KINDS)]
        name = f"{prefix} {rng.choice(['Thanh', 'Bình', 'An', 'Phúc', 'Hòa', 'Tân'])} {producer}"
        tax = f"01{producer:08d}" if kind != "Hộ kinh doanh" else ""
        commune, district = communes[producer % len(communes)], DISTRICTS[producer % len(DISTRICTS)]
        for k in range(rng.randint(1, 3)):
            i = len(rows) + 1
            g = (producer + k) % len(GOODS)
            row = [
                i,
                name,
                kind,
                tax,
                commune,
                district,
                f"{GOODS[g]} {producer}",
                SETS[g],
                *certificate(rng, i),
            ]
            rows.append(_broken(row, i, rows) if bad_every and i % bad_every == 0 else row)
    return rows[:n]


def _broken(row: list[object], i: int, rows: list[list[object]]) -> list[object]:
    kind = (i // 10) % 5
    if kind == 0:
        row[3] = "12345"
    elif kind == 1:
        row[4] = "Xã Không Còn Nữa"
    elif kind == 2:
        row[10] = "31/02/2024"
    elif kind == 3:
        row[8] = 6
    else:
        return [i, *rows[-1][1:]]
    return row


def write_register(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ OCOP"
    sheet.append(["DANH SÁCH SẢN PHẨM OCOP ĐÃ ĐƯỢC CÔNG NHẬN"])
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
