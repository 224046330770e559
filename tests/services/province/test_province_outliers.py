"""Pure rules of the province: outliers in the members × criteria matrix, round defaults, quorum text."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from ocop_desktop.domain.province import (
    FiveStarRule,
    central_result_problems,
    find_outliers,
    is_five_star_candidate,
    median,
    parse_quorum,
    round_defaults,
    total_outliers,
)
from ocop_desktop.services.core.rules import RuleService

BANDS = RuleService().get("qd26-2026").bands  # the star bands of QĐ 26/2026 (5★ from 90 points)


def test_median_odd_and_even() -> None:
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == Fraction(5, 2)
    with pytest.raises(ValueError):
        median([])


def test_cell_outlier_is_half_the_criterion_maximum_away_from_the_median() -> None:
    maxima = {"1.1": 5, "1.2": 2, "2.1": 1}
    points = {
        "TV1": {"1.1": 5, "1.2": 2, "2.1": 1},
        "TV2": {"1.1": 4, "1.2": 2, "2.1": 1},
        "TV3": {
            "1.1": 2,
            "1.2": 1,
            "2.1": 1,
        },  # 1.1: |2 − 4| = 2 < 2.5, not flagged; 1.2: |1 − 2| = 1 ≥ 1, flagged
        "TV4": {"1.1": 4, "1.2": 2, "2.1": 0},  # yes/no criterion against the majority: flagged
        "TV5": {"1.1": 0, "1.2": 2, "2.1": 1},  # 1.1: |0 − 4| = 4 ≥ 2.5, flagged
    }
    found = find_outliers(points, maxima, max_spread=10)
    assert found.medians == {"1.1": 4, "1.2": 2, "2.1": 1}
    assert dict(found.cells) == {"1.1": {"TV5"}, "1.2": {"TV3"}, "2.1": {"TV4"}}
    assert found.flagged("TV5", "1.1") and not found.flagged("TV3", "1.1")
    assert found.members == frozenset()  # the totals (8–13) are within 10 points


def test_two_members_never_flag_cells() -> None:
    found = find_outliers({"a": {"1.1": 0}, "b": {"1.1": 5}}, {"1.1": 5}, max_spread=10)
    assert found.cells == {}


def test_total_outlier_only_when_the_spread_fails() -> None:
    assert total_outliers({"a": 60, "b": 62, "c": 70}, 10) == frozenset()
    assert total_outliers({"a": 60, "b": 62, "c": 75}, 10) == {"c"}
    assert total_outliers({"a": 50, "b": 62, "c": 74}, 10) == {"a", "c"}  # equally far: both


def test_round_defaults_and_quorum_text() -> None:
    first = round_defaults(2026, 1)
    assert first is not None and (first.cutoff, first.finish) == (date(2026, 4, 30), date(2026, 6, 30))
    assert round_defaults(2026, 3) is None
    assert parse_quorum("3/4") == parse_quorum("75%") == parse_quorum("0,75") == Fraction(3, 4)
    for bad in ("0", "5/4", "abc", "1/0"):
        with pytest.raises(ValueError):
            parse_quorum(bad)


def test_five_star_candidates_by_points_as_the_decision_reads_or_with_floors_when_stricter() -> None:
    def candidate(
        total: Fraction | int, rated: int, *, valid: bool = True, out: bool = False, rule: str
    ) -> bool:
        return is_five_star_candidate(
            total, rated_star=rated, valid=valid, eliminated=out, bands=BANDS, rule=rule
        )

    points, strict = FiveStarRule.POINTS.value, FiveStarRule.POINTS_AND_FLOORS.value
    assert candidate(Fraction(181, 2), 5, rule=points) and candidate(Fraction(181, 2), 5, rule=strict)
    # ≥ 90 points, a 5★ floor missed by the majority: proposed under Art. 7.3.e, not the stricter reading
    assert candidate(Fraction(298, 3), 4, rule=points) and not candidate(Fraction(298, 3), 4, rule=strict)
    assert not candidate(Fraction(179, 2), 4, rule=points)  # 89.5: the 5★ band starts at 90
    assert not candidate(95, 5, valid=False, rule=points)  # quorum or spread failed
    assert not candidate(95, 5, out=True, rule=points)  # a knock-out eliminates whatever the points


def test_a_central_result_must_be_complete_and_agree_with_its_points() -> None:
    ok = central_result_problems("12/QĐ-BNNMT", date(2026, 11, 1), 4, 87, BANDS)
    assert ok == {}
    assert central_result_problems("12/QĐ-BNNMT", date(2026, 11, 1), 0, 80, BANDS) == {}  # not recognised
    too_high = central_result_problems("12/QĐ-BNNMT", date(2026, 11, 1), 5, 87, BANDS)
    assert set(too_high) == {"stars"} and "cần từ 90" in too_high["stars"]
    assert set(central_result_problems("", None, 2, 101, BANDS)) == {"number", "decided_on", "stars", "total"}
