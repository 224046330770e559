"""What the dossier widgets ask of the services, as plain functions; the widgets never build a
service themselves. Jobs, `(progress, ctx, …) -> row`, run in the background with `run_task`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_desktop.services.dossiers.service import DossierDetail, DossierService
from ocop_desktop.services.registry.products import ProductRow, ProductService

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext


# -- pickers (direct: one page of rows per keystroke) -------------------------------------------
def products(ctx: AppContext, query: str, limit: int) -> list[ProductRow]:
    return ProductService(ctx).list(query, limit=limit)


# -- jobs ---------------------------------------------------------------------------------------
def create_dossier(
    _progress: Progress | None, ctx: AppContext, product_id: str, registration_type: str
) -> DossierDetail:
    """A new dossier; an upgrade or re-evaluation starts from the recognised dossier's forms."""
    return DossierService(ctx).create(product_id, registration_type)
