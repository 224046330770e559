from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_desktop.domain.deadlines import (
    HolidayCalendar,
    Urgency,
    add_months,
    add_working_days,
    certificate_valid_until,
    commune_deadline,
    next_round_for,
    reevaluation_window,
    term_end,
    urgency,
)
from ocop_desktop.services.core.reference import holiday_calendar
from ocop_desktop.services.core.rules import RuleService

PROCEDURE = RuleService().procedure("qd26-2026")  # the numbers of QĐ 26/2026, from the rule file


def test_fifteen_working_days_skip_weekends() -> None:
    # Mon 2/11/2026 + 15 working days = Mon 23/11/2026
    assert commune_deadline(date(2026, 11, 2), HolidayCalendar(), PROCEDURE) == date(2026, 11, 23)


def test_tet_holidays_from_the_data_file_are_skipped() -> None:
    cal = holiday_calendar()
    assert not cal.is_working_day(date(2026, 2, 17))  # Tết 2026
    # Received Fri 6/2/2026: 6 working days (9,10,11,12,13 Feb, 23 Feb…) around Tết 16–20/2
    assert add_working_days(date(2026, 2, 6), 6, cal) == date(2026, 2, 23)
    assert add_working_days(date(2026, 2, 6), 6, HolidayCalendar()) == date(2026, 2, 16)


def test_make_up_saturday_counts_as_working_day() -> None:
    cal = holiday_calendar()
    assert cal.is_working_day(date(2025, 4, 26))
    assert not cal.is_working_day(date(2025, 5, 2))


@pytest.mark.parametrize(
    ("issued", "last_valid_day"),
    [
        (date(2026, 6, 15), date(2029, 6, 15)),  # BLDS 2015 Art. 147-148: the corresponding day
        (date(2023, 3, 15), date(2026, 3, 15)),
        (date(2028, 2, 29), date(2031, 2, 28)),  # no 29/2 in 2031: the month's last day (Art. 148.3)
        (date(2024, 2, 29), date(2027, 2, 28)),
        (date(2025, 2, 28), date(2028, 2, 28)),  # 2028 has a 29/2, but the corresponding day is the 28th
        (date(2026, 1, 31), date(2029, 1, 31)),
        (date(2026, 12, 31), date(2029, 12, 31)),
        (date(2026, 5, 31), date(2029, 5, 31)),
    ],
)
def test_certificate_lasts_36_months_by_the_civil_code(issued: date, last_valid_day: date) -> None:
    assert certificate_valid_until(issued, PROCEDURE) == last_valid_day


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2028, 2, 29), 48, date(2032, 2, 29)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
    ],
)
def test_term_end_at_month_ends(start: date, months: int, end: date) -> None:
    assert term_end(start, months) == end


def test_reevaluation_window() -> None:
    window = reevaluation_window(date(2026, 12, 31), PROCEDURE)
    assert (window.opens, window.closes) == (date(2026, 7, 4), date(2026, 9, 2))
    assert window.contains(date(2026, 8, 1)) and not window.contains(date(2026, 10, 1))


@pytest.mark.parametrize(
    ("forwarded", "number", "finish"),
    [
        (date(2026, 4, 30), 1, date(2026, 6, 30)),
        (date(2026, 5, 1), 2, date(2026, 12, 30)),
        (date(2026, 10, 31), 1, date(2027, 6, 30)),
    ],
)
def test_round_cutoffs(forwarded: date, number: int, finish: date) -> None:
    rnd = next_round_for(forwarded)
    assert (rnd.number, rnd.finish) == (number, finish)


def test_urgency() -> None:
    today = date(2026, 11, 20)
    assert urgency(None, today) is Urgency.OK
    assert urgency(date(2026, 12, 11), today) is Urgency.OK
    assert urgency(date(2026, 11, 24), today) is Urgency.DUE_SOON
    assert urgency(date(2026, 11, 19), today) is Urgency.OVERDUE


DAYS = st.dates(date(2020, 1, 1), date(2035, 12, 31))


@st.composite
def calendars(draw: st.DrawFn) -> HolidayCalendar:
    """Random days off (on weekdays) and make-up Saturdays, as a holiday file may give them."""
    days = draw(st.sets(DAYS, max_size=40))
    return HolidayCalendar(
        frozenset(d for d in days if d.weekday() < 5), frozenset(d for d in days if d.weekday() == 5)
    )


@settings(max_examples=300)
@given(received=DAYS, working_days=st.integers(1, 40), cal=calendars())
def test_commune_deadline_is_the_nth_working_day_after_receipt(
    received: date, working_days: int, cal: HolidayCalendar
) -> None:
    due = commune_deadline(received, cal, replace(PROCEDURE, commune_working_days=working_days))
    assert due > received and cal.is_working_day(due)
    between = [received + timedelta(days=i) for i in range(1, (due - received).days + 1)]
    assert sum(cal.is_working_day(d) for d in between) == working_days


@settings(max_examples=300)
@given(valid_until=DAYS, closes=st.integers(0, 365), width=st.integers(1, 365), day=DAYS)
def test_reevaluation_window_spans_the_days_before_expiry(
    valid_until: date, closes: int, width: int, day: date
) -> None:
    procedure = replace(PROCEDURE, reevaluation_opens_days=closes + width, reevaluation_closes_days=closes)
    window = reevaluation_window(valid_until, procedure)
    assert window.opens < window.closes <= valid_until
    assert (window.closes - window.opens).days == width
    assert window.contains(day) == (closes <= (valid_until - day).days <= closes + width)


@settings(max_examples=300)
@given(issued=DAYS, months=st.integers(1, 120))
def test_certificate_ends_on_the_corresponding_day_of_its_last_month(issued: date, months: int) -> None:
    last = certificate_valid_until(issued, replace(PROCEDURE, certificate_months=months))
    assert last == term_end(issued, months) == add_months(issued, months) and last > issued
    assert (last.year - issued.year) * 12 + last.month - issued.month == months
    month_end = calendar.monthrange(last.year, last.month)[1]
    assert last.day == min(issued.day, month_end)  # 31/1 + 1 month = 28 or 29/2 (BLDS Art. 148.3)


@settings(max_examples=300)
@given(start=DAYS, a=st.integers(0, 60), b=st.integers(0, 60))
def test_term_end_is_monotonic_and_never_skips_a_month(start: date, a: int, b: int) -> None:
    """A longer term never ends earlier; and a term of n months ends in the n-th month after the start."""
    if a <= b:
        assert term_end(start, a) <= term_end(start, b)
    later = start + timedelta(days=1)
    assert term_end(start, a) <= term_end(later, a)  # a later decision never expires earlier
