"""Products and their OCOP code `T-X-STT-YYYY`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ocop_desktop.domain.text import nfc, nfc_multiline

PRODUCT_CODE = re.compile(r"^(?P<province>\d{2})-(?P<commune>\d{5})-(?P<seq>\d{1,4})-(?P<year>\d{4})$")


def product_code(province_code: str, commune_code: str, seq: int, year: int) -> str:
    """Official product code (QĐ 26/2026 sheet header): province code, commune code
    (QĐ 19/2025 unit codes), running number kept by the commune, evaluation year."""
    if seq < 1:
        raise ValueError("running number starts at 1")
    return f"{province_code}-{commune_code}-{seq:03d}-{year:04d}"


@dataclass(frozen=True)
class ProductInput:
    producer_id: str
    name: str
    product_set: int
    description: str = ""
    brand: str = ""
    packaging: str = ""
    year: int | None = None


def validate_product(data: ProductInput, valid_sets: set[int]) -> tuple[ProductInput, dict[str, str]]:
    clean = ProductInput(
        producer_id=data.producer_id,
        name=nfc(data.name),
        product_set=data.product_set,
        description=nfc_multiline(data.description),
        brand=nfc(data.brand),
        packaging=nfc(data.packaging),
        year=data.year,
    )
    problems: dict[str, str] = {}
    if not clean.producer_id:
        problems["producer_id"] = "Cần chọn chủ thể sản xuất."
    if not clean.name:
        problems["name"] = "Tên sản phẩm không được để trống."
    if clean.product_set not in valid_sets:
        problems["product_set"] = "Cần phân loại sản phẩm vào một trong 26 bộ sản phẩm."
    if clean.year is not None and not 2018 <= clean.year <= 2100:
        problems["year"] = f"Năm đánh giá {clean.year} không hợp lệ."
    return clean, problems
