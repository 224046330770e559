"""Administrative units: loaded once from `vietnam-provinces` (QĐ 19/2025 codes), searchable
without diacritics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select

from ocop_desktop.domain.errors import NotFoundError
from ocop_desktop.domain.text import fold, nfc
from ocop_desktop.store.models import AdminUnit

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

PROVINCE = "province"
COMMUNE = "commune"


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    level: str
    division_type: str
    parent_code: str | None
    parent_name: str = ""

    @property
    def label(self) -> str:
        return f"{self.name}, {self.parent_name}" if self.parent_name else self.name

    @property
    def formal_name(self) -> str:
        return formal_name(self.name, self.division_type)


def formal_name(name: str, division_type: str) -> str:
    """The name as official documents write it: "Tỉnh Đắk Lắk" (the list calls it "Đắk Lắk", a
    "tỉnh"); "Thành phố Hà Nội" and "Phường Hoàn Kiếm" already carry their kind."""
    word = "thành phố" if division_type.startswith("thành phố") else division_type  # "… trung ương"
    if not word or name.casefold().startswith(word.casefold()):
        return name
    return f"{word[:1].upper()}{word[1:]} {name}"


def official_units() -> list[dict[str, object]]:
    """The 34 provinces and 3,321 communes as rows for the admin_unit table."""
    from vietnam_provinces import Province, Ward

    rows: list[dict[str, object]] = []
    names: dict[int, str] = {}
    for p in Province.iter_all():
        names[int(p.code)] = p.name
        rows.append(_row(f"{int(p.code):02d}", p.name, p.division_type.value, PROVINCE, None, ""))
    for w in Ward.iter_all():
        parent = int(w.province_code)
        rows.append(
            _row(f"{int(w.code):05d}", w.name, w.division_type.value, COMMUNE, f"{parent:02d}", names[parent])
        )
    return rows


def _row(
    code: str, name: str, kind: str, level: str, parent: str | None, parent_name: str
) -> dict[str, object]:
    name = " ".join(nfc(name).split())  # the source writes some as "Phường  An Nhơn"
    return {
        "code": code,
        "name": name,
        "division_type": kind,
        "level": level,
        "parent_code": parent,
        "search_key": fold(f"{name} {parent_name} {code}"),
        "valid_until": None,
    }


def ensure_units_loaded(ctx: AppContext) -> int:
    """Fill the unit table on first start; returns how many rows were added."""
    with ctx.sessions.begin() as s:
        if s.scalar(select(func.count()).select_from(AdminUnit)):
            # tables filled before names were tidied: "Phường  An Nhơn" -> "Phường An Nhơn" (once)
            for unit in s.scalars(select(AdminUnit).where(AdminUnit.name.contains("  "))):
                unit.name = " ".join(unit.name.split())
            return 0
        rows = official_units()
        provinces = [r for r in rows if r["level"] == PROVINCE]
        s.execute(insert(AdminUnit), provinces)
        s.execute(insert(AdminUnit), [r for r in rows if r["level"] != PROVINCE])
        return len(rows)


class UnitService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def get(self, code: str) -> Unit:
        with self._ctx.read() as s:
            row = s.get(AdminUnit, code)
            if row is None:
                raise NotFoundError(f"Không có đơn vị hành chính mã “{code}”.")
            parent = s.get(AdminUnit, row.parent_code) if row.parent_code else None
            return _unit(row, parent.name if parent else "")

    def provinces(self) -> list[Unit]:
        with self._ctx.read() as s:
            rows = s.scalars(select(AdminUnit).where(AdminUnit.level == PROVINCE).order_by(AdminUnit.code))
            return [_unit(r, "") for r in rows]

    def search(
        self, query: str, *, level: str | None = None, parent_code: str | None = None, limit: int = 50
    ) -> list[Unit]:
        """Units whose name (or province, or code) contains every word of the query, diacritics ignored."""
        stmt = select(AdminUnit)
        for word in fold(query).split():
            stmt = stmt.where(AdminUnit.search_key.contains(word, autoescape=True))
        if level:
            stmt = stmt.where(AdminUnit.level == level)
        if parent_code:
            stmt = stmt.where(AdminUnit.parent_code == parent_code)
        with self._ctx.read() as s:
            rows = list(s.scalars(stmt.order_by(AdminUnit.level.desc(), AdminUnit.code).limit(limit)))
            parents = {
                p.code: p.name for p in s.scalars(select(AdminUnit).where(AdminUnit.level == PROVINCE))
            }
            return [_unit(r, parents.get(r.parent_code or "", "")) for r in rows]


def _unit(row: AdminUnit, parent_name: str) -> Unit:
    return Unit(row.code, row.name, row.level, row.division_type, row.parent_code, parent_name)
