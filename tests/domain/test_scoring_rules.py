"""The star rule on its own, answer validation, automatic stops and the JSON form."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ocop_desktop.domain.rules.errors import ScoringError
from ocop_desktop.domain.rules.model import Floor
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.domain.rules.stars import band_for, final_star
from ocop_desktop.services.core.rules import RuleService

RULESET = RuleService().in_force(date(2026, 6, 1))
BANDS = RULESET.bands


@pytest.mark.parametrize(
    "total, band", [(0, 1), (29, 1), (30, 2), (49, 2), (50, 3), (69, 3), (70, 4), (89, 4), (90, 5), (100, 5)]
)
def test_bands(total: int, band: int) -> None:
    assert band_for(total, BANDS) == band


def _floor(star: int) -> Floor:
    return Floor("x", star, 1, 0)


@pytest.mark.parametrize(
    "band, unmet, star",
    [
        (5, [], 5),
        (5, [5], 4),
        (5, [4], 3),
        (5, [4, 5], 3),
        (5, [3], 2),
        (4, [3, 5], 2),
        (4, [5], 4),
        (3, [4, 5], 3),
        (2, [3], 2),
        (1, [3, 4], 1),
    ],
)
def test_final_star_is_the_highest_level_whose_floors_are_all_met(
    band: int, unmet: list[int], star: int
) -> None:
    assert final_star(band, [_floor(s) for s in unmet]) == star


def _best(number: int) -> dict[str, int]:
    return {c.code: len(c.options) - 1 for c in RULESET.sheet(number).leaves()}


def test_errors_name_every_bad_code() -> None:
    answers = {**_best(1), "9.9": 0, "1.1": 3, "1.2": -1, "1.3": "2"}
    del answers["12"]
    with pytest.raises(ScoringError) as caught:
        score(RULESET.sheet(1), answers)
    error = caught.value
    assert (
        error.unknown == ("9.9",) and error.out_of_range == ("1.1", "1.2", "1.3") and error.missing == ("12",)
    )
    for code in ("9.9", "1.1 (0–2)", "1.2", "1.3", "thiếu điểm các tiêu chí: 12"):
        assert code in error.message
    assert error.message.startswith("Phiếu bộ 1 không hợp lệ")
    del answers["9.9"], answers["1.1"], answers["1.2"], answers["1.3"]
    with pytest.raises(ScoringError) as missing:
        score(RULESET.sheet(1), answers)
    assert missing.value.missing == ("1.1", "1.2", "1.3", "12") and "12" in missing.value.message


def test_booleans_are_not_option_indices() -> None:
    with pytest.raises(ScoringError) as caught:
        score(RULESET.sheet(1), {**_best(1), "1.7": True})
    assert caught.value.out_of_range == ("1.7",)


def test_unknown_knockout_and_stop_ids_are_refused() -> None:
    with pytest.raises(ScoringError, match="bribery"):
        score(RULESET.sheet(1), _best(1), knockouts=["bribery"])
    with pytest.raises(ScoringError, match="ip_infringement"):
        score(RULESET.sheet(1), _best(1), stops=["ip_infringement"])  # a crafts stop, not for set 1


def test_bottled_water_stops_by_itself_when_a_sensory_indicator_scores_zero() -> None:
    sheet = RULESET.sheet(16)
    assert score(sheet, _best(16)).stops == ()
    r = score(sheet, {**_best(16), "6.3": 0})  # "Có mùi": 0 points
    assert (r.stops, r.eliminated, r.star, r.total) == (("sensory_zero",), True, 0, 96)
    stopped_early = score(sheet, {"6.1": 0})  # evaluation stops: the rest may stay unanswered
    assert stopped_early.eliminated and len(stopped_early.unanswered) > 20


def test_partial_scoring_gives_a_running_total() -> None:
    r = score(RULESET.sheet(1), {"1.1": 2, "4.1": 3}, partial=True)
    assert (r.total, r.eliminated) == (8, False)
    assert "1.2" in r.unanswered and "5.2" not in r.unanswered  # 5.2 waits for 5.1


def test_json_form_has_plain_ints_and_the_pinned_rule_set() -> None:
    r = score(RULESET.sheet(26), _best(26))
    data = json.loads(json.dumps(r.to_json()))
    assert data["ruleset"] == {"id": "qd26-2026", "hash": RULESET.content_hash}
    assert (data["set"], data["set_code"], data["total"], data["star"]) == (26, "VI.1", 100, 5)
    assert data["parts"] == {"A": 40, "B": 25, "C": 35} and isinstance(data["total"], int)
    assert data["cases"] == {"8": 1, "9": 1, "15": 1}
    assert data["floors"]["3"] == {"met": True, "unmet": []}
    assert data["blocking"] == [] and data["next_star"] is None and data["eliminated"] is False
