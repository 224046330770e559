"""The words of the programme's reports (titles, headers, figures, total rows, the levels and star
groups of their rows) in the interface language. The reports service writes Vietnamese, as the XLSX and
PDF print it; the screen shows it through `report_text`, which also reads numbers inside a label: "Sản
phẩm mới từ 3 sao năm 2026" is looked up as "Sản phẩm mới từ %1 sao năm %2". A test computes every
report and checks this table knows each label."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ocop_desktop.ui.kit.domain_labels import label_text

CONTEXT = "ReportLabels"
_NUMBER = re.compile(r"\d+")

LABELS = (
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm còn hiệu lực theo hạng sao"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm theo xã/phường"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm theo xã/phường (%1 có nhiều sản phẩm nhất)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tỷ lệ công nhận theo đợt (%)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm nâng hạng theo năm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Lý do trả lại hồ sơ"),
    QT_TRANSLATE_NOOP("ReportLabels", "Lý do trả lại hồ sơ (%1 nhiều nhất)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ quá hạn theo xã/phường"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ quá hạn theo xã/phường (%1 nhiều nhất)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm còn hiệu lực qua các năm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu và kết quả"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu tỉnh giao và kết quả"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm mới"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu tỉnh giao nhận ngày"),
    QT_TRANSLATE_NOOP("ReportLabels", "chưa nhận"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu tỉnh giao năm %1 (chưa nhận)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu tỉnh giao năm %1 (nhận ngày %2/%3/%4)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu tỉnh giao theo đợt năm %1"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu và kết quả theo đợt năm %1"),
    QT_TRANSLATE_NOOP("ReportLabels", "Đến ngày"),
    QT_TRANSLATE_NOOP("ReportLabels", "Toàn địa bàn"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tất cả"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu sản phẩm mới năm %1"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu tỉnh giao: sản phẩm mới năm %1"),
    QT_TRANSLATE_NOOP("ReportLabels", "Danh mục sản phẩm OCOP còn hiệu lực"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm trong danh mục"),
    QT_TRANSLATE_NOOP("ReportLabels", "Bộ sản phẩm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Người đại diện"),
    QT_TRANSLATE_NOOP("ReportLabels", "Địa chỉ"),
    QT_TRANSLATE_NOOP("ReportLabels", "Điện thoại"),
    QT_TRANSLATE_NOOP("ReportLabels", "Thư điện tử"),
    QT_TRANSLATE_NOOP("ReportLabels", "%1 sao"),
    QT_TRANSLATE_NOOP("ReportLabels", "%1 → %2 sao"),
    QT_TRANSLATE_NOOP("ReportLabels", "%1/%2 xã/phường"),
    QT_TRANSLATE_NOOP("ReportLabels", "(không ghi lý do)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Bộ"),
    QT_TRANSLATE_NOOP("ReportLabels", "Bộ Nông nghiệp và Môi trường"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu và kết quả năm %1"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chỉ tiêu và kết quả thực hiện"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chủ thể"),
    QT_TRANSLATE_NOOP("ReportLabels", "Chủ thể có sản phẩm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Còn (ngày)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Còn hiệu lực (%1/%2/%3)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Có sản phẩm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Căn cứ"),
    QT_TRANSLATE_NOOP("ReportLabels", "Cấp công nhận"),
    QT_TRANSLATE_NOOP("ReportLabels", "Giấy chứng nhận cấp trong năm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Giấy chứng nhận sắp hết hạn và đã hết hạn"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hiệu lực đến"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hạn nộp hồ sơ"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hạn đánh giá"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hạng sao"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ bị trả lại theo xã/phường (năm %1)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ bị trả lại và lý do"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ nâng hạng"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ nâng hạng theo trạng thái"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ quá hạn đánh giá cấp xã"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ theo trạng thái"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ theo trạng thái và theo đợt"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ theo đợt đánh giá"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ đang chờ bổ sung"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ đã phân vào đợt"),
    QT_TRANSLATE_NOOP("ReportLabels", "Hồ sơ đã vào đợt đánh giá"),
    QT_TRANSLATE_NOOP("ReportLabels", "Không đủ điều kiện"),
    QT_TRANSLATE_NOOP("ReportLabels", "Lý do"),
    QT_TRANSLATE_NOOP("ReportLabels", "Lý do trả lại hồ sơ (năm %1)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Lần trả lại trong năm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Mã"),
    QT_TRANSLATE_NOOP("ReportLabels", "Mã sản phẩm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Mã xã"),
    QT_TRANSLATE_NOOP("ReportLabels", "Mở cửa sổ đánh giá lại"),
    QT_TRANSLATE_NOOP("ReportLabels", "Ngành"),
    QT_TRANSLATE_NOOP("ReportLabels", "Ngày tiếp nhận"),
    QT_TRANSLATE_NOOP("ReportLabels", "Nâng hạng năm %1"),
    QT_TRANSLATE_NOOP("ReportLabels", "Nâng hạng sản phẩm OCOP"),
    QT_TRANSLATE_NOOP("ReportLabels", "Nâng hạng trong năm %1"),
    QT_TRANSLATE_NOOP("ReportLabels", "Nâng hạng: chỉ tiêu"),
    QT_TRANSLATE_NOOP("ReportLabels", "Năm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Quá hạn (ngày)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Quá hạn theo xã/phường"),
    QT_TRANSLATE_NOOP("ReportLabels", "Quá hạn đánh giá cấp xã"),
    QT_TRANSLATE_NOOP("ReportLabels", "So sánh sản phẩm OCOP qua các năm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm OCOP còn hiệu lực"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm OCOP còn hiệu lực qua các năm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm OCOP còn hiệu lực theo hạng sao"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm còn hiệu lực"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm mới từ %1 sao năm %2"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm mới: chỉ tiêu"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sản phẩm được nâng hạng theo năm công nhận"),
    QT_TRANSLATE_NOOP("ReportLabels", "Sắp đến hạn đánh giá cấp xã"),
    QT_TRANSLATE_NOOP("ReportLabels", "Số hồ sơ"),
    QT_TRANSLATE_NOOP("ReportLabels", "Số hồ sơ quá hạn"),
    QT_TRANSLATE_NOOP("ReportLabels", "Số lần"),
    QT_TRANSLATE_NOOP("ReportLabels", "Số lần trả lại"),
    QT_TRANSLATE_NOOP("ReportLabels", "Số phiếu"),
    QT_TRANSLATE_NOOP("ReportLabels", "Số quyết định"),
    QT_TRANSLATE_NOOP("ReportLabels", "Số sản phẩm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Theo bộ sản phẩm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Theo căn cứ công nhận"),
    QT_TRANSLATE_NOOP("ReportLabels", "Theo cấp công nhận"),
    QT_TRANSLATE_NOOP("ReportLabels", "Theo ngành (nhóm sản phẩm)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Theo năm công nhận"),
    QT_TRANSLATE_NOOP("ReportLabels", "Theo xã/phường"),
    QT_TRANSLATE_NOOP("ReportLabels", "Trong đó không rõ ngày trả lại"),
    QT_TRANSLATE_NOOP("ReportLabels", "Trạng thái"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tên bộ sản phẩm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tính đến ngày"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tăng/giảm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tăng/giảm so với cuối năm trước"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tổng"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tổng cộng"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tổng số hồ sơ"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tổng số xã/phường"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tỷ lệ (%)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tỷ lệ công nhận (%)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tỷ lệ công nhận theo đợt"),
    QT_TRANSLATE_NOOP("ReportLabels", "Tỷ lệ công nhận theo đợt đánh giá"),
    QT_TRANSLATE_NOOP("ReportLabels", "UBND cấp huyện (trước %1/%2/%3)"),
    QT_TRANSLATE_NOOP("ReportLabels", "UBND cấp tỉnh"),
    QT_TRANSLATE_NOOP("ReportLabels", "Xã/phường"),
    QT_TRANSLATE_NOOP("ReportLabels", "Xã/phường có sản phẩm"),
    QT_TRANSLATE_NOOP("ReportLabels", "Xã/phường có sản phẩm OCOP từ %1 sao"),
    QT_TRANSLATE_NOOP("ReportLabels", "Đang đánh giá"),
    QT_TRANSLATE_NOOP("ReportLabels", "Đánh giá lại năm %1"),
    QT_TRANSLATE_NOOP("ReportLabels", "Đánh giá lại: chỉ tiêu"),
    QT_TRANSLATE_NOOP("ReportLabels", "Đã hết hiệu lực"),
    QT_TRANSLATE_NOOP("ReportLabels", "Đã hết hiệu lực, chưa có giấy chứng nhận mới"),
    QT_TRANSLATE_NOOP("ReportLabels", "Được công nhận"),
    QT_TRANSLATE_NOOP("ReportLabels", "Đạt"),
    QT_TRANSLATE_NOOP("ReportLabels", "Đến kỳ đánh giá lại (cửa sổ đã mở)"),
    QT_TRANSLATE_NOOP("ReportLabels", "Độ phủ sản phẩm OCOP theo xã/phường"),
    QT_TRANSLATE_NOOP("ReportLabels", "Đợt"),
)


def report_text(text: str) -> str:
    """A report's label in the interface language; a value that is no label (a name, a code) as it is."""
    if not text:
        return text
    translated = QCoreApplication.translate(CONTEXT, text)
    if translated != text:
        return translated
    if " — " in text:  # "Chỉ tiêu và kết quả — Xã A": the label, then the names it is about
        head, names = text.split(" — ", 1)
        return f"{report_text(head)} — {names}"
    numbers = _NUMBER.findall(text)
    if not numbers:
        return label_text(text)  # statuses, registration types…: the domain's own table
    template = _number_template(text)
    translated = QCoreApplication.translate(CONTEXT, template)
    if translated == template:
        return text
    for n, number in reversed(list(enumerate(numbers, start=1))):  # %10 before %1
        translated = translated.replace(f"%{n}", number)
    return translated


def _number_template(text: str) -> str:
    count = iter(range(1, 1000))
    return _NUMBER.sub(lambda _m: f"%{next(count)}", text)
