"""Council members' score sheets: the secretary types each member's paper sheet (or an evaluator
package brings it). A sheet is a `ScoreSheet` of kind "member" for the member's id, pinned to the
dossier's rule set id and hash, and always validated by the scoring engine.

Knock-outs and flagged stops are kept together in `ScoreSheet.knockouts` (their ids never overlap;
`split_flags` tells them apart by the sheet). Every write adds a line to the entry's history with
the member's previous and new total, so a re-score keeps what it replaced.

A sheet still being typed is a draft (`province_drafts.MemberDraftService`); `enter` deletes the
draft of that member and dossier in the same unit of work as the complete sheet it becomes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import and_, delete, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import NotFoundError, UserError
from ocop_desktop.domain.province import SCORABLE, CouncilMode, EntryStatus, MemberRole
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult, score
from ocop_desktop.domain.text import nfc_multiline
from ocop_desktop.services.province.common import (
    MEMBER_SHEET,
    get_entry,
    get_round,
    members_of,
    pinned_sheet,
    round_label,
)
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.concurrency import conflict, serialise
from ocop_desktop.store.models import Dossier, ScoreSheet
from ocop_desktop.store.models.province import CouncilMember, EvaluationRound, MemberSheetDraft, RoundEntry

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

SOURCES = ("typed", "package")


@dataclass(frozen=True)
class MemberSheetRow:
    id: str
    revision: int
    dossier_id: str
    member_id: str
    member_label: str  # "TV3"
    member_name: str
    total: int
    star: int
    eliminated: bool
    knockouts: tuple[str, ...]
    stops: tuple[str, ...]
    updated_at: datetime


@dataclass(frozen=True)
class MemberSheetState:
    row: MemberSheetRow
    sheet: Sheet
    answers: dict[str, int]
    notes: dict[str, str]
    opinion: str
    result: ScoreResult


def split_flags(sheet: Sheet, flags: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Stored flags → (dossier knock-outs, criterion stops)."""
    knockout_ids = {k.id for k in sheet.knockouts}
    flags = tuple(flags)
    return tuple(f for f in flags if f in knockout_ids), tuple(f for f in flags if f not in knockout_ids)


def member_result(sheet: Sheet, answers: Mapping[str, int], flags: Iterable[str]) -> ScoreResult:
    """A stored member sheet (answers, knock-outs and stops kept together) through the engine."""
    knockouts, stops = split_flags(sheet, flags)
    return score(sheet, dict(answers), knockouts, stops, one_case=False)  # a stored sheet, read as saved


def member_sheets(s: Session, dossier_id: str, member_ids: Iterable[str]) -> dict[str, ScoreSheet]:
    ids = list(member_ids)
    rows = s.scalars(
        select(ScoreSheet).where(
            ScoreSheet.dossier_id == dossier_id,
            ScoreSheet.kind == MEMBER_SHEET,
            ScoreSheet.member_id.in_(ids),
        )
    )
    return {r.member_id: r for r in rows if r.member_id is not None}


@dataclass(frozen=True)
class SheetInput:
    answers: Mapping[str, int]
    knockouts: tuple[str, ...] = ()
    stops: tuple[str, ...] = ()  # ids or criterion codes ("6.1")
    opinion: str = ""
    notes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Written:
    row: MemberSheetRow
    previous_total: int | None
    changed: bool  # False when the same sheet was already stored (a package imported twice)
    entry_id: str = ""


def write_sheet(
    s: Session,
    r: EvaluationRound,
    member_id: str,
    dossier_id: str,
    data: SheetInput,
    *,
    source: str = "typed",
    expected_revision: int | None = None,
) -> Written:
    """One member's sheet inside the caller's unit of work: every check, then the write and a
    history line on the entry. Raises before writing anything if the sheet is not acceptable."""
    if source not in SOURCES:
        raise UserError(f"Nguồn phiếu “{source}” không hợp lệ.")
    serialise(s, "round", r.id)  # sheets and aggregation of one round, one desk at a time: fresh reads below
    member, entry, dossier, sheet, row = _target(s, r, member_id, dossier_id)
    flags = stop_ids(sheet, data.stops)
    result = score(
        sheet, dict(data.answers), tuple(dict.fromkeys(data.knockouts)), flags
    )  # raises on a bad answer
    if row is not None and expected_revision is not None and row.revision != expected_revision:
        raise conflict(s, "Phiếu chấm đã được sửa ở nơi khác", row)
    previous = int(row.total) if row is not None and row.total is not None else None
    notes = {k: nfc_multiline(v) for k, v in data.notes.items() if v.strip()}
    stored = [*result.knockouts, *flags]
    if row is not None and (row.answers, row.knockouts, row.notes, row.opinion) == (
        dict(result.answers),
        stored,
        notes,
        nfc_multiline(data.opinion),
    ):
        return Written(_row(row, member, result), previous, False, entry.id)
    if row is None:
        row = ScoreSheet(dossier_id=dossier_id, kind=MEMBER_SHEET, member_id=member.id, evidence={})
        s.add(row)
    row.ruleset_id, row.ruleset_hash, row.product_set = (
        dossier.ruleset_id,
        dossier.ruleset_hash,
        dossier.product_set,
    )
    row.answers, row.knockouts, row.notes = dict(result.answers), stored, notes
    row.opinion = nfc_multiline(data.opinion)
    row.total, row.star = float(result.total), result.star
    _record(entry, member, previous, result.total, source)
    s.flush()
    return Written(_row(row, member, result), previous, True, entry.id)


def sheet_target(
    s: Session, r: EvaluationRound, member_id: str, dossier_id: str
) -> tuple[CouncilMember, RoundEntry, Dossier, Sheet]:
    """Whose sheet, for which entry, on which pinned scoring sheet — refused unless the member may
    hand in a sheet and the entry is still open to scoring (shared by sheets and drafts)."""
    return _target(s, r, member_id, dossier_id)[:4]


def _target(
    s: Session, r: EvaluationRound, member_id: str, dossier_id: str
) -> tuple[CouncilMember, RoundEntry, Dossier, Sheet, ScoreSheet | None]:
    """`sheet_target` and the member's sheet already stored (None if none).

    The four records are read in one query (a desk on the server pays a round trip per query, and a
    secretary types 1,350 sheets a round); when one is missing, the checks below say which."""
    found = s.execute(
        select(CouncilMember, RoundEntry, Dossier, ScoreSheet)
        .join(RoundEntry, RoundEntry.round_id == CouncilMember.round_id)
        .join(Dossier, Dossier.id == RoundEntry.dossier_id)
        .outerjoin(
            ScoreSheet,
            and_(
                ScoreSheet.dossier_id == Dossier.id,
                ScoreSheet.kind == MEMBER_SHEET,
                ScoreSheet.member_id == CouncilMember.id,
            ),
        )
        .where(
            CouncilMember.id == member_id, CouncilMember.round_id == r.id, RoundEntry.dossier_id == dossier_id
        )
    ).first()
    member = scoring_member(s, r, member_id)  # the identity map's copy when found: no query
    entry = found[1] if found is not None else get_entry(s, r, dossier_id)
    if EntryStatus(entry.status) not in SCORABLE:
        raise UserError(
            f"Hồ sơ đang “{EntryStatus(entry.status).label}”: không nhập, sửa phiếu chấm được nữa."
        )
    dossier = found[2] if found is not None else s.get(Dossier, dossier_id)
    assert dossier is not None
    sheet = pinned_sheet(dossier.ruleset_id, dossier.ruleset_hash, dossier.product_set)
    stored = found[3] if found is not None else member_sheets(s, dossier_id, [member.id]).get(member.id)
    return member, entry, dossier, sheet, stored


def scoring_member(s: Session, r: EvaluationRound, member_id: str) -> CouncilMember:
    """A member of the round's council who may hand in a sheet now."""
    m = s.get(CouncilMember, member_id)
    if m is None or m.round_id != r.id:
        raise NotFoundError(f"Không có thành viên “{member_id}” trong Hội đồng {round_label(r)}.")
    if not MemberRole(m.role).scores:
        raise UserError(f"{m.name} là thư ký Hội đồng, không chấm điểm.")
    if r.council_mode == CouncilMode.MEETING and not m.present:
        raise UserError(f"TV{m.seq} {m.name} vắng mặt ở phiên họp; ghi nhận có mặt trước khi nhập phiếu.")
    return m


def _record(
    entry: RoundEntry, member: CouncilMember, previous: int | None, total: int | None, source: str
) -> None:
    entry.history = [
        *entry.history,
        {
            "event": "sheet",
            "at": utcnow().isoformat(),
            "member": member.id,
            "member_label": f"TV{member.seq}",
            "previous_total": previous,
            "total": total,
            "source": source,
        },
    ]
    if entry.status == EntryStatus.AGGREGATED:  # the stored council result no longer matches the sheets
        entry.status, entry.valid = EntryStatus.ASSIGNED.value, None


class MemberScoreService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def enter(
        self,
        round_id: str,
        dossier_id: str,
        member_id: str,
        answers: Mapping[str, int],
        *,
        knockouts: Iterable[str] = (),
        stops: Iterable[str] = (),
        opinion: str = "",
        notes: Mapping[str, str] | None = None,
        source: str = "typed",
        expected_revision: int | None = None,
    ) -> MemberSheetRow:
        """Create or replace one member's sheet for a dossier of the round. Nothing is stored unless
        the scoring engine accepts every answer."""
        with self._ctx.unit_of_work() as s:
            r = get_round(s, round_id)
            written = write_sheet(
                s,
                r,
                member_id,
                dossier_id,
                SheetInput(answers, tuple(knockouts), tuple(stops), opinion, dict(notes or {})),
                source=source,
                expected_revision=expected_revision,
            )
            s.execute(
                delete(MemberSheetDraft).where(
                    MemberSheetDraft.entry_id == written.entry_id,
                    MemberSheetDraft.member_id == written.row.member_id,
                )
            )
            return written.row

    def get(self, round_id: str, dossier_id: str, member_id: str) -> MemberSheetState:
        with self._ctx.read() as s:
            r = get_round(s, round_id)
            member = scoring_member(s, r, member_id)
            get_entry(s, r, dossier_id)
            row = member_sheets(s, dossier_id, [member.id]).get(member.id)
            if row is None:
                raise NotFoundError(f"TV{member.seq} {member.name} chưa có phiếu chấm cho hồ sơ này.")
            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None
            sheet = _sheet_of(row, dossier)
            result = member_result(sheet, row.answers, row.knockouts)
            return MemberSheetState(
                _row(row, member, result), sheet, dict(row.answers), dict(row.notes), row.opinion, result
            )

    def sheets(self, round_id: str, dossier_id: str) -> list[MemberSheetRow]:
        """The member sheets of a dossier in the round, in member order."""
        with self._ctx.read() as s:
            r = get_round(s, round_id)
            get_entry(s, r, dossier_id)
            members = members_of(s, r.id)
            rows = member_sheets(s, dossier_id, [m.id for m in members])
            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None
            out = []
            for m in members:
                if m.id in rows:
                    row = rows[m.id]
                    out.append(
                        _row(row, m, member_result(_sheet_of(row, dossier), row.answers, row.knockouts))
                    )
            return out

    def remove(self, round_id: str, dossier_id: str, member_id: str) -> None:
        """Delete a sheet typed by mistake (for example for the wrong member), before a proposal."""
        with self._ctx.unit_of_work() as s:
            r = get_round(s, round_id)
            member = scoring_member(s, r, member_id)
            entry = get_entry(s, r, dossier_id)
            if EntryStatus(entry.status) not in SCORABLE:
                raise UserError(f"Hồ sơ đang “{EntryStatus(entry.status).label}”: không xóa phiếu chấm được.")
            row = member_sheets(s, dossier_id, [member.id]).get(member.id)
            if row is None:
                raise NotFoundError(f"TV{member.seq} {member.name} chưa có phiếu chấm cho hồ sơ này.")
            _record(entry, member, int(row.total) if row.total is not None else None, None, "removed")
            s.delete(row)


def stop_ids(sheet: Sheet, refs: Iterable[str]) -> tuple[str, ...]:
    """Stops named by their id or by their criterion code ("6.1"), as ids without repeats."""
    by_code = {x.criterion: x.id for x in sheet.stops if x.trigger == "flag"}
    return tuple(dict.fromkeys(by_code.get(ref, ref) for ref in refs))


def _sheet_of(row: ScoreSheet, dossier: Dossier) -> Sheet:
    sheet = pinned_sheet(dossier.ruleset_id, dossier.ruleset_hash, dossier.product_set)
    if (row.ruleset_hash, row.product_set) != (sheet.ruleset_hash, sheet.number):
        raise UserError("Phiếu chấm được lập theo bộ tiêu chí khác với hồ sơ; hãy nhập lại phiếu.")
    return sheet


def _row(row: ScoreSheet, member: CouncilMember, result: ScoreResult) -> MemberSheetRow:
    return MemberSheetRow(
        row.id,
        row.revision,
        row.dossier_id,
        member.id,
        f"TV{member.seq}",
        member.name,
        result.total,
        result.star,
        result.eliminated,
        result.knockouts,
        result.stops,
        row.updated_at,
    )
