"""Deadlines of the OCOP process (QĐ 26/2026 Art. 7), computed from a holiday calendar and the
procedure section of a rule set, both given as data.

- the commune has `commune_working_days` (15) working days from receipt to report and forward a dossier;
- province rounds: dossiers forwarded by 30/4 are finished by 30/6, by 30/10 → 30/12;
- certificates last `certificate_months` (36); re-evaluation is filed from `reevaluation_opens_days`
  (180) to `reevaluation_closes_days` (120) days before expiry.

The caller passes the procedure of the rule set the record is pinned to (or of the rule set in
force, for an act with no record yet): services.core.rules.RuleService.procedure.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ocop_desktop.domain.holidays import HolidayCalendar as HolidayCalendar
from ocop_desktop.domain.rules.model import Procedure

DUE_SOON_DAYS = 5  # the app's warning, not a rule of the procedure


def add_working_days(start: date, days: int, cal: HolidayCalendar) -> date:
    """The date `days` working days after `start` (the day of receipt itself does not count)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if cal.is_working_day(current):
            remaining -= 1
    return current


def commune_deadline(received_on: date, cal: HolidayCalendar, procedure: Procedure) -> date:
    return add_working_days(received_on, procedure.commune_working_days, cal)


def add_months(day: date, months: int) -> date:
    """Same day `months` later, clamped to the month's end (31/1 + 1 month = 28 or 29/2)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(start: date, months: int) -> date:
    """The last day of a term of `months` months that starts on the day of `start` (an act, a
    decision), read as the Civil Code reads it (Bộ luật Dân sự 2015):

    - Art. 147.2–3: the day of the event does not count; the term runs from the next day;
    - Art. 148.3: a term in months ends at the end of the corresponding day of its last month, or of
      that month's last day when it has no such day.

    So 15/06/2026 + 36 months ends at the end of 15/06/2029 (valid that whole day); 31/01 + 1 month ends
    on 28/02 (29/02 in a leap year); 29/02/2028 + 36 months on 28/02/2031; 29/02/2028 + 48 months on
    29/02/2032. Art. 148.5 (a term ending on a day off runs to the next working day) is about the last
    day to *do* something, not how long a certificate is valid, and is not applied here."""
    return add_months(start, months)


def certificate_valid_until(issued_on: date, procedure: Procedure) -> date:
    """The certificate's last valid day: `certificate_months` from the decision (QĐ 26/2026 Art. 4.3:
    "36 tháng kể từ ngày cơ quan có thẩm quyền ban hành"), counted by `term_end`."""
    return term_end(issued_on, procedure.certificate_months)


@dataclass(frozen=True)
class Window:
    opens: date
    closes: date

    def contains(self, day: date) -> bool:
        return self.opens <= day <= self.closes


def reevaluation_window(valid_until: date, procedure: Procedure) -> Window:
    """The producer files no earlier than `reevaluation_opens_days` and no later than
    `reevaluation_closes_days` days before expiry."""
    return Window(
        valid_until - timedelta(days=procedure.reevaluation_opens_days),
        valid_until - timedelta(days=procedure.reevaluation_closes_days),
    )


@dataclass(frozen=True)
class Round:
    year: int
    number: int
    cutoff: date
    finish: date


def rounds_of_year(year: int) -> list[Round]:
    """The two regular province rounds (extra rounds are set by each province)."""
    return [
        Round(year, 1, date(year, 4, 30), date(year, 6, 30)),
        Round(year, 2, date(year, 10, 30), date(year, 12, 30)),
    ]


def next_round_for(forwarded_on: date) -> Round:
    """The first regular round whose cut-off the forwarding date meets."""
    for rnd in rounds_of_year(forwarded_on.year) + rounds_of_year(forwarded_on.year + 1):
        if forwarded_on <= rnd.cutoff:
            return rnd
    raise AssertionError("unreachable: next year's first round always qualifies")


class Urgency(StrEnum):
    OK = "ok"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return {"ok": "Trong hạn", "due_soon": "Sắp đến hạn", "overdue": "Quá hạn"}[self.value]


def urgency(deadline: date | None, today: date, *, soon_days: int = DUE_SOON_DAYS) -> Urgency:
    if deadline is None or today + timedelta(days=soon_days) < deadline:
        return Urgency.OK
    return Urgency.OVERDUE if today > deadline else Urgency.DUE_SOON
