"""What sending a dossier from its window asks of the services, as plain jobs `(progress, ctx, …)`:
whether the province is trusted yet (and what to read over the phone if not), the honest send (the
signed package first, the status after — `PackageService.export_dossiers`), the enrollment pack a
new commune starts with, and an outcome the province sent on paper."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.domain.paper_outcome import PaperDocument
from ocop_desktop.services.dossiers.paper import PaperOutcomeService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.services.sync.status import SyncStatusService
from ocop_desktop.ui.dossiers import ops

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.sync.outgoing import ExportResult


@dataclass(frozen=True)
class SendPlan:
    """What the officer is told before a dossier is sent."""

    dossier_id: str
    product_name: str
    province_name: str  # "" while no province is trusted here
    encrypted: bool  # the province's encryption key is known: personal data travels encrypted
    fingerprint: str  # this office's signing key, readable, for the phone call of the enrollment
    unit_code: str

    @property
    def trusted(self) -> bool:
        return bool(self.province_name)


@dataclass(frozen=True)
class Sent:
    package: ExportResult
    action: ops.ActionResult  # the dossier after the package was written


def send_plan(_progress: Progress | None, ctx: AppContext, dossier_id: str) -> SendPlan:
    detail = DossierService(ctx).get(dossier_id)
    keys = PackageService(ctx).own_keys()
    provinces = [p for p in SyncStatusService(ctx).peers() if p.role == "province" and p.signing_fingerprint]
    province = provinces[0] if len(provinces) == 1 else None
    return SendPlan(
        dossier_id,
        detail.row.product_name,
        province.name if province else "",
        bool(province and province.encryption_known),
        keys.signing.readable,
        keys.unit_code,
    )


def send_dossier(
    progress: Progress, ctx: AppContext, dossier_id: str, target: Path, expected_revision: int
) -> Sent:
    """The dossier as the window last saw it, written into a signed submission at `target`; it is
    "sent" only once the package is there (a cancel or a failure changes nothing)."""
    if DossierService(ctx).get(dossier_id).row.revision != expected_revision:
        raise ConflictError("Hồ sơ đã được thay đổi ở nơi khác. Hãy mở lại hồ sơ rồi gửi.")
    result = PackageService(ctx).export_dossiers(target, dossier_ids=[dossier_id], progress=progress)
    detail = DossierService(ctx).get(dossier_id)
    return Sent(result, ops.ActionResult(detail, ops.load_checklist(None, ctx, dossier_id)))


def export_enrollment(_progress: Progress | None, ctx: AppContext, target: Path) -> ExportResult:
    return PackageService(ctx).export_enrollment(target)


def record_paper(
    _progress: Progress | None,
    ctx: AppContext,
    dossier_id: str,
    outcome: str,
    document: PaperDocument,
    expected_revision: int,
) -> ops.ActionResult:
    detail = PaperOutcomeService(ctx).record(
        dossier_id, outcome, document, expected_revision=expected_revision
    )
    return ops.ActionResult(detail, ops.load_checklist(None, ctx, dossier_id))
