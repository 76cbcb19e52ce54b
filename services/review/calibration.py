"""Inter-rater agreement (pure): Krippendorff's alpha with the interval metric, and each reviewer's
mean offset from the panel, over units (answers) rated by any subset of reviewers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# unit (e.g. "invitation/question") -> reviewer -> score
Ratings = Mapping[str, Mapping[str, float]]


@dataclass(frozen=True)
class Offset:
    reviewer: str
    ratings: int  # ratings on units that at least one other reviewer also rated
    mean_offset: float | None  # mean of (score - the unit's panel mean); None without such units


@dataclass(frozen=True)
class Agreement:
    alpha: float | None  # None when undefined: fewer than 2 pairable values, or no variation
    units: int  # units with at least two ratings (the pairable ones)
    pairable_values: int
    observed_disagreement: float | None
    expected_disagreement: float | None


def krippendorff_alpha_interval(ratings: Ratings) -> Agreement:
    """alpha = 1 - D_o / D_e with the interval metric d(a, b) = (a - b)^2.

    Only units with two or more ratings count; n is the number of their values. D_o averages the
    squared differences within units (each unit's pairs weighted by 1 / (m_u - 1)); D_e averages
    them over every pair of the n values regardless of unit. alpha is 1 for perfect agreement,
    0 when agreement is what chance would give, and negative below that.
    """
    units = [list(by_rater.values()) for by_rater in ratings.values() if len(by_rater) >= 2]
    values = [v for unit in units for v in unit]
    n = len(values)
    if n < 2:
        return Agreement(None, len(units), n, None, None)
    within = 0.0
    for unit in units:
        m = len(unit)
        pairs = sum((a - b) ** 2 for i, a in enumerate(unit) for j, b in enumerate(unit) if i != j)
        within += pairs / (m - 1)
    observed = within / n
    total = sum(values)
    squares = sum(v * v for v in values)
    # sum over ordered pairs i != j of (v_i - v_j)^2 = 2 n sum(v^2) - 2 (sum v)^2
    expected = (2 * n * squares - 2 * total * total) / (n * (n - 1))
    if expected == 0:
        return Agreement(None, len(units), n, observed, expected)
    return Agreement(1 - observed / expected, len(units), n, observed, expected)


def reviewer_offsets(ratings: Ratings) -> list[Offset]:
    """Each reviewer's mean of (their score - the mean of every reviewer's score on that unit),
    over units rated by two or more reviewers: negative is harsher than the panel, positive more
    lenient."""
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    reviewers: set[str] = set()
    for by_rater in ratings.values():
        reviewers.update(by_rater)
        if len(by_rater) < 2:
            continue
        panel = sum(by_rater.values()) / len(by_rater)
        for reviewer, score in by_rater.items():
            sums[reviewer] = sums.get(reviewer, 0.0) + score - panel
            counts[reviewer] = counts.get(reviewer, 0) + 1
    return [
        Offset(r, counts.get(r, 0), sums[r] / counts[r] if counts.get(r) else None)
        for r in sorted(reviewers)
    ]
