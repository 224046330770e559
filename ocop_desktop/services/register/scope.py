"""Which communes a register file may name: the office's own commune, or every commune of the
province; a cell names one by its code (QĐ 19/2025) or its name, with or without "Xã"/"Phường"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.text import fold
from ocop_desktop.store.models import AdminUnit

_PREFIX = re.compile(r"^(xa|phuong|dac khu|thi tran)\s+")


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    province_code: str


@dataclass(frozen=True)
class Resolved:
    """A cell resolved: `commune` (in scope), or `problem` (refused), or `former` text (commune office:
    a name that is no unit any more, kept as text on the office's own commune)."""

    commune: Commune | None = None
    problem: str | None = None
    former: str = ""


class Scope:
    def __init__(self, s: Session, role: str, unit_code: str) -> None:
        if role not in ("commune", "province"):
            raise UserError("Chỉ văn phòng OCOP cấp xã hoặc cấp tỉnh nhập sổ sản phẩm.")
        self.role = role
        units = {u.code: u for u in s.scalars(select(AdminUnit).where(AdminUnit.level == "commune"))}
        own = units.get(unit_code)
        self.own: Commune | None = _commune(own) if own is not None else None
        self.province_code = own.parent_code or "" if own is not None else unit_code
        self.communes = {c: _commune(u) for c, u in units.items()}
        self._by_name: dict[str, list[Commune]] = {}
        for c in self.communes.values():
            if c.province_code != self.province_code:
                continue
            full = fold(c.name)
            for key in {full, _PREFIX.sub("", full)}:
                self._by_name.setdefault(key, []).append(c)

    def in_scope(self, c: Commune) -> bool:
        return c.code == self.own.code if self.own is not None else c.province_code == self.province_code

    def resolve(self, cell: str) -> Resolved:
        if not cell:
            if self.own is not None:
                return Resolved(self.own)
            return Resolved(problem="Thiếu xã/phường (cột “Xã/phường”: mã hoặc tên xã/phường hiện nay).")
        found = self._find(cell)
        if isinstance(found, str):
            return Resolved(problem=found)
        if found is None:
            return self._unknown(cell)
        if self.in_scope(found):
            return Resolved(found)
        if self.own is not None:
            return Resolved(
                problem=f"Dòng của {found.name}: văn phòng cấp xã chỉ nhập sổ của {self.own.name}; "
                "dòng này do xã/phường đó hoặc cấp tỉnh nhập."
            )
        return Resolved(problem=f"{found.name} (mã {found.code}) không thuộc tỉnh này.")

    def _find(self, cell: str) -> Commune | str | None:
        compact = cell.replace(" ", "")
        if compact.isdigit():
            return self.communes.get(compact.zfill(5)) or f"Không có xã/phường mã “{cell}”."
        key = fold(cell.split(",")[0])
        matches = self._by_name.get(key) or self._by_name.get(_PREFIX.sub("", key), [])
        if len(matches) > 1:
            names = ", ".join(f"{m.name} ({m.code})" for m in matches)
            return f"“{cell}” trùng tên nhiều đơn vị ({names}); ghi mã xã/phường."
        return matches[0] if matches else None

    def _unknown(self, cell: str) -> Resolved:
        if self.own is not None:
            # A commune's old register names the communes merged into it on 1/7/2025.
            return Resolved(self.own, former=cell)
        return Resolved(
            problem=f"Không có xã/phường “{cell}” trong tỉnh. Nếu là đơn vị cũ (trước 1/7/2025), "
            "ghi xã/phường hiện nay vào cột “Xã/phường” và tên cũ vào cột “Đơn vị cũ”."
        )


def _commune(u: AdminUnit) -> Commune:
    return Commune(u.code, u.name, u.parent_code or "")
