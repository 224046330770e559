"""The columns of a register file and the many ways people title them.

A header is recognised whatever its diacritics, case, spacing or punctuation ("Mã số thuế", "MST",
"ma so thue", "Xã/Phường", "xã - phường"): both sides are folded to letters and digits before they are
compared, with and without spaces, and a note in brackets ("Hạng sao (3-5)") is ignored."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ocop_desktop.domain.text import fold


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # the template's header, Vietnamese
    hint: str  # what to write, shown in the template's guide sheet
    synonyms: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("row_no", "STT", "Số thứ tự (không bắt buộc, bỏ qua khi nhập).", ("Số TT", "TT", "Số thứ tự")),
    Column(
        "producer_name",
        "Tên chủ thể",
        "Bắt buộc. Tên HTX, doanh nghiệp, tổ hợp tác, hộ sản xuất/kinh doanh.",
        (
            "Chủ thể",
            "Chủ thể OCOP",
            "Tên chủ thể OCOP",
            "Chủ thể sản xuất",
            "Tên cơ sở",
            "Cơ sở sản xuất",
            "Đơn vị sản xuất",
            "Tên đơn vị",
            "Tổ chức, cá nhân",
        ),
    ),
    Column(
        "producer_kind",
        "Loại hình chủ thể",
        "HTX, Tổ hợp tác, Doanh nghiệp, Trang trại, Hộ sản xuất, Hộ kinh doanh; để trống: suy từ tên.",
        ("Loại hình", "Loại chủ thể", "Hình thức tổ chức", "Loại hình tổ chức"),
    ),
    Column(
        "tax_code",
        "Mã số thuế",
        "10 chữ số, 13 chữ số cho đơn vị phụ thuộc; hộ gia đình: số định danh 12 chữ số.",
        ("MST", "Mã số DN", "Mã số doanh nghiệp", "Mã số thuế/CCCD", "Mã số thuế/số định danh"),
    ),
    Column(
        "representative",
        "Người đại diện",
        "Người đại diện theo pháp luật.",
        ("Đại diện", "Người đại diện theo pháp luật", "Chủ cơ sở", "Chủ hộ", "Giám đốc"),
    ),
    Column("representative_title", "Chức vụ", "Chức vụ người đại diện.", ("Chức danh",)),
    Column(
        "phone",
        "Điện thoại",
        "Số điện thoại, bắt đầu bằng 0.",
        ("Số điện thoại", "SĐT", "ĐT", "Điện thoại liên hệ", "Di động"),
    ),
    Column("email", "Thư điện tử", "Địa chỉ thư điện tử.", ("Email", "E-mail", "Hộp thư")),
    Column("address", "Địa chỉ", "Thôn/xóm, số nhà…", ("Địa chỉ chủ thể", "Trụ sở", "Địa chỉ trụ sở")),
    Column(
        "commune",
        "Xã/phường",
        "Mã (5 chữ số, QĐ 19/2025) hoặc tên xã/phường/đặc khu hiện nay; ở xã để trống = xã mình.",
        (
            "Xã",
            "Phường",
            "Xã, phường",
            "Xã/phường/đặc khu",
            "Xã/phường/thị trấn",
            "Mã xã",
            "Mã xã/phường",
            "Đơn vị hành chính",
            "Đơn vị hành chính cấp xã",
            "Địa bàn",
            "Địa bàn xã",
        ),
    ),
    Column(
        "former_unit",
        "Đơn vị cũ",
        "Huyện, xã trước 1/7/2025 nếu sổ cũ có; được giữ nguyên văn.",
        (
            "Huyện",
            "Huyện cũ",
            "Quận/huyện",
            "Huyện/thị xã",
            "Huyện/thị xã/thành phố",
            "Huyện/thành phố",
            "Xã cũ",
            "Địa bàn cũ",
            "Đơn vị hành chính cũ",
            "Đơn vị cấp huyện",
        ),
    ),
    Column(
        "product_name",
        "Tên sản phẩm",
        "Bắt buộc nếu có sản phẩm.",
        ("Sản phẩm", "Tên SP", "Sản phẩm OCOP", "Tên sản phẩm OCOP", "Tên sản phẩm/dịch vụ"),
    ),
    Column(
        "product_code",
        "Mã sản phẩm",
        "Mã T-X-STT-YYYY nếu đã có; để trống: cấp mã mới.",
        ("Mã SP", "Mã số sản phẩm", "Mã OCOP"),
    ),
    Column(
        "product_set",
        "Bộ sản phẩm",
        "Số 1–26, mã (vd. I.1.a) hoặc tên bộ sản phẩm (Phụ lục I).",
        ("Bộ SP", "Số bộ sản phẩm", "Bộ sản phẩm (1-26)", "Phân loại", "Nhóm bộ sản phẩm"),
    ),
    Column("brand", "Nhãn hiệu", "", ("Thương hiệu", "Nhãn hàng")),
    Column("packaging", "Quy cách", "", ("Quy cách đóng gói", "Bao bì", "Quy cách sản phẩm")),
    Column(
        "stars",
        "Hạng sao",
        "3, 4 hoặc 5 (cũng đọc “3 sao”, “★★★”). Để trống: chưa có chứng nhận.",
        ("Số sao", "Sao", "Hạng", "Xếp hạng", "Hạng OCOP", "Kết quả phân hạng", "Kết quả xếp hạng"),
    ),
    Column("total", "Tổng điểm", "0–100, không bắt buộc.", ("Điểm", "Điểm đánh giá", "Điểm số")),
    Column(
        "year",
        "Năm công nhận",
        "Để trống: lấy năm của ngày quyết định.",
        ("Năm", "Năm đánh giá", "Năm xếp hạng", "Năm đạt", "Năm được công nhận"),
    ),
    Column(
        "decision_number",
        "Số quyết định",
        "Số quyết định công nhận, vd. 1234/QĐ-UBND.",
        (
            "Số QĐ",
            "Quyết định",
            "Quyết định công nhận",
            "QĐ công nhận",
            "Số QĐ công nhận",
            "Số quyết định công nhận",
        ),
    ),
    Column(
        "decision_date",
        "Ngày quyết định",
        "dd/mm/yyyy.",
        (
            "Ngày QĐ",
            "Ngày công nhận",
            "Ngày ký",
            "Ngày ban hành",
            "Ngày ký quyết định",
            "Ngày quyết định công nhận",
        ),
    ),
    Column(
        "issuing_level",
        "Cấp công nhận",
        "Huyện (trước 1/7/2025), Tỉnh hoặc Bộ; để trống: suy ra.",
        ("Cấp", "Cấp đánh giá", "Cấp quyết định", "Cấp ra quyết định"),
    ),
    Column(
        "issuer",
        "Cơ quan công nhận",
        "Vd. UBND huyện Krông Pa; giữ nguyên văn.",
        ("Cơ quan cấp", "Đơn vị công nhận", "Nơi cấp", "Cơ quan ban hành", "Cơ quan ra quyết định"),
    ),
    Column(
        "legal_basis",
        "Căn cứ",
        "QĐ 1048/2019, QĐ 148/2023 hoặc QĐ 26/2026; để trống: suy từ ngày.",
        ("Căn cứ pháp lý", "Bộ tiêu chí", "Theo quyết định", "Văn bản áp dụng", "Căn cứ đánh giá"),
    ),
    Column(
        "valid_until",
        "Hiệu lực đến",
        "dd/mm/yyyy; để trống: 36 tháng từ ngày quyết định.",
        ("Ngày hết hạn", "Hết hạn", "Có giá trị đến", "Hiệu lực đến ngày", "Thời hạn đến"),
    ),
    Column("note", "Ghi chú", "Không nhập (để người đọc).", ("Ghi chú khác",)),
)

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def header_key(text: str) -> str:
    """Folded letters and digits, one space between words: "Xã/Phường (*)" -> "xa phuong"."""
    return _NOT_ALNUM.sub(" ", fold(_BRACKETS.sub(" ", text))).strip()


def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for col in COLUMNS:
        for name in (col.title, col.key.replace("_", " "), *col.synonyms):
            for key in (header_key(name), header_key(name).replace(" ", "")):
                index.setdefault(key, col.key)
    return index


_INDEX = _index()


def match_header(text: object) -> str | None:
    """The column a header cell names, or None. Never raises, whatever the cell holds."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    key = header_key(text)
    if not key:
        return None
    return _INDEX.get(key) or _INDEX.get(key.replace(" ", ""))


@dataclass(frozen=True)
class HeaderMap:
    """Which cell position holds which column; what was left out and why."""

    positions: dict[str, int]
    ignored: tuple[str, ...]  # headers not recognised
    repeated: tuple[str, ...]  # a second header for a column already found (the first wins)

    @property
    def score(self) -> int:
        return len(self.positions)

    def usable(self) -> bool:
        return ("producer_name" in self.positions or "product_name" in self.positions) and self.score >= 2


def map_headers(cells: Sequence[object]) -> HeaderMap:
    positions: dict[str, int] = {}
    ignored: list[str] = []
    repeated: list[str] = []
    for i, cell in enumerate(cells):
        label = "" if cell is None else str(cell).strip()
        if not label:
            continue
        key = match_header(label)
        if key is None:
            ignored.append(label)
        elif key in positions:
            repeated.append(label)
        else:
            positions[key] = i
    return HeaderMap(positions, tuple(ignored), tuple(repeated))


def column_title(key: str) -> str:
    return next(c.title for c in COLUMNS if c.key == key)
