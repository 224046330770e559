"""What must be true before a dossier moves on: required form fields, checklist, self-assessment."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain import forms
from ocop_desktop.domain.checklist import completeness
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.checklists import checklist_states, templates
from ocop_desktop.store.models import Dossier, ScoreSheet

PRODUCER_SECTIONS = ("mau01", "mau02_part1", "mau02_part4")


def section_problems(d: Dossier, section_key: str) -> dict[str, str]:
    section = forms.SECTIONS[section_key]
    values = d.forms.get(section_key, {})
    _, problems = forms.clean_section(section, values, require=True)
    problems.update(forms.cross_checks(section_key, values))
    return {f"{section_key}.{k}": v for k, v in problems.items()}


def completeness_problems(s: Session, d: Dossier, today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    for key in PRODUCER_SECTIONS:
        problems.update(section_problems(d, key))
    tpl = templates(d)
    state = completeness(checklist_states(s, d), today)
    for key in state.missing_keys:
        problems[f"checklist.{key}"] = f"Thiếu giấy tờ bắt buộc: {tpl[key].label}."
    for key in state.expired_keys:
        problems[f"checklist.{key}"] = f"Giấy tờ đã hết hạn: {tpl[key].label}."
    problems.update(self_assessment_problems(s, d))
    return problems


def self_assessment_problems(s: Session, d: Dossier) -> dict[str, str]:
    sheet = s.scalars(
        select(ScoreSheet).where(ScoreSheet.dossier_id == d.id, ScoreSheet.kind == "self")
    ).first()
    if sheet is None:
        return {"self_assessment": "Chưa có phiếu tự đánh giá (Mẫu 02 Phần III)."}
    rule_sheet = RuleService().get(sheet.ruleset_id).sheet(sheet.product_set)
    from ocop_desktop.domain.rules.scoring import score

    try:
        score(rule_sheet, sheet.answers, sheet.knockouts)
    except UserError as exc:
        return {"self_assessment": f"Phiếu tự đánh giá chưa xong: {exc.message}"}
    return {}
