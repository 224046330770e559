"""Yearly plans and "targets against achieved": an office sets, for a year, how many new products of 3★
or more, upgrades and re-evaluations it aims at — for its whole area, or one commune and/or one product
group, for the whole year or for one round of it — and the report puts next to each line what the
certificates of that year achieved by the day:

- new: a product whose first certificate was decided in the year;
- upgrade: a certificate decided in the year with more stars than the product's previous one;
- re-evaluation: a certificate decided in the year for a product already certified, with no more stars.

Rounds. A provincial plan reads "two evaluation rounds, by 30/7 and by 30/10". A line for a round names
it by its number in the year and the last day of its period ("Đợt 1 (đến 30/07/2026)"); the period runs
from the day after the previous round's end (1 January for round 1) to that day. It is not a link to the
province's `evaluation_round` rows: a commune has none, the plan is written before the rounds are opened,
and the number and end travel in the reference pack as they are. What a round achieved is what was
decided within its period — the certificates of the round's decision, which is taken by the round's end.
One year has one end per round number: setting a line with another end moves the round's end for every
line of the round (the ends must grow with the round numbers). At the province, the dialog proposes the
finish day of its own round N (`round_finishes`).

At a commune, the lines the province gave it (received in the province's reference pack, read-only) come
as a second table next to the commune's own plan, with the day they arrived; round lines come as tables of
their own ("targets_rounds", "province_targets_rounds"), after the year's."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import NotFoundError, ValidationError
from ocop_desktop.services.reports.facts import Area, CertificateFact, office_area
from ocop_desktop.services.reports.model import Cell, Report, ReportTable
from ocop_desktop.store.models import EvaluationRound, ProvinceTarget, YearPlan

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

ALL = ""
KINDS = ("new", "upgrade", "reevaluation")
COUNTS = ("new_products", "upgrades", "reevaluations")
MAX_ROUND = 12  # rounds of a year a plan may name (provinces hold two to four)


@dataclass(frozen=True)
class PlanLine:
    year: int
    commune_code: str  # "": the whole area
    product_group: str  # "": every group
    new_products: int
    upgrades: int
    reevaluations: int
    round_number: int = 0  # 0: the whole year
    period_end: date | None = None  # the round's last day; None for the whole year

    @property
    def scope(self) -> tuple[int, str, str, int]:
        """What a line is for: two lines of one plan never share it."""
        return self.year, self.commune_code, self.product_group, self.round_number


@dataclass(frozen=True)
class Period:
    """The whole year (`number` 0) or one round of it, from `start` to `end` inclusive."""

    number: int
    start: date
    end: date

    def label(self) -> str:
        return f"Đợt {self.number} (đến {self.end:%d/%m/%Y})" if self.number else f"Cả năm {self.end.year}"


def periods(lines: Iterable[PlanLine], year: int) -> dict[int, Period]:
    """Round number -> its period, for the rounds `lines` name in `year`, and 0 -> the whole year. A round
    starts the day after the previous round's end (the previous named one), round 1 on 1 January."""
    ends = sorted({(x.round_number, x.period_end) for x in lines if x.year == year and x.round_number})
    out = {0: Period(0, date(year, 1, 1), date(year, 12, 31))}
    start = date(year, 1, 1)
    for number, end in ends:
        if end is None or number in out:
            continue
        out[number] = Period(number, start, end)
        start = end + timedelta(days=1)
    return out


@dataclass(frozen=True)
class ProvinceTargets:
    """The province's targets for this commune, as its last reference pack carried them."""

    lines: list[PlanLine]
    received: date | None  # the day they arrived (local time of the import), None when none did


def _line(r: YearPlan | ProvinceTarget) -> PlanLine:
    return PlanLine(
        r.year,
        r.commune_code,
        r.product_group,
        r.new_products,
        r.upgrades,
        r.reevaluations,
        r.round_number,
        r.period_end,
    )


def _problems(line: PlanLine) -> dict[str, str]:
    """What is wrong with the line on its own (its scope against the area is checked with the store)."""
    problems: dict[str, str] = {}
    if not 2000 <= line.year <= 2100:
        problems["year"] = "Năm kế hoạch không hợp lệ."
    for name in COUNTS:
        if getattr(line, name) < 0:
            problems[name] = "Chỉ tiêu không được âm."
    if not 0 <= line.round_number <= MAX_ROUND:
        problems["round_number"] = f"Đợt phải từ 1 đến {MAX_ROUND} (0: cả năm)."
    elif line.round_number and line.period_end is None:
        problems["period_end"] = f"Hãy ghi ngày kết thúc của đợt {line.round_number}."
    elif line.round_number and line.period_end is not None and line.period_end.year != line.year:
        problems["period_end"] = f"Ngày kết thúc của đợt phải thuộc năm {line.year}."
    return problems


def _round_order(s: Session, line: PlanLine) -> str | None:
    """Why the round's end does not fit between the year's other rounds, or None when it does."""
    assert line.period_end is not None
    others = s.execute(
        select(YearPlan.round_number, YearPlan.period_end).where(
            YearPlan.year == line.year, YearPlan.round_number > 0, YearPlan.round_number != line.round_number
        )
    ).all()
    for number, end in others:
        if end is None:
            continue
        if (number < line.round_number and end >= line.period_end) or (
            number > line.round_number and end <= line.period_end
        ):
            return (
                f"Đợt {line.round_number} phải kết thúc sau các đợt trước và trước các đợt sau "
                f"(đợt {number} kết thúc ngày {end:%d/%m/%Y})."
            )
    return None


class PlanService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def set(self, line: PlanLine, *, groups: Iterable[str]) -> PlanLine:
        """Create or replace the line of (year, commune, group, round). A round's end given here becomes
        the end of every line of that round of the year (one year, one end per round)."""
        if not line.round_number:
            line = PlanLine(*line.scope[:3], line.new_products, line.upgrades, line.reevaluations)
        office = self._ctx.office()
        problems = _problems(line)
        with self._ctx.unit_of_work() as s:
            area = office_area(s, office.role, office.unit_code)
            if line.commune_code and line.commune_code not in area.communes:
                problems["commune_code"] = f"Mã xã “{line.commune_code}” không thuộc địa bàn của đơn vị."
            if line.product_group and line.product_group not in set(groups):
                problems["product_group"] = f"Ngành “{line.product_group}” không có trong bộ tiêu chí."
            if line.round_number and "period_end" not in problems and "year" not in problems:
                if (wrong := _round_order(s, line)) is not None:
                    problems["period_end"] = wrong
            if problems:
                raise ValidationError(problems)
            row = s.scalars(_where(select(YearPlan), line)).first()
            if row is None:
                row = YearPlan(
                    year=line.year,
                    commune_code=line.commune_code,
                    product_group=line.product_group,
                    round_number=line.round_number,
                )
                s.add(row)
            row.new_products, row.upgrades, row.reevaluations = (
                line.new_products,
                line.upgrades,
                line.reevaluations,
            )
            row.period_end = line.period_end
            if line.round_number:
                for other in s.scalars(
                    select(YearPlan).where(
                        YearPlan.year == line.year, YearPlan.round_number == line.round_number
                    )
                ):
                    other.period_end = line.period_end
        return line

    def remove(self, line: PlanLine) -> None:
        """Remove the line of `line`'s (year, commune, group, round)."""
        with self._ctx.unit_of_work() as s:
            row = s.scalars(_where(select(YearPlan), line)).first()
            if row is None:
                raise NotFoundError("Dòng kế hoạch này không còn (có thể đã được xóa).")
            s.delete(row)

    def province_targets(self, year: int) -> ProvinceTargets:
        """At a commune: the province's lines for `year` (read-only here: only a reference pack sets them)."""
        with self._ctx.read() as s:
            rows = s.scalars(
                select(ProvinceTarget)
                .where(ProvinceTarget.year == year)
                .order_by(ProvinceTarget.round_number, ProvinceTarget.product_group)
            ).all()
            lines = [_line(r) for r in rows]
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
                .order_by(YearPlan.round_number, YearPlan.commune_code, YearPlan.product_group)
            ).all()
            return [_line(r) for r in rows]

    def communes(self) -> dict[str, str]:
        """Code -> name of the communes a line may name: the office's area."""
        office = self._ctx.office()
        with self._ctx.read() as s:
            return dict(office_area(s, office.role, office.unit_code).communes)

    def round_finishes(self, year: int) -> dict[int, date]:
        """Round number -> the finish day of this office's evaluation round of `year` (a province's; a
        commune has none): what the plan dialog proposes as a round's end."""
        with self._ctx.read() as s:
            rows = s.execute(
                select(EvaluationRound.number, EvaluationRound.finish).where(
                    EvaluationRound.year == year, EvaluationRound.extra.is_(False)
                )
            ).all()
        return {number: finish for number, finish in rows if 1 <= number <= MAX_ROUND}


def _where(query: Select[YearPlan], line: PlanLine) -> Select[YearPlan]:
    return query.where(
        YearPlan.year == line.year,
        YearPlan.commune_code == line.commune_code,
        YearPlan.product_group == line.product_group,
        YearPlan.round_number == line.round_number,
    )


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
ROUND_HEADERS = ("Đợt", "Đến ngày", *HEADERS)  # the round's number and the last day of its period


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
    targets for it too, as a second table. The lines for a round come in a table of their own, each
    against what was decided within its period."""
    done = achievements(facts, on.year, on)

    def achieved(line: PlanLine, kind: str, period: Period) -> int:
        return sum(
            1
            for c, k in done
            if k == kind
            and period.start <= c.decision_date <= period.end
            and (not line.commune_code or c.commune_code == line.commune_code)
            and (not line.product_group or group_of(c)[0] == line.product_group)
        )

    def pct(got: int, target: int) -> float | None:
        return round(100 * got / target, 1) if target else None

    def rows(plan: list[PlanLine], rounds: bool) -> tuple[tuple[Cell, ...], ...]:
        mine = [x for x in plan if x.year == on.year and bool(x.round_number) == rounds]
        spans = periods(plan, on.year)
        out: list[tuple[Cell, ...]] = []
        for line in mine:
            period = spans[line.round_number]
            commune = (
                area.communes.get(line.commune_code, line.commune_code)
                if line.commune_code
                else "Toàn địa bàn"
            )
            group = group_names.get(line.product_group, line.product_group) or "Tất cả"
            cells: list[Cell] = [period.number, period.end] if rounds else []
            cells += [commune, group]
            targets = (line.new_products, line.upgrades, line.reevaluations)
            for kind, target in zip(KINDS, targets, strict=True):
                got = achieved(line, kind, period)
                cells += [target, got, pct(got, target)]
            out.append(tuple(cells))
        return tuple(out)

    year = on.year
    tables = [ReportTable("targets", f"Chỉ tiêu và kết quả năm {year}", HEADERS, rows(lines, False))]
    if any(x.round_number for x in lines):
        title = f"Chỉ tiêu và kết quả theo đợt năm {year}"
        tables.append(ReportTable("targets_rounds", title, ROUND_HEADERS, rows(lines, True)))
    figures: list[tuple[str, Cell]] = [
        (f"Sản phẩm mới từ 3 sao năm {year}", sum(1 for _, k in done if k == "new")),
        (f"Nâng hạng năm {year}", sum(1 for _, k in done if k == "upgrade")),
        (f"Đánh giá lại năm {year}", sum(1 for _, k in done if k == "reevaluation")),
    ]
    if province is not None:
        when = f"nhận ngày {province.received:%d/%m/%Y}" if province.received else "chưa nhận"
        title = f"Chỉ tiêu tỉnh giao năm {year} ({when})"
        tables.append(ReportTable("province_targets", title, HEADERS, rows(province.lines, False)))
        if any(x.round_number for x in province.lines):
            title = f"Chỉ tiêu tỉnh giao theo đợt năm {year}"
            rounds = rows(province.lines, True)
            tables.append(ReportTable("province_targets_rounds", title, ROUND_HEADERS, rounds))
        figures.append(("Chỉ tiêu tỉnh giao nhận ngày", province.received or "chưa nhận"))
    return Report("targets", "Chỉ tiêu và kết quả thực hiện", on, area.label, tuple(tables), tuple(figures))
