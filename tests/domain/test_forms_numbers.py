"""Form numbers: a loss is a negative profit (issue 15: a loss could not be entered), while counts,
revenues and percentages stay at zero or above."""

from __future__ import annotations

from ocop_desktop.domain.forms import MAU02_PART2, clean_section


def test_a_loss_is_entered_as_a_negative_profit_and_a_negative_revenue_is_refused() -> None:
    cleaned, problems = clean_section(
        MAU02_PART2,
        {"profit_last_year": "-1.500.000", "profit_previous_year": "2.000.000", "revenue_last_year": "-5"},
        require=False,
    )
    assert cleaned["profit_last_year"] == -1_500_000 and cleaned["profit_previous_year"] == 2_000_000
    assert set(problems) == {"revenue_last_year"}
