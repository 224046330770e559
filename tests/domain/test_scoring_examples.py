"""Hand-worked examples. Every expected number was added up by hand from the printed sheets
(see `ocop-desktop rules show N`), option by option, and is written here literally."""

from __future__ import annotations

from datetime import date

import pytest

from ocop_desktop.domain.rules.errors import ScoringError
from ocop_desktop.domain.rules.scoring import case_of, cases_used, mixed_cases, score
from ocop_desktop.services.core.rules import RuleService

RULESET = RuleService().in_force(date(2026, 6, 1))

# Set 1 (rau, củ, quả, hạt tươi). Points per answer in the comments.
SET1_75 = {
    "1.1": 2,
    "1.2": 2,
    "1.3": 2,
    "1.4": 1,
    "1.5": 2,
    "1.6": 0,
    "1.7": 1,  # 3+2+3+2+2+1+1 = 14
    "2.1": 1,
    "2.2": 2,
    "2.3": 2,
    "2.4": 1,  # 1+2+3+1 = 7   (2.1 = 1 misses the 4★ floor of 3)
    "3.1": 2,
    "3.2": 1,
    "3.3": 2,
    "3.4": 1,
    "3.5": 1,  # 3+1+3+2+2 = 11  -> part A 32
    "4.1": 2,
    "4.2": 2,
    "4.3": 4,  # 3+2+5 = 10
    "5.1": 4,
    "5.2": 1,
    "5.3": 2,  # 5+1+3 = 9  -> part B 19
    "6.1": 2,
    "6.2": 3,
    "6.3": 3,
    "6.4": 2,  # 2+3+3+2 = 10
    "7": 1,
    "8": 2,
    "9": 1,
    "10": 1,
    "11": 1,
    "12": 0,  # 1+3+4+3+2+1 = 14 -> part C 24
}


def test_set1_75_points_missing_a_4_star_floor_is_3_stars() -> None:
    r = score(RULESET.sheet(1), SET1_75)
    assert r.parts == {"A": 32, "B": 19, "C": 24}
    assert r.groups == {
        "1": 14,
        "2": 7,
        "3": 11,
        "4": 10,
        "5": 9,
        "6": 10,
        "7": 1,
        "8": 3,
        "9": 4,
        "10": 3,
        "11": 2,
        "12": 1,
    }
    assert (r.total, r.band_star, r.star, r.eliminated, r.certified) == (75, 4, 3, False, True)
    assert [(f.star, f.met, f.unmet) for f in r.floors] == [
        (3, True, ()),
        (4, False, ("2.1",)),
        (5, False, ("1.5", "4.1")),
    ]
    assert [(f.criterion, f.star, f.min_points) for f in r.blocking] == [("2.1", 4, 3)]
    assert (r.next_star.star, r.next_star.missing_points) == (4, 0)
    assert (r.ruleset_id, r.ruleset_hash) == ("qd26-2026", RULESET.content_hash)


def test_set1_missing_a_3_star_floor_is_at_most_2_stars() -> None:
    answers = {**SET1_75, "2.2": 1}  # packaging 1 point: the 3★ floor is 2
    r = score(RULESET.sheet(1), answers)
    assert (r.parts["A"], r.total, r.band_star, r.star, r.certified) == (31, 74, 4, 2, False)
    assert r.floors[0].unmet == ("2.2",) and r.floors[1].unmet == ("2.1",)
    assert [(f.criterion, f.star) for f in r.blocking] == [("2.2", 3)]  # next star is 3
    assert (r.next_star.star, r.next_star.missing_points) == (3, 0)


def test_set1_knockout_eliminates_whatever_the_points() -> None:
    r = score(RULESET.sheet(1), SET1_75, knockouts=["food_safety_certificate"])
    assert (r.total, r.rated_star, r.star, r.eliminated, r.certified) == (75, 3, 0, True, False)
    assert r.knockouts == ("food_safety_certificate",)


SET7_56 = {
    "1.1": 1,
    "1.2": 2,
    "1.3": 1,
    "1.4": 1,
    "1.5": 1,
    "1.6": 0,
    "1.7": 1,  # 2+2+2+2+1+1+1 = 11
    "2.1": 2,
    "2.2": 2,
    "2.3": 1,
    "2.4": 0,  # 2+2+2+0 = 6
    "3.1": 1,
    "3.2": 1,
    "3.3": 2,
    "3.4": 0,
    "3.5": 0,  # 1 (company: 1 point in set 7, suspect) +1+3+1+1 = 7 -> A 24
    "4.1": 1,
    "4.2": 1,
    "4.3": 4,  # 2+1+5 = 8
    "5.1": 0,
    "5.3": 1,  # no story: 5.2 not applicable; 0+1 = 1 -> B 9
    "6.1": 1,
    "6.2": 1,
    "6.3": 1,
    "6.4": 1,
    "6.5": 2,  # 1+1+1+2+3 = 8
    "7": 2,
    "8": 1,
    "9": 1,
    "10": 1,
    "11": 2,  # 3+4+3+2+3 = 15 -> C 23
}


def test_set7_three_stars_without_a_product_story() -> None:
    r = score(RULESET.sheet(7), SET7_56)
    assert (r.parts, r.total, r.band_star, r.star) == ({"A": 24, "B": 9, "C": 23}, 56, 3, 3)
    assert r.points["5.2"] == 0 and r.not_applicable == ()
    assert r.floors[1].unmet == ("1.5", "2.1", "2.3", "3.4", "3.5", "4.1", "5.1", "6.1", "6.3")
    assert r.floors[2].unmet == ("1.5", "4.1", "6.3", "6.4", "6.5", "7")
    assert (r.next_star.star, r.next_star.missing_points, len(r.blocking)) == (4, 14, 9)


def test_set7_story_structure_without_a_story_scores_zero_and_is_reported() -> None:
    r = score(RULESET.sheet(7), {**SET7_56, "5.2": 2})
    assert (r.total, r.points["5.2"], r.not_applicable) == (56, 0, ("5.2",))
    with_story = score(RULESET.sheet(7), {**SET7_56, "5.1": 1, "5.2": 2})  # story 1 + structure 2
    assert (with_story.parts["B"], with_story.total) == (12, 59)
    with pytest.raises(ScoringError) as caught:  # a story exists: 5.2 must be scored
        score(RULESET.sheet(7), {**SET7_56, "5.1": 1})
    assert caught.value.missing == ("5.2",)


def test_set7_imported_raw_material_eliminates_by_id_or_by_criterion_code() -> None:
    for flag in ("imported_raw_material", "1.1"):
        r = score(RULESET.sheet(7), SET7_56, stops=[flag])
        assert (r.eliminated, r.star, r.rated_star, r.stops) == (True, 0, 3, ("imported_raw_material",))


SET11_97 = {  # tea: everything at its best except 6.1.1 (1 of 2) and 6.2.3 (3 of 5)
    "1.1": 2,
    "1.2": 2,
    "1.3": 3,
    "1.4": 2,
    "1.5": 3,
    "1.6": 2,
    "1.7": 1,
    "2.1": 3,
    "2.2": 3,
    "2.3": 2,
    "2.4": 1,
    "3.1": 2,
    "3.2": 1,
    "3.3": 2,
    "3.4": 1,
    "3.5": 2,
    "4.1": 3,
    "4.2": 3,
    "4.3": 4,
    "5.1": 4,
    "5.2": 2,
    "5.3": 3,
    "6.1.1": 1,
    "6.1.2": 2,
    "6.2.1": 3,
    "6.2.2": 3,
    "6.2.3": 2,
    "7": 3,
    "8": 2,
    "9": 2,
    "10": 1,
    "11": 2,
}


def test_set11_sub_criteria_97_points_missing_a_4_star_floor_is_3_stars() -> None:
    r = score(RULESET.sheet(11), SET11_97)
    assert (r.parts, r.groups["6"], r.total, r.band_star) == ({"A": 40, "B": 25, "C": 32}, 12, 97, 5)
    assert r.points["6.1.1"] == 1  # the corrected value (printed "11")
    assert r.floors[1].unmet == ("6.1.1",) and r.floors[2].met
    assert (r.star, [(f.criterion, f.star, f.min_points) for f in r.blocking]) == (3, [("6.1.1", 4, 2)])


def test_set11_parent_code_is_refused_and_foreign_matter_stops_the_evaluation() -> None:
    with pytest.raises(ScoringError) as caught:
        score(RULESET.sheet(11), {**SET11_97, "6.1": 1})
    assert caught.value.unknown == ("6.1",) and "6.1" in caught.value.message
    stopped = score(RULESET.sheet(11), {"1.1": 2, "6.1.1": 0}, stops=["foreign_matter"])  # 3 + 0
    assert (stopped.eliminated, stopped.star, stopped.total) == (True, 0, 3)
    assert len(stopped.unanswered) == 29 and "6.1.2" in stopped.unanswered  # 32 leaves - 2 answered - 5.2


SET18_82 = {  # functional food: best everywhere but ten criteria
    "1.1": 2,
    "1.2": 0,
    "1.3": 3,
    "1.4": 2,
    "1.5": 3,
    "1.6": 2,
    "1.7": 1,  # 3+0+3+3+3+3+1 = 16
    "2.1": 3,
    "2.2": 3,
    "2.3": 2,
    "2.4": 0,  # 3+3+3+0 = 9
    "3.1": 2,
    "3.2": 0,
    "3.3": 2,
    "3.4": 1,
    "3.5": 2,  # 3+0+3+2+3 = 11 -> A 36
    "4.1": 3,
    "4.2": 3,
    "4.3": 2,
    "5.1": 4,
    "5.2": 1,
    "5.3": 2,  # 5+3+2 + 5+1+3 = 19 -> B 19
    "6": 2,
    "7": 0,
    "8": 2,
    "9": 3,
    "10": 1,
    "11": 2,
    "12": 2,
    "13": 1,
    "14": 1,  # 5+2+3+3+3+3+3+2+3 = 27
}


def test_set18_82_points_is_4_stars_and_5_stars_needs_criterion_11() -> None:
    r = score(RULESET.sheet(18), SET18_82)
    assert (r.parts, r.total, r.band_star, r.star) == ({"A": 36, "B": 19, "C": 27}, 82, 4, 4)
    assert r.groups["1"] == 16 and r.groups["2"] == 9 and r.groups["3"] == 11
    assert (r.next_star.star, r.next_star.missing_points) == (5, 8)
    assert [(f.criterion, f.star, f.min_points) for f in r.blocking] == [("11", 5, 5)]


def test_set18_gmp_knockout_and_foreign_knockout_id() -> None:
    assert score(RULESET.sheet(18), SET18_82, knockouts=["gmp"]).star == 0
    with pytest.raises(ScoringError, match="food_safety_certificate"):
        score(RULESET.sheet(18), SET18_82, knockouts=["food_safety_certificate"])


SET21_95 = {  # crafts: best everywhere except 5.2 (1 of 2), 6.2 (3 of 5), 9 (3 of 5)
    "1.1": 2,
    "1.2": 2,
    "1.3": 2,
    "1.4": 3,
    "1.5": 2,
    "1.6": 1,
    "2.1": 3,
    "2.2": 2,
    "2.3": 1,
    "3.1": 2,
    "3.2": 1,
    "3.3": 2,
    "3.4": 1,
    "3.5": 2,
    "4.1": 3,
    "4.2": 3,
    "4.3": 4,
    "5.1": 4,
    "5.2": 1,
    "5.3": 3,
    "6.1": 3,
    "6.2": 1,
    "6.3": 3,
    "6.4": 3,
    "6.5": 2,
    "7": 2,
    "8": 2,
    "9": 1,
}


def test_set21_95_points_missing_a_5_star_floor_is_4_stars() -> None:
    r = score(RULESET.sheet(21), SET21_95)
    assert (r.parts, r.groups["6"], r.groups["9"]) == ({"A": 40, "B": 24, "C": 31}, 19, 3)
    assert (r.total, r.band_star, r.star) == (95, 5, 4)
    assert [(f.criterion, f.star, f.min_points) for f in r.blocking] == [("6.2", 5, 5)]
    assert r.next_star.missing_points == 0


def test_set21_ip_infringement_eliminates() -> None:
    r = score(RULESET.sheet(21), SET21_95, stops=["ip_infringement"])
    assert (r.eliminated, r.star, r.stops) == (True, 0, ("ip_infringement",))


SET26_33 = {  # tourism: first option everywhere, in case 2 for 8, 9 and 15 (one case per sheet)
    "1.1": 0,
    "1.2": 0,
    "1.3": 0,
    "1.4": 0,  # 4
    "2.1": 0,
    "2.2": 0,
    "2.3": 0,  # 3
    "3.1": 0,
    "3.2": 0,
    "3.3": 0,
    "3.4": 0,
    "3.5": 0,  # 1+0+1+1+1 = 4 -> A 11
    "4.1": 0,
    "4.2": 0,
    "4.3": 0,
    "4.4": 0,
    "4.5": 0,
    "5.1": 0,
    "5.2": 0,
    "5.3": 0,  # 5 + 3 -> B 8
    "6": 0,
    "7": 0,
    "8": 3,
    "9": 2,
    "10": 0,
    "11": 0,
    "12": 0,
    "13": 0,
    "14": 0,
    "15": 2,
    "16": 0,
    "17": 0,
    # 1+1+3 (case 2, 3 points)+1 (case 1)+1+1+1+1+1+1 (case 2, 1 point)+1+1 = 14 -> C 14
}


def test_set26_alternative_cases() -> None:
    r = score(RULESET.sheet(26), SET26_33)
    assert (r.parts, r.total, r.band_star, r.star) == ({"A": 11, "B": 8, "C": 14}, 33, 2, 2)
    assert r.cases == {"8": 1, "9": 1, "15": 1}
    assert (r.next_star.star, r.next_star.missing_points, r.blocking) == (3, 17, ())
    assert r.knockouts == () and r.stops == ()


@pytest.mark.parametrize("partial", [False, True])
def test_set26_answers_mixing_the_two_cases_are_refused(partial: bool) -> None:
    sheet = RULESET.sheet(26)
    mixed = {**SET26_33, "9": 0}  # 9 in case 1, 8 and 15 in case 2
    with pytest.raises(ScoringError) as caught:
        score(sheet, mixed, partial=partial)
    assert caught.value.mixed_cases == ("8", "9", "15")
    assert "một phiếu chỉ chấm theo một trường hợp" in str(caught.value)
    assert "9: Trường hợp 1" in str(caught.value) and "8: Trường hợp 2" in str(caught.value)
    assert cases_used(sheet, {"8": 0, "15": 1}) == {"8": 0, "15": 0}  # same case: accepted
    assert score(sheet, {"8": 0, "15": 1}, partial=True).cases == {"8": 0, "15": 0}
    assert mixed_cases(sheet, {"8": 0}) == {} and case_of(sheet, {"15": 3}) == 1


def test_a_sheet_saved_before_the_one_case_rule_is_still_read_as_it_was() -> None:
    sheet = RULESET.sheet(26)
    mixed = {**SET26_33, "9": 0}  # 9 in case 1 (1 point, as its case-2 first option)
    r = score(sheet, mixed, one_case=False)
    assert (r.total, r.cases) == (33, {"8": 1, "9": 0, "15": 1})


def test_set26_top_marks_but_business_growth_below_the_4_star_floor_is_3_stars() -> None:
    sheet = RULESET.sheet(26)
    best = {c.code: len(c.options) - 1 for c in sheet.leaves()}
    assert score(sheet, best).total == 100 and score(sheet, best).star == 5  # no 5★ floors on this sheet
    r = score(sheet, {**best, "3.4": 0})  # 1 point instead of 3
    assert (r.total, r.band_star, r.star) == (98, 5, 3)
    assert [(f.criterion, f.star, f.min_points) for f in r.blocking] == [("3.4", 4, 3)]
