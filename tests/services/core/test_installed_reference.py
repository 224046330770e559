"""Files installed by a reference pack take effect: a newer rule set (erratum under a new id) is the
one in force from its date, the holiday calendar changes deadlines, and the bundled files stay the
fallback. Old dossiers keep the rule set they were pinned to."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ocop_desktop.domain.rules.canonical import content_hash, dumps
from ocop_desktop.domain.rules.errors import RuleSetError
from ocop_desktop.paths import resource
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.reference import holiday_calendar
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.sync.reference import install


def _erratum(new_id: str, effective_from: str) -> bytes:
    doc = json.loads(resource("rulesets/qd26-2026.json").read_text(encoding="utf-8"))
    doc["id"], doc["effective_from"] = new_id, effective_from
    doc["content_hash"] = content_hash(doc)
    return dumps(doc).encode("utf-8")


def test_installed_rule_set_and_calendar_take_effect(ctx: AppContext) -> None:
    assert RuleService().in_force(date(2027, 3, 1)).id == "qd26-2026"
    calendar = json.loads(resource("calendar/vn-public-holidays.json").read_text(encoding="utf-8"))
    calendar["version"] = "2027.1"
    calendar["days_off"].append({"date": "2027-03-01", "name": "Ngày nghỉ do tỉnh thông báo (thử)"})
    changed = install(
        ctx,
        {
            "reference/rulesets/qd26-2026-e1.json": _erratum("qd26-2026-e1", "2027-01-01"),
            "reference/calendar/vn-public-holidays.json": json.dumps(calendar, ensure_ascii=False).encode(
                "utf-8"
            ),
        },
    )
    assert len(changed) == 2
    assert RuleService().in_force(date(2027, 3, 1)).id == "qd26-2026-e1"
    assert RuleService().in_force(date(2026, 11, 1)).id == "qd26-2026"  # the old one still serves its dates
    assert not holiday_calendar().is_working_day(date(2027, 3, 1))


def test_same_id_with_other_content_is_refused(ctx: AppContext) -> None:
    doc = json.loads(resource("rulesets/qd26-2026.json").read_text(encoding="utf-8"))
    doc["title"] = doc["title"] + " (sửa lén)"
    doc["content_hash"] = content_hash(doc)
    install(ctx, {"reference/rulesets/qd26-2026.json": dumps(doc).encode("utf-8")})
    with pytest.raises(RuleSetError, match="mã mới"):
        RuleService().list_rulesets()
