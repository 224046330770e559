"""Reading one cell of a register as people type it: numbers stored as text and text stored as
numbers, dates as Excel serials, "3 sao" or "★★★", "UBND huyện". Every reader returns a value or a
Vietnamese reason; none raises, whatever the cell holds (a hypothesis property holds them to it)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

from ocop_desktop.domain.producers import ProducerKind
from ocop_desktop.domain.text import fold, nfc

T = TypeVar("T")
Cell = object  # str, int, float, bool, date, datetime or None: what openpyxl and csv give


@dataclass(frozen=True)
class Read(Generic[T]):
    """A cell read: `value` (None when empty), or `problem` when the cell cannot be read."""

    value: T | None = None
    problem: str | None = None


def text(cell: Cell) -> str:
    """Any cell as NFC text; whole floats lose their ".0" (Excel stores 2024 as 2024.0)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "có" if cell else "không"
    if isinstance(cell, float) and math.isfinite(cell) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return f"{cell:%d/%m/%Y}"
    if isinstance(cell, date):
        return f"{cell:%d/%m/%Y}"
    return nfc(str(cell))


def digits_cell(cell: Cell, width: int) -> str:
    """A code typed into a number cell loses its leading zeros (0101234567 -> 101234567); put them back
    when the number is one digit short of `width` (tax codes) or of a phone number."""
    raw = text(cell)
    if (
        isinstance(cell, int | float)
        and not isinstance(cell, bool)
        and raw.isdigit()
        and len(raw) == width - 1
    ):
        return "0" + raw
    return raw


_STAR_CHARS = re.compile(r"^[*★☆✩✪✫✬✭✮✯✰⭐]+$")
_STAR_TEXT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:sao|\*|★|⭐|s)?$")


def stars(cell: Cell) -> Read[int]:
    raw = text(cell)
    if not raw:
        return Read()
    compact = raw.replace(" ", "")
    if _STAR_CHARS.match(compact):
        number = float(len(compact))
    else:
        m = _STAR_TEXT.match(fold(raw))
        if m is None:
            return Read(problem=f"Hạng sao “{raw}” không đọc được (cần 3, 4 hoặc 5).")
        number = float(m.group(1).replace(",", "."))
    if not number.is_integer() or not 1 <= number <= 5:
        return Read(problem=f"Hạng sao “{raw}” ngoài khoảng 1–5.")
    if number < 3:
        return Read(
            problem=f"Sản phẩm {int(number)} sao không được công nhận (chỉ 3, 4, 5 sao có giấy chứng nhận)."
        )
    return Read(int(number))


_EXCEL_EPOCH = date(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$")
_WORDS = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$")


def day(cell: Cell, what: str) -> Read[date]:
    """A date as dd/mm/yyyy text, an ISO date, "ngày 5 tháng 3 năm 2024", a date cell or an Excel serial."""
    if cell is None or (isinstance(cell, str) and not nfc(cell)):
        return Read()
    if isinstance(cell, datetime):
        return Read(cell.date())
    if isinstance(cell, date):
        return Read(cell)
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if math.isfinite(cell) and 20000 <= cell <= 80000:  # 1954 .. 2119 as Excel day numbers
            return Read(_EXCEL_EPOCH + timedelta(days=int(cell)))
        return Read(problem=f"{what} “{text(cell)}” không phải là ngày (cần dd/mm/yyyy).")
    raw = text(cell)
    folded = fold(raw)
    for pattern, order in ((_DMY, "dmy"), (_YMD, "ymd"), (_WORDS, "dmy")):
        m = pattern.match(folded)
        if m:
            a, b, c = (int(g) for g in m.groups())
            d, mth, y = (a, b, c) if order == "dmy" else (c, b, a)
            y = y + 2000 if y < 100 else y
            try:
                return Read(date(y, mth, d))
            except ValueError:
                return Read(problem=f"{what} “{raw}” không có thật.")
    return Read(problem=f"{what} “{raw}” không đọc được (cần dd/mm/yyyy).")


def year(cell: Cell) -> Read[int]:
    raw = text(cell)
    if not raw:
        return Read()
    if isinstance(cell, datetime | date):
        return Read(cell.year)
    if raw.isdigit() and 2000 <= int(raw) <= 2100:
        return Read(int(raw))
    return Read(problem=f"Năm công nhận “{raw}” không hợp lệ.")


def score(cell: Cell) -> Read[float]:
    raw = text(cell)
    if not raw:
        return Read()
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        return Read(problem=f"Tổng điểm “{raw}” không phải là số.")
    if not math.isfinite(value) or not 0 <= value <= 100:
        return Read(problem=f"Tổng điểm “{raw}” ngoài khoảng 0–100.")
    return Read(value)


_LEVEL_WORDS = (
    ("district", ("huyen", "quan", "thi xa", "cap huyen")),
    ("ministry", ("bo", "trung uong", "quoc gia", "bo nn", "bo nong nghiep")),
    ("province", ("tinh", "thanh pho", "cap tinh", "ubnd tinh")),
)


def issuing_level(cell: Cell) -> Read[str]:
    raw = text(cell)
    if not raw:
        return Read()
    words = set(re.sub(r"[^a-z ]+", " ", fold(raw)).split())
    joined = " ".join(sorted(words))
    for level, needles in _LEVEL_WORDS:
        if any(set(n.split()) <= words for n in needles) or joined in needles:
            return Read(level)
    if fold(raw) in ("district", "province", "ministry"):
        return Read(fold(raw))
    return Read(problem=f"Cấp công nhận “{raw}” không rõ (Huyện, Tỉnh hoặc Bộ).")


_KIND_WORDS: tuple[tuple[ProducerKind, tuple[str, ...]], ...] = (
    (ProducerKind.COOPERATIVE_GROUP, ("to hop tac", "tht", "tổ hợp tác")),
    (ProducerKind.COOPERATIVE, ("htx", "hop tac xa", "lien hiep htx")),
    (ProducerKind.ENTERPRISE, ("cong ty", "cty", "doanh nghiep", "dn", "tnhh", "co phan", "dntn")),
    (ProducerKind.FARM, ("trang trai",)),
    (ProducerKind.BUSINESS_HOUSEHOLD, ("ho kinh doanh", "hkd", "co so")),
    (ProducerKind.PRODUCTION_HOUSEHOLD, ("ho san xuat", "ho gia dinh", "ho")),
    (ProducerKind.ASSOCIATION, ("hiep hoi", "hoi", "trung tam")),
)


def producer_kind(cell: Cell, name: str) -> tuple[ProducerKind, str | None]:
    """The kind the cell names, else the one the name starts with ("HTX …", "Công ty …"); a household
    when neither says. The second value is a note for the officer when it was guessed."""
    raw = fold(text(cell))
    if raw:
        for kind in ProducerKind:
            if raw in (kind.value, fold(kind.label)):
                return kind, None
        for kind, words in _KIND_WORDS:
            if any(raw == w or raw.startswith(w + " ") for w in words):
                return kind, None
    folded = fold(name)
    for kind, words in _KIND_WORDS:
        if any(folded.startswith(w + " ") for w in words if w != "ho"):
            return kind, (
                None if not raw else f"Loại hình “{text(cell)}” không rõ; suy từ tên: {kind.label}."
            )
    guessed = ProducerKind.PRODUCTION_HOUSEHOLD
    why = f"Loại hình “{text(cell)}” không rõ" if raw else "Không ghi loại hình"
    return guessed, f"{why}; ghi là {guessed.label}."
