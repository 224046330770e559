"""The officers of this office: who works here, who is at the keyboard, who administers.

Every write is attributed to `ctx.officer_id` (the store stamps records and the audit log names
the officer). The administrator (the first officer; any officer an administrator promotes) manages
officers, settings and trust in other offices' keys. A PIN is optional (`pins`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import NotFoundError, UserError, ValidationError
from ocop_desktop.domain.text import fold, nfc
from ocop_desktop.services.core.pins import hash_pin, pin_matches
from ocop_desktop.store.models import Officer

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class OfficerRow:
    id: str
    name: str
    title: str
    active: bool
    is_admin: bool
    has_pin: bool


def _row(o: Officer) -> OfficerRow:
    return OfficerRow(o.id, o.name, o.title, o.active, o.is_admin, o.pin_hash is not None)


class PinRequired(UserError):
    """The officer has a PIN and none (or a wrong one) was given."""


def require_admin(ctx: AppContext, what: str) -> None:
    """Refuse `what` unless the officer at the keyboard administers this office."""
    with ctx.read() as s:
        officer = s.get(Officer, ctx.officer_id) if ctx.officer_id else None
        if officer is None or not officer.active or not officer.is_admin:
            raise UserError(f"Chỉ cán bộ quản trị mới được {what}. Hãy chuyển sang cán bộ quản trị.")


class OfficerService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # -- reading ------------------------------------------------------------------------------------
    def list(self, *, include_inactive: bool = True) -> list[OfficerRow]:
        office = self._ctx.office()
        with self._ctx.read() as s:
            query = select(Officer).where(Officer.office_id == office.id).order_by(Officer.created_at)
            rows = [_row(o) for o in s.scalars(query)]
        return [r for r in rows if include_inactive or r.active]

    def current(self) -> OfficerRow | None:
        return next((r for r in self.list() if r.id == self._ctx.officer_id), None)

    def find(self, name: str) -> OfficerRow:
        wanted = fold(nfc(name))
        found = [r for r in self.list() if fold(r.name) == wanted and r.active]
        if not found:
            raise NotFoundError(f"Không có cán bộ đang làm việc tên “{nfc(name)}” ở cơ quan này.")
        return found[0]

    # -- who is at the keyboard -----------------------------------------------------------------------
    def act_as(self, officer_id: str, pin: str | None = None) -> OfficerRow:
        """Make `officer_id` the officer every following action is attributed to."""
        with self._ctx.read() as s:
            officer = s.get(Officer, officer_id)
            if officer is None or officer.office_id != self._ctx.office().id or not officer.active:
                raise NotFoundError("Cán bộ này không còn làm việc ở cơ quan.")
            if officer.pin_hash is not None and not pin_matches(officer.pin_hash, pin or ""):
                raise PinRequired(
                    f"Mã PIN của {officer.name} chưa đúng." if pin else f"Cần mã PIN của {officer.name}."
                )
            row = _row(officer)
        self._ctx.officer_id = row.id
        return row

    # -- managing (administrators) --------------------------------------------------------------------
    def add(
        self, name: str, title: str = "", *, is_admin: bool = False, pin: str | None = None
    ) -> OfficerRow:
        require_admin(self._ctx, "thêm cán bộ")
        office = self._ctx.office()
        clean = self._checked_name(name)
        with self._ctx.unit_of_work() as s:
            officer = Officer(office_id=office.id, name=clean, title=nfc(title), is_admin=is_admin)
            officer.pin_hash = hash_pin(pin) if pin else None
            s.add(officer)
            s.flush()
            return _row(officer)

    def rename(self, officer_id: str, name: str) -> OfficerRow:
        require_admin(self._ctx, "đổi tên cán bộ")
        clean = self._checked_name(name, except_id=officer_id)
        with self._ctx.unit_of_work() as s:
            officer = self._get(s, officer_id)
            officer.name = clean
            row = _row(officer)
        self._ctx.forget_officer_name()
        return row

    def set_active(self, officer_id: str, active: bool) -> OfficerRow:
        require_admin(self._ctx, "ngừng hoặc kích hoạt lại cán bộ")
        with self._ctx.unit_of_work() as s:
            officer = self._get(s, officer_id)
            if not active:
                self._keep_an_admin(s, officer, "ngừng")
                if officer.id == self._ctx.officer_id:
                    raise UserError("Không thể ngừng chính mình; hãy chuyển sang cán bộ quản trị khác.")
            officer.active = active
            return _row(officer)

    def set_admin(self, officer_id: str, is_admin: bool) -> OfficerRow:
        require_admin(self._ctx, "giao quyền quản trị")
        with self._ctx.unit_of_work() as s:
            officer = self._get(s, officer_id)
            if not is_admin:
                self._keep_an_admin(s, officer, "bỏ quyền quản trị của")
            officer.is_admin = is_admin
            return _row(officer)

    def set_pin(self, officer_id: str, pin: str | None, *, current_pin: str | None = None) -> OfficerRow:
        """Set or clear a PIN: one's own (knowing the old one), or anyone's as administrator."""
        with self._ctx.unit_of_work() as s:
            officer = self._get(s, officer_id)
            own = officer_id == self._ctx.officer_id
            if not own:
                require_admin(self._ctx, "đặt mã PIN cho cán bộ khác")
            elif officer.pin_hash is not None and not pin_matches(officer.pin_hash, current_pin or ""):
                raise ValidationError({"current_pin": "Mã PIN hiện tại chưa đúng."})
            officer.pin_hash = hash_pin(pin) if pin else None
            return _row(officer)

    # -- helpers ----------------------------------------------------------------------------------------
    def _get(self, s: Session, officer_id: str) -> Officer:
        officer = s.get(Officer, officer_id)
        if officer is None or officer.office_id != self._ctx.office().id:
            raise NotFoundError("Không tìm thấy cán bộ này.")
        return officer

    def _checked_name(self, name: str, *, except_id: str | None = None) -> str:
        clean = nfc(name)
        if not clean:
            raise ValidationError({"name": "Cần nhập họ tên cán bộ."})
        if len(clean) > 120:
            raise ValidationError({"name": "Họ tên dài quá 120 ký tự."})
        if any(fold(r.name) == fold(clean) and r.active and r.id != except_id for r in self.list()):
            raise ValidationError(
                {"name": f"Đã có cán bộ tên “{clean}”; thêm chức vụ hoặc tên đệm để phân biệt."}
            )
        return clean

    def _keep_an_admin(self, s: Session, officer: Officer, verb: str) -> None:
        others = s.scalars(
            select(Officer.id).where(
                Officer.office_id == officer.office_id,
                Officer.is_admin.is_(True),
                Officer.active.is_(True),
                Officer.id != officer.id,
            )
        ).first()
        if officer.is_admin and officer.active and others is None:
            raise UserError(
                f"Không thể {verb} cán bộ quản trị cuối cùng; hãy giao quyền quản trị cho người khác trước."
            )
