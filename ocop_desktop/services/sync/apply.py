"""Deciding what an incoming dossier record is (new / updated / unchanged / stale / conflicting)
and applying it. Both run inside the caller's session; nothing here commits.

The rule (docs/sync-package.md, "Stale and concurrent"): a record carries its owner's version of
one part and the version of our part it had seen. Older than what we applied: stale. Same: unchanged.
Newer: applied, unless something happened here that the sender had not seen — our copy of its
part was edited here, or our own part moved on (exported or not) — then it is kept for review.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.dossiers import Status
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.services.province.withdrawals import check_withdrawable, decided_here, withdraw_entry
from ocop_desktop.services.sync.records import (
    COMMUNE,
    FIVE_STAR_REVIEW,
    LOCAL_DOSSIER_FIELDS,
    PROVINCE,
    WITHDRAWAL,
    json_values,
    local_hash,
)
from ocop_desktop.store.audit import audited_execute
from ocop_desktop.store.base import Base, utcnow
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
    SyncDossierState,
)

COMMUNE_WORKING = frozenset(
    {Status.DRAFT.value, Status.COMPLETE.value, Status.RECEIVED.value, Status.COMMUNE_CHECKED.value}
)
WITHDRAWN = Status.WITHDRAWN.value
REASONS = {
    "unknown_dossier": "Máy này không có hồ sơ này, nên không thể ghi kết quả vào đâu.",
    "same_version_different_content": "Cùng số phiên bản nhưng nội dung khác với bản đã nhận trước đây.",
    "local_change": "Hồ sơ đã được sửa trên máy này sau lần nhận trước; bản gửi đến không được ghi đè lên.",
    "not_seen_latest": "Bên gửi chưa nhận được kết quả/hồ sơ mới nhất của máy này khi sửa hồ sơ.",
    "unsent_local_action": "Máy này có thay đổi chưa gửi đi (ví dụ: đã tiếp nhận hoặc trả lại) trùng lúc với "
    "bản gửi đến.",
    "commune_reopened": "Xã đã mở lại hồ sơ để sửa; kết quả gửi đến không được ghi đè lên.",
    "commune_withdrew": "Chủ thể đã rút hồ sơ (xã đã hủy hồ sơ); kết quả gửi đến không được ghi đè lên.",
    "withdrawn_after_decision": "Chủ thể rút hồ sơ sau khi tỉnh đã có quyết định công nhận sản phẩm này; "
    "việc rút hồ sơ không được ghi. Hãy giữ bản trên máy và báo lại cho xã.",
    "stale": "Bản gửi đến cũ hơn bản đã có trên máy này.",
}


@dataclass(frozen=True)
class Planned:
    record: dict[str, Any]
    outcome: str
    reason: str = ""  # a key of REASONS
    local_version: int = 0


def classify(s: Session, rec: dict[str, Any], sender_office_id: str) -> Planned:
    part = rec["part"]
    d = s.get(Dossier, rec["dossier_id"])
    state = s.get(SyncDossierState, rec["dossier_id"])
    if d is None:
        return Planned(rec, "new") if part == COMMUNE else Planned(rec, "conflicting", "unknown_dossier")
    if state is None or state.peer_office_id != sender_office_id:
        raise PackageRefused(
            "wrong_owner",
            f"Hồ sơ {rec['dossier_id'][:8]} trên máy này không thuộc cơ quan đã gửi "
            "gói, nên gói không được dùng để sửa hồ sơ này.",
        )
    version, seen = rec["version"], rec["seen_version"]
    if version < state.peer_version:
        return Planned(rec, "stale", "stale", state.peer_version)
    if version == state.peer_version:
        same = rec["hash"] == state.peer_hash
        return Planned(
            rec,
            "unchanged" if same else "conflicting",
            "" if same else "same_version_different_content",
            state.peer_version,
        )
    own = PROVINCE if part == COMMUNE else COMMUNE
    reason = ""
    if part == COMMUNE and rec["status"] == WITHDRAWN and decided_here(s, d.id):  # too late (issue 15)
        reason = "withdrawn_after_decision"
    elif state.peer_local_hash and local_hash(s, d, part, copy=True) != state.peer_local_hash:
        reason = "local_change"
    elif seen < state.own_version:
        reason = "not_seen_latest"
    elif part == PROVINCE and d.status == Status.WITHDRAWN.value:  # the withdrawal is on its way up
        reason = "commune_withdrew"
    elif state.own_hash and local_hash(s, d, own) != state.own_hash:
        reason = "unsent_local_action"
    elif part == PROVINCE and d.status in COMMUNE_WORKING:
        reason = "commune_reopened"
    return Planned(rec, "conflicting" if reason else "updated", reason, state.peer_version)


def apply(s: Session, rec: dict[str, Any], sender_office_id: str, package_id: str) -> None:
    """Write one record (new or updated) and the sync state. The session has KEEP_REVISIONS set."""
    part = rec["part"]
    withdrawn = part == COMMUNE and rec["status"] == WITHDRAWN
    if withdrawn:  # a decision took it: taking the withdrawal anyway is refused (issue 15)
        check_withdrawable(s, rec["dossier_id"])
    with s.no_autoflush:  # flushes happen where the order of inserts matters, not on every lookup
        if part == COMMUNE:
            _apply_commune(s, rec)
        else:
            _apply_province(s, rec, sender_office_id)
        _merge_events(s, rec)
    s.flush()
    if withdrawn:  # its round entry stops competing (issue 15)
        withdraw_entry(s, rec["dossier_id"], rec["data"].get(WITHDRAWAL) or {}, package_id)
    d = s.get(Dossier, rec["dossier_id"])
    assert d is not None
    state = s.get(SyncDossierState, d.id)
    own = PROVINCE if part == COMMUNE else COMMUNE
    if state is None:
        state = SyncDossierState(
            dossier_id=d.id,
            peer_office_id=sender_office_id,
            own_part=own,
            own_version=0,
            acked_version=0,
            last_outcome="",
        )
        s.add(state)
    state.peer_version, state.peer_hash = rec["version"], rec["hash"]
    state.peer_local_hash = local_hash(s, d, part, copy=True)
    if own == PROVINCE or not state.own_hash:
        # At the province, taking a (re)submission resets the province's own status to "sent":
        # a consequence of the exchange, not a local action still to be sent.
        state.own_hash = local_hash(s, d, own)
    state.last_received_package_id, state.updated_at = package_id, utcnow()


def _apply_commune(s: Session, rec: dict[str, Any]) -> None:
    data = rec["data"]
    _upsert(s, Producer, data["producer"], newer_only=True)
    s.flush()
    _upsert(s, Product, data["product"], newer_only=True)
    s.flush()
    d = _upsert(s, Dossier, {k: v for k, v in data["dossier"].items() if k not in LOCAL_DOSSIER_FIELDS})
    d.status = rec["status"]
    if d.return_reasons is None:
        d.return_reasons = ""
    dossier_id = d.id
    shas = {a["blob_sha256"]: a for a in data["attachments"]}
    known = set(s.scalars(select(Blob.sha256).where(Blob.sha256.in_(shas)))) if shas else set()
    s.flush()  # no ORM relationship orders the inserts: parents and blobs first
    new_blobs = [
        {
            "sha256": sha,
            "size": a["size"],
            "media_type": a["media_type"][:60],
            "pages": a.get("pages"),
            "created_at": utcnow(),
        }
        for sha, a in shas.items()
        if sha not in known
    ]
    if new_blobs:
        s.execute(insert(Blob), new_blobs)
    _replace(s, ChecklistItem, dossier_id, data["checklist"])
    _replace(s, Attachment, dossier_id, data["attachments"])
    sheets = [data["self_assessment"]] if data["self_assessment"] else []
    _replace(s, ScoreSheet, dossier_id, sheets, where=ScoreSheet.kind == "self")


def _apply_province(s: Session, rec: dict[str, Any], sender_office_id: str) -> None:
    data = rec["data"]
    d = s.get(Dossier, rec["dossier_id"])
    assert d is not None
    if data["status"]:
        d.status = data["status"]
    d.return_reasons = data["return_reasons"]
    d.revision, d.updated_at, d.updated_by_office_id = d.revision + 1, utcnow(), sender_office_id
    for c in data["certificates"]:
        _upsert(s, Certificate, c)
    review = data.get(FIVE_STAR_REVIEW)
    if isinstance(review, dict):
        s.flush()  # its certificate first
        _upsert(s, FiveStarReview, review)


def _upsert(
    s: Session,
    model: type[Base],
    data: dict[str, Any],
    *,
    newer_only: bool = False,
    row: Any = None,
    look: bool = True,
) -> Any:
    values = json_values(model, data)
    if row is None and look:
        row = s.get(model, values["id"])
    if row is None:
        row = model(**values)
        s.add(row)
        return row
    incoming = values.get("revision", 0)
    if newer_only and incoming < row.revision:
        return row
    local_revision = row.revision
    for key, value in values.items():
        setattr(row, key, value)
    if hasattr(row, "revision"):  # never let a revision go down on this machine (editors compare them)
        row.revision = max(incoming, local_revision + 1)
    return row


def _replace(
    s: Session, model: type[Base], dossier_id: str, rows: list[dict[str, Any]], where: Any = None
) -> None:
    """Make the dossier's rows of `model` exactly `rows` (by id), with one query to read them."""
    query = select(model).where(model.dossier_id == dossier_id)  # type: ignore[attr-defined]
    found: Iterable[Any] = s.scalars(query if where is None else query.where(where))  # rows of `model`
    existing = {r.id: r for r in found}
    wanted = {r["id"] for r in rows}
    stale = [r for key, r in existing.items() if key not in wanted]
    for old in stale:
        s.delete(old)
    if stale:
        s.flush()  # deletes first: a unique (dossier, key) may move to a new row
    fresh = [json_values(model, r) for r in rows if r["id"] not in existing]
    for r in rows:
        if r["id"] in existing:
            _upsert(s, model, r, row=existing[r["id"]], look=False)
    s.flush()
    if fresh:  # one executemany instead of an ORM insert per checklist item or scan
        audited_execute(s, insert(model), model.__table__, [r["id"] for r in fresh], fresh)


def _merge_events(s: Session, rec: dict[str, Any]) -> None:
    """The history is the union of both sides' events (each has a UUID)."""
    known = set(s.scalars(select(DossierEvent.id).where(DossierEvent.dossier_id == rec["dossier_id"])))
    for e in rec["events"]:
        if e["id"] not in known:
            s.add(DossierEvent(**json_values(DossierEvent, e)))
