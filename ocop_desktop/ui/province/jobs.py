"""The evaluation page's background jobs, as plain functions of the province services (no Qt
objects: the print jobs only import the preview's modules). Each takes the Qt-free `progress`
first, as `ui.tasks.run_task` calls it; reads run on the shared pool, writes on the single writer
thread."""

from __future__ import annotations

import importlib
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ocop_desktop.domain.rules.stars import band_min
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.service import DossierDetail, DossierRow, DossierService
from ocop_desktop.services.province.advisory import AdvisoryService, NoteRow
from ocop_desktop.services.province.aggregation import (
    Aggregated,
    AggregationService,
    CouncilMatrix,
    RoundAggregation,
)
from ocop_desktop.services.province.common import EntryRow, MemberRow
from ocop_desktop.services.province.councils import CouncilService, MemberInput
from ocop_desktop.services.province.inbox import InboxRow, InboxService
from ocop_desktop.services.province.ministry import CentralResultInput, MinistryResultService
from ocop_desktop.services.province.reports import ExpiryRow, ProvinceReportService
from ocop_desktop.services.province.results import DecisionInput, DecisionOutcome, ResultService
from ocop_desktop.services.province.rounds import RoundDetail, RoundInput, RoundRow, RoundService
from ocop_desktop.services.province.scores import MemberScoreService, MemberSheetRow
from ocop_desktop.services.registry.certificates import CertificateRow, CertificateService

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.sync.evaluator_province import EvaluatorLinkRow
    from ocop_desktop.services.sync.outgoing import ExportResult
    from ocop_desktop.services.sync.types import Confirmation, ImportPreview


# -- reading --------------------------------------------------------------------------------------
def rounds(progress: Progress, ctx: AppContext) -> list[RoundRow]:
    return RoundService(ctx).rows()


def round_detail(progress: Progress, ctx: AppContext, round_id: str) -> RoundDetail:
    return RoundService(ctx).get(round_id)


def inbox(progress: Progress, ctx: AppContext, status: str | None) -> list[InboxRow]:
    return InboxService(ctx).rows(status)


def assignable(progress: Progress, ctx: AppContext) -> list[InboxRow]:
    return InboxService(ctx).rows("accepted", unassigned_only=True)


def sheets(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> list[MemberSheetRow]:
    return MemberScoreService(ctx).sheets(round_id, dossier_id)


def matrix(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> CouncilMatrix:
    return AggregationService(ctx).matrix(round_id, dossier_id)


@dataclass(frozen=True)
class Results:
    entries: tuple[EntryRow, ...]
    five_star: tuple[EntryRow, ...]
    decisions: tuple[DecisionOutcome, ...]


def results(progress: Progress, ctx: AppContext, round_id: str) -> Results:
    service = ResultService(ctx)
    decisions = tuple(service.decision(d.id) for d in service.decisions(round_id))
    entries = tuple(RoundService(ctx).entries(round_id))
    return Results(entries, tuple(e for e in entries if e.five_star), decisions)


@dataclass(frozen=True)
class Terms:
    """The numbers of the rule set in force today that the results tab states."""

    certificate_months: int  # a certificate's validity
    five_star_min: int  # the fewest points of a 5★ product
    reevaluation_opens_days: int  # how long before expiry a re-evaluation may be filed


def terms(progress: Progress, ctx: AppContext) -> Terms:
    rules, today = RuleService(), date.today()
    procedure = rules.procedure(on=today)
    return Terms(
        procedure.certificate_months,
        band_min(rules.in_force(today).bands, 5),
        procedure.reevaluation_opens_days,
    )


def expiring(progress: Progress, ctx: AppContext, days: int, include_expired: bool) -> list[ExpiryRow]:
    return ProvinceReportService(ctx).expiring(days, include_expired=include_expired)


class CommuneOutcome(NamedTuple):
    """A commune's dossier the province has seen (a tuple too: tests/ui/sync reads it by index)."""

    dossier: DossierRow
    return_reasons: str
    certificate: CertificateRow | None  # in force, once decided


def commune_outcomes(progress: Progress, ctx: AppContext) -> list[CommuneOutcome]:
    """At a commune: its dossiers the province has seen, with their certificates."""
    service, certs = DossierService(ctx), CertificateService(ctx)
    out = []
    for row in service.search():
        if row.status in ("sent", "accepted", "returned", "decided"):
            detail = service.get(row.id)
            current = certs.current(row.product_id) if row.status == "decided" else None
            out.append(CommuneOutcome(row, detail.return_reasons, current))
    return out


# -- writing --------------------------------------------------------------------------------------
def accept(progress: Progress, ctx: AppContext, dossier_ids: list[str]) -> int:
    service = InboxService(ctx)
    for n, dossier_id in enumerate(dossier_ids, start=1):
        service.accept(dossier_id)
        report(progress, n / len(dossier_ids), "")
    return len(dossier_ids)


def return_dossier(progress: Progress, ctx: AppContext, dossier_id: str, reasons: str) -> DossierDetail:
    return InboxService(ctx).return_for_correction(dossier_id, reasons)


def create_round(progress: Progress, ctx: AppContext, data: RoundInput) -> RoundDetail:
    return RoundService(ctx).create(data)


def assign(progress: Progress, ctx: AppContext, round_id: str, dossier_ids: list[str]) -> list[EntryRow]:
    return RoundService(ctx).assign(round_id, dossier_ids)


def unassign(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> None:
    RoundService(ctx).unassign(round_id, dossier_id)


def note_withdrawals(progress: Progress, ctx: AppContext, round_id: str) -> int:
    """The secretary saw the notice of the round's withdrawn dossiers (issue 15)."""
    from ocop_desktop.services.province.withdrawals import WithdrawalService

    return WithdrawalService(ctx).note_withdrawals(round_id)


def configure(progress: Progress, ctx: AppContext, round_id: str, settings: dict[str, Any]) -> RoundRow:
    return CouncilService(ctx).configure(round_id, **settings)


def add_member(progress: Progress, ctx: AppContext, round_id: str, data: MemberInput) -> MemberRow:
    return CouncilService(ctx).add_member(round_id, data)


def update_member(progress: Progress, ctx: AppContext, member_id: str, data: MemberInput) -> MemberRow:
    return CouncilService(ctx).update_member(member_id, data)


def remove_member(progress: Progress, ctx: AppContext, member_id: str) -> None:
    CouncilService(ctx).remove_member(member_id)


def set_present(progress: Progress, ctx: AppContext, member_id: str, present: bool) -> MemberRow:
    return CouncilService(ctx).set_present(member_id, present)


def copy_members(progress: Progress, ctx: AppContext, source: str, target: str) -> list[MemberRow]:
    return CouncilService(ctx).copy_members(source, target)


def aggregate_round(progress: Progress, ctx: AppContext, round_id: str) -> RoundAggregation:
    report(progress, 0.05, "")
    return AggregationService(ctx).aggregate_round(round_id)


def aggregate_one(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> Aggregated:
    return AggregationService(ctx).aggregate(round_id, dossier_id)


def rescore(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str, reason: str) -> EntryRow:
    return AggregationService(ctx).request_rescore(round_id, dossier_id, reason)


def propose(progress: Progress, ctx: AppContext, round_id: str) -> list[EntryRow]:
    return ResultService(ctx).propose(round_id)


def withdraw(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> EntryRow:
    return ResultService(ctx).withdraw_proposal(round_id, dossier_id)


def decide(progress: Progress, ctx: AppContext, round_id: str, data: DecisionInput) -> DecisionOutcome:
    return ResultService(ctx).decide(round_id, data)


def record_central(
    progress: Progress, ctx: AppContext, round_id: str, dossier_id: str, data: CentralResultInput
) -> EntryRow:
    return MinistryResultService(ctx).record(round_id, dossier_id, data)


def revoke(progress: Progress, ctx: AppContext, certificate_id: str, on: date, reason: str) -> CertificateRow:
    return ResultService(ctx).revoke(certificate_id, on=on, reason=reason)


# -- advisory team notes (they travel to the evaluator laptops with the assignment) -----------------
@dataclass(frozen=True)
class NoteInput:
    kind: str  # NoteKind value
    text: str
    noted_on: date | None = None
    file: Path | None = None  # a PDF, JPEG, PNG or TIFF, stored like evidence


def advisory_notes(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> list[NoteRow]:
    return AdvisoryService(ctx).rows(round_id, dossier_id)


def add_advisory_note(
    progress: Progress, ctx: AppContext, round_id: str, dossier_id: str, data: NoteInput
) -> NoteRow:
    return AdvisoryService(ctx).add(
        round_id, dossier_id, data.kind, data.text, noted_on=data.noted_on, file=data.file
    )


# -- printing -------------------------------------------------------------------------------------
def preview_modules() -> None:
    """The print preview's modules (pypdfium2 and the preview's widget classes), imported by the
    print job on its worker: the GUI thread then only builds the preview when the PDF is ready
    (importing them there held the window 100–200 ms). Importing creates no widget."""
    importlib.import_module("ocop_desktop.ui.printing.entry")


def print_matrix(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str, out: Path) -> Path:
    from ocop_desktop.printing import api
    from ocop_desktop.services.province.print_data import council_matrix_data

    path = api.render("council-matrix", council_matrix_data(ctx, round_id, dossier_id), out)
    preview_modules()
    return path


def print_results(progress: Progress, ctx: AppContext, decision_id: str, out: Path) -> Path:
    from ocop_desktop.printing import api
    from ocop_desktop.services.province.print_data import results_data

    path = api.render("results", results_data(ctx, decision_id), out)
    preview_modules()
    return path


def print_certificates(progress: Progress, ctx: AppContext, decision_id: str, out: Path) -> Path:
    """Every certificate draft of a decision in one PDF (each its own page, own QR code)."""
    from pypdf import PdfReader, PdfWriter

    from ocop_desktop.files import atomic_write_bytes
    from ocop_desktop.printing import api
    from ocop_desktop.services.province.print_data import certificate_data

    drafts = certificate_data(ctx, decision_id)
    writer = PdfWriter()
    for n, data in enumerate(drafts, start=1):
        for page in PdfReader(io.BytesIO(api.render_bytes("certificate", data))).pages:
            writer.add_page(page)
        report(progress, n / max(len(drafts), 1), "")
    buffer = io.BytesIO()
    writer.write(buffer)
    atomic_write_bytes(out, buffer.getvalue())
    preview_modules()
    return out


# -- evaluator laptops ----------------------------------------------------------------------------
def evaluator_links(progress: Progress, ctx: AppContext, round_id: str) -> list[EvaluatorLinkRow]:
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    return ProvinceEvaluatorPackages(ctx).links(round_id)


def preview_enrollment(
    progress: Progress, ctx: AppContext, path: Path, round_id: str | None = None, member_id: str | None = None
) -> ImportPreview:
    """With the member it is for: whether linking the laptop takes over another link (a key change)."""
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    return ProvinceEvaluatorPackages(ctx).preview_enrollment(path, round_id=round_id, member=member_id)


def import_enrollment(
    progress: Progress, ctx: AppContext, path: Path, round_id: str, member_id: str, confirm: Confirmation
) -> EvaluatorLinkRow:
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    return ProvinceEvaluatorPackages(ctx).import_enrollment(
        path,
        round_id,
        member_id,
        confirm_fingerprint=confirm.fingerprint,
        confirm_key_change=confirm.key_change,
    )


def export_assignment(
    progress: Progress, ctx: AppContext, round_id: str, member_id: str, target: Path
) -> ExportResult:
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    return ProvinceEvaluatorPackages(ctx).export_assignment(round_id, member_id, target, progress=progress)
