"""The public-holiday calendar: days off from data, and — for years after the data — days off computed
by the rule the data states, so that a deadline in 2028 still accounts for Tết 2028.

The data (`resources/calendar/vn-public-holidays.json`) lists each year's days off that fall on
weekdays and the Saturdays worked in exchange; it says which years it covers (`years`) and which of
them follow an official notice (`official_years`; the rest were computed). A year after `years.to` is
computed from `computed_rule` (so is a year before it):

- each holiday of the Labour Code (BLLĐ 2019 Art. 112.1) on its solar or lunar date; lunar dates are
  those of the Vietnamese calendar (UTC+7, Hồ Ngọc Đức's algorithm, package `lunar-vn`), which in some
  years differs from the Chinese one (Tết 2030 is 02/02, not 03/02);
- Tết is 5 days; which ones is the Prime Minister's choice each year (Art. 112.3): the rule assumes
  the last day of the lunar year and the first four of the new one (as in 2026 and 2027);
- a holiday that falls on a Saturday or Sunday gives the next working day off (Art. 111.3);
- the day swaps the government usually adds (a bridging day, worked back on a Saturday) are NOT
  assumed: they cannot be foreseen. A computed year is therefore an estimate ("dự kiến").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

VIETNAM_UTC_OFFSET = 7.0  # the Vietnamese lunar calendar is computed for UTC+7


@dataclass(frozen=True)
class Holiday:
    """One holiday of the rule: `days` days starting `days_before` days before its date (solar, or the
    lunar date of the lunar year that starts in the same solar year)."""

    name: str
    month: int
    day: int
    lunar: bool = False
    days: int = 1
    days_before: int = 0

    def dates(self, year: int) -> list[date]:
        anchor = (
            lunar_to_solar(year, self.month, self.day) if self.lunar else date(year, self.month, self.day)
        )
        first = anchor - timedelta(days=self.days_before)
        return [first + timedelta(days=i) for i in range(self.days)]


def lunar_to_solar(lunar_year: int, month: int, day: int) -> date:
    """The solar date of a (non-leap) lunar date of the Vietnamese calendar."""
    # imported when first needed (a year after the data): the package's import costs ~0.1 s at start-up
    from lunar_vn import convert_lunar_to_solar

    return convert_lunar_to_solar(day, month, lunar_year, 0, VIETNAM_UTC_OFFSET)


@dataclass(frozen=True)
class HolidayRule:
    holidays: tuple[Holiday, ...]
    basis: str = ""

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> HolidayRule:
        return cls(
            tuple(
                Holiday(
                    str(h["name"]),
                    int(h["month"]),
                    int(h["day"]),
                    bool(h.get("lunar", False)),
                    int(h.get("days", 1)),
                    int(h.get("days_before", 0)),
                )
                for h in data["holidays"]
            ),
            str(data.get("basis", "")),
        )

    def days_off(self, year: int) -> frozenset[date]:
        return _computed_days_off(self, year)


@cache
def _computed_days_off(rule: HolidayRule, year: int) -> frozenset[date]:
    """The weekdays off of `year` by the rule: each holiday on a weekday, and for each one on a weekend
    the next weekday that is neither a holiday nor already given (BLLĐ Art. 111.3)."""
    holidays = sorted({d for h in rule.holidays for d in h.dates(year)})
    off = {d for d in holidays if d.weekday() < 5}
    for d in holidays:
        if d.weekday() >= 5:
            extra = d + timedelta(days=1)
            while extra.weekday() >= 5 or extra in off or extra in holidays:
                extra += timedelta(days=1)
            off.add(extra)
    return frozenset(off)


@dataclass(frozen=True)
class HolidayCalendar:
    """Days off that fall on weekdays, and Saturdays that are working days (make-up days).

    `years` is the span the data covers (None: no limit, every other day is a working day);
    `official_years` those of its years that follow an official notice; `rule` computes the years
    after the span."""

    days_off: frozenset[date] = frozenset()
    working_saturdays: frozenset[date] = frozenset()
    years: tuple[int, int] | None = None
    official_years: frozenset[int] = field(default=frozenset())
    rule: HolidayRule | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> HolidayCalendar:
        """From {"years": {"from", "to"}, "official_years": […], "days_off": [{"date", "name",
        "source"}], "working_saturdays": […], "computed_rule": {"holidays": […]}}. A file written
        before `years` existed covers the years it lists, all taken as official."""
        days_off, saturdays = _dates(data, "days_off"), _dates(data, "working_saturdays")
        listed = {d.year for d in days_off | saturdays}
        span = data.get("years")
        years = (
            (int(span["from"]), int(span["to"])) if span else (min(listed), max(listed)) if listed else None
        )
        official = data.get("official_years")
        rule = data.get("computed_rule")
        return cls(
            days_off,
            saturdays,
            years,
            frozenset(int(y) for y in official) if official is not None else frozenset(listed),
            HolidayRule.from_data(rule) if rule else None,
        )

    def is_working_day(self, day: date) -> bool:
        if day in self.working_saturdays:
            return True
        if day.weekday() >= 5:
            return False
        if (
            self.rule is not None
            and self.years is not None
            and not self.years[0] <= day.year <= self.years[1]
        ):
            return day not in self.rule.days_off(day.year)
        return day not in self.days_off

    def estimated_years(self, start: date, end: date) -> list[int]:
        """The years from `start` to `end` whose days off are not official (computed in the data, or
        after it): a deadline that crosses one is an estimate. Empty for a calendar without a span."""
        if self.years is None:
            return []
        return [y for y in range(start.year, end.year + 1) if y not in self.official_years]

    def last_official_year(self) -> int | None:
        return max(self.official_years) if self.official_years else None


def _dates(data: Mapping[str, Any], key: str) -> frozenset[date]:
    return frozenset(date.fromisoformat(str(entry["date"])) for entry in data.get(key, []))


def update_reminder(cal: HolidayCalendar, today: date) -> str | None:
    """For the province: a line asking for an updated calendar when next year is not official yet."""
    last = cal.last_official_year()
    if last is None or last > today.year:
        return None
    return (
        f"Lịch nghỉ lễ, Tết chính thức mới có đến hết năm {last}; các hạn xử lý từ năm {last + 1} là "
        f"dự kiến. Khi có thông báo nghỉ lễ, Tết năm {last + 1}, hãy cập nhật tệp "
        "calendar/vn-public-holidays.json và gửi lại gói tham chiếu cho các xã."
    )
