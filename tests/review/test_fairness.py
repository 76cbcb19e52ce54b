"""Selection rates and impact ratios per self-reported category."""

from __future__ import annotations

import pytest

from services.review import fairness


def test_selection_rates_and_impact_ratios() -> None:
    outcomes = (
        [("female", True)] * 3
        + [("female", False)] * 7
        + [("male", True)] * 5
        + [("male", False)] * 5
        + [(None, True)] * 2
        + [("declined", False)]
    )
    rows = {r.category: r for r in fairness.selection_table(outcomes)}
    assert rows["female"].selection_rate == pytest.approx(0.3)
    assert rows["male"].impact_ratio == pytest.approx(1.0)
    assert rows["female"].impact_ratio == pytest.approx(0.6)
    assert rows["female"].below_four_fifths and not rows["male"].below_four_fifths
    assert rows["not_reported"].impact_ratio is None and rows["not_reported"].small_sample
    assert rows["declined"].impact_ratio is None
    assert [r.category for r in fairness.selection_table(outcomes)][-2:] == [
        "declined",
        "not_reported",
    ]
