"""Council result: many members' score sheets of one product -> one rating.

- score = mean of the members' totals (exact Fraction; band from the exact mean);
- spread check: max − min of the members' totals ≤ `max_spread`, else the council re-scores;
- quorum: members who scored ≥ `quorum` of the council, the chair among them (when `chair_required`);
  the three are the round's, which start from the rule set's procedure (10 points, 3/4, chair);
- floors: a star floor counts as met when a strict majority of the members who scored met it
  (`floor_rule="majority"`; "all" and "mean" are available). Why: docs/scoring.md;
- knock-outs: the council's own dossier-level knock-outs, or any member's knock-out or stop,
  eliminate the product: they are facts to be settled in the minutes, not votes.

The result is computed even when quorum or spread fail, so the screen can show it, but
`valid` is then False and `problems` says why; such a result must not become a decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ocop_desktop.domain.rules import stars
from ocop_desktop.domain.rules.errors import ScoringError
from ocop_desktop.domain.rules.model import Floor, Procedure, Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult

FLOOR_RULES = ("majority", "all", "mean")


@dataclass(frozen=True)
class CouncilRules:
    """A round's rules. The numbers come from the province (per round), starting from `defaults`;
    `floor_rule` is how this app judges floors across members (docs/scoring.md), not a number of the law."""

    max_spread: int
    quorum: Fraction
    chair_required: bool
    floor_rule: str = "majority"
    # Which results go to the ministry (domain.province.FiveStarRule); pinned in `to_json` with the
    # rule set, so a later change of the round's setting never re-reads an old result.
    five_star_rule: str = "points"

    @classmethod
    def defaults(cls, procedure: Procedure, floor_rule: str = "majority") -> CouncilRules:
        """The rule set's defaults for a council (its procedure section)."""
        return cls(
            procedure.council_max_spread,
            procedure.council_quorum,
            procedure.council_chair_required,
            floor_rule,
        )


@dataclass(frozen=True, slots=True)
class FloorVote:
    floor: Floor
    met_by: int  # members whose answer reaches the floor
    of: int
    met: bool


@dataclass(frozen=True)
class CouncilResult:
    ruleset_id: str
    ruleset_hash: str
    set_number: int
    set_code: str
    council_size: int
    chair: str
    totals: Mapping[str, int]  # member -> total, as given
    quorum_met: bool
    spread: int
    spread_ok: bool
    mean_total: Fraction
    mean_parts: Mapping[str, Fraction]
    mean_points: Mapping[str, Fraction]  # per leaf criterion
    band_star: int
    rated_star: int
    star: int  # 0 when eliminated
    eliminated: bool
    knockouts: tuple[str, ...]  # the council's dossier-level knock-outs
    eliminated_by: Mapping[str, tuple[str, ...]]  # member -> their knock-out / stop ids
    floor_votes: tuple[FloorVote, ...]
    floors: tuple[stars.FloorCheck, ...]
    blocking: tuple[Floor, ...]
    next_star: stars.NextStar | None
    problems: tuple[str, ...]
    rules: CouncilRules

    @property
    def valid(self) -> bool:
        return self.quorum_met and self.spread_ok

    @property
    def certified(self) -> bool:
        return self.valid and not self.eliminated and self.star >= 3

    def to_json(self) -> dict[str, Any]:
        return {
            "ruleset": {"id": self.ruleset_id, "hash": self.ruleset_hash},
            "set": self.set_number,
            "set_code": self.set_code,
            "council_size": self.council_size,
            "present": len(self.totals),
            "chair": self.chair,
            "totals": dict(self.totals),
            "quorum_met": self.quorum_met,
            "spread": self.spread,
            "spread_ok": self.spread_ok,
            "valid": self.valid,
            "total": stars.number(self.mean_total),
            "parts": {k: stars.number(v) for k, v in self.mean_parts.items()},
            **stars.rating_json(self),
            "eliminated_by": {k: list(v) for k, v in self.eliminated_by.items()},
            "floor_rule": self.rules.floor_rule,
            "five_star_rule": self.rules.five_star_rule,
            "floor_votes": [
                {**stars.floor_json(v.floor), "met_by": v.met_by, "of": v.of, "met": v.met}
                for v in self.floor_votes
            ],
            "problems": list(self.problems),
        }


def aggregate(
    sheet: Sheet,
    members: Mapping[str, ScoreResult],
    *,
    council_size: int,
    chair: str,
    knockouts: Iterable[str] = (),
    rules: CouncilRules | None = None,
) -> CouncilResult:
    """`rules` default to those of the sheet's rule set (`CouncilRules.defaults`)."""
    rules = rules if rules is not None else _default_rules(sheet)
    _check(sheet, members, council_size, rules)
    council_knockouts = tuple(dict.fromkeys(knockouts))
    unknown = [k for k in council_knockouts if k not in {x.id for x in sheet.knockouts}]
    if unknown:
        raise ScoringError(
            f"Mã điều kiện loại hồ sơ không áp dụng cho bộ {sheet.number}: {', '.join(unknown)}."
        )
    n = len(members)
    results = list(members.values())
    totals = {m: r.total for m, r in members.items()}
    spread = max(totals.values()) - min(totals.values())
    quorum_met = n * rules.quorum.denominator >= rules.quorum.numerator * council_size and (
        chair in members or not rules.chair_required
    )
    problems = []
    if not quorum_met:
        problems.append(
            f"Không đủ số thành viên: {n}/{council_size} thành viên chấm"
            f"{'' if chair in members else ', vắng chủ tịch hội đồng'} (cần ≥ {rules.quorum} "
            f"số thành viên{', có chủ tịch' if rules.chair_required else ''})."
        )
    if spread > rules.max_spread:
        problems.append(
            f"Chênh lệch tổng điểm giữa các thành viên là {spread} điểm, vượt {rules.max_spread} điểm: "
            "hội đồng cần chấm lại."
        )

    mean_total = Fraction(sum(totals.values()), n)
    mean_parts = {p: Fraction(sum(r.parts[p] for r in results), n) for p in results[0].parts}
    mean_points = {c: Fraction(sum(r.points[c] for r in results), n) for c in results[0].points}
    votes = tuple(
        _vote(f, results, mean_points, rules.floor_rule) for f in sorted(sheet.floors(), key=lambda f: f.star)
    )
    unmet = tuple(v.floor for v in votes if not v.met)
    band = stars.band_for(mean_total, sheet.bands)
    rated = stars.final_star(band, unmet)
    following = stars.next_star(rated, mean_total, sheet.bands, unmet)
    eliminated_by = {m: r.knockouts + r.stops for m, r in members.items() if r.eliminated}
    eliminated = bool(council_knockouts or eliminated_by)
    return CouncilResult(
        ruleset_id=sheet.ruleset_id,
        ruleset_hash=sheet.ruleset_hash,
        set_number=sheet.number,
        set_code=sheet.code,
        council_size=council_size,
        chair=chair,
        totals=totals,
        quorum_met=quorum_met,
        spread=spread,
        spread_ok=spread <= rules.max_spread,
        mean_total=mean_total,
        mean_parts=mean_parts,
        mean_points=mean_points,
        band_star=band,
        rated_star=rated,
        star=0 if eliminated else rated,
        eliminated=eliminated,
        knockouts=council_knockouts,
        eliminated_by=eliminated_by,
        floor_votes=votes,
        floors=stars.floor_checks(unmet),
        blocking=following.blocking if following else (),
        next_star=following,
        problems=tuple(problems),
        rules=rules,
    )


def _default_rules(sheet: Sheet) -> CouncilRules:
    if sheet.procedure is None:
        raise ScoringError(
            f"Bộ tiêu chí {sheet.ruleset_id} không có quy trình (tệp định dạng 1): cần quy định của đợt "
            "(chênh lệch tối đa, tỉ lệ tối thiểu)."
        )
    return CouncilRules.defaults(sheet.procedure)


def _vote(
    floor: Floor, results: list[ScoreResult], mean_points: Mapping[str, Fraction], rule: str
) -> FloorVote:
    n = len(results)
    met_by = sum(1 for r in results if _member_meets(r, floor))
    if rule == "all":
        met = met_by == n
    elif rule == "mean":
        met = mean_points[floor.criterion] >= floor.min_points
    else:
        met = 2 * met_by > n  # strict majority; a split council has not shown the floor is reached
    return FloorVote(floor, met_by, n, met)


def _member_meets(result: ScoreResult, floor: Floor) -> bool:
    if floor.case is not None and result.cases.get(floor.criterion, floor.case) != floor.case:
        return True  # the member used the other case, where this floor does not bind
    return result.points[floor.criterion] >= floor.min_points


def _check(sheet: Sheet, members: Mapping[str, ScoreResult], council_size: int, rules: CouncilRules) -> None:
    if not members:
        raise ScoringError("Chưa có phiếu chấm của thành viên nào.")
    if council_size < len(members):
        raise ScoringError(f"Hội đồng có {council_size} thành viên nhưng có {len(members)} phiếu chấm.")
    if rules.floor_rule not in FLOOR_RULES:
        raise ScoringError(
            f'Cách xét yêu cầu tối thiểu "{rules.floor_rule}" không hợp lệ ({", ".join(FLOOR_RULES)}).'
        )
    other = [
        m for m, r in members.items() if (r.ruleset_hash, r.set_number) != (sheet.ruleset_hash, sheet.number)
    ]
    if other:
        raise ScoringError(
            f"Phiếu của thành viên {', '.join(other)} không chấm theo cùng bộ tiêu chí/bộ sản phẩm "
            f"{sheet.ruleset_id} bộ {sheet.number}."
        )
