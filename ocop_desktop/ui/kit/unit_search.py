"""Searches over the official list of administrative units, shaped for `SearchPicker`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_desktop.services.core.units import COMMUNE, PROVINCE, UnitService
from ocop_desktop.ui.kit.search_picker import Search

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


def commune_search(ctx: AppContext, province_code: str | None) -> Search:
    units = UnitService(ctx)

    def search(text: str) -> list[tuple[str, str]]:
        return [(u.code, u.label) for u in units.search(text, level=COMMUNE, parent_code=province_code)]

    return search


def province_search(ctx: AppContext) -> Search:
    units = UnitService(ctx)

    def search(text: str) -> list[tuple[str, str]]:
        return [(u.code, u.name) for u in units.search(text, level=PROVINCE, limit=40)]

    return search


def office_province(ctx: AppContext) -> str | None:
    """The province this office works in (its own unit, or the parent of its commune)."""
    office = ctx.office_or_none()
    if office is None:
        return None
    unit = UnitService(ctx).get(office.unit_code)
    return unit.parent_code if unit.level == COMMUNE else unit.code
