"""What the dossier widgets ask of the services, as plain functions; the widgets never build a
service themselves.

Jobs, `(progress, ctx, …) -> row`, run in the background with `run_task`: the procedure in force
(the list explains its deadlines), opening a dossier (all its editor shows, in one read), a lifecycle
action, reloading after a change made elsewhere,
adding, linking and removing evidence, printing a form. Called directly, on the GUI thread: the
list's and the pickers' reads (one page of rows per keystroke, as `kit.lazy_model` is built
around), the autosave of a form section and the save of a checklist item (one small write each,
timed in `session.py`)."""

from __future__ import annotations

import importlib
import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.domain.checklist import Completeness
from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.rules.model import Procedure
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.checklists import ChecklistRow, ChecklistService
from ocop_desktop.services.dossiers.consistency import ConsistencyService, ConsistencyView
from ocop_desktop.services.dossiers.evidence import AttachmentRow, EvidenceService
from ocop_desktop.services.dossiers.service import DossierDetail, DossierRow, DossierService
from ocop_desktop.services.registry.products import ProductRow, ProductService

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChecklistView:
    items: list[ChecklistRow]
    completeness: Completeness


@dataclass(frozen=True)
class ChecklistChange:
    """A checklist item after it was saved, and where the dossier stands now."""

    row: ChecklistRow
    completeness: Completeness


@dataclass(frozen=True)
class EvidenceView:
    rows: list[AttachmentRow]
    total_size: int


@dataclass(frozen=True)
class EvidenceAdded:
    added: list[AttachmentRow]
    evidence: EvidenceView


@dataclass(frozen=True)
class ActionResult:
    """The dossier after a lifecycle action, and its checklist (what is required may follow)."""

    detail: DossierDetail
    checklist: ChecklistView


@dataclass(frozen=True)
class EditorData:
    """Everything the dossier editor shows when it opens, read in one job."""

    detail: DossierDetail
    checklist: ChecklistView
    evidence: EvidenceView
    previous: DossierDetail | None  # the recognised dossier an upgrade or re-evaluation starts from
    product_set: str  # "group › subgroup › 13 – name", for the note on Mẫu 01
    criteria: list[tuple[str, str]]  # (code, title) of the sheet's criteria, for evidence links
    consistency: ConsistencyView | None = None  # what the producer's record contradicts, facts to take back


# -- lists, pickers and small writes (direct) ----------------------------------------------------
def dossier_page(
    ctx: AppContext,
    query: str,
    status: str | None,
    due_only: bool,
    offset: int,
    limit: int,
    after: DossierRow | None = None,
    with_archived: bool = False,
) -> list[DossierRow]:
    """A page of the office's dossiers matching `query` (diacritics optional), nearest deadline first:
    from `offset`, or from the row after `after` (the last row of the page before); archived ones only
    `with_archived`."""
    return DossierService(ctx).search(
        query,
        status=status,
        due_only=due_only,
        offset=offset,
        limit=limit,
        after=after,
        with_archived=with_archived,
    )


def dossier_count(
    ctx: AppContext, query: str, status: str | None, due_only: bool, with_archived: bool = False
) -> int:
    return DossierService(ctx).count(query, status=status, due_only=due_only, with_archived=with_archived)


def products(ctx: AppContext, query: str, limit: int) -> list[ProductRow]:
    return ProductService(ctx).search(query, limit=limit)


def today(ctx: AppContext) -> date:
    return DossierService(ctx).today()


def save_section(
    ctx: AppContext, dossier_id: str, section: str, values: dict[str, object], expected_revision: int
) -> DossierDetail:
    return DossierService(ctx).save_section(dossier_id, section, values, expected_revision=expected_revision)


def update_checklist_item(ctx: AppContext, dossier_id: str, key: str, **change: object) -> ChecklistChange:
    service = ChecklistService(ctx)
    row = service.update(dossier_id, key, **change)  # type: ignore[arg-type]
    return ChecklistChange(row, service.completeness(dossier_id))


# -- jobs ---------------------------------------------------------------------------------------
def procedure_in_force(_progress: Progress | None, _ctx: AppContext) -> Procedure:
    """The procedure (deadlines, validity) of the rule set in force today."""
    return RuleService().procedure(on=date.today())


def create_dossier(
    _progress: Progress | None,
    ctx: AppContext,
    product_id: str,
    registration_type: str,
    allow_duplicate: bool = False,
    filing_override: str = "",
) -> DossierDetail:
    """A new dossier; an upgrade or re-evaluation starts from the recognised dossier's forms. A
    re-evaluation outside its filing window needs `filing_override` (the officer's reason)."""
    return DossierService(ctx).create(
        product_id, registration_type, allow_duplicate=allow_duplicate, filing_override=filing_override
    )


def open_dossier(_progress: Progress | None, ctx: AppContext, dossier_id: str) -> EditorData:
    editor_modules()
    with ctx.shared_read():  # one transaction for the window's reads (a server desk: fewer round trips)
        detail = DossierService(ctx).get(dossier_id)
        evidence = load_evidence(None, ctx, dossier_id)
        attached = Counter(row.checklist_key for row in evidence.rows)  # the same snapshot: no count query
        return EditorData(
            detail,
            ChecklistView(*ChecklistService(ctx).items_and_completeness(dossier_id, attached)),
            evidence,
            _previous(ctx, detail),
            _product_set(detail),
            _criteria(detail),
            ConsistencyService(ctx).check(dossier_id),
        )


def editor_modules() -> None:
    """The editor's modules (its tabs, the score-sheet widgets), imported here on the worker that reads
    the dossier: importing them on the GUI thread, with the list page, held the window ~0.4 s.
    Importing creates no widget."""
    importlib.import_module("ocop_desktop.ui.dossiers.editor")


def load_detail(_progress: Progress | None, ctx: AppContext, dossier_id: str) -> DossierDetail:
    return DossierService(ctx).get(dossier_id)


def load_checklist(_progress: Progress | None, ctx: AppContext, dossier_id: str) -> ChecklistView:
    return ChecklistView(*ChecklistService(ctx).items_and_completeness(dossier_id))


def load_evidence(_progress: Progress | None, ctx: AppContext, dossier_id: str) -> EvidenceView:
    rows = EvidenceService(ctx).attachments(dossier_id)
    # the sum EvidenceService.total_size counts, from the rows already read: a query less
    return EvidenceView(rows, sum(r.size for r in rows))


def act(
    _progress: Progress | None,
    ctx: AppContext,
    dossier_id: str,
    action: str,
    note: str,
    on: date | None,
    expected_revision: int,
) -> ActionResult:
    """One lifecycle action on the dossier as the editor last saw it (ConflictError otherwise)."""
    detail = DossierService(ctx).act(
        dossier_id, action, note=note, on=on, expected_revision=expected_revision
    )
    return ActionResult(detail, load_checklist(None, ctx, dossier_id))


def add_evidence(
    progress: Progress | None, ctx: AppContext, dossier_id: str, files: list[Path], checklist_key: str | None
) -> EvidenceAdded:
    """Check, store and attach files, all or nothing (`EvidenceService.add_files`)."""
    added = EvidenceService(ctx).add_files(dossier_id, files, checklist_key=checklist_key, progress=progress)
    return EvidenceAdded(added, load_evidence(None, ctx, dossier_id))


def link_evidence(
    _progress: Progress | None,
    ctx: AppContext,
    dossier_id: str,
    attachment_id: str,
    checklist_key: str | None,
    criteria: tuple[str, ...],
) -> EvidenceView:
    EvidenceService(ctx).link(attachment_id, checklist_key=checklist_key, criteria=criteria)
    return load_evidence(None, ctx, dossier_id)


def remove_evidence(
    _progress: Progress | None, ctx: AppContext, dossier_id: str, attachment_id: str
) -> EvidenceView:
    EvidenceService(ctx).remove(attachment_id)
    return load_evidence(None, ctx, dossier_id)


def print_form(_progress: Progress | None, ctx: AppContext, dossier_id: str, form: str, out: Path) -> Path:
    """One form of the dossier as a PDF at `out`."""
    from ocop_desktop.services.dossiers.print_data import print_dossier_form  # ReportLab: ~0.3 s to import

    return Path(print_dossier_form(ctx, dossier_id, form, out))


# -- what the editor shows besides the dossier --------------------------------------------------
def _previous(ctx: AppContext, detail: DossierDetail) -> DossierDetail | None:
    if not detail.previous_dossier_id:
        return None
    try:
        return DossierService(ctx).get(detail.previous_dossier_id)
    except UserError as exc:
        log.warning("previous dossier %s not readable: %s", detail.previous_dossier_id, exc.message)
        return None


def _product_set(detail: DossierDetail) -> str:
    """Items 3 and 4 of Mẫu 01 come from the product and the dossier, not from typing."""
    try:
        ps = RuleService().get(detail.ruleset_id).sheet(detail.row.product_set).product_set
    except UserError:
        return str(detail.row.product_set)
    return f"{ps.product_group_name} › {ps.group_name} › {ps.number} – {ps.name}"


def _criteria(detail: DossierDetail) -> list[tuple[str, str]]:
    try:
        sheet = RuleService().get(detail.ruleset_id).sheet(detail.row.product_set)
    except UserError:
        return []
    return [(leaf.code, leaf.title) for leaf in sheet.leaves()]
