"""Properties of the scoring engine over random answer sheets of all 26 sets."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_desktop.domain.rules.errors import ScoringError
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.services.core.rules import RuleService

RULESET = RuleService().in_force(date(2026, 6, 1))
SHEETS = RULESET.sheets


@st.composite
def sheets_and_answers(draw: st.DrawFn) -> tuple[Sheet, dict[str, int]]:
    sheet = draw(st.sampled_from(SHEETS))
    case = draw(st.integers(0, 1))  # one alternative case per sheet (tourism 8, 9, 15)
    answers = {c.code: draw(st.sampled_from(c.choices(case))) for c in sheet.leaves()}
    return sheet, answers


@settings(max_examples=100)
@given(st.data())
def test_any_answer_from_the_other_case_is_refused(data: st.DataObject) -> None:
    sheet = RULESET.sheet(26)
    with_cases = [c for c in sheet.leaves() if c.cases]
    case = data.draw(st.integers(0, 1))
    answers = {c.code: data.draw(st.sampled_from(c.choices(case))) for c in sheet.leaves()}
    odd = data.draw(st.sampled_from(with_cases))
    answers[odd.code] = data.draw(st.sampled_from(odd.choices(1 - case)))
    with pytest.raises(ScoringError) as caught:
        score(sheet, answers, partial=data.draw(st.booleans()))
    assert odd.code in caught.value.mixed_cases


@settings(max_examples=300)
@given(sheets_and_answers())
def test_totals_never_exceed_maxima_and_add_up(case: tuple[Sheet, dict[str, int]]) -> None:
    sheet, answers = case
    r = score(sheet, answers)
    groups = {g.code: g.max for p in sheet.parts for g in p.groups}
    assert all(0 <= r.groups[code] <= top for code, top in groups.items())
    assert all(0 <= r.parts[p.code] <= p.max for p in sheet.parts)
    assert r.total == sum(r.parts.values()) == sum(r.groups.values()) == sum(r.points.values()) <= 100
    assert 1 <= r.star <= r.band_star or r.eliminated
    if r.star >= 3:
        assert r.floors[0].met
    assert (r.ruleset_id, r.ruleset_hash) == (RULESET.id, RULESET.content_hash)


@settings(max_examples=300)
@given(sheets_and_answers(), st.data())
def test_raising_one_answer_never_lowers_the_star(
    case: tuple[Sheet, dict[str, int]], data: st.DataObject
) -> None:
    sheet, answers = case
    code = data.draw(st.sampled_from(sorted(answers)))
    options = sheet.criterion(code).options
    current = options[answers[code]].points
    case = options[answers[code]].case
    better = [o.index for o in options if o.points > current and o.case in (None, case)]
    if not better:
        return
    raised = {**answers, code: data.draw(st.sampled_from(better))}
    before, after = score(sheet, answers), score(sheet, raised)
    assert after.total >= before.total
    assert after.star >= before.star
    assert after.rated_star >= before.rated_star


@settings(max_examples=200)
@given(sheets_and_answers(), st.data())
def test_any_knockout_or_stop_eliminates(case: tuple[Sheet, dict[str, int]], data: st.DataObject) -> None:
    sheet, answers = case
    ids = [k.id for k in sheet.knockouts]
    flags = [s.id for s in sheet.stops if s.trigger == "flag"]
    if not ids and not flags:
        return
    knockouts = data.draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
    stops = (
        data.draw(st.lists(st.sampled_from(flags), unique=True, min_size=0 if knockouts else 1))
        if flags
        else []
    )
    if not knockouts and not stops:
        knockouts = [ids[0]]
    r = score(sheet, answers, knockouts, stops)
    assert r.eliminated and r.star == 0 and not r.certified
    assert r.total == score(sheet, answers).total  # the points are still shown


@settings(max_examples=200)
@given(sheets_and_answers())
def test_blocking_is_what_the_next_star_needs(case: tuple[Sheet, dict[str, int]]) -> None:
    sheet, answers = case
    r = score(sheet, answers)
    if r.rated_star == 5:
        assert r.next_star is None and r.blocking == ()
        return
    target = r.rated_star + 1
    assert r.next_star.star == target and all(f.star <= target for f in r.blocking)
    # meeting the blocking floors and adding the missing points is enough: pick the best options
    fixed = dict(answers)
    for floor in r.blocking:
        fixed[floor.criterion] = max(fixed[floor.criterion], floor.option)
    if r.next_star.missing_points == 0 and all(fixed[f.criterion] >= f.option for f in r.blocking):
        assert score(sheet, fixed).rated_star >= target
