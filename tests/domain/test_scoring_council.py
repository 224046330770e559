"""Council aggregation: mean of totals, spread check, quorum, floors by majority."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest

from ocop_desktop.domain.rules.council import CouncilRules, aggregate
from ocop_desktop.domain.rules.errors import ScoringError
from ocop_desktop.domain.rules.scoring import ScoreResult, score
from ocop_desktop.services.core.rules import RuleService

RULESET = RuleService().in_force(date(2026, 6, 1))
SHEET = RULESET.sheet(1)
DEFAULTS = CouncilRules.defaults(RULESET.procedure)  # the rule set's council defaults (10 points, 3/4, chair)
BEST = {c.code: len(c.options) - 1 for c in SHEET.leaves()}  # 100 points


def _member(**changes: int) -> ScoreResult:
    return score(SHEET, {**BEST, **changes})


def test_mean_of_totals_and_majority_floors() -> None:
    members = {
        "chu-tich": _member(**{"2.1": 1}),  # 98, misses the 4★ floor 2.1 ≥ 3
        "a": _member(**{"4.3": 2}),  # 97
        "b": _member(**{"2.1": 1, "6.2": 2}),  # 96, misses 2.1 and 6.2 ≥ 3
        "c": _member(),  # 100
    }
    r = aggregate(SHEET, members, council_size=5, chair="chu-tich")
    assert r.totals == {"chu-tich": 98, "a": 97, "b": 96, "c": 100}
    assert r.mean_total == Fraction(391, 4) and r.to_json()["total"] == 97.75
    assert (r.spread, r.spread_ok, r.quorum_met, r.valid) == (4, True, True, True)
    votes = {(v.floor.criterion, v.floor.star): (v.met_by, v.met) for v in r.floor_votes}
    assert votes[("2.1", 4)] == (2, False)  # 2 of 4: a split council has not shown the floor is met
    assert votes[("6.2", 4)] == (3, True)
    assert (r.band_star, r.star, r.certified) == (5, 3, True)
    assert [(f.criterion, f.star) for f in r.blocking] == [("2.1", 4)]


def test_floor_rules_all_and_mean() -> None:
    members = {"x": _member(**{"6.2": 2}), "y": _member(), "z": _member()}
    assert aggregate(SHEET, members, council_size=3, chair="x").star == 5  # majority meets 6.2
    strict = aggregate(SHEET, members, council_size=3, chair="x", rules=replace(DEFAULTS, floor_rule="all"))
    assert strict.star == 3
    mean = aggregate(SHEET, members, council_size=3, chair="x", rules=replace(DEFAULTS, floor_rule="mean"))
    assert mean.mean_points["6.2"] == Fraction(10, 3) and mean.star == 5  # (2 + 4 + 4) / 3 ≥ 3


def test_spread_over_ten_points_needs_rescoring() -> None:
    low = _member(**{"4.1": 0, "4.3": 0, "5.3": 0, "8": 0})  # 100 - 4 - 5 - 5 - 5 = 81
    r = aggregate(SHEET, {"a": low, "b": _member(), "c": _member()}, council_size=3, chair="a")
    assert (low.total, r.spread, r.spread_ok, r.valid, r.certified) == (81, 19, False, False, False)
    assert any("chấm lại" in p for p in r.problems)
    relaxed = aggregate(
        SHEET, {"a": low, "b": _member()}, council_size=2, chair="a", rules=replace(DEFAULTS, max_spread=20)
    )
    assert relaxed.spread_ok


def test_quorum_needs_three_quarters_and_the_chair() -> None:
    members = {m: _member() for m in "abcdef"}
    assert aggregate(SHEET, members, council_size=8, chair="a").quorum_met  # 6/8 = 75%
    assert not aggregate(SHEET, members, council_size=9, chair="a").quorum_met  # 6/9
    no_chair = aggregate(SHEET, members, council_size=8, chair="z")
    assert not no_chair.quorum_met and "vắng chủ tịch" in no_chair.problems[0]
    assert aggregate(
        SHEET, members, council_size=9, chair="a", rules=replace(DEFAULTS, quorum=Fraction(2, 3))
    ).quorum_met


def test_knockouts_eliminate_the_council_result() -> None:
    members = {"a": _member(), "b": _member(), "c": score(SHEET, BEST, stops=["foreign_matter"])}
    r = aggregate(SHEET, members, council_size=3, chair="a")
    assert (r.eliminated, r.star, r.eliminated_by) == (True, 0, {"c": ("foreign_matter",)})
    dossier = aggregate(SHEET, {"a": _member()}, council_size=1, chair="a", knockouts=["forged_dossier"])
    assert dossier.eliminated and dossier.to_json()["knockouts"] == ["forged_dossier"]


def test_inconsistent_input_is_refused() -> None:
    with pytest.raises(ScoringError, match="Chưa có phiếu"):
        aggregate(SHEET, {}, council_size=3, chair="a")
    with pytest.raises(ScoringError, match="không chấm theo cùng"):
        aggregate(
            SHEET,
            {
                "a": _member(),
                "b": score(RULESET.sheet(2), {c.code: 0 for c in RULESET.sheet(2).leaves()}, partial=True),
            },
            council_size=2,
            chair="a",
        )
    with pytest.raises(ScoringError, match="có 2 phiếu"):
        aggregate(SHEET, {"a": _member(), "b": _member()}, council_size=1, chair="a")
