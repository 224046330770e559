"""The council of a round: name, establishing decision, mode (meeting or written opinions), the
province's council rules (spread, quorum, floors), members with their organisations, attendance.

Anything that changes who counts or how (rules, members, attendance, mode) makes earlier council
results stale: aggregated entries go back to "assigned" (history keeps what they were) and must be
aggregated again; once a result is proposed or decided the council can no longer change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import NotFoundError, UserError, ValidationError
from ocop_desktop.domain.province import SCORABLE, CouncilMode, EntryStatus, MemberRole, council_rules
from ocop_desktop.domain.text import nfc
from ocop_desktop.services.province.common import (
    MEMBER_SHEET,
    MemberRow,
    find_member,
    get_round,
    member_row,
    members_of,
    working_round,
)
from ocop_desktop.services.province.rounds import RoundRow, round_row
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.concurrency import conflict, locked, serialise
from ocop_desktop.store.models import ScoreSheet
from ocop_desktop.store.models.province import CouncilMember, EvaluationRound, RoundEntry

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class MemberInput:
    name: str
    role: str = MemberRole.MEMBER.value
    organisation: str = ""  # "Sở Nông nghiệp và Môi trường"
    title: str = ""  # "Phó Giám đốc"


def invalidate_results(s: Session, r: EvaluationRound, why: str) -> None:
    """Earlier council results of the round no longer hold: refuse once any is proposed or decided,
    else send aggregated entries back to "assigned", keeping a line in their history."""
    entries = [
        e
        for e in s.scalars(select(RoundEntry).where(RoundEntry.round_id == r.id))
        if e.status != EntryStatus.WITHDRAWN  # withdrawn by its producer: kept as it was, for the record
    ]
    if any(EntryStatus(e.status) not in SCORABLE for e in entries):
        raise UserError(
            "Đợt đã có kết quả đề nghị hoặc quyết định công nhận; không thay đổi Hội đồng được nữa."
        )
    for e in entries:
        if e.status != EntryStatus.ASSIGNED:
            e.history = [
                *e.history,
                {
                    "event": "invalidated",
                    "at": utcnow().isoformat(),
                    "reason": why,
                    "status": e.status,
                    "mean_total": e.mean_total,
                    "star": e.star,
                },
            ]
            e.status, e.valid = EntryStatus.ASSIGNED.value, None


class CouncilService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def configure(
        self,
        round_id: str,
        *,
        name: str | None = None,
        decision: str | None = None,
        mode: str | None = None,
        max_spread: int | None = None,
        quorum: str | None = None,
        chair_required: bool | None = None,
        floor_rule: str | None = None,
        five_star_rule: str | None = None,
        expected_revision: int | None = None,
    ) -> RoundRow:
        """Set what is given; the rest stays. Rules come from the province's council regulation.
        `expected_revision`: the round as the editor read it (a clear conflict if another desk
        changed it since)."""
        with self._ctx.unit_of_work() as s:
            r = working_round(s, round_id)
            if expected_revision is not None and r.revision != expected_revision:
                raise conflict(s, "Đợt đánh giá đã được thay đổi ở nơi khác trong lúc bạn đang sửa", r)
            if mode is not None and mode not in {m.value for m in CouncilMode}:
                raise ValidationError({"mode": f"Hình thức “{mode}” không hợp lệ (meeting, written)."})
            new = (
                mode or r.council_mode,
                r.max_spread if max_spread is None else max_spread,
                quorum or r.quorum,
                r.chair_required if chair_required is None else chair_required,
                floor_rule or r.floor_rule,
                five_star_rule or r.five_star_rule,
            )
            try:
                council_rules(*new[1:])
            except ValueError as exc:
                raise ValidationError({"rules": str(exc)}) from None
            old = (r.council_mode, r.max_spread, r.quorum, r.chair_required, r.floor_rule, r.five_star_rule)
            if new != old:
                invalidate_results(s, r, "Thay đổi hình thức hoặc quy tắc của Hội đồng")
                (r.council_mode, r.max_spread, r.quorum, r.chair_required, r.floor_rule, r.five_star_rule) = (
                    new
                )
            if name is not None:
                r.council_name = nfc(name)
            if decision is not None:
                r.council_decision = nfc(decision)
            s.flush()
            return round_row(s, r)

    def members(self, round_id: str) -> list[MemberRow]:
        with self._ctx.read() as s:
            get_round(s, round_id)
            return [member_row(m) for m in members_of(s, round_id)]

    def find_member(self, round_id: str, ref: str) -> MemberRow:
        """A member by id, id prefix, "TV3" or "3" (for the command line)."""
        with self._ctx.read() as s:
            return member_row(find_member(s, get_round(s, round_id), ref))

    def add_member(self, round_id: str, data: MemberInput) -> MemberRow:
        with self._ctx.unit_of_work() as s:
            r = working_round(s, round_id)  # TV numbers: one desk at a time
            role = self._check(s, r, data, None)
            invalidate_results(s, r, "Thêm thành viên Hội đồng")
            seq = (
                s.scalar(select(func.max(CouncilMember.seq)).where(CouncilMember.round_id == r.id)) or 0
            ) + 1
            m = CouncilMember(
                round_id=r.id,
                seq=seq,
                name=nfc(data.name),
                role=role.value,
                organisation=nfc(data.organisation),
                title=nfc(data.title),
                present=True,
            )
            s.add(m)
            s.flush()
            return member_row(m)

    def update_member(self, member_id: str, data: MemberInput) -> MemberRow:
        with self._ctx.unit_of_work() as s:
            m = self._member(s, member_id)
            r = get_round(s, m.round_id)
            role = self._check(s, r, data, m)
            if role.value != m.role:
                if not role.scores and self._has_sheets(s, m):
                    raise UserError(f"TV{m.seq} {m.name} đã có phiếu chấm; không chuyển thành thư ký được.")
                invalidate_results(s, r, "Thay đổi vai trò thành viên Hội đồng")
            m.name, m.role, m.organisation, m.title = (
                nfc(data.name),
                role.value,
                nfc(data.organisation),
                nfc(data.title),
            )
            s.flush()
            return member_row(m)

    def remove_member(self, member_id: str) -> None:
        with self._ctx.unit_of_work() as s:
            m = self._member(s, member_id)
            if self._has_sheets(s, m):
                raise UserError(
                    f"TV{m.seq} {m.name} đã có phiếu chấm; hãy xóa các phiếu trước khi bỏ thành viên."
                )
            invalidate_results(s, get_round(s, m.round_id), "Bỏ thành viên Hội đồng")
            s.delete(m)

    def set_present(self, member_id: str, present: bool) -> MemberRow:
        """Attendance at the meeting. A member with sheets in the round cannot be marked absent."""
        with self._ctx.unit_of_work() as s:
            m = self._member(s, member_id)
            if m.present != present:
                if not present and self._has_sheets(s, m):
                    raise UserError(
                        f"TV{m.seq} {m.name} đã có phiếu chấm trong đợt; không ghi vắng mặt được."
                    )
                invalidate_results(s, get_round(s, m.round_id), "Thay đổi điểm danh Hội đồng")
                m.present = present
            s.flush()
            return member_row(m)

    def copy_members(self, from_round_id: str, to_round_id: str) -> list[MemberRow]:
        """Start a round's council from another round's (names, roles, organisations)."""
        with self._ctx.read() as s:
            source = [
                MemberInput(m.name, m.role, m.organisation, m.title) for m in members_of(s, from_round_id)
            ]
        if not source:
            raise UserError("Đợt được chọn chưa có thành viên Hội đồng để sao chép.")
        with self._ctx.unit_of_work() as s:
            r = working_round(s, to_round_id)
            if members_of(s, r.id):
                raise UserError("Đợt này đã có thành viên Hội đồng; chỉ sao chép vào đợt chưa có thành viên.")
            for seq, data in enumerate(source, start=1):
                s.add(
                    CouncilMember(
                        round_id=r.id,
                        seq=seq,
                        name=data.name,
                        role=data.role,
                        organisation=data.organisation,
                        title=data.title,
                        present=True,
                    )
                )
        return self.members(to_round_id)

    # -- helpers ----------------------------------------------------------------------------
    def _member(self, s: Session, member_id: str) -> CouncilMember:
        m = s.get(CouncilMember, member_id)
        if m is not None:
            serialise(s, "round", m.round_id)  # the round's council changes one desk at a time
            m = locked(s, CouncilMember, member_id)  # as the previous holder left it
        if m is None:
            raise NotFoundError("Không tìm thấy thành viên Hội đồng.")
        return m

    def _check(
        self, s: Session, r: EvaluationRound, data: MemberInput, current: CouncilMember | None
    ) -> MemberRole:
        problems = {}
        if not nfc(data.name):
            problems["name"] = "Cần họ tên thành viên."
        try:
            role = MemberRole(data.role)
        except ValueError:
            raise ValidationError(
                {"role": f"Vai trò “{data.role}” không hợp lệ (chair, member, secretary)."}
            ) from None
        if role in (MemberRole.CHAIR, MemberRole.SECRETARY):
            holder = next((m for m in members_of(s, r.id) if m.role == role and m is not current), None)
            if holder is not None:
                problems["role"] = f"Hội đồng đã có {role.label.lower()}: {holder.name}."
        if problems:
            raise ValidationError(problems)
        return role

    @staticmethod
    def _has_sheets(s: Session, m: CouncilMember) -> bool:
        return bool(
            s.scalar(
                select(func.count())
                .select_from(ScoreSheet)
                .where(ScoreSheet.kind == MEMBER_SHEET, ScoreSheet.member_id == m.id)
            )
        )
