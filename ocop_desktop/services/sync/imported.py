"""At the province: the dossiers that came in by package, and whether their results (accepted,
returned, decided here) still have to go back to the commune. The sync page's export dialog lists
them; accepting, returning and deciding are the province services' (`province.inbox`,
`province.results`).

Kept beside `status.py` rather than inside it, which is at its size budget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.dossiers import Status
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.sync.records import PROVINCE, PROVINCE_STATUSES, part_hash, row_json
from ocop_desktop.store.models import (
    Certificate,
    Dossier,
    Office,
    Producer,
    Product,
    SyncConflict,
    SyncDossierState,
    SyncPackage,
)
from ocop_desktop.store.queries import dossier_header

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class ImportedDossierRow:
    dossier_id: str
    product_name: str
    producer_name: str
    commune_name: str
    commune_office_id: str
    status: str
    status_label: str
    receipt_number: str
    last_received_at: datetime | None  # the package that brought the current version
    results_to_send: bool  # accepted / returned / decided here and not yet sent back
    open_conflicts: int


def imported(ctx: AppContext, status: str | None = None) -> list[ImportedDossierRow]:
    """The dossiers that arrived in packages, newest package first.

    Two queries whatever the number of dossiers: the rows (sender, package and open conflicts
    joined in), and the certificates that the province part's hash needs."""
    if ctx.office().role != "province":
        raise UserError("Chức năng này chỉ dùng ở máy của cơ quan OCOP cấp tỉnh.")
    conflicts = (
        select(SyncConflict.dossier_id, func.count().label("open"))
        .where(SyncConflict.resolved_at.is_(None))
        .group_by(SyncConflict.dossier_id)
        .subquery()
    )
    query = (
        dossier_header(
            Dossier, SyncDossierState, Product.name, Producer.name, Office.name, SyncPackage.recorded_at
        )
        .add_columns(conflicts.c.open)
        .join(SyncDossierState, SyncDossierState.dossier_id == Dossier.id)
        .outerjoin(Office, Office.id == SyncDossierState.peer_office_id)
        .outerjoin(SyncPackage, SyncPackage.id == SyncDossierState.last_received_package_id)
        .outerjoin(conflicts, conflicts.c.dossier_id == Dossier.id)
    )
    if status:
        query = query.where(Dossier.status == status)
    with ctx.read() as s:
        found = s.execute(query).all()
        hashes = province_hashes(s, [row[0] for row in found if row[0].status in PROVINCE_STATUSES])
    out = [
        ImportedDossierRow(
            d.id,
            product,
            producer,
            office or "",
            state.peer_office_id,
            d.status,
            Status(d.status).label,
            d.receipt_number or "",
            received,
            d.id in hashes and (state.own_hash != hashes[d.id] or state.acked_version < state.own_version),
            int(open_conflicts or 0),
        )
        for d, state, product, producer, office, received, open_conflicts in found
    ]
    return sorted(out, key=lambda r: (str(r.last_received_at or ""), r.dossier_id), reverse=True)


def province_hashes(s: Session, dossiers: list[Dossier]) -> dict[str, str]:
    """`records.local_hash(s, d, PROVINCE)` of each dossier, the certificates read in one query.

    The part is built as `records.province_part` builds it; a test holds the two equal."""
    certificates: dict[str, list[Certificate]] = {d.id: [] for d in dossiers}
    query = select(Certificate).where(Certificate.dossier_id.in_(list(certificates))).order_by(Certificate.id)
    for c in s.scalars(query):
        certificates[c.dossier_id or ""].append(c)
    return {
        d.id: part_hash(
            PROVINCE,
            {
                "status": d.status if d.status in PROVINCE_STATUSES else None,
                "return_reasons": d.return_reasons,
                "certificates": [row_json(c) for c in certificates[d.id]],
            },
        )
        for d in dossiers
    }
