"""Reference data files under resources/ (holiday calendar, checklists), loaded once per process.

A reference pack from the province may later install newer versions in the data dir; the
bundled files are the fallback.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ocop_desktop.domain.deadlines import HolidayCalendar
from ocop_desktop.domain.errors import UserError
from ocop_desktop.paths import resource


@lru_cache(maxsize=None)
def load_json(relative: str) -> dict[str, Any]:
    path = resource(relative)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"Không đọc được tệp dữ liệu tham chiếu “{relative}”.", detail=str(exc)) from exc
    if not isinstance(data, dict):
        raise UserError(f"Tệp dữ liệu tham chiếu “{relative}” không đúng định dạng.")
    return data


def holiday_calendar() -> HolidayCalendar:
    return HolidayCalendar.from_data(load_json("calendar/vn-public-holidays.json"))


def checklist_data(ruleset_id: str) -> dict[str, Any]:
    return load_json(f"checklists/{ruleset_id}.json")
