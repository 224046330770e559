"""What the dossier service returns: a list row, a history step and the whole dossier (kept apart from
the service so that its file stays about the rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ocop_desktop.services.dossiers.closing import ArchiveState
from ocop_desktop.services.dossiers.reevaluation import ReevaluationDates


@dataclass(frozen=True)
class DossierRow:
    id: str
    revision: int
    product_id: str
    product_code: str
    product_name: str
    producer_name: str
    product_set: int
    registration_type: str
    registration_label: str
    status: str
    status_label: str
    receipt_number: str
    received_on: date | None
    deadline: date | None
    urgency: str
    urgency_label: str
    updated_at: datetime
    # the deadline crosses a year whose holidays are not official yet (computed): shown "(dự kiến)"
    deadline_estimated: bool = False
    archived: bool = False  # set aside ("Lưu trữ"): listed only when asked


@dataclass(frozen=True)
class DossierEventRow:
    action: str
    from_status: str
    to_status: str
    at: datetime
    officer_id: str | None
    note: str
    on_paper: bool = False  # the province's outcome as the commune recorded it from a paper document
    officer_name: str = ""  # as the officer is named now (a rename shows in old events too)


@dataclass(frozen=True)
class DossierDetail:
    row: DossierRow
    ruleset_id: str
    ruleset_hash: str
    forms: dict[str, dict[str, Any]]
    previous_dossier_id: str | None
    base_certificate_id: str | None
    return_reasons: str
    events: tuple[DossierEventRow, ...]
    editable: bool
    allowed_actions: tuple[str, ...]  # the steps this office takes itself, open now
    paper_outcomes: tuple[str, ...] = ()  # the province's outcomes a commune may record from paper
    five_star: tuple[str, ...] = ()  # the 5★ proposal to the ministry and its result (domain.province)
    reevaluation: ReevaluationDates | None = None  # a re-evaluation: window, grace, the province's limit
    archive: ArchiveState = ArchiveState(False, "")  # archived, or why it cannot be yet
