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
from typing import TYPE_CHECKING, Any

from ocop_desktop.progress import Progress, report
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.councils import CouncilService, MemberInput
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.reports import ProvinceReportService
from ocop_desktop.services.province.results import DecisionInput, DecisionOutcome, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


# -- reading --------------------------------------------------------------------------------------
def rounds(progress: Progress, ctx: AppContext) -> list[Any]:
    return RoundService(ctx).rows()


def round_detail(progress: Progress, ctx: AppContext, round_id: str) -> Any:
    return RoundService(ctx).get(round_id)


def inbox(progress: Progress, ctx: AppContext, status: str | None) -> list[Any]:
    return InboxService(ctx).rows(status)


def assignable(progress: Progress, ctx: AppContext) -> list[Any]:
    return InboxService(ctx).rows("accepted", unassigned_only=True)


def sheets(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> list[Any]:
    return MemberScoreService(ctx).sheets(round_id, dossier_id)


def matrix(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> Any:
    return AggregationService(ctx).matrix(round_id, dossier_id)


@dataclass(frozen=True)
class Results:
    entries: tuple[Any, ...]
    five_star: tuple[Any, ...]
    decisions: tuple[DecisionOutcome, ...]


def results(progress: Progress, ctx: AppContext, round_id: str) -> Results:
    service = ResultService(ctx)
    decisions = tuple(service.decision(d.id) for d in service.decisions(round_id))
    return Results(
        tuple(RoundService(ctx).entries(round_id)), tuple(service.five_star_candidates(round_id)), decisions
    )


def expiring(progress: Progress, ctx: AppContext, days: int, include_expired: bool) -> list[Any]:
    return ProvinceReportService(ctx).expiring(days, include_expired=include_expired)


def commune_outcomes(progress: Progress, ctx: AppContext) -> list[Any]:
    """At a commune: its dossiers the province has seen, with their certificates."""
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.services.registry.certificates import CertificateService

    service, certs = DossierService(ctx), CertificateService(ctx)
    out = []
    for row in service.search():
        if row.status in ("sent", "accepted", "returned", "decided"):
            detail = service.get(row.id)
            current = certs.current(row.product_id) if row.status == "decided" else None
            out.append((row, detail.return_reasons, current))
    return out


# -- writing --------------------------------------------------------------------------------------
def accept(progress: Progress, ctx: AppContext, dossier_ids: list[str]) -> int:
    service = InboxService(ctx)
    for n, dossier_id in enumerate(dossier_ids, start=1):
        service.accept(dossier_id)
        report(progress, n / len(dossier_ids), "")
    return len(dossier_ids)


def return_dossier(progress: Progress, ctx: AppContext, dossier_id: str, reasons: str) -> Any:
    return InboxService(ctx).return_for_correction(dossier_id, reasons)


def create_round(progress: Progress, ctx: AppContext, data: RoundInput) -> Any:
    return RoundService(ctx).create(data)


def assign(progress: Progress, ctx: AppContext, round_id: str, dossier_ids: list[str]) -> Any:
    return RoundService(ctx).assign(round_id, dossier_ids)


def unassign(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> None:
    RoundService(ctx).unassign(round_id, dossier_id)


def configure(progress: Progress, ctx: AppContext, round_id: str, settings: dict[str, Any]) -> Any:
    return CouncilService(ctx).configure(round_id, **settings)


def add_member(progress: Progress, ctx: AppContext, round_id: str, data: MemberInput) -> Any:
    return CouncilService(ctx).add_member(round_id, data)


def update_member(progress: Progress, ctx: AppContext, member_id: str, data: MemberInput) -> Any:
    return CouncilService(ctx).update_member(member_id, data)


def remove_member(progress: Progress, ctx: AppContext, member_id: str) -> None:
    CouncilService(ctx).remove_member(member_id)


def set_present(progress: Progress, ctx: AppContext, member_id: str, present: bool) -> Any:
    return CouncilService(ctx).set_present(member_id, present)


def copy_members(progress: Progress, ctx: AppContext, source: str, target: str) -> Any:
    return CouncilService(ctx).copy_members(source, target)


def aggregate_round(progress: Progress, ctx: AppContext, round_id: str) -> Any:
    report(progress, 0.05, "")
    return AggregationService(ctx).aggregate_round(round_id)


def aggregate_one(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> Any:
    return AggregationService(ctx).aggregate(round_id, dossier_id)


def rescore(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str, reason: str) -> Any:
    return AggregationService(ctx).request_rescore(round_id, dossier_id, reason)


def propose(progress: Progress, ctx: AppContext, round_id: str) -> Any:
    return ResultService(ctx).propose(round_id)


def withdraw(progress: Progress, ctx: AppContext, round_id: str, dossier_id: str) -> Any:
    return ResultService(ctx).withdraw_proposal(round_id, dossier_id)


def decide(progress: Progress, ctx: AppContext, round_id: str, data: DecisionInput) -> DecisionOutcome:
    return ResultService(ctx).decide(round_id, data)


def revoke(progress: Progress, ctx: AppContext, certificate_id: str, on: date, reason: str) -> Any:
    return ResultService(ctx).revoke(certificate_id, on=on, reason=reason)


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
def evaluator_links(progress: Progress, ctx: AppContext, round_id: str) -> list[Any]:
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    return ProvinceEvaluatorPackages(ctx).links(round_id)


def preview_enrollment(progress: Progress, ctx: AppContext, path: Path) -> Any:
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    return ProvinceEvaluatorPackages(ctx).preview_enrollment(path)


def import_enrollment(
    progress: Progress, ctx: AppContext, path: Path, round_id: str, member_id: str, confirm: str | None
) -> Any:
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    return ProvinceEvaluatorPackages(ctx).import_enrollment(
        path, round_id, member_id, confirm_fingerprint=confirm
    )


def export_assignment(
    progress: Progress, ctx: AppContext, round_id: str, member_id: str, target: Path
) -> Any:
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    return ProvinceEvaluatorPackages(ctx).export_assignment(round_id, member_id, target, progress=progress)
