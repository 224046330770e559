"""The forms the Reports page prints blank, with their Vietnamese names, and the blank data of
each (a scoring sheet and a checklist are blank *for a product set*)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ocop_desktop.domain.rules.model import RuleSet
from ocop_desktop.services.core.rules import RuleService

if TYPE_CHECKING:
    from ocop_desktop.printing.data_office import ChecklistData

C = "PrintForms"
FORM_TITLES: dict[str, str] = {
    "mau01": QT_TRANSLATE_NOOP("PrintForms", "Mẫu 01 – Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP"),
    "mau02": QT_TRANSLATE_NOOP("PrintForms", "Mẫu 02 – Báo cáo tự đánh giá về sản phẩm"),
    "mau03": QT_TRANSLATE_NOOP("PrintForms", "Mẫu 03 – Báo cáo đánh giá một số nội dung của hồ sơ (cấp xã)"),
    "sheet": QT_TRANSLATE_NOOP("PrintForms", "Phiếu chấm điểm theo bộ sản phẩm (bộ 1–26)"),
    "receipt": QT_TRANSLATE_NOOP("PrintForms", "Phiếu tiếp nhận hồ sơ"),
    "checklist": QT_TRANSLATE_NOOP("PrintForms", "Danh mục kiểm tra thành phần hồ sơ (theo bộ sản phẩm)"),
    "supplement": QT_TRANSLATE_NOOP("PrintForms", "Phiếu hướng dẫn bổ sung hồ sơ"),
    "certificate": QT_TRANSLATE_NOOP("PrintForms", "Giấy chứng nhận sản phẩm OCOP (dự thảo)"),
    "results": QT_TRANSLATE_NOOP("PrintForms", "Danh sách sản phẩm được công nhận"),
    "council-matrix": QT_TRANSLATE_NOOP("PrintForms", "Bảng tổng hợp điểm của Hội đồng (ma trận)"),
}
SHORT_TITLES: dict[str, str] = {
    "mau01": QT_TRANSLATE_NOOP("PrintForms", "Mẫu 01"),
    "mau02": QT_TRANSLATE_NOOP("PrintForms", "Mẫu 02"),
    "mau03": QT_TRANSLATE_NOOP("PrintForms", "Mẫu 03"),
    "sheet": QT_TRANSLATE_NOOP("PrintForms", "Phiếu chấm điểm"),
    "receipt": QT_TRANSLATE_NOOP("PrintForms", "Phiếu tiếp nhận"),
    "checklist": QT_TRANSLATE_NOOP("PrintForms", "Danh mục hồ sơ"),
    "supplement": QT_TRANSLATE_NOOP("PrintForms", "Hướng dẫn bổ sung"),
    "certificate": QT_TRANSLATE_NOOP("PrintForms", "Giấy chứng nhận"),
    "results": QT_TRANSLATE_NOOP("PrintForms", "Danh sách kết quả"),
    "council-matrix": QT_TRANSLATE_NOOP("PrintForms", "Ma trận hội đồng"),
}
FORMS = list(FORM_TITLES)
PER_SET = {"sheet", "checklist"}  # blank for one product set, chosen beside the form


def form_title(form: str) -> str:
    return QCoreApplication.translate(C, FORM_TITLES.get(form, form))


def short_title(form: str) -> str:
    return QCoreApplication.translate(C, SHORT_TITLES.get(form, form))


def current_ruleset(ruleset_id: str | None = None) -> RuleSet:
    """The rule set in force today (or the one named)."""
    return RuleService().resolve(ruleset_id)


def blank_data(form: str, set_number: int = 1, ruleset_id: str | None = None) -> object:
    """The DTO of `form` printed blank (for product set `set_number` where the form needs one); each
    form has its own DTO class, which `printing.api.render` checks."""
    from ocop_desktop.printing import api
    from ocop_desktop.printing.data_sheet import SheetData

    if form == "sheet":
        return SheetData(sheet=current_ruleset(ruleset_id).sheet(set_number))
    if form == "checklist":
        return blank_checklist(set_number, ruleset_id)
    if form == "receipt":
        from ocop_desktop.services.dossiers.print_data import blank_receipt

        return blank_receipt(ruleset_id)
    return api.blank(form)


def blank_checklist(set_number: int, ruleset_id: str | None = None) -> ChecklistData:
    """The documents a first registration of product set `set_number` needs, unticked."""
    from ocop_desktop.domain.checklist import Requirement, checklist_for
    from ocop_desktop.printing.data_office import ChecklistData, ChecklistItem
    from ocop_desktop.services.core.reference import checklist_data

    ruleset = current_ruleset(ruleset_id)
    sheet = ruleset.sheet(set_number)
    templates = [
        t
        for t in checklist_for(checklist_data(ruleset.id), sheet.number, "first")
        if t.requirement is not Requirement.NOT_APPLICABLE
    ]
    items = tuple(ChecklistItem(t.label, t.group, t.requirement.label) for t in templates)
    return ChecklistData(items=items, set_name=f"{sheet.number}. {sheet.name}")
