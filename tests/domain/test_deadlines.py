from __future__ import annotations

from datetime import date

import pytest

from ocop_desktop.domain.deadlines import (
    HolidayCalendar,
    Urgency,
    add_working_days,
    certificate_valid_until,
    commune_deadline,
    next_round_for,
    reevaluation_window,
    urgency,
)
from ocop_desktop.services.core.reference import holiday_calendar


def test_fifteen_working_days_skip_weekends() -> None:
    # Mon 2/11/2026 + 15 working days = Mon 23/11/2026
    assert commune_deadline(date(2026, 11, 2), HolidayCalendar()) == date(2026, 11, 23)


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


def test_certificate_lasts_36_months_and_reevaluation_window() -> None:
    assert certificate_valid_until(date(2023, 3, 15)) == date(2026, 3, 14)
    assert certificate_valid_until(date(2024, 2, 29)) == date(2027, 2, 27)  # no 29/2 in 2027
    window = reevaluation_window(date(2026, 12, 31))
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
