"""The names an officer reads in the conflict view instead of the package's keys: "Mẫu 02 – Phần IV ›
Kế hoạch sản xuất" rather than "forms.mau02_part4.plan". Form fields take the labels of the forms
themselves (`domain.forms`, printed in Vietnamese in both languages); the record columns a package
carries are named here. A key with no name is shown as it is, so nothing that differs is ever hidden."""

from __future__ import annotations

import re
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ocop_desktop.domain.dossiers import RegistrationType, Status
from ocop_desktop.domain.forms import SECTIONS
from ocop_desktop.domain.producers import ProducerKind
from ocop_desktop.ui.kit.domain_labels import label_text

CONTEXT = "ConflictLabels"

SECTION_LABELS = {
    "dossier": QT_TRANSLATE_NOOP("ConflictLabels", "Hồ sơ"),
    "producer": QT_TRANSLATE_NOOP("ConflictLabels", "Chủ thể"),
    "product": QT_TRANSLATE_NOOP("ConflictLabels", "Sản phẩm"),
    "checklist": QT_TRANSLATE_NOOP("ConflictLabels", "Danh mục hồ sơ"),
    "self_assessment": QT_TRANSLATE_NOOP("ConflictLabels", "Tự đánh giá (Phần III)"),
    "attachments": QT_TRANSLATE_NOOP("ConflictLabels", "Tài liệu minh chứng"),
    "withdrawal": QT_TRANSLATE_NOOP("ConflictLabels", "Rút hồ sơ"),
    "forms": QT_TRANSLATE_NOOP("ConflictLabels", "Biểu mẫu"),
}

FIELD_LABELS = {
    "registration_type": QT_TRANSLATE_NOOP("ConflictLabels", "Loại đăng ký"),
    "ruleset_id": QT_TRANSLATE_NOOP("ConflictLabels", "Bộ tiêu chí"),
    "ruleset_hash": QT_TRANSLATE_NOOP("ConflictLabels", "Mã băm bộ tiêu chí"),
    "product_set": QT_TRANSLATE_NOOP("ConflictLabels", "Bộ sản phẩm"),
    "status": QT_TRANSLATE_NOOP("ConflictLabels", "Trạng thái"),
    "receipt_number": QT_TRANSLATE_NOOP("ConflictLabels", "Số phiếu tiếp nhận"),
    "receipt_seq": QT_TRANSLATE_NOOP("ConflictLabels", "Số thứ tự phiếu"),
    "received_on": QT_TRANSLATE_NOOP("ConflictLabels", "Ngày tiếp nhận"),
    "received_by_officer_id": QT_TRANSLATE_NOOP("ConflictLabels", "Cán bộ tiếp nhận"),
    "deadline": QT_TRANSLATE_NOOP("ConflictLabels", "Hạn xử lý"),
    "previous_dossier_id": QT_TRANSLATE_NOOP("ConflictLabels", "Hồ sơ trước"),
    "base_certificate_id": QT_TRANSLATE_NOOP("ConflictLabels", "Giấy chứng nhận làm căn cứ"),
    "return_reasons": QT_TRANSLATE_NOOP("ConflictLabels", "Lý do trả lại"),
    "filing_override": QT_TRANSLATE_NOOP("ConflictLabels", "Ghi chú nộp hồ sơ"),
    "archived_on": QT_TRANSLATE_NOOP("ConflictLabels", "Ngày lưu trữ"),
    "product_id": QT_TRANSLATE_NOOP("ConflictLabels", "Sản phẩm"),
    "producer_id": QT_TRANSLATE_NOOP("ConflictLabels", "Chủ thể"),
    "dossier_id": QT_TRANSLATE_NOOP("ConflictLabels", "Hồ sơ"),
    "name": QT_TRANSLATE_NOOP("ConflictLabels", "Tên"),
    "kind": QT_TRANSLATE_NOOP("ConflictLabels", "Loại hình"),
    "commune_code": QT_TRANSLATE_NOOP("ConflictLabels", "Xã/phường"),
    "address": QT_TRANSLATE_NOOP("ConflictLabels", "Địa chỉ"),
    "tax_code": QT_TRANSLATE_NOOP("ConflictLabels", "Mã số thuế"),
    "phone": QT_TRANSLATE_NOOP("ConflictLabels", "Điện thoại"),
    "email": QT_TRANSLATE_NOOP("ConflictLabels", "Thư điện tử"),
    "representative": QT_TRANSLATE_NOOP("ConflictLabels", "Người đại diện"),
    "representative_title": QT_TRANSLATE_NOOP("ConflictLabels", "Chức vụ người đại diện"),
    "code": QT_TRANSLATE_NOOP("ConflictLabels", "Mã sản phẩm"),
    "seq": QT_TRANSLATE_NOOP("ConflictLabels", "Số thứ tự"),
    "description": QT_TRANSLATE_NOOP("ConflictLabels", "Mô tả"),
    "brand": QT_TRANSLATE_NOOP("ConflictLabels", "Nhãn hiệu"),
    "packaging": QT_TRANSLATE_NOOP("ConflictLabels", "Quy cách đóng gói"),
    "key": QT_TRANSLATE_NOOP("ConflictLabels", "Mục"),
    "requirement": QT_TRANSLATE_NOOP("ConflictLabels", "Yêu cầu"),
    "note": QT_TRANSLATE_NOOP("ConflictLabels", "Ghi chú"),
    "expires_on": QT_TRANSLATE_NOOP("ConflictLabels", "Hết hạn"),
    "blob_sha256": QT_TRANSLATE_NOOP("ConflictLabels", "Nội dung tệp"),
    "filename": QT_TRANSLATE_NOOP("ConflictLabels", "Tên tệp"),
    "checklist_key": QT_TRANSLATE_NOOP("ConflictLabels", "Mục danh mục"),
    "criteria": QT_TRANSLATE_NOOP("ConflictLabels", "Tiêu chí"),
    "answers": QT_TRANSLATE_NOOP("ConflictLabels", "Câu trả lời"),
    "knockouts": QT_TRANSLATE_NOOP("ConflictLabels", "Điểm liệt"),
    "notes": QT_TRANSLATE_NOOP("ConflictLabels", "Ghi chú"),
    "evidence": QT_TRANSLATE_NOOP("ConflictLabels", "Minh chứng"),
    "opinion": QT_TRANSLATE_NOOP("ConflictLabels", "Ý kiến"),
    "total": QT_TRANSLATE_NOOP("ConflictLabels", "Tổng điểm"),
    "star": QT_TRANSLATE_NOOP("ConflictLabels", "Số sao"),
    "size": QT_TRANSLATE_NOOP("ConflictLabels", "Dung lượng"),
    "media_type": QT_TRANSLATE_NOOP("ConflictLabels", "Loại tệp"),
    "pages": QT_TRANSLATE_NOOP("ConflictLabels", "Số trang"),
    "reason": QT_TRANSLATE_NOOP("ConflictLabels", "Lý do"),
    "withdrawn_on": QT_TRANSLATE_NOOP("ConflictLabels", "Ngày rút"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def section_label(name: str) -> str:
    """A differing section ("forms.mau02_part1", "checklist", …) by its name on paper."""
    if name.startswith("forms."):
        form = SECTIONS.get(name.removeprefix("forms."))
        if form is not None:
            return form.title  # the form's own name, as printed
    return _tr(str(SECTION_LABELS[name])) if name in SECTION_LABELS else name


def path_label(section: str, path: str) -> str:
    """A leaf's path inside `section` ("plan", "forms.mau02_part4.plan", "[giay_dkkd].status") by names."""
    form = SECTIONS.get(section.removeprefix("forms.")) if section.startswith("forms.") else None
    parts = [p for p in re.split(r"\.(?![^\[]*\])", path) if p]
    out: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part == "forms" and i + 1 < len(parts) and parts[i + 1] in SECTIONS:
            form = SECTIONS[parts[i + 1]]
            out.append(form.title)
            i += 2
            continue
        out.append(_leaf_label(part, form))
        i += 1
    return " › ".join(out) if out else path


def _leaf_label(part: str, form: object) -> str:
    key, _, item = part.partition("[")
    fields = {f.key: f.label for f in getattr(form, "fields", ())}
    name = fields.get(key) or (_tr(str(FIELD_LABELS[key])) if key in FIELD_LABELS else key)
    return f"{name} [{item}" if item else name


VALUE_ENUMS: dict[str, type[StrEnum]] = {
    "status": Status,
    "registration_type": RegistrationType,
    "kind": ProducerKind,
}


def value_text(path: str, value: str) -> str:
    """A leaf's value as the officer knows it: a status or a type by its label, anything else as it is."""
    key = path.rsplit(".", 1)[-1].partition("[")[0]
    enum = VALUE_ENUMS.get(key)
    if enum is None or not value:
        return value
    try:
        return label_text(enum(value).label)  # type: ignore[attr-defined]
    except ValueError:  # a value this version does not know (a newer sender): as it came
        return value
