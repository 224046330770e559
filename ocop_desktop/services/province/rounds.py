"""Evaluation rounds (đợt) at the province: create a round (regular rounds default to QĐ 26/2026
dates, extra rounds take the province's), assign accepted dossiers, follow progress."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.deadlines import Round, rounds_of_year
from ocop_desktop.domain.dossiers import Status
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.domain.province import CouncilMode, EntryStatus, round_defaults, round_problems
from ocop_desktop.domain.rules.council import CouncilRules
from ocop_desktop.domain.text import nfc
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.province.common import (
    MEMBER_SHEET,
    EntryRow,
    MemberRow,
    entry_rows,
    find_dossier,
    find_round,
    get_entry,
    get_round,
    member_row,
    members_of,
    round_label,
    round_of_dossier,
    working_round,
)
from ocop_desktop.store.concurrency import serialise
from ocop_desktop.store.models import Dossier, Product, ScoreSheet
from ocop_desktop.store.models.province import CouncilMember, EvaluationRound, RoundEntry

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class RoundProgress:
    """Counts of the round's dossiers at each step; `aggregated` counts every valid result
    (aggregated, proposed, not recognised or decided). A dossier its producer withdrew counts in
    `withdrawn` only: it no longer competes in the round (issue 15)."""

    assigned: int
    scored: int  # every expected member has a sheet
    needs_rescore: int
    aggregated: int
    proposed: int
    not_recognised: int
    decided: int
    withdrawn: int = 0


@dataclass(frozen=True)
class RoundRow:
    id: str
    revision: int
    year: int
    number: int
    label: str
    name: str
    extra: bool
    cutoff: date
    finish: date
    council_name: str
    council_decision: str
    council_mode: str
    council_mode_label: str
    max_spread: int
    quorum: str
    chair_required: bool
    floor_rule: str
    progress: RoundProgress
    five_star_rule: str = "points"


@dataclass(frozen=True)
class RoundDetail:
    row: RoundRow
    members: tuple[MemberRow, ...]
    entries: tuple[EntryRow, ...]


@dataclass(frozen=True)
class RoundInput:
    year: int
    number: int | None = None  # None: the next free number of the year
    name: str = ""
    cutoff: date | None = None  # None: the regular round's date (30/4, 30/10)
    finish: date | None = None  # None: 30/6, 30/12
    council_name: str = ""


def progress_of(entries: list[EntryRow]) -> RoundProgress:
    by = Counter(e.status for e in entries)
    competing = [e for e in entries if e.status != EntryStatus.WITHDRAWN]
    done = (
        by[EntryStatus.AGGREGATED]
        + by[EntryStatus.PROPOSED]
        + by[EntryStatus.NOT_RECOGNISED]
        + by[EntryStatus.DECIDED]
        + by[EntryStatus.CENTRAL]
    )
    return RoundProgress(
        len(competing),
        sum(1 for e in competing if e.fully_scored),
        by[EntryStatus.NEEDS_RESCORE],
        done,
        by[EntryStatus.PROPOSED],
        by[EntryStatus.NOT_RECOGNISED],
        by[EntryStatus.DECIDED],
        by[EntryStatus.WITHDRAWN],
    )


def round_row(s: Session, r: EvaluationRound, entries: list[EntryRow] | None = None) -> RoundRow:
    mode = CouncilMode(r.council_mode)
    return RoundRow(
        r.id,
        r.revision,
        r.year,
        r.number,
        round_label(r),
        r.name,
        r.extra,
        r.cutoff,
        r.finish,
        r.council_name,
        r.council_decision,
        mode.value,
        mode.label,
        r.max_spread,
        r.quorum,
        r.chair_required,
        r.floor_rule,
        progress_of(entries if entries is not None else entry_rows(s, r)),
        r.five_star_rule,
    )


class RoundService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today

    def today(self) -> date:
        return self._today or date.today()

    @staticmethod
    def defaults(year: int) -> list[Round]:
        """The regular rounds of a year (QĐ 26/2026 Art. 7: 30/4 → 30/6, 30/10 → 30/12)."""
        return rounds_of_year(year)

    def create(self, data: RoundInput) -> RoundDetail:
        with self._ctx.unit_of_work() as s:
            serialise(s, "round-number", data.year)  # the year's next round number, one desk at a time
            taken = set(s.scalars(select(EvaluationRound.number).where(EvaluationRound.year == data.year)))
            number = data.number if data.number is not None else max(taken, default=0) + 1
            regular = round_defaults(data.year, number)
            cutoff = data.cutoff or (regular.cutoff if regular else None)
            finish = data.finish or (regular.finish if regular else None)
            problems = round_problems(data.year, cutoff, finish)
            if number < 1:
                problems["number"] = "Số đợt phải từ 1 trở lên."
            elif number in taken:
                problems["number"] = f"Năm {data.year} đã có đợt {number}."
            if problems:
                raise ValidationError(problems)
            assert cutoff is not None and finish is not None
            # The council starts from the procedure in force; the province may change it per round.
            council = CouncilRules.defaults(RuleService().procedure(on=self.today()))
            r = EvaluationRound(
                year=data.year,
                number=number,
                name=nfc(data.name),
                extra=regular is None,
                cutoff=cutoff,
                finish=finish,
                council_name=nfc(data.council_name),
                max_spread=council.max_spread,
                quorum=str(council.quorum),
                chair_required=council.chair_required,
            )
            s.add(r)
            s.flush()
            round_id = r.id
        return self.get(round_id)

    def rows(self, year: int | None = None) -> list[RoundRow]:
        with self._ctx.read() as s:
            stmt = select(EvaluationRound).order_by(EvaluationRound.year.desc(), EvaluationRound.number)
            if year is not None:
                stmt = stmt.where(EvaluationRound.year == year)
            return [round_row(s, r) for r in s.scalars(stmt)]

    def get(self, round_id: str) -> RoundDetail:
        with self._ctx.read() as s:
            r = get_round(s, round_id)
            entries = entry_rows(s, r)
            return RoundDetail(
                round_row(s, r, entries), tuple(member_row(m) for m in members_of(s, r.id)), tuple(entries)
            )

    def find(self, ref: str) -> RoundRow:
        """A round by id, id prefix or "YEAR-NUMBER" (for the command line)."""
        with self._ctx.read() as s:
            return round_row(s, find_round(s, ref))

    def find_dossier(self, ref: str) -> str:
        """A dossier id from an id, a receipt number or an id prefix (for the command line)."""
        with self._ctx.read() as s:
            return find_dossier(s, ref).id

    def round_of(self, dossier_id: str) -> RoundRow:
        """The round a dossier is assigned to."""
        with self._ctx.read() as s:
            return round_row(s, round_of_dossier(s, dossier_id))

    def entries(self, round_id: str, *, status: str | None = None) -> list[EntryRow]:
        with self._ctx.read() as s:
            rows = entry_rows(s, get_round(s, round_id))
        return [e for e in rows if status is None or e.status == status]

    def entry(self, round_id: str, dossier_id: str) -> EntryRow:
        with self._ctx.read() as s:
            r = get_round(s, round_id)
            get_entry(s, r, dossier_id)
            return entry_rows(s, r, dossier_ids=[dossier_id])[0]

    def progress(self, round_id: str) -> RoundProgress:
        return self.get(round_id).row.progress

    def assign(self, round_id: str, dossier_ids: list[str]) -> list[EntryRow]:
        """Put accepted dossiers into the round, all or nothing."""
        wanted = list(dict.fromkeys(dossier_ids))
        if not wanted:
            raise UserError("Chưa chọn hồ sơ nào để phân vào đợt.")
        with self._ctx.unit_of_work() as s:
            serialise(s, "round-assign")  # a dossier goes into one round only: checked under this lock
            r = working_round(s, round_id)
            dossiers = {
                d.id: (d, name)
                for d, name in s.execute(
                    select(Dossier, Product.name)
                    .join(Product, Product.id == Dossier.product_id)
                    .where(Dossier.id.in_(wanted))
                )
            }
            placed = dict(
                s.execute(
                    select(RoundEntry.dossier_id, EvaluationRound.id)
                    .join(EvaluationRound, EvaluationRound.id == RoundEntry.round_id)
                    .where(RoundEntry.dossier_id.in_(wanted))
                ).all()
            )
            problems = []
            for did in wanted:
                if did not in dossiers:
                    problems.append(f"không tìm thấy hồ sơ {did}")
                    continue
                d, name = dossiers[did]
                if did in placed:
                    problems.append(f"“{name}” đã thuộc {round_label(get_round(s, placed[did]))}")
                elif d.status != Status.ACCEPTED:
                    problems.append(
                        f"“{name}” đang ở trạng thái “{Status(d.status).label}”, "
                        "cần được tỉnh tiếp nhận trước"
                    )
            if problems:
                raise UserError("Không phân hồ sơ nào vào đợt: " + "; ".join(problems) + ".")
            seq = s.scalar(select(func.max(RoundEntry.seq)).where(RoundEntry.round_id == r.id)) or 0
            for n, did in enumerate(wanted, start=seq + 1):
                s.add(
                    RoundEntry(
                        round_id=r.id,
                        dossier_id=did,
                        seq=n,
                        status=EntryStatus.ASSIGNED.value,
                        council_knockouts=[],
                        history=[],
                    )
                )
        with self._ctx.read() as s:
            return entry_rows(s, get_round(s, round_id), dossier_ids=wanted)

    def unassign(self, round_id: str, dossier_id: str) -> None:
        """Take a dossier out of the round, while no member has scored it there."""
        with self._ctx.unit_of_work() as s:
            r = working_round(s, round_id)
            entry = get_entry(s, r, dossier_id)
            if entry.status == EntryStatus.WITHDRAWN:
                raise UserError(
                    "Chủ thể đã rút hồ sơ này: hồ sơ được giữ trong đợt để lưu (không còn được chấm, "
                    "tổng hợp hay xét công nhận), không cần rút khỏi đợt."
                )
            member_ids = select(CouncilMember.id).where(CouncilMember.round_id == r.id)
            sheets = s.scalar(
                select(func.count())
                .select_from(ScoreSheet)
                .where(
                    ScoreSheet.dossier_id == dossier_id,
                    ScoreSheet.kind == MEMBER_SHEET,
                    ScoreSheet.member_id.in_(member_ids),
                )
            )
            if sheets or entry.status != EntryStatus.ASSIGNED:
                raise UserError(
                    "Hồ sơ đã có phiếu chấm của thành viên trong đợt này, không rút khỏi đợt được."
                )
            s.delete(entry)
