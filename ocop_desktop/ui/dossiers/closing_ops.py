"""Jobs of the dossier window's closing and consistency parts (`(progress, ctx, …) -> row`, run with
`run_task`): archive and restore a closed dossier, read what the producer's record contradicts, take a
dossier's producer facts back to the record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_desktop.services.dossiers.closing import DossierArchiveService
from ocop_desktop.services.dossiers.consistency import ConsistencyService, ConsistencyView
from ocop_desktop.services.dossiers.service import DossierDetail, DossierService

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext


def archive(_progress: Progress | None, ctx: AppContext, dossier_id: str, revision: int) -> DossierDetail:
    DossierArchiveService(ctx).archive(dossier_id, expected_revision=revision)
    return DossierService(ctx).get(dossier_id)


def restore(_progress: Progress | None, ctx: AppContext, dossier_id: str) -> DossierDetail:
    DossierArchiveService(ctx).restore(dossier_id)
    return DossierService(ctx).get(dossier_id)


def consistency(_progress: Progress | None, ctx: AppContext, dossier_id: str) -> ConsistencyView:
    return ConsistencyService(ctx).check(dossier_id)


def take_back(_progress: Progress | None, ctx: AppContext, dossier_id: str) -> ConsistencyView:
    return ConsistencyService(ctx).take_back(dossier_id)
