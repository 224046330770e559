"""The withdrawal facts read back from any history of a round entry (issue 15): the last withdrawal
counts; its notice is seen exactly when a "seen" line follows it; other lines never matter; the day
is Vietnam's (UTC+7)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ocop_desktop.services.province.withdrawal_facts import NOTED_EVENT, WITHDRAWN_EVENT, withdrawal_facts

OTHER = ("sheet", "aggregated", "rescore_requested", "invalidated")
moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)).map(
    lambda d: d.replace(tzinfo=UTC)
)
lines = st.one_of(
    st.builds(lambda e: {"event": e, "at": "2026-11-01T00:00:00+00:00"}, st.sampled_from(OTHER)),
    st.builds(lambda at: {"event": NOTED_EVENT, "at": at.isoformat()}, moments),
    st.builds(
        lambda at, why: {
            "event": WITHDRAWN_EVENT,
            "at": "2026-12-01T00:00:00+00:00",
            "withdrawn_at": at.isoformat(),
            "reason": why,
        },
        moments,
        st.text(max_size=20),
    ),
)


@given(st.lists(lines, max_size=12))
def test_the_last_withdrawal_and_a_seen_line_after_it(history: list[dict[str, str]]) -> None:
    on, reason, noted = withdrawal_facts(history)
    withdrawn = [n for n, h in enumerate(history) if h["event"] == WITHDRAWN_EVENT]
    if not withdrawn:
        assert (on, reason, noted) == (None, "", True)
        return
    last = history[withdrawn[-1]]
    at = datetime.fromisoformat(last["withdrawn_at"])
    assert on == (at + timedelta(hours=7)).date() and reason == last["reason"]
    assert noted == any(h["event"] == NOTED_EVENT for h in history[withdrawn[-1] + 1 :])


def test_late_evening_utc_is_the_next_day_in_vietnam() -> None:
    history = [{"event": WITHDRAWN_EVENT, "withdrawn_at": "2026-11-17T20:00:00+00:00", "reason": "x"}]
    assert withdrawal_facts(history) == (date(2026, 11, 18), "x", False)
