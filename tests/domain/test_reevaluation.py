"""Re-evaluation at expiry: the filing window (Art. 7.6.a) at its first and last day, the grace of
Art. 12.3 and the 45 days of Art. 7.6.g, with the numbers from the data files."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.issuing_bodies import parse_issuing_bodies
from ocop_desktop.domain.reevaluation import Filing, check_filing, parse_reevaluation_rules, valid_through
from ocop_desktop.paths import resource
from ocop_desktop.services.core.rules import RuleService

PROCEDURE = RuleService().procedure("qd26-2026")
RULES = parse_reevaluation_rules(json.loads(resource("reevaluation.json").read_text(encoding="utf-8")))[
    "qd26-2026"
]
BODIES = parse_issuing_bodies(json.loads(resource("issuing_bodies.json").read_text(encoding="utf-8")))
EXPIRY = date(2029, 6, 15)  # a certificate of 15/06/2026


@pytest.mark.parametrize(
    ("on", "filing"),
    [
        (date(2026, 12, 1), Filing.EARLY),  # two and a half years early
        (date(2028, 12, 16), Filing.EARLY),  # the day before the window opens
        (date(2028, 12, 17), Filing.IN_WINDOW),  # 180 days before 15/06/2029: the first day
        (date(2029, 2, 15), Filing.IN_WINDOW),  # 120 days before: the last day
        (date(2029, 2, 16), Filing.LATE),
        (date(2029, 6, 15), Filing.LATE),  # the certificate's last valid day
        (date(2029, 6, 16), Filing.GRACE),
        (date(2029, 12, 12), Filing.GRACE),  # 180 days after expiry: the grace's last day
        (date(2029, 12, 13), Filing.EXPIRED),
    ],
)
def test_filing_window_at_its_edges(on: date, filing: Filing) -> None:
    check = check_filing(on, EXPIRY, PROCEDURE, RULES)
    assert check.filing is filing
    assert check.in_window == (filing is Filing.IN_WINDOW)
    assert (check.message() == "") == (filing is Filing.IN_WINDOW)


def test_messages_say_the_window_and_the_grace() -> None:
    early = check_filing(date(2026, 12, 1), EXPIRY, PROCEDURE, RULES).message()
    assert "17/12/2028" in early and "15/02/2029" in early and "điểm a khoản 6 Điều 7" in early
    late = check_filing(date(2029, 3, 1), EXPIRY, PROCEDURE, RULES).message()
    assert "khoản 3 Điều 12" in late and "12/12/2029" in late and "quá thời hạn nộp 14 ngày" in late
    gone = check_filing(date(2030, 1, 1), EXPIRY, PROCEDURE, RULES).message()
    assert "đánh giá lần đầu" in gone


def test_grace_and_completion_limit() -> None:
    assert RULES.grace_until(EXPIRY) == date(2029, 12, 12)
    assert valid_through(EXPIRY, RULES, filed_late=True) == date(2029, 12, 12)
    assert valid_through(EXPIRY, RULES, filed_late=False) == EXPIRY
    # 45 days from the day after the province received the complete dossier (BLDS Art. 147)
    assert RULES.completion_deadline(date(2029, 1, 10)) == date(2029, 2, 24)
    assert RULES.completion_deadline(date(2028, 12, 31)) == date(2029, 2, 14)


def test_a_malformed_rules_file_is_refused() -> None:
    with pytest.raises(UserError):
        parse_reevaluation_rules({"format": "ocop-reevaluation-rules", "format_version": 1, "rules": []})
    bad = {
        "ruleset_id": "x",
        "completion": {"days": 0, "basis": ""},
        "grace": {"days_after_expiry": 1, "basis": ""},
    }
    with pytest.raises(UserError, match="mục thứ 1"):
        parse_reevaluation_rules({"format": "ocop-reevaluation-rules", "format_version": 1, "rules": [bad]})


DAYS = st.dates(date(2024, 1, 1), date(2035, 12, 31))


@settings(max_examples=300)
@given(on=DAYS, expiry=DAYS)
def test_filing_outcomes_partition_the_days(on: date, expiry: date) -> None:
    check = check_filing(on, expiry, PROCEDURE, RULES)
    before = (expiry - on).days
    assert check.in_window == (
        PROCEDURE.reevaluation_closes_days <= before <= PROCEDURE.reevaluation_opens_days
    )
    assert (check.filing is Filing.EXPIRED) == (on > expiry + timedelta(days=RULES.grace_days))
    assert (check.filing is Filing.GRACE) == (expiry < on <= expiry + timedelta(days=RULES.grace_days))


@pytest.mark.parametrize(
    ("level", "day", "name"),
    [
        ("ministry", date(2022, 9, 1), "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("ministry", date(2025, 2, 28), "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("ministry", date(2025, 3, 1), "Bộ Nông nghiệp và Môi trường"),
        ("district", date(2025, 6, 30), "UBND cấp huyện"),
        ("province", date(2020, 1, 1), "UBND cấp tỉnh"),
    ],
)
def test_issuing_body_by_decision_date(level: str, day: date, name: str) -> None:
    assert BODIES.name(level, day) == name
    assert BODIES.problem(level, day) is None


def test_no_district_after_the_two_tier_reform() -> None:
    problem = BODIES.problem("district", date(2025, 7, 1))
    assert problem is not None and "30/06/2025" in problem
