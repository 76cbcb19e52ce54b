"""Inter-rater agreement and reviewer offsets against a published worked example and by hand."""

from __future__ import annotations

import pytest

from services.review.calibration import krippendorff_alpha_interval, reviewer_offsets

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the worked example with
# 4 observers, 12 units and missing values; the published interval alpha is 0.849.
WORKED = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}


def units(by_rater: dict[str, list[int | None]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for rater, values in by_rater.items():
        for i, v in enumerate(values):
            if v is not None:
                out.setdefault(f"u{i}", {})[rater] = float(v)
    return out


def test_alpha_matches_the_published_worked_example() -> None:
    a = krippendorff_alpha_interval(units(WORKED))
    assert a.alpha is not None and round(a.alpha, 3) == 0.849
    assert a.units == 11 and a.pairable_values == 40  # unit 12 has a single value


def test_alpha_and_offsets_by_hand() -> None:
    # Units {1,2}, {2,3}, {3,5}: D_o = (2+2+8)/6 = 2; values 1,2,2,3,3,5 give
    # sum over ordered pairs 2*6*52 - 2*16^2 = 112, D_e = 112/30; alpha = 1 - 2/(112/30) = 13/28.
    ratings = units({"harsh": [1, 2, 3], "lenient": [2, 3, 5]})
    a = krippendorff_alpha_interval(ratings)
    assert a.alpha == pytest.approx(13 / 28)
    assert a.observed_disagreement == pytest.approx(2.0)
    offsets = {o.reviewer: o for o in reviewer_offsets(ratings)}
    assert offsets["harsh"].mean_offset == pytest.approx(-2 / 3)
    assert offsets["lenient"].mean_offset == pytest.approx(2 / 3)
    assert offsets["harsh"].ratings == 3


def test_alpha_edge_cases() -> None:
    assert krippendorff_alpha_interval({}).alpha is None
    assert krippendorff_alpha_interval(units({"a": [3], "b": [None]})).alpha is None
    same = krippendorff_alpha_interval(units({"a": [3, 3], "b": [3, 3]}))
    assert same.alpha is None and same.expected_disagreement == 0  # no variation: undefined
    perfect = krippendorff_alpha_interval(units({"a": [1, 5, 3], "b": [1, 5, 3]}))
    assert perfect.alpha == pytest.approx(1.0)
    lonely = reviewer_offsets(units({"a": [1, None], "b": [None, 2]}))
    assert [o.mean_offset for o in lonely] == [None, None]
