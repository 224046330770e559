"""Year plans carried by the province's reference pack (docs/sync-package.md §4, "plans").

The province's plan may name communes (`plan set YEAR --commune CODE …`); those lines are each commune's
part. The reference pack carries them in an optional `plans` array of `payload.json`: a pack to one
commune carries only that commune's lines, a pack to every commune of the province carries every
commune's lines (plans are public figures, and one pack for all is what the province sends most). Lines
for the whole province (no commune) stay at the province.

At a commune, a pack that carries `plans` (even empty) replaces what the province sent before with this
commune's lines — kept apart from the commune's own plan (`province_target`), read-only, with when they
came. A pack without the field (a province on an older version) leaves them as they are; a pack older
than one already imported from the same province changes nothing (as for its reference files). An
older reader ignores the field, as any unknown optional field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.models import ProvinceTarget, YearPlan

FIELDS = ("year", "commune_code", "product_group", "new_products", "upgrades", "reevaluations")
COUNTS = ("new_products", "upgrades", "reevaluations")


def plans_for(s: Session, commune_code: str | None) -> list[dict[str, Any]]:
    """At the province: its plan lines that name a commune — `commune_code`'s only, or every commune's
    when None (a pack to all communes)."""
    query = select(YearPlan).where(YearPlan.commune_code != "")
    if commune_code is not None:
        query = query.where(YearPlan.commune_code == commune_code)
    rows = s.scalars(query.order_by(YearPlan.year, YearPlan.commune_code, YearPlan.product_group))
    return [{f: getattr(r, f) for f in FIELDS} for r in rows]


@dataclass(frozen=True)
class CarriedPlans:
    lines: tuple[dict[str, Any], ...]  # this commune's lines, as carried (schema-checked)

    def describe(self) -> tuple[str, ...]:
        """What the import will set, one text a line (the preview shows them)."""
        if not self.lines:
            return ("Tỉnh không giao chỉ tiêu nào cho xã (chỉ tiêu tỉnh giao trước đây, nếu có, được xóa).",)
        return tuple(
            f"Chỉ tiêu tỉnh giao năm {line['year']}"
            + (f", ngành {line['product_group']}" if line["product_group"] else "")
            + f": {line['new_products']} sản phẩm mới, {line['upgrades']} nâng hạng, "
            f"{line['reevaluations']} đánh giá lại"
            for line in self.lines
        )


def carried(doc: dict[str, Any], role: str, unit_code: str) -> CarriedPlans | None:
    """At a commune: its lines of the pack's `plans`, or None when the pack has none to give (no field,
    or this office is not a commune). Two lines for the same year and group are refused."""
    plans = doc.get("plans")
    if plans is None or role != "commune":
        return None
    mine = tuple(line for line in plans if line["commune_code"] == unit_code)
    keys = [(line["year"], line["product_group"]) for line in mine]
    if len(set(keys)) != len(keys):
        raise PackageRefused(
            "malformed",
            "Gói tham chiếu ghi hai chỉ tiêu cho cùng một năm và một ngành của xã. "
            "Hãy đề nghị tỉnh kiểm tra kế hoạch và xuất lại gói.",
        )
    return CarriedPlans(mine)


def replace_targets(s: Session, plans: CarriedPlans, sender_office_id: str, package_id: str) -> int:
    """The province's targets here become `plans.lines`: rows updated in place (their history stays in
    the audit log), new ones added, the ones the pack no longer carries removed. Returns the count."""
    now = utcnow()
    existing = {(r.year, r.commune_code, r.product_group): r for r in s.scalars(select(ProvinceTarget))}
    for line in plans.lines:
        key = (line["year"], line["commune_code"], line["product_group"])
        row = existing.pop(key, None)
        if row is None:
            row = ProvinceTarget(year=key[0], commune_code=key[1], product_group=key[2])
            s.add(row)
        for name in COUNTS:
            setattr(row, name, line[name])
        row.sender_office_id, row.package_id, row.received_at = sender_office_id, package_id, now
    for gone in existing.values():
        s.delete(gone)
    return len(plans.lines)
