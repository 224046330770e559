"""Dossier records in packages: rows to JSON and back, the two owned parts and their hashes.

A dossier has two parts, each owned by one office (docs/sync-package.md, "Who owns what"):
- the commune part: producer, product, the dossier's forms and receipt data, checklist, attachments
  (metadata) and the self-assessment sheet;
- the province part: the province's status (accepted / returned / decided), return reasons,
  certificates and, for a product proposed for 5★, the proposal and the ministry's result
  (`five_star_review`; only when there is one, so other records are as before).
The hashes leave out bookkeeping (revision, timestamps, who) and derived search keys, so that the
same content hashes the same on both machines and an action on the other part does not look like
an edit of this one.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.dossiers import COMMUNE_ACTIONS, Action, Status
from ocop_desktop.ocoppkg.format import canonical_json, sha256_hex
from ocop_desktop.store.base import Base
from ocop_desktop.store.models import (
    Attachment,
    Blob,
    Certificate,
    ChecklistItem,
    Dossier,
    DossierEvent,
    FiveStarReview,
    Producer,
    Product,
    ScoreSheet,
)

RECORD_SCHEMA = 1
COMMUNE, PROVINCE = "commune", "province"
PROVINCE_STATUSES = frozenset({Status.ACCEPTED.value, Status.RETURNED.value, Status.DECIDED.value})
META = frozenset(
    {"revision", "created_at", "updated_at", "updated_by_office_id", "updated_by_officer_id", "search_key"}
)
DOSSIER_PROVINCE_FIELDS = frozenset({"status", "return_reasons"})
# Columns of this office only: never sent, never taken from a record ("Lưu trữ": dossier.archived_on)
LOCAL_DOSSIER_FIELDS = frozenset({"archived_on"})
COMMUNE_STEPS = frozenset(a.value for a in COMMUNE_ACTIONS)
FIVE_STAR_REVIEW = "five_star_review"  # an optional section of the province part (docs/sync-package.md §4)
WITHDRAWAL = "withdrawal"  # an optional section of the commune part: the producer withdrew the dossier


def row_json(row: Base) -> dict[str, Any]:
    """Every column, dates as ISO text."""
    out: dict[str, Any] = {}
    for column in row.__table__.columns:
        value = getattr(row, column.key)
        out[column.key] = value.isoformat() if isinstance(value, (date, datetime)) else value
    return out


def json_values(model: type[Base], data: dict[str, Any]) -> dict[str, Any]:
    """Column values for `model` from JSON: dates parsed, unknown keys dropped (a newer sender)."""
    out: dict[str, Any] = {}
    for column in model.__table__.columns:
        if column.key not in data:
            continue
        value = data[column.key]
        if value is not None and isinstance(column.type, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        out[column.key] = value
    return out


def _content(data: dict[str, Any], drop: frozenset[str] = frozenset()) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in META and k not in drop}


def commune_part(s: Session, d: Dossier) -> dict[str, Any]:
    product = s.get(Product, d.product_id)
    assert product is not None
    producer = s.get(Producer, product.producer_id)
    assert producer is not None
    items = s.scalars(
        select(ChecklistItem).where(ChecklistItem.dossier_id == d.id).order_by(ChecklistItem.key)
    )
    sheet = s.scalars(
        select(ScoreSheet).where(ScoreSheet.dossier_id == d.id, ScoreSheet.kind == "self")
    ).first()
    attachments = []
    for a, b in s.execute(
        select(Attachment, Blob)
        .join(Blob, Blob.sha256 == Attachment.blob_sha256)
        .where(Attachment.dossier_id == d.id)
        .order_by(Attachment.id)
    ):
        attachments.append({**row_json(a), "size": b.size, "media_type": b.media_type, "pages": b.pages})
    dossier = {
        k: v
        for k, v in row_json(d).items()
        if k not in DOSSIER_PROVINCE_FIELDS and k not in LOCAL_DOSSIER_FIELDS
    }
    part: dict[str, Any] = {
        "dossier": dossier,
        "producer": row_json(producer),
        "product": row_json(product),
        "checklist": [row_json(i) for i in items],
        "self_assessment": row_json(sheet) if sheet else None,
        "attachments": attachments,
    }
    if d.status == Status.WITHDRAWN.value:
        part[WITHDRAWAL] = withdrawal(s, d.id)
    return part


def withdrawal(s: Session, dossier_id: str) -> dict[str, Any]:
    """The producer's withdrawal as a section of the commune's part (docs/sync-package.md §4): it changes
    the part's hash, so the dossier goes again in the next submission, and the province sees it."""
    event = s.scalars(
        select(DossierEvent)
        .where(DossierEvent.dossier_id == dossier_id, DossierEvent.action == Action.WITHDRAW.value)
        .order_by(DossierEvent.at.desc())
    ).first()
    if event is None:  # withdrawn elsewhere (a copy received): nothing more to say
        return {"reason": "", "at": None}
    return {"reason": event.note, "at": event.at.isoformat()}


def province_part(s: Session, d: Dossier) -> dict[str, Any]:
    certificates = s.scalars(
        select(Certificate).where(Certificate.dossier_id == d.id).order_by(Certificate.id)
    )
    part: dict[str, Any] = {
        "status": d.status if d.status in PROVINCE_STATUSES else None,
        "return_reasons": d.return_reasons,
        "certificates": [row_json(c) for c in certificates],
    }
    review = s.scalars(select(FiveStarReview).where(FiveStarReview.dossier_id == d.id)).first()
    if review is not None:
        part[FIVE_STAR_REVIEW] = row_json(review)
    return part


def part_hash(part_name: str, part: dict[str, Any], *, ignore_status: bool = False) -> str:
    if part_name == COMMUNE:
        content = {
            key: (
                # rows lose their bookkeeping; other items (a newer sender's list field) stay as they are
                [_content(x) if isinstance(x, dict) else x for x in value]
                if isinstance(value, list)
                else _content(value)
                if isinstance(value, dict)
                else value
            )
            for key, value in part.items()
        }
    else:
        content = {
            "status": None if ignore_status else part.get("status"),
            "return_reasons": part.get("return_reasons", ""),
            "certificates": [_content(c) for c in part.get("certificates", [])],
        }
    return sha256_hex(canonical_json(content))


def state_hash(part_name: str, part: dict[str, Any], *, ignore_status: bool = False) -> str:
    """The hash that says whether a part changed (versions, acknowledgements, local edits).

    `part_hash` is the one a record carries: readers before the 5★ review compute a results record's
    over its status, reasons and certificates only, so the review cannot enter it without them
    refusing the record. It enters this one instead: a new or changed review is a new version of the
    part, sent and applied like any other change; with no review, both hashes are the same."""
    wire = part_hash(part_name, part, ignore_status=ignore_status)
    review = part.get(FIVE_STAR_REVIEW) if part_name == PROVINCE else None
    if not isinstance(review, dict):
        return wire
    return sha256_hex(canonical_json({"part": wire, FIVE_STAR_REVIEW: _content(review)}))


def local_part(s: Session, d: Dossier, part_name: str) -> dict[str, Any]:
    return commune_part(s, d) if part_name == COMMUNE else province_part(s, d)


def local_hash(s: Session, d: Dossier, part_name: str, *, copy: bool = False) -> str:
    """Hash of a part as it is here now. For the province's part kept at the commune (`copy`), the
    status is left out: the commune moves the status itself (reopening a returned dossier)."""
    return state_hash(part_name, local_part(s, d, part_name), ignore_status=copy and part_name == PROVINCE)


def events_json(s: Session, dossier_id: str) -> list[dict[str, Any]]:
    rows = s.scalars(
        select(DossierEvent).where(DossierEvent.dossier_id == dossier_id).order_by(DossierEvent.at)
    )
    return [row_json(e) for e in rows]


def build_record(
    s: Session, d: Dossier, part_name: str, version: int, seen_version: int, status: str | None = None
) -> dict[str, Any]:
    """The JSON record of one dossier in a package: the sender's part in full, plus what it has seen."""
    part = local_part(s, d, part_name)
    return {
        "schema": RECORD_SCHEMA,
        "dossier_id": d.id,
        "status": status or d.status,
        "part": part_name,
        "version": version,
        "hash": part_hash(part_name, part),
        "seen_version": seen_version,
        "data": part,
        "events": _sent_events(events_json(s, d.id), part_name),
    }


def _sent_events(events: list[dict[str, Any]], part_name: str) -> list[dict[str, Any]]:
    """The history a record carries. A commune's record carries only the commune's steps: the
    province has its own, and a province outcome the commune recorded from a paper document is the
    commune's note, not the province's act — the province would refuse it (`not_own_part`)."""
    if part_name != COMMUNE:
        return events
    return [e for e in events if e["action"] in COMMUNE_STEPS]
