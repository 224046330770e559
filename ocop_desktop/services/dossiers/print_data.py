"""Fill the printing DTOs from a dossier's record, so every official form of a dossier prints
filled: Mẫu 01, 02, 03, its self-assessment sheet, the receipt slip and the checklist."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_desktop.domain.checklist import Requirement
from ocop_desktop.domain.dossiers import RegistrationType
from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.forms import IDEA_ORIGIN, SEX, parse_date
from ocop_desktop.printing import api
from ocop_desktop.printing.data import (
    EvidenceItem,
    Mau01Data,
    Mau02Data,
    Mau02Ticks,
    Mau03Data,
    OfficeReceipt,
    ProducerInfo,
    Ref,
    Representative,
    SelfScore,
    Signed,
)
from ocop_desktop.printing.data_office import ChecklistData, ChecklistItem, ReceiptData, SupplementData
from ocop_desktop.printing.data_sheet import SheetData, SheetHeader
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.core.units import UnitService
from ocop_desktop.services.dossiers.checklists import ChecklistService
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService
from ocop_desktop.services.dossiers.service import DossierDetail, DossierService
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.store.models import Officer

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

DOSSIER_FORMS = ("mau01", "mau02", "mau03", "sheet", "receipt", "checklist", "supplement")
EXPIRING_WITHIN_DAYS = 30  # a paper expiring this soon is listed on the supplement notice


def print_dossier_form(ctx: AppContext, dossier_id: str, form: str, out: Path) -> Path:
    return api.render(form, dossier_form_data(ctx, dossier_id, form), out)


def blank_receipt(ruleset_id: str | None = None, on: date | None = None) -> ReceiptData:
    """The receipt slip to fill by hand, with the commune deadline of the procedure in force on `on`
    (today), or of `ruleset_id`: the number of working days is the rule set's, not the officer's to write."""
    return ReceiptData(commune_working_days=RuleService().procedure(ruleset_id, on).commune_working_days)


def dossier_form_data(ctx: AppContext, dossier_id: str, form: str) -> Any:
    if form not in DOSSIER_FORMS:
        raise UserError(f"Biểu mẫu “{form}” không in từ hồ sơ; các mẫu in được: {', '.join(DOSSIER_FORMS)}.")
    return _Builder(ctx, DossierService(ctx).get(dossier_id)).build(form)


class _Builder:
    def __init__(self, ctx: AppContext, dossier: DossierDetail) -> None:
        self.ctx, self.d = ctx, dossier
        self.product = ProductService(ctx).get(dossier.row.product_id)
        self.producer = ProducerService(ctx).get(self.product.producer_id)
        commune = UnitService(ctx).get(self.product.commune_code)
        self.commune, self.province = commune.name, commune.parent_name
        self.ref = Ref(dossier.row.id, dossier.row.revision)
        self.set = RuleService().get(dossier.ruleset_id).sheet(dossier.row.product_set).product_set
        self.p1 = dossier.forms.get("mau02_part1", {})

    def build(self, form: str) -> Any:
        return getattr(self, form)()

    def producer_info(self) -> ProducerInfo:
        sex = dict(SEX).get(str(self.p1.get("representative_sex", "")), "")
        rep = Representative(
            self.producer.representative,
            self.producer.representative_title,
            sex,
            str(self.p1.get("representative_ethnicity", "")),
            str(self.p1.get("representative_address", "")),
        )
        return ProducerInfo(
            self.producer.name,
            self.producer.kind_label,
            self.producer.address,
            self.producer.phone,
            self.producer.email,
            rep,
        )

    def signed(self, when: Any = None) -> Signed:
        day = _date(when) or date.today()
        return Signed(self.commune, day, self.producer.representative)

    def mau01(self) -> Mau01Data:
        m = self.d.forms.get("mau01", {})
        samples = int(m.get("sample_count") or 0)
        base = self.producer_info()
        # What the officer typed on the Mẫu 01 tab wins over the producer record it was prefilled from.
        registrant = replace(
            base,
            name=str(m.get("unit_name") or base.name),
            address=str(m.get("address") or base.address),
            phone=str(m.get("phone") or base.phone),
            email=str(m.get("email") or base.email),
            representative=replace(
                base.representative,
                name=str(m.get("representative") or base.representative.name),
                position=str(m.get("position") or base.representative.position),
            ),
        )
        return Mau01Data(
            self.ref,
            _short(self.province),
            (_date(m.get("registered_on")) or date.today()).year,
            registrant,
            str(m.get("product_name", self.product.name)),
            f"Ngành {self.set.product_group_name}; Nhóm {self.set.group_name}; Phân nhóm {self.set.name}",
            RegistrationType(self.d.row.registration_type),
            f"{samples:02d} sản phẩm" if samples else "",
            self.signed(m.get("registered_on")),
            OfficeReceipt(self.d.row.receipt_number, self.d.row.received_on, self.receiver()),
        )

    def receiver(self) -> str:
        """Who received the form at the commune: the officer of the dossier's last "receive" step."""
        officer_id = next((e.officer_id for e in reversed(self.d.events) if e.action == "receive"), None)
        if officer_id is None:
            return ""
        with self.ctx.read() as s:
            officer = s.get(Officer, officer_id)
        return officer.name if officer is not None else ""

    def officer_at_keyboard(self) -> str:
        """Who prints the notice: the officer working now (the name under the signature)."""
        if self.ctx.officer_id is None:
            return ""
        with self.ctx.read() as s:
            officer = s.get(Officer, self.ctx.officer_id)
        return officer.name if officer is not None else ""

    def mau02(self) -> Mau02Data:
        p2, p4 = self.d.forms.get("mau02_part2", {}), self.d.forms.get("mau02_part4", {})
        state = SelfAssessmentService(self.ctx).load(self.d.row.id)
        points = state.result.points if state.result else {}
        scores = tuple(
            SelfScore(leaf.code, leaf.title, leaf.max, points.get(leaf.code), state.notes.get(leaf.code, ""))
            for leaf in state.sheet.leaves()
        )
        items = ChecklistService(self.ctx).items(self.d.row.id)
        files = EvidenceService(self.ctx).attachments(self.d.row.id)
        evidence = tuple(
            EvidenceItem(
                i.label, i.requirement_label, "; ".join(f.filename for f in files if f.checklist_key == i.key)
            )
            for i in items
            if i.requirement != "not_applicable"
        )
        ticks = Mau02Ticks(
            self.p1.get("has_business_registration"),
            self.p1.get("has_quality_declaration"),
            self.p1.get("has_food_safety_certificate"),
            self.p1.get("has_sector_certificate"),
            None,
            self.p1.get("has_trademark"),
            self.p1.get("has_gi_right"),
            self.p1.get("has_patent_or_design"),
        )
        money = [
            f"{label}: {int(p2[k]):,} đồng".replace(",", ".")
            for k, label in (
                ("revenue_previous_year", "Doanh thu năm trước"),
                ("revenue_last_year", "Doanh thu năm đánh giá"),
                ("profit_previous_year", "Lợi nhuận năm trước"),
                ("profit_last_year", "Lợi nhuận năm đánh giá"),
            )
            if p2.get(k) is not None
        ]
        return Mau02Data(
            self.ref,
            self.producer_info(),
            _date(self.p1.get("established_on")),
            str(self.p1.get("registration_number", "")),
            " – ".join(
                x
                for x in (
                    str(self.p1.get("product_name", self.product.name)),
                    str(self.p1.get("specification", "")),
                    str(self.p1.get("standard", "")),
                )
                if x
            ),
            ticks,
            str(self.p1.get("history", "")),
            str(self.p1.get("organisation", "")),
            "\n".join(x for x in (str(p2.get("raw_material_area", "")), str(p2.get("technology", ""))) if x),
            str(p2.get("quality_changes", "")),
            str(p2.get("markets", "")),
            "\n".join(money),
            self.set.name,
            scores,
            state.result.total if state.result else None,
            state.result.star if state.result else None,
            evidence,
            str(p2.get("changes_since_recognition", "")),
            str(p4.get("plan", "")),
            self.signed(),
        )

    def mau03(self) -> Mau03Data:
        m = self.d.forms.get("mau03", {})
        raw = _join(
            m.get("raw_material_description"),
            _pct("Tỷ lệ nguyên liệu trên địa bàn xã", m.get("local_raw_material_percent")),
            m.get("raw_material_assessment"),
        )
        total, local = m.get("workers_total"), m.get("workers_local")
        labour = _join(
            f"Tổng số lao động: {total}; lao động địa phương: {local}" if total else "",
            m.get("labour_assessment"),
        )
        idea = _join(dict(IDEA_ORIGIN).get(str(m.get("idea_origin", "")), ""), m.get("idea_assessment"))
        return Mau03Data(
            self.ref,
            self.commune,
            _short(self.province),
            "",
            self.producer_info(),
            self.product.name,
            raw,
            labour,
            idea,
            str(m.get("identity_assessment", "")),
            Signed(self.commune, date.today(), ""),
        )

    def sheet(self) -> SheetData:
        state = SelfAssessmentService(self.ctx).load(self.d.row.id)
        header = SheetHeader(
            self.product.name,
            self.product.code,
            self.producer.name,
            self.producer.phone,
            self.producer.address,
        )
        return SheetData(
            state.sheet,
            self.ref,
            header,
            state.result,
            state.opinion,
            Signed(self.commune, date.today(), self.producer.representative),
            "Chủ thể tự đánh giá",
        )

    def receipt(self) -> ReceiptData:
        if not self.d.row.receipt_number:
            raise UserError(
                "Hồ sơ chưa được tiếp nhận nên chưa có phiếu tiếp nhận. "
                "Hãy “Tiếp nhận và cấp số phiếu” trước."
            )
        return ReceiptData(
            self.ref,
            _short(self.province),
            self.commune,
            self.d.row.receipt_number,
            self.producer_info(),
            self.product.name,
            self.set.name,
            RegistrationType(self.d.row.registration_type),
            self.d.row.received_on,
            self.d.row.deadline,
            (),
            Signed(self.commune, self.d.row.received_on, ""),
            self.producer.representative,
            commune_working_days=RuleService()
            .procedure(self.d.ruleset_id, self.d.row.received_on)
            .commune_working_days,
            due_estimated=self.d.row.deadline_estimated,
        )

    def checklist(self) -> ChecklistData:
        service = ChecklistService(self.ctx)
        items = service.items(self.d.row.id)
        state = service.completeness(self.d.row.id)
        rows = tuple(
            ChecklistItem(
                i.label,
                i.group,
                i.requirement_label,
                None if i.status == "missing" and i.attachments == 0 else i.status == "provided",
                i.expires_on,
                i.note,
            )
            for i in items
            if i.requirement != "not_applicable"
        )
        return ChecklistData(
            self.ref,
            self.commune,
            self.producer.name,
            self.product.name,
            self.set.name,
            RegistrationType(self.d.row.registration_type),
            rows,
            f"Đủ {state.provided}/{state.required} thành phần bắt buộc",
            Signed(self.commune, date.today(), ""),
        )

    def supplement(self) -> SupplementData:
        """Only what the producer still has to bring: the province's reasons, the required papers
        missing, the papers expired or expiring within EXPIRING_WITHIN_DAYS."""
        items = ChecklistService(self.ctx).items(self.d.row.id)
        soon = date.today() + timedelta(days=EXPIRING_WITHIN_DAYS)
        missing = tuple(
            ChecklistItem(
                i.label, i.group, i.requirement_label, False, None, _missing_note(i.knockout, i.note)
            )
            for i in items
            if i.requirement == Requirement.REQUIRED.value and i.status != "provided"
        )
        expiring = tuple(
            ChecklistItem(i.label, i.group, i.requirement_label, True, i.expires_on, i.note)
            for i in items
            if i.status == "provided" and i.expires_on is not None and i.expires_on <= soon
        )
        returned = self.d.row.status == "returned"
        return SupplementData(
            self.ref,
            self.commune,
            self.producer.name,
            self.product.name,
            self.d.row.receipt_number,
            self.d.return_reasons if returned else "",
            missing,
            expiring,
            EXPIRING_WITHIN_DAYS,
            Signed(self.commune, date.today(), self.officer_at_keyboard()),
        )


def _missing_note(knockout: str | None, note: str) -> str:
    """A knock-out paper says so: without it the product is eliminated whatever its points."""
    return "; ".join(t for t in ("Thiếu giấy này, sản phẩm bị loại" if knockout else "", note) if t)


def _date(value: Any) -> date | None:
    if not value:
        return None
    return value if isinstance(value, date) else parse_date(str(value))


def _short(province: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh "):
        if province.startswith(prefix):
            return province[len(prefix) :]
    return province


def _pct(label: str, value: Any) -> str:
    return f"{label}: {value}%" if value not in (None, "") else ""


def _join(*parts: Any) -> str:
    return "\n".join(str(p) for p in parts if p)
