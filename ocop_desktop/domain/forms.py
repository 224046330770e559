"""The dossier forms as field specifications (Mẫu 01, Mẫu 02 Parts I, II, IV, Mẫu 03).

One list of fields per form section drives data entry (the UI builds its widgets from it),
validation (here) and printing. Values are stored as plain JSON: str, int, bool, ISO dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ocop_desktop.domain.text import nfc, nfc_multiline


class Kind(StrEnum):
    TEXT = "text"
    MULTILINE = "multiline"
    INT = "int"
    MONEY = "money"  # whole đồng
    PERCENT = "percent"
    DATE = "date"
    CHOICE = "choice"
    BOOL = "bool"


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    hint: str = ""
    signed: bool = False  # a number that may be below zero (a loss is a negative profit)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[Field, ...]


SEX = (("nam", "Nam"), ("nu", "Nữ"))
IDEA_ORIGIN = (
    ("truyen_thong", "Sản phẩm truyền thống"),
    ("moi", "Sản phẩm mới, dựa trên thực tế địa phương"),
)

MAU01 = Section(
    "mau01",
    "Phiếu đăng ký (Mẫu 01)",
    (
        Field("unit_name", "Tên đơn vị / cá nhân đăng ký", required=True),
        Field("representative", "Người đại diện theo pháp luật", required=True),
        Field("position", "Chức vụ"),
        Field("address", "Địa chỉ liên hệ", required=True),
        Field("phone", "Số điện thoại", required=True),
        Field("email", "Thư điện tử"),
        Field("product_name", "Tên sản phẩm đăng ký", required=True),
        Field("sample_count", "Số lượng mẫu sản phẩm gửi kèm", Kind.INT, hint="05 mẫu, trừ dịch vụ du lịch"),
        Field("registered_on", "Ngày đăng ký", Kind.DATE, required=True),
    ),
)

MAU02_PART1 = Section(
    "mau02_part1",
    "Mẫu 02 – Phần I. Thông tin chung",
    (
        Field("producer_name", "Tên chủ thể", required=True),
        Field("organisation_type", "Loại hình tổ chức", required=True),
        Field("address", "Địa chỉ", required=True),
        Field("phone", "Điện thoại"),
        Field("email", "Thư điện tử"),
        Field("representative", "Người đại diện theo pháp luật", required=True),
        Field("representative_sex", "Giới tính người đại diện", Kind.CHOICE, required=True, choices=SEX),
        Field("representative_ethnicity", "Dân tộc người đại diện", required=True),
        Field("representative_address", "Địa chỉ thường trú người đại diện"),
        Field("established_on", "Ngày thành lập / đăng ký", Kind.DATE),
        Field("registration_number", "Số giấy đăng ký kinh doanh / HTX"),
        Field("product_name", "Tên sản phẩm", required=True),
        Field("specification", "Quy cách sản phẩm"),
        Field("standard", "Tiêu chuẩn áp dụng"),
        Field("has_business_registration", "Có đăng ký kinh doanh", Kind.BOOL),
        Field("has_quality_declaration", "Đã công bố chất lượng", Kind.BOOL),
        Field("has_food_safety_certificate", "Có GCN cơ sở đủ điều kiện ATTP", Kind.BOOL),
        Field("has_sector_certificate", "Có GCN điều kiện sản xuất bắt buộc của ngành", Kind.BOOL),
        Field("has_trademark", "Có GCN nhãn hiệu", Kind.BOOL),
        Field("has_gi_right", "Có quyền sử dụng CDĐL / nhãn hiệu tập thể, chứng nhận", Kind.BOOL),
        Field("has_patent_or_design", "Có bằng sáng chế / kiểu dáng / bản quyền", Kind.BOOL),
        Field("history", "Lịch sử hình thành chủ thể", Kind.MULTILINE),
        Field("organisation", "Cơ cấu tổ chức", Kind.MULTILINE),
    ),
)

MAU02_PART2 = Section(
    "mau02_part2",
    "Mẫu 02 – Phần II. Kết quả sản xuất, kinh doanh",
    (
        Field("raw_material_area", "Vùng nguyên liệu", Kind.MULTILINE),
        Field("technology", "Công nghệ sơ chế, chế biến, đóng gói", Kind.MULTILINE),
        Field("quality_changes", "Thay đổi về chất lượng, tiêu chuẩn, bao bì, nhãn", Kind.MULTILINE),
        Field("markets", "Thị trường phân phối", Kind.MULTILINE),
        Field("revenue_previous_year", "Doanh thu năm trước liền kề (đồng)", Kind.MONEY),
        Field("revenue_last_year", "Doanh thu năm đánh giá (đồng)", Kind.MONEY),
        Field("profit_previous_year", "Lợi nhuận năm trước liền kề (đồng)", Kind.MONEY, signed=True),
        Field("profit_last_year", "Lợi nhuận năm đánh giá (đồng)", Kind.MONEY, signed=True),
        Field(
            "changes_since_recognition",
            "Thay đổi so với sản phẩm đã được công nhận (nâng hạng, đánh giá lại)",
            Kind.MULTILINE,
        ),
    ),
)

MAU02_PART4 = Section(
    "mau02_part4",
    "Mẫu 02 – Phần IV. Kế hoạch sản xuất, kinh doanh",
    (Field("plan", "Kế hoạch sản xuất, kinh doanh trong thời gian tới", Kind.MULTILINE, required=True),),
)

MAU03 = Section(
    "mau03",
    "Báo cáo của UBND cấp xã (Mẫu 03)",
    (
        Field("raw_material_description", "1. Nguyên liệu địa phương – mô tả của chủ thể", Kind.MULTILINE),
        Field(
            "local_raw_material_percent", "Tỷ lệ nguyên liệu trên địa bàn xã (%)", Kind.PERCENT, required=True
        ),
        Field(
            "raw_material_assessment",
            "1. Đánh giá của xã về sử dụng nguyên liệu địa phương",
            Kind.MULTILINE,
            required=True,
        ),
        Field("workers_total", "Tổng số lao động", Kind.INT, required=True),
        Field("workers_local", "Số lao động là người địa phương", Kind.INT, required=True),
        Field(
            "labour_assessment",
            "2. Đánh giá của xã về sử dụng lao động địa phương",
            Kind.MULTILINE,
            required=True,
        ),
        Field(
            "idea_origin", "3. Nguồn gốc ý tưởng sản phẩm", Kind.CHOICE, required=True, choices=IDEA_ORIGIN
        ),
        Field("idea_assessment", "3. Đánh giá của xã về nguồn gốc ý tưởng", Kind.MULTILINE, required=True),
        Field(
            "identity_assessment",
            "4. Tính địa phương, bản sắc, trí tuệ cộng đồng",
            Kind.MULTILINE,
            required=True,
        ),
        Field("officer_conclusion", "Ý kiến đánh giá chung của cán bộ", Kind.MULTILINE, required=True),
    ),
)

SECTIONS = {s.key: s for s in (MAU01, MAU02_PART1, MAU02_PART2, MAU02_PART4, MAU03)}


def parse_date(raw: str) -> date:
    """dd/mm/yyyy (as people type it) or ISO yyyy-mm-dd; ValueError for impossible dates."""
    text = raw.strip()
    if "/" in text:
        day, month, year = (int(p) for p in text.split("/"))
        return date(year, month, day)
    return date.fromisoformat(text)


def clean_value(f: Field, raw: object) -> tuple[object, str | None]:
    """Normalise one value; return (value, problem or None). Empty stays empty."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return ("" if f.kind in (Kind.TEXT, Kind.MULTILINE, Kind.CHOICE, Kind.DATE) else None), (
            f"“{f.label}” không được để trống." if f.required else None
        )
    try:
        return _clean(f, raw)
    except (ValueError, TypeError):
        return raw, _problem(f, raw)


def _clean(f: Field, raw: object) -> tuple[object, str | None]:
    if f.kind is Kind.TEXT:
        return nfc(str(raw)), None
    if f.kind is Kind.MULTILINE:
        return nfc_multiline(str(raw)), None
    if f.kind is Kind.BOOL:
        return bool(raw), None
    if f.kind is Kind.CHOICE:
        value = str(raw)
        return value, None if value in dict(f.choices) else _problem(f, raw)
    if f.kind is Kind.DATE:
        return parse_date(str(raw)).isoformat(), None
    number = int(str(raw).replace(".", "").replace(" ", "")) if isinstance(raw, str) else int(raw)  # type: ignore[call-overload]
    if (number < 0 and not f.signed) or (f.kind is Kind.PERCENT and number > 100):
        return raw, _problem(f, raw)
    return number, None


def _problem(f: Field, raw: object) -> str:
    expected = {
        Kind.INT: "một số nguyên không âm",
        Kind.MONEY: "số tiền (đồng)",
        Kind.PERCENT: "số từ 0 đến 100",
        Kind.DATE: "ngày hợp lệ dạng dd/mm/yyyy",
        Kind.CHOICE: "một lựa chọn trong danh sách",
    }.get(f.kind, "")
    return f"“{f.label}”: giá trị “{raw}” không hợp lệ, cần {expected}."


def clean_section(
    section: Section, values: dict[str, object], *, require: bool
) -> tuple[dict[str, object], dict[str, str]]:
    """Normalise a section's values; format problems always count, empty required fields only
    when `require` (a draft may be incomplete, a dossier marked complete may not)."""
    known = {f.key: f for f in section.fields}
    cleaned: dict[str, object] = {}
    problems: dict[str, str] = {}
    for key, raw in values.items():
        if key not in known:
            problems[key] = f"Trường “{key}” không có trong {section.title}."
            continue
        value, problem = clean_value(known[key], raw)
        cleaned[key] = value
        if problem and (require or not problem.endswith("không được để trống.")):
            problems[key] = problem
    if require:
        for f in section.fields:
            if f.required and f.key not in values:
                problems[f.key] = f"“{f.label}” không được để trống."
    return cleaned, problems


def cross_checks(section_key: str, values: dict[str, object]) -> dict[str, str]:
    """Checks across fields of one section."""
    problems: dict[str, str] = {}
    if section_key == "mau03":
        total, local = values.get("workers_total"), values.get("workers_local")
        if isinstance(total, int) and isinstance(local, int) and local > total:
            problems["workers_local"] = "Số lao động địa phương không thể lớn hơn tổng số lao động."
    return problems


# The checklist papers that are the app's own forms: filled in full here, they are there (the app prints them)
FORMS_OF_PAPER = {"mau01": ("mau01",), "mau02": ("mau02_part1", "mau02_part2", "mau02_part4")}
FILLED_IN_APP_NOTE = "Đã điền đủ trong phần mềm"


def filled_in_app(paper_key: str, forms: dict[str, dict[str, object]]) -> bool:
    """True when `paper_key` (a checklist key) is one of the app's forms and every field it requires is
    filled without a problem."""
    sections = FORMS_OF_PAPER.get(paper_key)
    if not sections:
        return False
    return all(not clean_section(SECTIONS[key], forms.get(key, {}), require=True)[1] for key in sections)
