"""The sync page's background jobs and data, as plain functions of the services (no Qt): each
takes the Qt-free `progress` first, as `ui.tasks.run_task` calls it.

`conflict_versions` is the one adapter that opens a read session itself: `ConflictService` gives
the incoming record but not this machine's copy of the same part (see the UI report: a
`ConflictService.versions(id)` would replace it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_desktop.progress import Progress
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.services.sync.status import SyncOverview, SyncStatusService

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.sync.conflicts import ConflictRow
    from ocop_desktop.services.sync.keys import OwnKeys
    from ocop_desktop.services.sync.outgoing import ExportResult
    from ocop_desktop.services.sync.status import PeerStatus
    from ocop_desktop.services.sync.types import Confirmation, ImportPreview, ImportResult


@dataclass(frozen=True)
class Snapshot:
    """What the sync page shows, read in one go."""

    role: str
    keys: OwnKeys
    overview: SyncOverview
    now: datetime


@dataclass(frozen=True)
class Candidate:
    """A dossier that can go into an outgoing package."""

    dossier_id: str
    product_name: str
    producer_name: str
    status_label: str
    state_label: str
    pending: bool  # not yet acknowledged by the peer: part of "all pending"
    peer_office_id: str = ""
    peer_name: str = ""
    state_key: str = ""  # the sync state's key ("not_sent", "sent", …): its words in the interface language


def load_snapshot(progress: Progress, ctx: AppContext, days: int) -> Snapshot:
    keys = PackageService(ctx).own_keys()  # makes the encryption pair on first use
    overview = SyncStatusService(ctx).overview(unsent_after_days=days)
    return Snapshot(keys.role, keys, overview, datetime.now(UTC))


def commune_candidates(progress: Progress, ctx: AppContext) -> list[Candidate]:
    """Dossiers the commune may send: checked by the commune, or sent and not yet acknowledged."""
    from ocop_desktop.domain.dossiers import Status
    from ocop_desktop.services.dossiers.service import DossierService

    service, status = DossierService(ctx), SyncStatusService(ctx)
    out = []
    for wanted in (Status.COMMUNE_CHECKED.value, Status.SENT.value):
        for row in service.search(status=wanted):
            state = status.dossier_status(row.id)
            pending = state.state != "acknowledged"
            if wanted == Status.SENT.value and not pending:
                continue
            out.append(
                Candidate(
                    row.id,
                    row.product_name,
                    row.producer_name,
                    row.status_label,
                    state.label,
                    pending,
                    state_key=state.state,
                )
            )
    return out


def province_candidates(progress: Progress, ctx: AppContext) -> list[Candidate]:
    """Dossiers accepted, returned or decided here whose result the commune has not confirmed."""
    from ocop_desktop.services.sync.imported import imported

    return [
        Candidate(
            r.dossier_id,
            r.product_name,
            r.producer_name,
            r.status_label,
            "",
            True,
            r.commune_office_id,
            r.commune_name,
        )
        for r in imported(ctx)
        if r.results_to_send
    ]


def peers(progress: Progress, ctx: AppContext) -> list[PeerStatus]:
    return SyncStatusService(ctx).peers()


def export_dossiers(
    progress: Progress, ctx: AppContext, target: Path, to: str | None, ids: list[str] | None, pending: bool
) -> ExportResult:
    return PackageService(ctx).export_dossiers(
        target, to=to, dossier_ids=ids or None, pending=pending, progress=progress
    )


def export_enrollment(progress: Progress, ctx: AppContext, target: Path) -> ExportResult:
    if ctx.office().role == "evaluator":  # a council member's laptop enrolls with its province
        from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages

        return EvaluatorPackages(ctx).export_enrollment(target)
    return PackageService(ctx).export_enrollment(target)


def export_reference(progress: Progress, ctx: AppContext, target: Path) -> ExportResult:
    return PackageService(ctx).export_reference(target)


def preview(progress: Progress, ctx: AppContext, path: Path) -> ImportPreview:
    return PackageService(ctx).preview(path, progress=progress)


def apply(
    progress: Progress, ctx: AppContext, path: Path, confirm: Confirmation, receipt: Path
) -> ImportResult:
    return PackageService(ctx).import_package(
        path,
        confirm_fingerprint=confirm.fingerprint,
        receipt_path=receipt,
        progress=progress,
        confirm_key_change=confirm.key_change,
    )


def receipts_dir(ctx: AppContext) -> Path:
    """Where receipts of imported packages are written before the officer saves a copy."""
    return ctx.paths.data_dir / "receipts"


def resolve_conflict(progress: Progress, ctx: AppContext, conflict_id: str, resolution: str) -> ConflictRow:
    from ocop_desktop.services.sync.conflicts import ConflictService

    return ConflictService(ctx).resolve(conflict_id, resolution)


@dataclass(frozen=True)
class Versions:
    local: dict[str, Any]
    incoming: dict[str, Any]
    differences: tuple[str, ...]


def conflict_versions(progress: Progress, ctx: AppContext, conflict_id: str) -> Versions:
    """This machine's copy of the conflicting part and the incoming one, both as plain JSON."""
    from ocop_desktop.services.sync.conflicts import ConflictService

    service = ConflictService(ctx)
    row = service.get(conflict_id)
    incoming = service.incoming(conflict_id)
    return Versions(service.local(conflict_id), dict(incoming.get("data", {})), row.differences)
