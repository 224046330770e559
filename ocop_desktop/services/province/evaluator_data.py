"""The province's side of the evaluator packages, as plain data (docs/province.md §7).

- `assignment(round, member)`: what a council member takes to score offline on a laptop: the round,
  the council rules, and per dossier its rule-set pin, forms, the producer's self-assessment, the
  evidence list (blobs the package must carry), the advisory notes and the member's current sheet
  (for a re-score). Read-only on the evaluator's side.
- `import_scores(payload)`: the member's signed sheets coming back. Every sheet is checked first
  (round, member, dossier in the round and still open to scoring, rule-set pin, every answer through
  the scoring engine); then all are written in one transaction, or none. A sheet identical to the
  stored one is "unchanged", so importing the same package twice changes nothing.

The package format, signatures and the check that the package was signed by that member's key are
the sync layer's; it calls these functions with the payload it verified."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.province import SCORABLE, EntryStatus
from ocop_desktop.services.province.common import get_entry, get_round, round_label
from ocop_desktop.services.province.scores import SheetInput, member_sheets, scoring_member, write_sheet
from ocop_desktop.store.models import Attachment, Blob, Dossier, Producer, Product, ScoreSheet
from ocop_desktop.store.models.province import AdvisoryNote, RoundEntry
from ocop_desktop.store.queries import dossier_header

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

SCHEMA = 1


@dataclass(frozen=True)
class AssignedDossier:
    dossier_id: str
    revision: int
    product_name: str
    product_code: str
    producer_name: str
    product_set: int
    registration_type: str
    ruleset_id: str
    ruleset_hash: str
    forms: dict[str, Any]
    self_answers: dict[str, int]
    evidence: tuple[dict[str, Any], ...]  # {sha256, filename, size, media_type, checklist_key, criteria}
    advisory: tuple[dict[str, Any], ...]  # {kind, text, noted_on, sha256, filename}
    current_sheet: dict[str, Any] | None  # {answers, knockouts, opinion, notes} when re-scoring


@dataclass(frozen=True)
class Assignment:
    round_id: str
    round_label: str
    council_name: str
    council_mode: str
    rules: dict[str, Any]
    member_id: str
    member_label: str
    member_name: str
    dossiers: tuple[AssignedDossier, ...]

    def blobs(self) -> set[str]:
        """SHA-256 of every file the package must carry (evidence and advisory files)."""
        return {x["sha256"] for d in self.dossiers for x in (*d.evidence, *d.advisory) if x.get("sha256")}

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA, **asdict(self)}


@dataclass(frozen=True)
class ImportedSheet:
    dossier_id: str
    product_name: str
    state: str  # new | updated | unchanged; stale: not written (the producer withdrew the dossier)
    previous_total: int | None
    total: int
    star: int
    note: str = ""  # why a stale sheet was not written


def assignment(ctx: AppContext, round_id: str, member_id: str) -> Assignment:
    """The dossiers of the round still open to scoring, for one member."""
    with ctx.read() as s:
        r = get_round(s, round_id)
        member = scoring_member(s, r, member_id)
        entries = [
            e
            for e in s.scalars(select(RoundEntry).where(RoundEntry.round_id == r.id).order_by(RoundEntry.seq))
            if EntryStatus(e.status) in SCORABLE
        ]
        dossiers = []
        for e in entries:
            d, p, producer = s.execute(
                dossier_header(Dossier, Product, Producer.name).where(Dossier.id == e.dossier_id)
            ).one()
            own = s.scalars(
                select(ScoreSheet).where(ScoreSheet.dossier_id == d.id, ScoreSheet.kind == "self")
            ).first()
            evidence = tuple(
                {
                    "sha256": a.blob_sha256,
                    "filename": a.filename,
                    "size": b.size,
                    "media_type": b.media_type,
                    "checklist_key": a.checklist_key,
                    "criteria": a.criteria.split(),
                }
                for a, b in s.execute(
                    select(Attachment, Blob)
                    .join(Blob, Blob.sha256 == Attachment.blob_sha256)
                    .where(Attachment.dossier_id == d.id)
                    .order_by(Attachment.filename)
                )
            )
            notes = tuple(
                {
                    "kind": n.kind,
                    "text": n.text,
                    "noted_on": n.noted_on.isoformat() if n.noted_on else None,
                    "sha256": n.blob_sha256,
                    "filename": n.filename,
                }
                for n in s.scalars(select(AdvisoryNote).where(AdvisoryNote.entry_id == e.id))
            )
            sheet = member_sheets(s, d.id, [member.id]).get(member.id)
            current = (
                {
                    "answers": dict(sheet.answers),
                    "knockouts": list(sheet.knockouts),
                    "opinion": sheet.opinion,
                    "notes": dict(sheet.notes),
                }
                if sheet
                else None
            )
            dossiers.append(
                AssignedDossier(
                    d.id,
                    d.revision,
                    p.name,
                    p.code or "",
                    producer,
                    d.product_set,
                    d.registration_type,
                    d.ruleset_id,
                    d.ruleset_hash,
                    dict(d.forms),
                    dict(own.answers) if own else {},
                    evidence,
                    notes,
                    current,
                )
            )
        rules = {
            "max_spread": r.max_spread,
            "quorum": r.quorum,
            "chair_required": r.chair_required,
            "floor_rule": r.floor_rule,
        }
        return Assignment(
            r.id,
            round_label(r),
            r.council_name,
            r.council_mode,
            rules,
            member.id,
            f"TV{member.seq}",
            member.name,
            tuple(dossiers),
        )


def import_scores(ctx: AppContext, payload: dict[str, Any], *, dry_run: bool = False) -> list[ImportedSheet]:
    """Apply a member's returned sheets, all or nothing (`dry_run`: check and report, write nothing).

    Payload: {"schema": 1, "round_id", "member_id", "sheets": [{"dossier_id", "ruleset_hash",
    "answers": {code: index}, "knockouts": [...], "stops": [...], "opinion": "", "notes": {}}]}"""
    _parse(payload)
    out: list[ImportedSheet] = []
    try:
        with ctx.unit_of_work() as s:
            out = apply_scores(s, payload)
            if dry_run:
                raise _DryRun()
    except _DryRun:
        pass  # every sheet was checked; the transaction is rolled back
    return out


class _DryRun(Exception):
    pass


def apply_scores(s: Session, payload: dict[str, Any]) -> list[ImportedSheet]:
    """`import_scores` inside the caller's unit of work (the scores package writes its receipt in
    the same transaction). Raises `UserError` before the caller commits if any sheet is refused."""
    round_id, member_id, sheets = _parse(payload)
    out: list[ImportedSheet] = []
    r = get_round(s, round_id)
    for n, item in enumerate(sheets, start=1):
        dossier_id = str(item.get("dossier_id", ""))
        entry_dossier = s.get(Dossier, dossier_id)
        if entry_dossier is None:
            raise UserError(f"Phiếu thứ {n} trong gói chấm cho hồ sơ không có ở tỉnh ({dossier_id[:8]}).")
        entry = get_entry(s, r, dossier_id)
        if entry.status == EntryStatus.WITHDRAWN:
            # Scored on a laptop from an assignment older than the withdrawal: the member's other
            # sheets are taken; this one is not written, and the receipt says why (issue 15).
            out.append(_withdrawn_sheet(s, entry_dossier, member_id))
            continue
        if item.get("ruleset_hash") != entry_dossier.ruleset_hash:
            raise UserError(
                f"Phiếu thứ {n} chấm theo bộ tiêu chí khác với hồ sơ (mã băm khác); không nhận gói."
            )
        try:
            written = write_sheet(
                s,
                r,
                member_id,
                dossier_id,
                SheetInput(
                    dict(item.get("answers") or {}),
                    tuple(item.get("knockouts") or ()),
                    tuple(item.get("stops") or ()),
                    str(item.get("opinion") or ""),
                    dict(item.get("notes") or {}),
                ),
                source="package",
            )
        except UserError as exc:
            raise UserError(f"Phiếu thứ {n} trong gói không hợp lệ: {exc.message}") from None
        state = (
            "unchanged" if not written.changed else ("new" if written.previous_total is None else "updated")
        )
        product = s.get(Product, entry_dossier.product_id)
        out.append(
            ImportedSheet(
                dossier_id,
                product.name if product else "",
                state,
                written.previous_total,
                written.row.total,
                written.row.star,
            )
        )
    return out


def _withdrawn_sheet(s: Session, d: Dossier, member_id: str) -> ImportedSheet:
    product = s.get(Product, d.product_id)
    stored = member_sheets(s, d.id, [member_id]).get(member_id)
    total = int(stored.total) if stored is not None and stored.total is not None else 0
    return ImportedSheet(
        d.id,
        product.name if product else "",
        "stale",
        total if stored is not None else None,
        total,
        stored.star if stored is not None and stored.star is not None else 0,
        "Chủ thể đã rút hồ sơ: phiếu chấm không được ghi.",
    )


def _parse(payload: dict[str, Any]) -> tuple[str, str, list[dict[str, Any]]]:
    if not isinstance(payload, dict) or payload.get("schema") != SCHEMA:
        raise UserError("Gói phiếu chấm không đúng định dạng (phiên bản dữ liệu không rõ).")
    sheets = payload.get("sheets")
    if not isinstance(sheets, list) or not all(isinstance(x, dict) for x in sheets) or not sheets:
        raise UserError("Gói phiếu chấm không có phiếu nào.")
    round_id, member_id = payload.get("round_id"), payload.get("member_id")
    if not isinstance(round_id, str) or not isinstance(member_id, str):
        raise UserError("Gói phiếu chấm thiếu mã đợt hoặc mã thành viên.")
    ids = [x.get("dossier_id") for x in sheets]
    if len(set(map(str, ids))) != len(ids):
        raise UserError("Gói phiếu chấm có hai phiếu cho cùng một hồ sơ.")
    return round_id, member_id, sheets
