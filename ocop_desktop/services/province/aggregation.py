"""Council results of a round through `domain.rules.council.aggregate` (mean of the members' totals,
spread check, quorum with the chair, floors by majority, knock-outs), the members × criteria matrix
with outliers, and the re-score workflow.

After aggregation an entry is:
- "aggregated" when the result is valid (quorum met, spread within the limit);
- "needs_rescore" when the spread is too wide: members revise their sheets, then aggregate again;
- "assigned" (with the problems kept) when only the quorum failed.
Each aggregation appends the totals, mean and spread to the entry's history."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.province import SCORABLE, CouncilMode, EntryStatus, Outliers, find_outliers
from ocop_desktop.domain.rules.council import CouncilResult, aggregate
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult
from ocop_desktop.domain.text import nfc_multiline
from ocop_desktop.services.province.common import (
    MEMBER_SHEET,
    EntryRow,
    MemberRow,
    chair_of,
    entry_rows,
    expected_scorers,
    get_entry,
    get_round,
    member_row,
    members_of,
    pinned_sheet,
    rules_of,
    scoring_members,
    working_round,
)
from ocop_desktop.services.province.scores import member_result
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.batch import write_changed
from ocop_desktop.store.models import Dossier, ScoreSheet
from ocop_desktop.store.models.province import CouncilMember, EvaluationRound, RoundEntry

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class Aggregated:
    entry: EntryRow
    result: CouncilResult
    outliers: Outliers


@dataclass(frozen=True)
class RoundAggregation:
    done: tuple[Aggregated, ...]
    skipped: tuple[tuple[EntryRow, str], ...]  # entries not aggregated, with the reason


@dataclass(frozen=True)
class MatrixLine:
    code: str
    title: str
    max_points: int
    points: tuple[int | None, ...]  # one per member column, None = no sheet
    outliers: tuple[bool, ...]
    median: Fraction | None


@dataclass(frozen=True)
class CouncilMatrix:
    entry: EntryRow
    set_number: int
    set_name: str
    members: tuple[MemberRow, ...]  # the columns: members expected to score, in council order
    lines: tuple[MatrixLine, ...]
    totals: tuple[int | None, ...]
    total_outliers: tuple[bool, ...]
    max_spread: int
    result: CouncilResult | None  # None while no member has scored
    reasons: Mapping[str, str] = field(default_factory=dict)  # knock-out / stop id -> its Vietnamese label


WITHDRAWN_OUT = (
    "Chủ thể đã rút hồ sơ: hồ sơ không còn được tổng hợp điểm, xếp hạng hay xét công nhận "
    "(phiếu chấm đã nhập được giữ để lưu)."
)
Stored = dict[str, tuple[dict[str, int], list[str]]]  # member id -> (answers, knock-outs and stops)
Pin = tuple[str, str, int]  # a dossier's rule set id, hash and product set


def pins(s: Session, dossier_ids: list[str]) -> dict[str, Pin]:
    stmt = select(Dossier.id, Dossier.ruleset_id, Dossier.ruleset_hash, Dossier.product_set).where(
        Dossier.id.in_(dossier_ids)
    )
    return {did: (rid, rhash, n) for did, rid, rhash, n in s.execute(stmt)}


def stored_sheets(s: Session, member_ids: list[str], dossier_id: str | None = None) -> dict[str, Stored]:
    """Member sheets as plain data, by dossier then member (columns only: no ORM objects to build)."""
    stmt = select(
        ScoreSheet.dossier_id, ScoreSheet.member_id, ScoreSheet.answers, ScoreSheet.knockouts
    ).where(ScoreSheet.kind == MEMBER_SHEET, ScoreSheet.member_id.in_(member_ids))
    if dossier_id is not None:
        stmt = stmt.where(ScoreSheet.dossier_id == dossier_id)
    out: dict[str, Stored] = {}
    for did, member, answers, flags in s.execute(stmt):
        assert member is not None  # selected by member_id
        out.setdefault(did, {})[member] = (answers, flags)
    return out


class _Council:
    """What aggregation needs of a round, read once."""

    def __init__(self, s: Session, r: EvaluationRound) -> None:
        self.round = r
        self.members = members_of(s, r.id)
        self.scoring = scoring_members(self.members)
        self.expected = expected_scorers(r, self.members)
        self.rules = rules_of(r)
        chair = chair_of(self.members)
        if chair is None:
            raise UserError(
                "Hội đồng của đợt chưa có chủ tịch; hãy thêm chủ tịch Hội đồng trước khi tổng hợp."
            )
        self.chair = chair
        self._sheets: dict[Pin, Sheet] = {}

    def sheet(self, pin: Pin) -> Sheet:
        if pin not in self._sheets:
            self._sheets[pin] = pinned_sheet(*pin)
        return self._sheets[pin]

    def results(
        self, s: Session, dossier_id: str, sheet: Sheet, rows: Stored | None = None
    ) -> dict[str, ScoreResult]:
        if rows is None:
            rows = stored_sheets(s, [m.id for m in self.expected], dossier_id).get(dossier_id, {})
        return {m.id: member_result(sheet, *rows[m.id]) for m in self.expected if m.id in rows}

    def missing(self, results: dict[str, ScoreResult]) -> list[CouncilMember]:
        if self.round.council_mode == CouncilMode.WRITTEN:
            return []  # written opinions: those returned count, the quorum says whether they suffice
        return [m for m in self.expected if m.id not in results]


class AggregationService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def aggregate(
        self, round_id: str, dossier_id: str, *, council_knockouts: list[str] | None = None
    ) -> Aggregated:
        """Aggregate one dossier. `council_knockouts`: the council's own dossier-level knock-outs
        (settled in the minutes); None keeps those already recorded."""
        with self._ctx.unit_of_work() as s:
            r = working_round(s, round_id)
            council = _Council(s, r)
            entry = get_entry(s, r, dossier_id)
            result, outliers = self._one(s, council, entry, council_knockouts)
        with self._ctx.read() as s:
            row = entry_rows(s, get_round(s, round_id), dossier_ids=[dossier_id])[0]
        return Aggregated(row, result, outliers)

    def aggregate_round(self, round_id: str) -> RoundAggregation:
        """Aggregate every dossier of the round that can be: those still open to scoring with all
        expected sheets in. One transaction; entries that cannot be aggregated are reported."""
        done: dict[str, tuple[CouncilResult, Outliers]] = {}
        skipped: dict[str, str] = {}
        with self._ctx.unit_of_work() as s:
            r = working_round(s, round_id)
            council = _Council(s, r)
            entries = list(
                s.scalars(select(RoundEntry).where(RoundEntry.round_id == r.id).order_by(RoundEntry.seq))
            )
            ids = [e.dossier_id for e in entries]
            pinned = pins(s, ids)
            by_dossier = stored_sheets(s, [m.id for m in council.expected])
            with s.no_autoflush:  # the entries are written together below, not one by one
                for e in entries:
                    if EntryStatus(e.status) not in SCORABLE:
                        continue
                    try:
                        done[e.dossier_id] = self._one(
                            s, council, e, None, pinned[e.dossier_id], by_dossier.get(e.dossier_id, {})
                        )
                    except UserError as exc:
                        skipped[e.dossier_id] = exc.message
            write_changed(s, entries)  # one statement (one round trip to a server) for the round's entries
        with self._ctx.read() as s:
            rows = {row.dossier_id: row for row in entry_rows(s, get_round(s, round_id))}
        return RoundAggregation(
            tuple(Aggregated(rows[d], *done[d]) for d in done),
            tuple((rows[d], why) for d, why in skipped.items()),
        )

    def request_rescore(self, round_id: str, dossier_id: str, reason: str) -> EntryRow:
        """The chair asks members to revise their sheets (for example a floor split the council)."""
        reason = nfc_multiline(reason)
        if not reason:
            raise UserError("Cần ghi lý do yêu cầu chấm lại.")
        with self._ctx.unit_of_work() as s:
            r = working_round(s, round_id)
            entry = get_entry(s, r, dossier_id)
            if EntryStatus(entry.status) not in SCORABLE:
                raise UserError(
                    f"Hồ sơ đang “{EntryStatus(entry.status).label}”, không yêu cầu chấm lại được."
                )
            entry.history = [
                *entry.history,
                {
                    "event": "rescore_requested",
                    "at": utcnow().isoformat(),
                    "reason": reason,
                    "mean_total": entry.mean_total,
                },
            ]
            entry.status, entry.valid = EntryStatus.NEEDS_RESCORE.value, None
            entry.rescore_count += 1
        with self._ctx.read() as s:
            return entry_rows(s, get_round(s, round_id), dossier_ids=[dossier_id])[0]

    def matrix(self, round_id: str, dossier_id: str) -> CouncilMatrix:
        """Members × criteria for one dossier, computed from the sheets as they are now."""
        with self._ctx.read() as s:
            r = get_round(s, round_id)
            entry = get_entry(s, r, dossier_id)
            members = members_of(s, r.id)
            columns = expected_scorers(r, members)
            sheet = pinned_sheet(*pins(s, [dossier_id])[dossier_id])
            chair = chair_of(members)
            rows = stored_sheets(s, [m.id for m in columns], dossier_id).get(dossier_id, {})
            results = {m.id: member_result(sheet, *rows[m.id]) for m in columns if m.id in rows}
            result = None
            if results and chair is not None:
                result = aggregate(
                    sheet,
                    results,
                    council_size=len(scoring_members(members)),
                    chair=chair.id,
                    knockouts=entry.council_knockouts,
                    rules=rules_of(r),
                )
            row = entry_rows(s, r, dossier_ids=[dossier_id])[0]
        leaves = sheet.leaves()
        outliers = find_outliers(
            {m: dict(x.points) for m, x in results.items()},
            {c.code: c.max for c in leaves},
            max_spread=r.max_spread,
        )
        lines = tuple(
            MatrixLine(
                c.code,
                c.title,
                c.max,
                tuple(results[m.id].points[c.code] if m.id in results else None for m in columns),
                tuple(outliers.flagged(m.id, c.code) for m in columns),
                outliers.medians.get(c.code),
            )
            for c in leaves
        )
        return CouncilMatrix(
            row,
            sheet.number,
            sheet.product_set.name,
            tuple(member_row(m) for m in columns),
            lines,
            tuple(results[m.id].total if m.id in results else None for m in columns),
            tuple(m.id in outliers.members for m in columns),
            r.max_spread,
            result,
            {
                x: sheet.reason_label(x)
                for x in (*(k.id for k in sheet.knockouts), *(t.id for t in sheet.stops))
            },
        )

    # -- one entry --------------------------------------------------------------------------
    def _one(
        self,
        s: Session,
        council: _Council,
        entry: RoundEntry,
        knockouts: list[str] | None,
        pin: Pin | None = None,
        rows: Stored | None = None,
    ) -> tuple[CouncilResult, Outliers]:
        if entry.status == EntryStatus.WITHDRAWN:
            raise UserError(WITHDRAWN_OUT)
        if EntryStatus(entry.status) not in SCORABLE:
            raise UserError(
                f"Hồ sơ đang “{EntryStatus(entry.status).label}”: kết quả đã chốt, không tổng hợp lại."
            )
        sheet = council.sheet(pin or pins(s, [entry.dossier_id])[entry.dossier_id])
        results = council.results(s, entry.dossier_id, sheet, rows)
        missing = council.missing(results)
        if missing:
            raise UserError(
                "Còn thiếu phiếu chấm của thành viên có mặt: "
                + ", ".join(f"TV{m.seq} {m.name}" for m in missing)
                + "."
            )
        if not results:
            raise UserError("Chưa có phiếu chấm của thành viên nào cho hồ sơ này.")
        council_knockouts = (
            list(dict.fromkeys(knockouts)) if knockouts is not None else list(entry.council_knockouts)
        )
        result = aggregate(
            sheet,
            results,
            council_size=len(council.scoring),
            chair=council.chair.id,
            knockouts=council_knockouts,
            rules=council.rules,
        )
        labels = {m.id: f"TV{m.seq}" for m in council.members}
        entry.council_knockouts = council_knockouts
        entry.mean_total, entry.star, entry.spread, entry.valid = (
            float(result.mean_total),
            result.star,
            result.spread,
            result.valid,
        )
        entry.result = result.to_json()
        entry.history = [*entry.history, _history(result, labels)]
        if not result.spread_ok:
            if entry.status != EntryStatus.NEEDS_RESCORE:
                entry.rescore_count += 1
            entry.status = EntryStatus.NEEDS_RESCORE.value
        else:
            entry.status = (EntryStatus.AGGREGATED if result.valid else EntryStatus.ASSIGNED).value
        points = {m: dict(x.points) for m, x in results.items()}
        outliers = find_outliers(
            points,
            {c.code: c.max for c in sheet.leaves()},
            max_spread=council.rules.max_spread,
            totals={m: x.total for m, x in results.items()},
        )
        return result, outliers


def _history(result: CouncilResult, labels: dict[str, str]) -> dict[str, Any]:
    return {
        "event": "aggregated",
        "at": utcnow().isoformat(),
        "totals": {labels.get(m, m): t for m, t in result.totals.items()},
        "mean_total": float(result.mean_total),
        "spread": result.spread,
        "star": result.star,
        "valid": result.valid,
        "problems": list(result.problems),
    }
