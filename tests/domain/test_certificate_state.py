"""A certificate's state on a day, and the SQL bounds the products list filters with, say the same."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ocop_desktop.domain.certificate_state import CertificateState, StateBounds, certificate_state

DAYS = st.dates(min_value=date(2019, 1, 1), max_value=date(2035, 12, 31))


def test_the_states_around_the_window() -> None:
    today = date(2026, 12, 4)
    assert certificate_state(None, today, 180) is CertificateState.NONE
    assert certificate_state(date(2026, 12, 3), today, 180) is CertificateState.EXPIRED
    assert certificate_state(today, today, 180) is CertificateState.DUE  # its last valid day
    assert certificate_state(today + timedelta(days=180), today, 180) is CertificateState.DUE
    assert certificate_state(today + timedelta(days=181), today, 180) is CertificateState.VALID


@given(valid_until=DAYS, today=DAYS, opens_days=st.integers(min_value=0, max_value=400))
def test_each_state_range_holds_exactly_its_days(valid_until: date, today: date, opens_days: int) -> None:
    bounds = StateBounds(today, opens_days)
    state = certificate_state(valid_until, today, opens_days)
    for other in (CertificateState.VALID, CertificateState.DUE, CertificateState.EXPIRED):
        first, last = bounds.valid_until_range(other)
        inside = (first is None or first <= valid_until) and (last is None or valid_until <= last)
        assert inside == (other is state), (other, state)
