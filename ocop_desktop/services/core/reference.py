"""Reference data files (holiday calendar, checklists, rule sets), loaded once per process.

Reference packs from the province install newer files under `<data dir>/reference/`; those win
over the files bundled in `resources/`, which are the fallback.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.holidays import HolidayCalendar, update_reminder
from ocop_desktop.paths import resource

_installed_root: Path | None = None


def use_installed_reference(root: Path | None) -> None:
    """Called when a store opens: where this installation's reference packs put their files."""
    global _installed_root
    _installed_root = root
    forget_cached()


def installed_root() -> Path | None:
    return _installed_root


def forget_cached() -> None:
    """After a reference pack is installed: the next read sees the new files."""
    load_json.cache_clear()


def reference_path(relative: str) -> Path:
    """The installed file when a reference pack brought one, else the bundled resource."""
    if _installed_root is not None and (_installed_root / relative).is_file():
        return _installed_root / relative
    return resource(relative)


@cache
def load_json(relative: str) -> dict[str, Any]:
    path = reference_path(relative)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"Không đọc được tệp dữ liệu tham chiếu “{relative}”.", detail=str(exc)) from exc
    if not isinstance(data, dict):
        raise UserError(f"Tệp dữ liệu tham chiếu “{relative}” không đúng định dạng.")
    return data


def holiday_calendar() -> HolidayCalendar:
    return HolidayCalendar.from_data(load_json("calendar/vn-public-holidays.json"))


def calendar_reminder(today: date) -> str | None:
    """For the province, when it sends a reference pack: a line asking for next year's official
    holidays once the calendar in use has none (deadlines there are estimates)."""
    return update_reminder(holiday_calendar(), today)


def checklist_data(ruleset_id: str) -> dict[str, Any]:
    return load_json(f"checklists/{ruleset_id}.json")
