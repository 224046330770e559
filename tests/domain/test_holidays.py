"""The holiday calendar at its edges: the data's last year, the years after it (computed from the
Labour Code's rule and the Vietnamese lunar calendar), and the working-day arithmetic over both."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ocop_desktop.domain.deadlines import add_working_days, commune_deadline
from ocop_desktop.domain.holidays import HolidayCalendar, HolidayRule, lunar_to_solar, update_reminder
from ocop_desktop.paths import resource
from ocop_desktop.services.core.rules import RuleService

PROCEDURE = RuleService().procedure("qd26-2026")
DATA = json.loads(resource("calendar/vn-public-holidays.json").read_text(encoding="utf-8"))
CAL = HolidayCalendar.from_data(DATA)
RULE = HolidayRule.from_data(DATA["computed_rule"])


def test_the_data_says_which_years_it_covers_and_which_are_official() -> None:
    assert CAL.years == (2025, 2027)
    assert CAL.official_years == {2025, 2026}
    assert {e["source"] for e in DATA["days_off"]} == {"official", "computed"}
    assert all(e["source"] == "computed" for e in DATA["days_off"] if e["date"].startswith("2027"))


def test_gio_to_2027_is_a_day_off() -> None:
    # Received Mon 12/04/2027: Fri 16/04 (Giỗ Tổ), Fri 30/04 and Mon 03/05 (1/5 is a Saturday) are off
    assert not CAL.is_working_day(date(2027, 4, 16))
    assert commune_deadline(date(2027, 4, 12), CAL, PROCEDURE) == date(2027, 5, 6)


def test_tet_2028_after_the_data_is_computed() -> None:
    # Tết 2028 is Wed 26/01: 25–28/01 off, and Mon 31/01 for Sat 29/01 (BLLĐ Art. 111.3)
    for day in (25, 26, 27, 28, 31):
        assert not CAL.is_working_day(date(2028, 1, day))
    assert CAL.is_working_day(date(2028, 2, 1))
    assert commune_deadline(date(2028, 1, 20), CAL, PROCEDURE) == date(2028, 2, 17)
    assert commune_deadline(date(2028, 1, 20), HolidayCalendar(), PROCEDURE) == date(2028, 2, 10)


def test_a_year_after_the_data_is_an_estimate() -> None:
    assert CAL.estimated_years(date(2026, 12, 20), date(2027, 1, 12)) == [2027]
    assert CAL.estimated_years(date(2028, 1, 20), date(2028, 2, 17)) == [2028]
    assert CAL.estimated_years(date(2026, 3, 2), date(2026, 3, 23)) == []
    assert HolidayCalendar().estimated_years(date(2030, 1, 1), date(2030, 2, 1)) == []


def test_the_rule_reproduces_the_2027_data_but_the_national_day_choice() -> None:
    listed = {d for d in CAL.days_off if d.year == 2027}
    # the rule assumes 01/9 with 02/9; the 2027 data took 03/9 (the Prime Minister's choice each year)
    assert RULE.days_off(2027) ^ listed == {date(2027, 9, 1), date(2027, 9, 3)}


def test_holidays_on_a_weekend_move_to_the_next_free_working_day() -> None:
    off = RULE.days_off(2028)
    assert date(2028, 1, 3) in off  # 01/01/2028 is a Saturday
    assert date(2028, 5, 2) in off  # 30/4 is a Sunday, Mon 1/5 is a holiday itself
    assert date(2028, 9, 4) in off  # 02/9 is a Saturday


@pytest.mark.parametrize(
    ("year", "tet", "gio_to"),
    [
        (2025, date(2025, 1, 29), date(2025, 4, 7)),
        (2026, date(2026, 2, 17), date(2026, 4, 26)),
        (2027, date(2027, 2, 6), date(2027, 4, 16)),
        (2028, date(2028, 1, 26), date(2028, 4, 4)),
        # the Vietnamese calendar (UTC+7) differs from the Chinese one (UTC+8) in these years
        (1985, date(1985, 1, 21), None),  # Chinese New Year 1985: 20/02
        (2007, date(2007, 2, 17), None),  # 18/02 in China
        (2030, date(2030, 2, 2), date(2030, 4, 12)),  # 03/02 in China
        (2037, None, date(2037, 4, 24)),  # 10/3 is 25/04 in China
    ],
)
def test_lunar_dates_of_the_vietnamese_calendar(year: int, tet: date | None, gio_to: date | None) -> None:
    if tet:
        assert lunar_to_solar(year, 1, 1) == tet
    if gio_to:
        assert lunar_to_solar(year, 3, 10) == gio_to


def test_the_data_agrees_with_the_lunar_calendar() -> None:
    for year in (2025, 2026, 2027):
        for month, day in ((1, 1), (3, 10)):
            solar = lunar_to_solar(year, month, day)
            assert (solar in CAL.days_off) == (solar.weekday() < 5), solar  # Tết 2027, Giỗ Tổ 2026: weekend


def test_a_file_from_an_older_release_still_reads() -> None:
    old = {"days_off": [{"date": "2026-02-17", "name": "Tết"}], "working_saturdays": []}
    cal = HolidayCalendar.from_data(old)
    assert cal.years == (2026, 2026) and cal.official_years == {2026} and cal.rule is None
    assert cal.is_working_day(date(2028, 1, 26))  # nothing computed without a rule


def test_the_province_is_reminded_when_next_year_is_not_official() -> None:
    text = update_reminder(CAL, date(2026, 12, 3))
    assert text is not None and "2026" in text and "2027" in text and "gói tham chiếu" in text
    assert update_reminder(CAL, date(2025, 6, 1)) is None
    assert update_reminder(HolidayCalendar(), date(2026, 1, 1)) is None


DAYS = st.dates(date(2025, 1, 1), date(2040, 12, 31))


@settings(max_examples=200, deadline=None)
@given(received=DAYS, working_days=st.integers(1, 30))
@example(received=date(2025, 4, 7), working_days=15)  # found by a run: ends on a make-up Saturday
def test_working_day_arithmetic_over_data_and_computed_years(received: date, working_days: int) -> None:
    due = add_working_days(received, working_days, CAL)
    assert due > received and CAL.is_working_day(due)
    between = [received + timedelta(days=i) for i in range(1, (due - received).days + 1)]
    assert sum(CAL.is_working_day(d) for d in between) == working_days
    # days off only ever push a deadline later than weekends alone would (a make-up Saturday may bring it
    # earlier: received 07/04/2025, 15 days → Sat 26/04/2025, a working day that year)
    no_make_up = replace(CAL, working_saturdays=frozenset())
    assert add_working_days(received, working_days, no_make_up) >= add_working_days(
        received, working_days, HolidayCalendar()
    )


def test_a_make_up_saturday_counts_as_a_working_day() -> None:
    assert add_working_days(date(2025, 4, 7), 15, CAL) == date(2025, 4, 26)


@settings(max_examples=60, deadline=None)
@given(year=st.integers(2028, 2099))
def test_every_computed_year_has_its_holidays(year: int) -> None:
    off = RULE.days_off(year)
    assert all(d.weekday() < 5 for d in off)
    # 11 holiday days a year (BLLĐ Art. 112.1): each gives one weekday off, none is lost
    assert len(off) == 11
    tet = lunar_to_solar(year, 1, 1)
    assert date(year, 1, 20) <= tet <= date(year, 2, 20)
    assert not CAL.is_working_day(tet) or tet.weekday() >= 5
