"""The dossier checklist: generated from the rule set's checklist data, ticked by the officer,
with expiry dates for time-limited papers and the files attached to each item."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.checklist import (
    ChecklistState,
    ChecklistTemplate,
    Completeness,
    ItemStatus,
    Requirement,
    checklist_for,
    completeness,
)
from ocop_desktop.domain.errors import NotFoundError, UserError, ValidationError
from ocop_desktop.domain.forms import FILLED_IN_APP_NOTE, filled_in_app
from ocop_desktop.domain.text import nfc_multiline
from ocop_desktop.services.core.reference import checklist_data
from ocop_desktop.store.models import Attachment, ChecklistItem, Dossier

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class ChecklistRow:
    id: str
    key: str
    label: str
    group: str
    requirement: str
    requirement_label: str
    status: str
    status_label: str
    note: str
    expires_on: date | None
    expired: bool
    time_limited: bool
    knockout: str | None
    criteria: tuple[str, ...]
    attachments: int


def templates(d: Dossier) -> dict[str, ChecklistTemplate]:
    return {t.key: t for t in checklist_for(checklist_data(d.ruleset_id), d.product_set, d.registration_type)}


def create_checklist(s: Session, d: Dossier, registration_type: str) -> None:
    for t in checklist_for(checklist_data(d.ruleset_id), d.product_set, registration_type):
        status = ItemStatus.WAIVED if t.requirement is Requirement.NOT_APPLICABLE else ItemStatus.MISSING
        s.add(ChecklistItem(dossier_id=d.id, key=t.key, requirement=t.requirement.value, status=status.value))


def copy_checklist(s: Session, from_dossier: str, to_dossier: str) -> None:
    """A re-evaluation or upgrade starts from the previous dossier's papers (still to be re-checked)."""
    old = {i.key: i for i in s.scalars(select(ChecklistItem).where(ChecklistItem.dossier_id == from_dossier))}
    for item in s.scalars(select(ChecklistItem).where(ChecklistItem.dossier_id == to_dossier)):
        if (prev := old.get(item.key)) and item.requirement != Requirement.NOT_APPLICABLE.value:
            item.status, item.note, item.expires_on = prev.status, prev.note, prev.expires_on


def checklist_states(
    s: Session,
    d: Dossier,
    items: Sequence[ChecklistItem] | None = None,
    counts: Mapping[str | None, int] | None = None,
) -> list[ChecklistState]:
    """Each item's state; `items`: the dossier's items, `counts`: its attachments per checklist key,
    when the caller has read them already (in the same transaction)."""
    tpl = templates(d)
    if counts is None:
        counts = dict(
            s.execute(
                select(Attachment.checklist_key, func.count())
                .where(Attachment.dossier_id == d.id)
                .group_by(Attachment.checklist_key)
            ).all()
        )
    if items is None:
        items = list(s.scalars(select(ChecklistItem).where(ChecklistItem.dossier_id == d.id)))
    return [
        ChecklistState(
            i.key,
            Requirement(i.requirement),
            shown_status(d, i),
            i.expires_on,
            tpl[i.key].knockout if i.key in tpl else None,
            int(counts.get(i.key, 0)),
        )
        for i in items
    ]


def shown_status(d: Dossier, item: ChecklistItem) -> ItemStatus:
    """The item's status, with Mẫu 01/02 counted as there once they are filled in full in the app (the officer
    does not tick a paper the app itself prints)."""
    status = ItemStatus(item.status)
    if status is ItemStatus.MISSING and filled_in_app(item.key, d.forms):
        return ItemStatus.PROVIDED
    return status


class ChecklistService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today or date.today()

    def items(self, dossier_id: str) -> list[ChecklistRow]:
        return self.items_and_completeness(dossier_id)[0]

    def items_and_completeness(
        self, dossier_id: str, attached: Mapping[str | None, int] | None = None
    ) -> tuple[list[ChecklistRow], Completeness]:
        """The rows and where the checklist stands, from one read of the items and their attachment
        counts (the dossier window asks for both; a server desk pays every statement in round trips).
        `attached`: the attachments per checklist key, when the caller has just read them in the same
        transaction (`AppContext.shared_read`)."""
        with self._ctx.read() as s:
            d = _dossier(s, dossier_id)
            items = list(s.scalars(select(ChecklistItem).where(ChecklistItem.dossier_id == d.id)))
            states = checklist_states(s, d, items, attached)
            return self._rows(d, items, states), completeness(states, self._today)

    def _rows(
        self, d: Dossier, items: list[ChecklistItem], states: list[ChecklistState]
    ) -> list[ChecklistRow]:
        tpl = templates(d)
        by_key = {st.key: st for st in states}
        rows = []
        for item in items:
            t, st = tpl.get(item.key), by_key[item.key]
            if t is None:
                continue
            expired = bool(item.expires_on and item.expires_on < self._today)
            status = shown_status(d, item)
            derived = status.value != item.status
            rows.append(
                ChecklistRow(
                    item.id,
                    item.key,
                    t.label,
                    t.group,
                    item.requirement,
                    Requirement(item.requirement).label,
                    status.value,
                    status.label,
                    item.note or (FILLED_IN_APP_NOTE if derived else ""),
                    item.expires_on,
                    expired,
                    t.time_limited,
                    t.knockout,
                    t.criteria,
                    st.attachments,
                )
            )
        order = list(tpl)
        return sorted(rows, key=lambda r: order.index(r.key))

    def completeness(self, dossier_id: str) -> Completeness:
        with self._ctx.read() as s:
            return completeness(checklist_states(s, _dossier(s, dossier_id)), self._today)

    def update(
        self,
        dossier_id: str,
        key: str,
        *,
        status: str | None = None,
        note: str | None = None,
        expires_on: date | None | str = "keep",
    ) -> ChecklistRow:
        problems: dict[str, str] = {}
        if status is not None and status not in {s.value for s in ItemStatus}:
            problems["status"] = f"Trạng thái “{status}” không hợp lệ."
        if isinstance(expires_on, date) and expires_on.year < 1990:
            problems["expires_on"] = f"Ngày hết hạn {expires_on:%d/%m/%Y} không hợp lệ."
        if problems:
            raise ValidationError(problems)
        with self._ctx.unit_of_work() as s:
            d = _dossier(s, dossier_id)
            from ocop_desktop.domain.dossiers import EDITABLE, Status

            if Status(d.status) not in EDITABLE:
                raise UserError("Hồ sơ đã gửi đi, không sửa danh mục được nữa.")
            item = s.scalars(
                select(ChecklistItem).where(ChecklistItem.dossier_id == d.id, ChecklistItem.key == key)
            ).first()
            if item is None:
                raise NotFoundError(f"Không có mục “{key}” trong danh mục hồ sơ.")
            if status is not None:
                if (
                    item.requirement == Requirement.NOT_APPLICABLE.value
                    and status == ItemStatus.PROVIDED.value
                ):
                    raise ValidationError({"status": "Mục này không áp dụng cho hồ sơ này."})
                item.status = status
            if note is not None:
                item.note = nfc_multiline(note)
            if expires_on != "keep":
                item.expires_on = expires_on  # type: ignore[assignment]
        return next(r for r in self.items(dossier_id) if r.key == key)


def _dossier(s: Session, dossier_id: str) -> Dossier:
    d = s.get(Dossier, dossier_id)
    if d is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    return d
