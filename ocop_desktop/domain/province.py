"""Province evaluation rules that are not scoring: rounds, council roles and modes, the statuses of a
dossier within a round, and how the members × criteria matrix flags outliers.

Aggregation itself (mean, spread, quorum, floors, knock-outs) is `domain.rules.council.aggregate`;
this module only decides what the secretary's screen highlights and what a round defaults to.

Outliers (docs/province.md):
- a **cell** (member, criterion) is an outlier when the member's points differ from the median of the
  members' points on that criterion by at least half the criterion's maximum, and at least 3 members
  scored (with 2 the median sits halfway and would flag both);
- a **member** is an outlier when the spread of the totals exceeds the allowed maximum and their total
  is the furthest from the mean (every member at that distance is flagged).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import Any

from ocop_desktop.domain.deadlines import Round, rounds_of_year
from ocop_desktop.domain.rules.council import FLOOR_RULES, CouncilRules
from ocop_desktop.domain.rules.model import StarBand
from ocop_desktop.domain.rules.stars import band_min

OUTLIER_SHARE = Fraction(1, 2)  # of the criterion's maximum
MIN_MEMBERS_FOR_CELL_OUTLIERS = 3


class EntryStatus(StrEnum):
    """Where a dossier stands within a round."""

    ASSIGNED = "assigned"
    NEEDS_RESCORE = "needs_rescore"
    AGGREGATED = "aggregated"
    PROPOSED = "proposed"
    NOT_RECOGNISED = "not_recognised"
    DECIDED = "decided"
    CENTRAL = "central_result"  # proposed for 5★, the ministry's result recorded, not 5★
    # The producer withdrew the dossier at the commune before any decision took it (issue 15): kept
    # with its sheets and history for the record, out of scoring, aggregation, ranking and decision.
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return {
            "assigned": "Đã phân vào đợt",
            "needs_rescore": "Cần chấm lại",
            "aggregated": "Đã tổng hợp điểm",
            "proposed": "Đã đề nghị công nhận",
            "not_recognised": "Không đủ điều kiện công nhận",
            "decided": "Đã có quyết định",
            "central_result": "Đã có kết quả của Bộ",
            "withdrawn": "Chủ thể đã rút hồ sơ",
        }[self.value]


# Member sheets may be typed (or revised) only while the result is not yet proposed.
SCORABLE = frozenset({EntryStatus.ASSIGNED, EntryStatus.NEEDS_RESCORE, EntryStatus.AGGREGATED})
FINAL = frozenset({EntryStatus.NOT_RECOGNISED, EntryStatus.DECIDED, EntryStatus.CENTRAL})


class FiveStarRule(StrEnum):
    """Which council results the province proposes to the ministry for 5★ (docs/province.md, "5★").

    QĐ 26/2026 Art. 7.3.e: "sản phẩm có tiềm năng đạt 5 sao (đạt từ 90 điểm trở lên)" — the points
    alone (`POINTS`, the default). `POINTS_AND_FLOORS` is the stricter reading some provinces apply:
    the points *and* every star floor up to 5★ met by the council. Either way the floors are shown
    (met / not met) and the central council decides."""

    POINTS = "points"
    POINTS_AND_FLOORS = "points_and_floors"

    @property
    def label(self) -> str:
        return {
            "points": "Theo điểm (đạt điểm hạng 5 sao, Điều 7.3.e QĐ 26/2026)",
            "points_and_floors": "Theo điểm và đủ các yêu cầu tối thiểu 5 sao (cách hiểu chặt hơn)",
        }[self.value]


class CouncilMode(StrEnum):
    MEETING = "meeting"
    WRITTEN = "written"  # re-evaluation by written opinions, QĐ 26/2026 Art. 7.6

    @property
    def label(self) -> str:
        return {"meeting": "Họp Hội đồng", "written": "Lấy ý kiến bằng văn bản"}[self.value]


class MemberRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"
    SECRETARY = "secretary"  # keeps the minutes, types the sheets; does not score

    @property
    def label(self) -> str:
        return {"chair": "Chủ tịch Hội đồng", "member": "Thành viên", "secretary": "Thư ký"}[self.value]

    @property
    def scores(self) -> bool:
        return self is not MemberRole.SECRETARY


class NoteKind(StrEnum):
    """Advisory team (tổ tư vấn) work on a dossier, QĐ 26/2026 Art. 7.3.c."""

    REVIEW = "review"
    SITE_VISIT = "site_visit"
    TEST_RESULT = "test_result"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "review": "Báo cáo thẩm định hồ sơ",
            "site_visit": "Biên bản kiểm tra thực tế",
            "test_result": "Kết quả kiểm nghiệm bổ sung",
            "other": "Ghi chú khác",
        }[self.value]


def round_defaults(year: int, number: int) -> Round | None:
    """The regular round `number` of `year` (cut-off 30/4 → finish 30/6, 30/10 → 30/12), or None
    for an extra round, whose dates the province sets."""
    return next((r for r in rounds_of_year(year) if r.number == number), None)


def round_problems(year: int, cutoff: date | None, finish: date | None) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not 2019 <= year <= 2100:
        problems["year"] = f"Năm {year} không hợp lệ."
    if cutoff is None:
        problems["cutoff"] = "Đợt bổ sung cần ngày chốt nhận hồ sơ."
    if finish is None:
        problems["finish"] = "Đợt bổ sung cần ngày hoàn thành."
    if cutoff and finish and finish < cutoff:
        problems["finish"] = f"Ngày hoàn thành {finish:%d/%m/%Y} trước ngày chốt hồ sơ {cutoff:%d/%m/%Y}."
    return problems


def parse_quorum(text: str) -> Fraction:
    """ "3/4", "0.75" or "75%" → Fraction(3, 4); a share in (0, 1]."""
    raw = text.strip().replace(",", ".")
    try:
        value = Fraction(raw[:-1]) / 100 if raw.endswith("%") else Fraction(raw)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"Tỉ lệ tối thiểu “{text}” không hợp lệ (ví dụ: 3/4 hoặc 75%).") from None
    if not 0 < value <= 1:
        raise ValueError(f"Tỉ lệ tối thiểu “{text}” phải lớn hơn 0 và không quá 100%.")
    return value


def council_rules(
    max_spread: int, quorum: str, chair_required: bool, floor_rule: str, five_star_rule: str = "points"
) -> CouncilRules:
    if five_star_rule not in {r.value for r in FiveStarRule}:
        raise ValueError(
            f"Cách chọn sản phẩm đề nghị 5 sao “{five_star_rule}” không hợp lệ "
            f"({', '.join(r.value for r in FiveStarRule)})."
        )
    if floor_rule not in FLOOR_RULES:
        raise ValueError(
            f"Cách xét yêu cầu tối thiểu “{floor_rule}” không hợp lệ ({', '.join(FLOOR_RULES)})."
        )
    if max_spread < 0:
        raise ValueError("Chênh lệch tối đa không được âm.")
    return CouncilRules(
        max_spread=max_spread,
        quorum=parse_quorum(quorum),
        chair_required=chair_required,
        floor_rule=floor_rule,
        five_star_rule=five_star_rule,
    )


def is_five_star_candidate(
    mean_total: Fraction | float,
    *,
    rated_star: int,
    valid: bool,
    eliminated: bool,
    bands: Sequence[StarBand],
    rule: str = FiveStarRule.POINTS,
) -> bool:
    """Proposed to the ministry: a valid, non-eliminated council result in the 5★ band of the rule
    set's `bands` (≥ 90 points under QĐ 26/2026). Under `POINTS_AND_FLOORS` every floor up to 5★
    must be met too (`rated_star` 5); under `POINTS` (the decision's reading) a product of 99 points
    whose council missed one 5★ floor is proposed all the same, its floors shown as not met."""
    if not valid or eliminated or mean_total < band_min(bands, 5):
        return False
    return rule == FiveStarRule.POINTS or rated_star == 5


PROVINCE_STARS = (3, 4)  # the province's decision recognises these; 5★ goes to the ministry
CENTRAL_NOT_RECOGNISED = 0  # a central result that recognises no star


def decided_by_province(status: str, proposed_star: int | None, central_stars: int | None = None) -> bool:
    """An entry the round's recognition decision takes: proposed at a star the province recognises,
    or (QĐ 26/2026 Art. 7.4) proposed for 5★ and rated 3★ or 4★ by the central council — the
    province then recognises that star in its own decision, citing the central result."""
    if status == EntryStatus.CENTRAL:
        return central_stars in PROVINCE_STARS
    return status == EntryStatus.PROPOSED and proposed_star in PROVINCE_STARS


def central_result_problems(
    number: str, decided_on: date | None, stars: int | None, total: float | None, bands: Sequence[StarBand]
) -> dict[str, str]:
    """What is wrong with a ministry result as typed: the decision's number and date, the stars
    (3, 4, 5, or 0 = not recognised) and the central council's points, which must allow those stars
    (a star above the band of the points is a typing error; below it, floors the council missed)."""
    problems: dict[str, str] = {}
    if not number:
        problems["number"] = "Cần số quyết định (hoặc văn bản) của Bộ."
    if decided_on is None:
        problems["decided_on"] = "Cần ngày của quyết định."
    if stars not in (CENTRAL_NOT_RECOGNISED, *PROVINCE_STARS, 5):
        problems["stars"] = "Chọn kết quả: 3, 4, 5 sao hoặc không công nhận."
    if total is None or not 0 <= total <= 100:
        problems["total"] = "Điểm của Hội đồng cấp trung ương phải từ 0 đến 100."
    elif stars and stars in (*PROVINCE_STARS, 5) and total < band_min(bands, stars):
        problems["stars"] = (
            f"{_points(total)} điểm chưa đủ {stars} sao (cần từ {band_min(bands, stars)} điểm)."
        )
    return problems


def unmet_floor_labels(floors: Mapping[str, Any]) -> tuple[str, ...]:
    """ "6.1 (5★)"… for the floors a council missed, from `stars.floors_json` (3★ first)."""
    return tuple(
        f"{code} ({level}★)"
        for level in ("3", "4", "5")
        for code in (floors.get(level) or {}).get("unmet", ())
    )


def _points(total: float) -> str:
    return f"{total:g}".replace(".", ",")


def median(values: Sequence[int | Fraction]) -> Fraction:
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        raise ValueError("median of nothing")
    mid = n // 2
    return Fraction(ordered[mid]) if n % 2 else Fraction(ordered[mid - 1] + ordered[mid], 2)


@dataclass(frozen=True)
class Outliers:
    cells: Mapping[str, frozenset[str]]  # criterion code -> members whose points stand out
    members: frozenset[str]  # members whose total is furthest from the mean when the spread fails
    medians: Mapping[str, Fraction]  # criterion code -> median points

    def flagged(self, member: str, criterion: str) -> bool:
        return member in self.cells.get(criterion, ())


def find_outliers(
    points: Mapping[str, Mapping[str, int]],
    maxima: Mapping[str, int],
    *,
    max_spread: int,
    totals: Mapping[str, int] | None = None,
) -> Outliers:
    """`points`: member -> criterion code -> points; `maxima`: criterion code -> its maximum (the
    order of `maxima` is kept). `totals` default to the sums of each member's points."""
    members = list(points)
    medians: dict[str, Fraction] = {}
    cells: dict[str, frozenset[str]] = {}
    for code, top in maxima.items():
        got = [(m, points[m][code]) for m in members if code in points[m]]
        if not got:
            continue
        ordered = sorted(p for _, p in got)
        mid = len(ordered) // 2
        twice = 2 * ordered[mid] if len(ordered) % 2 else ordered[mid - 1] + ordered[mid]  # 2 × median, exact
        medians[code] = Fraction(twice, 2)
        if len(got) >= MIN_MEMBERS_FOR_CELL_OUTLIERS and top > 0:
            # |p − median| ≥ share × max, in integers: |2p − 2·median| · den ≥ 2 · num · max
            bound = 2 * OUTLIER_SHARE.numerator * top
            flagged = frozenset(m for m, p in got if abs(2 * p - twice) * OUTLIER_SHARE.denominator >= bound)
            if flagged:
                cells[code] = flagged
    totals = dict(totals) if totals is not None else {m: sum(points[m].values()) for m in members}
    return Outliers(cells, total_outliers(totals, max_spread), medians)


def total_outliers(totals: Mapping[str, int], max_spread: int) -> frozenset[str]:
    if len(totals) < 2 or max(totals.values()) - min(totals.values()) <= max_spread:
        return frozenset()
    mean = Fraction(sum(totals.values()), len(totals))
    furthest = max(abs(t - mean) for t in totals.values())
    return frozenset(m for m, t in totals.items() if abs(t - mean) == furthest)


def five_star_lines(review: Mapping[str, Any]) -> tuple[str, ...]:
    """What a 5★ proposal and the ministry's result say, in plain lines (the commune's dossier, the
    CLI). `review`: the columns of a `FiveStarReview` (dates as dates)."""
    proposed: date = review["proposed_on"]
    lines = [
        f"Tỉnh đề nghị Bộ Nông nghiệp và Môi trường công nhận 5 sao ({review['round_label']}, "
        f"ngày {proposed:%d/%m/%Y}): Hội đồng cấp tỉnh {_points(review['council_total'])} điểm."
    ]
    unmet = unmet_floor_labels(review.get("floors") or {})
    lines.append(
        "Yêu cầu tối thiểu đến 5 sao: "
        + (f"chưa đạt {', '.join(unmet)}." if unmet else "đạt đủ theo đa số thành viên Hội đồng.")
    )
    rule = review.get("rule")
    if rule in {r.value for r in FiveStarRule}:
        lines.append(f"Cách chọn sản phẩm đề nghị 5 sao: {FiveStarRule(rule).label}.")
    on: date | None = review.get("central_date")
    if on is None:
        lines.append("Chưa có kết quả của Bộ.")
        return tuple(lines)
    stars, total = review.get("central_stars"), review.get("central_total")
    cited = f"văn bản số {review['central_number']} ngày {on:%d/%m/%Y}"
    points = f"{_points(total)} điểm" if total is not None else "không rõ điểm"
    if stars == 5:
        lines.append(
            f"Bộ công nhận 5 sao ({points}, quyết định số {review['central_number']} ngày {on:%d/%m/%Y})."
        )
    elif stars in PROVINCE_STARS:
        lines.append(
            f"Hội đồng cấp trung ương: {points}, đạt {stars} sao ({cited}); tỉnh công nhận {stars} sao "
            "theo kết quả này (Điều 7.4 QĐ 26/2026)."
        )
    else:
        lines.append(f"Bộ không công nhận ({points}, {cited}).")
    return tuple(lines)
