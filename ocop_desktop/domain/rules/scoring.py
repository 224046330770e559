"""Score one sheet: answers (leaf criterion code -> 0-based option index in printed order,
across alternative cases) + dossier knock-outs + criterion stop flags -> ScoreResult.

Pure and exact (all points are integers). Rules, decided and documented in docs/scoring.md:
- every leaf must be answered, except a criterion whose condition does not hold (5.2 when
  5.1 scored 0: no product story); such an answer, if given, is kept but scores 0 and is
  listed in `not_applicable`;
- once the product is eliminated (a knock-out or a stop), the evaluation has stopped, so
  unanswered leaves are allowed and score 0 (listed in `unanswered`);
- unknown codes, out-of-range indices, unknown knock-out or stop ids are always errors;
- the criteria with alternative cases ("Trường hợp 1/2", tourism 8, 9 and 15) describe one service,
  so one sheet uses one case: answers from different cases are always an error (`mixed_cases`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ocop_desktop.domain.rules import stars
from ocop_desktop.domain.rules.errors import ScoringError
from ocop_desktop.domain.rules.model import Condition, Floor, Sheet, Stop


@dataclass(frozen=True, slots=True)
class _Leaf:
    code: str
    points: tuple[int, ...]
    cases: tuple[int | None, ...]
    part: str
    group: str
    condition: Condition | None


@dataclass(frozen=True)
class _Plan:
    """A sheet flattened once for fast scoring (10,000 sheets must score in well under 1 s)."""

    leaves: tuple[_Leaf, ...]
    by_code: dict[str, _Leaf]
    parents: frozenset[str]
    floors: tuple[Floor, ...]  # by star level, then printed order
    knockouts: frozenset[str]
    stops: dict[str, Stop]
    flag_stops_by_criterion: dict[str, str]
    zero_stops: tuple[Stop, ...]
    group_codes: tuple[str, ...]  # printed order
    part_codes: tuple[str, ...]
    group_part: tuple[tuple[str, str], ...]  # (group, its part)
    with_cases: tuple[str, ...]  # leaves with alternative cases
    slots: tuple[tuple[str, tuple[int, ...], str], ...]  # (code, option points, group) per leaf
    conditional: tuple[tuple[str, str, str, int], ...]  # (code, group, basis code, min points)
    floor_rows: tuple[tuple[str, int, Floor], ...]  # (criterion, min points, floor), same order as floors


@lru_cache(maxsize=128)
def _plan(sheet: Sheet) -> _Plan:
    leaves, parents, groups = [], set(), []
    for part, group, criterion, _ in sheet.walk():
        if (part.code, group.code) not in groups:
            groups.append((part.code, group.code))
        if not criterion.is_leaf:
            parents.add(criterion.code)
            continue
        leaves.append(
            _Leaf(
                criterion.code,
                tuple(o.points for o in criterion.options),
                tuple(o.case for o in criterion.options),
                part.code,
                group.code,
                criterion.applies_if,
            )
        )
    floors = sorted(sheet.floors(), key=lambda f: f.star)  # stable: printed order within a level
    flags = [s for s in sheet.stops if s.trigger == "flag"]
    return _Plan(
        leaves=tuple(leaves),
        by_code={leaf.code: leaf for leaf in leaves},
        parents=frozenset(parents),
        floors=tuple(floors),
        knockouts=frozenset(k.id for k in sheet.knockouts),
        stops={s.id: s for s in sheet.stops},
        flag_stops_by_criterion={s.criterion: s.id for s in flags},
        zero_stops=tuple(s for s in sheet.stops if s.trigger == "zero_points"),
        group_codes=tuple(g for _, g in groups),
        part_codes=tuple(p.code for p in sheet.parts),
        group_part=tuple((g, p) for p, g in groups),
        with_cases=tuple(leaf.code for leaf in leaves if leaf.cases[0] is not None),
        slots=tuple((leaf.code, leaf.points, leaf.group) for leaf in leaves),
        conditional=tuple(
            (leaf.code, leaf.group, leaf.condition.criterion, leaf.condition.min_points)
            for leaf in leaves
            if leaf.condition is not None
        ),
        floor_rows=tuple((f.criterion, f.min_points, f) for f in floors),
    )


@dataclass(frozen=True)
class ScoreResult:
    ruleset_id: str
    ruleset_hash: str
    set_number: int
    set_code: str
    answers: Mapping[str, int]  # as accepted, leaf code -> option index
    points: Mapping[str, int]  # every leaf, printed order
    cases: Mapping[str, int]  # criteria with alternative cases -> the case used
    groups: Mapping[str, int]
    parts: Mapping[str, int]
    total: int
    max: int
    band_star: int  # from the total alone
    rated_star: int  # band limited by the floors, ignoring knock-outs
    star: int  # final: rated_star, or 0 when eliminated
    eliminated: bool
    knockouts: tuple[str, ...]  # dossier-level ids applied
    stops: tuple[str, ...]  # criterion-level stop ids triggered (flagged or automatic)
    floors: tuple[stars.FloorCheck, ...]  # 3★, 4★, 5★
    blocking: tuple[Floor, ...]  # unmet floors marked ≤ next star
    next_star: stars.NextStar | None
    unanswered: tuple[str, ...]
    not_applicable: tuple[str, ...]

    @property
    def certified(self) -> bool:
        return not self.eliminated and self.star >= 3

    def to_json(self) -> dict[str, Any]:
        return {
            "ruleset": {"id": self.ruleset_id, "hash": self.ruleset_hash},
            "set": self.set_number,
            "set_code": self.set_code,
            "answers": dict(self.answers),
            "points": dict(self.points),
            "cases": dict(self.cases),
            "groups": dict(self.groups),
            "parts": dict(self.parts),
            "total": self.total,
            "max": self.max,
            **stars.rating_json(self),
            "stops": list(self.stops),
            "unanswered": list(self.unanswered),
            "not_applicable": list(self.not_applicable),
        }


def score(
    sheet: Sheet,
    answers: Mapping[str, int],
    knockouts: Iterable[str] = (),
    stops: Iterable[str] = (),
    *,
    partial: bool = False,
    one_case: bool = True,
) -> ScoreResult:
    """`partial=True` gives a running result for a sheet being filled in: unanswered leaves
    score 0 and are listed in `unanswered` instead of raising.

    `one_case=False` scores answers that mix alternative cases as they are, for reading records
    saved before one case per sheet was enforced (a list or an aggregation must not fail on them);
    whatever takes new answers keeps the default and refuses them."""
    plan = _plan(sheet)
    get = answers.get
    chosen: dict[str, int] = {}
    leaf_points: dict[str, int] = {}
    group_totals = dict.fromkeys(plan.group_codes, 0)
    missing, out_of_range = [], []
    for code, options, group in plan.slots:  # one pass, printed order
        index = get(code)
        if index is None:
            missing.append(code)
            leaf_points[code] = 0
        elif type(index) is not int or not 0 <= index < len(options):
            out_of_range.append(code)
            leaf_points[code] = 0
        else:
            chosen[code] = index
            leaf_points[code] = got = options[index]
            group_totals[group] += got
    by_code = plan.by_code
    unknown = (
        [c for c in answers if c not in by_code] if len(chosen) + len(out_of_range) != len(answers) else []
    )
    knockout_ids = tuple(dict.fromkeys(knockouts))
    flagged = tuple(
        dict.fromkeys(plan.flag_stops_by_criterion.get(s, s) for s in stops)
    )  # id or criterion code
    bad_knockouts = [k for k in knockout_ids if k not in plan.knockouts]
    bad_stops = [s for s in flagged if s not in plan.stops]
    mixed = mixed_cases(sheet, chosen) if one_case and plan.with_cases else {}

    not_applicable = []
    for code, group, basis, min_points in plan.conditional:
        if basis not in chosen or leaf_points[basis] < min_points:  # 5.2 without a story (or 5.1 unknown)
            if code in chosen:
                not_applicable.append(code)
                group_totals[group] -= leaf_points[code]
                leaf_points[code] = 0
            elif code in missing:
                missing.remove(code)
    triggered = set(flagged)
    for stop in plan.zero_stops:
        if any(code in chosen and leaf_points[code] == 0 for code in stop.criteria):
            triggered.add(stop.id)
    eliminated = bool(knockout_ids or triggered)
    required = missing if not (eliminated or partial) else []
    if unknown or out_of_range or bad_knockouts or bad_stops or required:
        raise _input_error(sheet, plan, unknown, out_of_range, required, bad_knockouts, bad_stops)
    if mixed:
        raise ScoringError(mixed_cases_message(sheet, mixed), mixed_cases=tuple(mixed))

    part_totals = dict.fromkeys(plan.part_codes, 0)
    for group, part in plan.group_part:
        part_totals[part] += group_totals[group]
    total = sum(group_totals.values())
    band = stars.band_for(total, sheet.bands)
    unmet = tuple(
        f
        for code, least, f in plan.floor_rows
        if leaf_points[code] < least
        and (f.case is None or _case_used(by_code, chosen, code) in (None, f.case))
    )
    rated = min(band, unmet[0].star - 1) if unmet else band  # = stars.final_star: unmet is sorted by star
    following = stars.next_star(rated, total, sheet.bands, unmet)
    return ScoreResult(
        ruleset_id=sheet.ruleset_id,
        ruleset_hash=sheet.ruleset_hash,
        set_number=sheet.number,
        set_code=sheet.code,
        answers=chosen,
        points=leaf_points,
        cases={  # every option of a leaf with alternative cases has its case: None never shows here
            c: case
            for c in plan.with_cases
            if c in chosen and (case := by_code[c].cases[chosen[c]]) is not None
        },
        groups=group_totals,
        parts=part_totals,
        total=total,
        max=sheet.max,
        band_star=band,
        rated_star=rated,
        star=0 if eliminated else rated,
        eliminated=eliminated,
        knockouts=knockout_ids,
        stops=tuple(s.id for s in sheet.stops if s.id in triggered) if triggered else (),
        floors=stars.floor_checks(unmet),
        blocking=following.blocking if following else (),
        next_star=following,
        unanswered=tuple(missing),
        not_applicable=tuple(not_applicable),
    )


def cases_used(sheet: Sheet, answers: Mapping[str, int]) -> dict[str, int]:
    """The case of each answered criterion with alternative cases, in printed order (indices out of
    range are left out: `score` reports them)."""
    plan = _plan(sheet)
    used: dict[str, int] = {}
    for code in plan.with_cases:
        index = answers.get(code)
        cases = plan.by_code[code].cases
        if type(index) is int and 0 <= index < len(cases) and (case := cases[index]) is not None:
            used[code] = case
    return used


def case_of(sheet: Sheet, answers: Mapping[str, int]) -> int | None:
    """The alternative case the answers use (that of the first answered criterion with cases), or None."""
    return next(iter(cases_used(sheet, answers).values()), None)


def mixed_cases(sheet: Sheet, answers: Mapping[str, int]) -> dict[str, int]:
    """`cases_used` when the answers mix cases, else empty."""
    used = cases_used(sheet, answers)
    return used if len(set(used.values())) > 1 else {}


def mixed_cases_message(sheet: Sheet, used: Mapping[str, int]) -> str:
    listed = ", ".join(f"{code}: Trường hợp {case + 1}" for code, case in used.items())
    return (
        f"Phiếu bộ {sheet.number} không hợp lệ: các tiêu chí có hai trường hợp mô tả cùng một dịch vụ, nên "
        f"một phiếu chỉ chấm theo một trường hợp; các câu trả lời đang trộn ({listed})."
    )


def _case_used(by_code: dict[str, _Leaf], chosen: dict[str, int], code: str) -> int | None:
    index = chosen.get(code)
    return None if index is None else by_code[code].cases[index]


def _input_error(
    sheet: Sheet,
    plan: _Plan,
    unknown: list[str],
    out_of_range: list[str],
    missing: list[str],
    bad_knockouts: list[str],
    bad_stops: list[str],
) -> ScoringError:
    if missing and not (unknown or out_of_range or bad_knockouts or bad_stops):
        return ScoringError(
            f"Phiếu bộ {sheet.number} còn thiếu điểm các tiêu chí: {', '.join(missing)}.",
            missing=tuple(missing),
        )
    parts = []
    if unknown:
        hint = (
            " (là tiêu chí có tiêu chí con; hãy chấm các tiêu chí con)" if set(unknown) & plan.parents else ""
        )
        parts.append(f"mã tiêu chí không có trong phiếu: {', '.join(map(str, unknown))}{hint}")
    if out_of_range:
        ranges = ", ".join(f"{c} (0–{len(plan.by_code[c].points) - 1})" for c in out_of_range)
        parts.append(f"chỉ số phương án không hợp lệ ở tiêu chí: {ranges}")
    if missing:
        parts.append(f"còn thiếu điểm các tiêu chí: {', '.join(missing)}")
    if bad_knockouts:
        valid = ", ".join(sorted(plan.knockouts)) or "không có"
        parts.append(
            f"mã điều kiện loại hồ sơ không áp dụng cho bộ này: {', '.join(bad_knockouts)} (hợp lệ: {valid})"
        )
    if bad_stops:
        valid = ", ".join(plan.stops) or "không có"
        parts.append(f"mã điểm dừng không áp dụng cho bộ này: {', '.join(bad_stops)} (hợp lệ: {valid})")
    return ScoringError(
        f"Phiếu bộ {sheet.number} không hợp lệ: " + "; ".join(parts) + ".",
        missing=tuple(missing),
        unknown=tuple(map(str, unknown)),
        out_of_range=tuple(out_of_range),
    )
