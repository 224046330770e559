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
older reader ignores the field, as any unknown optional field.

The lines for one round of a year (`round_number` ≥ 1 and the last day of its period, `period_end`:
services/reports/plans.py) travel in a second optional array, `plan_rounds`, with the same rules: in
`plans` an older reader would take them for whole-year lines and refuse the pack for two lines of one
year and group. A pack with `plans` and no `plan_rounds` (an older province, which has no round lines)
leaves the commune no round targets from the province."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.models import ProvinceTarget, YearPlan

FIELDS = ("year", "commune_code", "product_group", "new_products", "upgrades", "reevaluations")
COUNTS = ("new_products", "upgrades", "reevaluations")


def plans_for(s: Session, commune_code: str | None, *, rounds: bool = False) -> list[dict[str, Any]]:
    """At the province: its plan lines that name a commune — `commune_code`'s only, or every commune's
    when None (a pack to all communes); the whole-year lines (`plans`), or with `rounds` the round lines
    (`plan_rounds`)."""
    query = select(YearPlan).where(YearPlan.commune_code != "")
    if commune_code is not None:
        query = query.where(YearPlan.commune_code == commune_code)
    query = query.where(YearPlan.round_number > 0 if rounds else YearPlan.round_number == 0)
    order = (YearPlan.year, YearPlan.round_number, YearPlan.commune_code, YearPlan.product_group)
    return [_json(r, rounds) for r in s.scalars(query.order_by(*order))]


def _json(row: YearPlan, rounds: bool) -> dict[str, Any]:
    out = {f: getattr(row, f) for f in FIELDS}
    if rounds:
        assert row.period_end is not None  # PlanService.set: a round line has its end
        out.update(round_number=row.round_number, period_end=row.period_end.isoformat())
    return out


def _round_of(line: dict[str, Any]) -> tuple[int, date | None]:
    number = line.get("round_number", 0)
    return number, date.fromisoformat(line["period_end"]) if number else None


@dataclass(frozen=True)
class CarriedPlans:
    lines: tuple[dict[str, Any], ...]  # this commune's lines, as carried (schema-checked)

    def describe(self) -> tuple[str, ...]:
        """What the import will set, one text a line (the preview shows them)."""
        if not self.lines:
            return ("Tỉnh không giao chỉ tiêu nào cho xã (chỉ tiêu tỉnh giao trước đây, nếu có, được xóa).",)
        return tuple(
            f"Chỉ tiêu tỉnh giao năm {line['year']}"
            + (
                f", đợt {line['round_number']} (đến {_round_of(line)[1]:%d/%m/%Y})"
                if _round_of(line)[0]
                else ""
            )
            + (f", ngành {line['product_group']}" if line["product_group"] else "")
            + f": {line['new_products']} sản phẩm mới, {line['upgrades']} nâng hạng, "
            f"{line['reevaluations']} đánh giá lại"
            for line in self.lines
        )


def carried(doc: dict[str, Any], role: str, unit_code: str) -> CarriedPlans | None:
    """At a commune: its lines of the pack's `plans` and `plan_rounds`, or None when the pack has none to
    give (no `plans`, or this office is not a commune). Two lines for the same year, group and round, or
    a round whose end is outside its year or differs between its lines, are refused."""
    plans = doc.get("plans")
    if plans is None or role != "commune":
        return None
    mine = tuple(line for line in (*plans, *doc.get("plan_rounds", ())) if line["commune_code"] == unit_code)
    keys = [(line["year"], line["product_group"], _round_of(line)[0]) for line in mine]
    ends = {(line["year"], *_round_of(line)) for line in mine if _round_of(line)[0]}
    if len(set(keys)) != len(keys):
        _malformed("Gói tham chiếu ghi hai chỉ tiêu cho cùng một năm, một đợt và một ngành của xã.")
    if any(end is None or end.year != year for year, _, end in ends) or len(ends) != len(
        {(year, number) for year, number, _ in ends}
    ):
        _malformed("Gói tham chiếu ghi ngày kết thúc đợt không khớp với năm kế hoạch hoặc với nhau.")
    return CarriedPlans(mine)


def _malformed(what: str) -> NoReturn:
    raise PackageRefused("malformed", f"{what} Hãy đề nghị tỉnh kiểm tra kế hoạch và xuất lại gói.")


def replace_targets(s: Session, plans: CarriedPlans, sender_office_id: str, package_id: str) -> int:
    """The province's targets here become `plans.lines`: rows updated in place (their history stays in
    the audit log), new ones added, the ones the pack no longer carries removed. Returns the count."""
    now = utcnow()
    existing = {
        (r.year, r.commune_code, r.product_group, r.round_number): r
        for r in s.scalars(select(ProvinceTarget))
    }
    for line in plans.lines:
        number, end = _round_of(line)
        key = (line["year"], line["commune_code"], line["product_group"], number)
        row = existing.pop(key, None)
        if row is None:
            row = ProvinceTarget(year=key[0], commune_code=key[1], product_group=key[2], round_number=number)
            s.add(row)
        for name in COUNTS:
            setattr(row, name, line[name])
        row.period_end = end
        row.sender_office_id, row.package_id, row.received_at = sender_office_id, package_id, now
    for gone in existing.values():
        s.delete(gone)
    return len(plans.lines)
