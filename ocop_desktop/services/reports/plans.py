"""Yearly plans and "targets against achieved": an office sets, for a year, how many new products of 3★
or more, upgrades and re-evaluations it aims at — for its whole area, or one commune and/or one product
group — and the report puts next to each line what the certificates of that year achieved by the day:

- new: a product whose first certificate was decided in the year;
- upgrade: a certificate decided in the year with more stars than the product's previous one;
- re-evaluation: a certificate decided in the year for a product already certified, with no more stars.

At a commune, the lines the province gave it (received in the province's reference pack, read-only) come
as a second table next to the commune's own plan, with the day they arrived."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date
from typing import TYPE_CHECKING

from sqlalchemy import select

from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.services.reports.facts import Area, CertificateFact, office_area
from ocop_desktop.services.reports.model import Cell, Report, ReportTable
from ocop_desktop.store.models import ProvinceTarget, YearPlan

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

ALL = ""
KINDS = ("new", "upgrade", "reevaluation")


@dataclass(frozen=True)
class PlanLine:
    year: int
    commune_code: str  # "": the whole area
    product_group: str  # "": every group
    new_products: int
    upgrades: int
    reevaluations: int


@dataclass(frozen=True)
class ProvinceTargets:
    """The province's targets for this commune, as its last reference pack carried them."""

    lines: list[PlanLine]
    received: date | None  # the day they arrived (local time of the import), None when none did


class PlanService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def set(self, line: PlanLine, *, groups: Iterable[str]) -> PlanLine:
        """Create or replace the line of (year, commune, group)."""
        office = self._ctx.office()
        problems: dict[str, str] = {}
        if not 2000 <= line.year <= 2100:
            problems["year"] = "Năm kế hoạch không hợp lệ."
        for name in ("new_products", "upgrades", "reevaluations"):
            if getattr(line, name) < 0:
                problems[name] = "Chỉ tiêu không được âm."
        with self._ctx.unit_of_work() as s:
            area = office_area(s, office.role, office.unit_code)
            if line.commune_code and line.commune_code not in area.communes:
                problems["commune_code"] = f"Mã xã “{line.commune_code}” không thuộc địa bàn của đơn vị."
            if line.product_group and line.product_group not in set(groups):
                problems["product_group"] = f"Ngành “{line.product_group}” không có trong bộ tiêu chí."
            if problems:
                raise ValidationError(problems)
            row = s.scalars(
                select(YearPlan).where(
                    YearPlan.year == line.year,
                    YearPlan.commune_code == line.commune_code,
                    YearPlan.product_group == line.product_group,
                )
            ).first()
            if row is None:
                row = YearPlan(
                    year=line.year, commune_code=line.commune_code, product_group=line.product_group
                )
                s.add(row)
            row.new_products, row.upgrades, row.reevaluations = (
                line.new_products,
                line.upgrades,
                line.reevaluations,
            )
        return line

    def province_targets(self, year: int) -> ProvinceTargets:
        """At a commune: the province's lines for `year` (read-only here: only a reference pack sets them)."""
        with self._ctx.read() as s:
            rows = s.scalars(
                select(ProvinceTarget)
                .where(ProvinceTarget.year == year)
                .order_by(ProvinceTarget.product_group)
            ).all()
            lines = [
                PlanLine(r.year, r.commune_code, r.product_group, r.new_products, r.upgrades, r.reevaluations)
                for r in rows
            ]
            arrived = max((r.received_at for r in rows), default=None)
        if arrived is None:
            return ProvinceTargets(lines, None)
        # SQLite gives the stored UTC time back without its zone
        return ProvinceTargets(lines, arrived.replace(tzinfo=arrived.tzinfo or UTC).astimezone().date())

    def lines(self, year: int) -> list[PlanLine]:
        with self._ctx.read() as s:
            rows = s.scalars(
                select(YearPlan)
                .where(YearPlan.year == year)
                .order_by(YearPlan.commune_code, YearPlan.product_group)
            ).all()
            return [
                PlanLine(r.year, r.commune_code, r.product_group, r.new_products, r.upgrades, r.reevaluations)
                for r in rows
            ]


def achievements(facts: list[CertificateFact], year: int, on: date) -> list[tuple[CertificateFact, str]]:
    """(certificate, kind) for each certificate decided in `year` by `on`: new, upgrade or re-evaluation."""
    by_product: dict[str, list[CertificateFact]] = {}
    for f in facts:
        if f.decision_date <= on:
            by_product.setdefault(f.product_id, []).append(f)
    out = []
    for certs in by_product.values():
        certs.sort(key=lambda f: (f.decision_date, f.stars))
        for i, c in enumerate(certs):
            if c.decision_date.year != year:
                continue
            if i == 0:
                out.append((c, "new"))
            else:
                out.append((c, "upgrade" if c.stars > certs[i - 1].stars else "reevaluation"))
    return out


HEADERS = (
    "Xã/phường",
    "Ngành",
    "Sản phẩm mới: chỉ tiêu",
    "Đạt",
    "%",
    "Nâng hạng: chỉ tiêu",
    "Đạt",
    "%",
    "Đánh giá lại: chỉ tiêu",
    "Đạt",
    "%",
)


def targets_report(
    area: Area,
    on: date,
    lines: list[PlanLine],
    facts: list[CertificateFact],
    group_of: Callable[[CertificateFact], tuple[str, str]],
    group_names: dict[str, str],
    province: ProvinceTargets | None = None,
) -> Report:
    """The office's own plan against the year's results; at a commune (`province` given) the province's
    targets for it too, as a second table."""
    done = achievements(facts, on.year, on)

    def achieved(line: PlanLine, kind: str) -> int:
        return sum(
            1
            for c, k in done
            if k == kind
            and (not line.commune_code or c.commune_code == line.commune_code)
            and (not line.product_group or group_of(c)[0] == line.product_group)
        )

    def pct(got: int, target: int) -> float | None:
        return round(100 * got / target, 1) if target else None

    def rows(plan: list[PlanLine]) -> tuple[tuple[Cell, ...], ...]:
        out: list[tuple[Cell, ...]] = []
        for line in plan:
            commune = (
                area.communes.get(line.commune_code, line.commune_code)
                if line.commune_code
                else "Toàn địa bàn"
            )
            group = group_names.get(line.product_group, line.product_group) or "Tất cả"
            cells: list[Cell] = [commune, group]
            targets = (line.new_products, line.upgrades, line.reevaluations)
            for kind, target in zip(KINDS, targets, strict=True):
                got = achieved(line, kind)
                cells += [target, got, pct(got, target)]
            out.append(tuple(cells))
        return tuple(out)

    tables = [ReportTable("targets", f"Chỉ tiêu và kết quả năm {on.year}", HEADERS, rows(lines))]
    figures: list[tuple[str, Cell]] = [
        (f"Sản phẩm mới từ 3 sao năm {on.year}", sum(1 for _, k in done if k == "new")),
        (f"Nâng hạng năm {on.year}", sum(1 for _, k in done if k == "upgrade")),
        (f"Đánh giá lại năm {on.year}", sum(1 for _, k in done if k == "reevaluation")),
    ]
    if province is not None:
        when = f"nhận ngày {province.received:%d/%m/%Y}" if province.received else "chưa nhận"
        title = f"Chỉ tiêu tỉnh giao năm {on.year} ({when})"
        tables.append(ReportTable("province_targets", title, HEADERS, rows(province.lines)))
        figures.append(("Chỉ tiêu tỉnh giao nhận ngày", province.received or "chưa nhận"))
    return Report("targets", "Chỉ tiêu và kết quả thực hiện", on, area.label, tuple(tables), tuple(figures))
