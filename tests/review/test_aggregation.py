"""Per-candidate scores: every reviewer weighs the same, whatever the number of ratings."""

from __future__ import annotations

from typing import Any

import pytest

from services.review.aggregation import aggregate


def review(reviewer: str, scores: list[tuple[str, str, int]], rec: str = "yes") -> dict[str, Any]:
    return {
        "reviewer": reviewer,
        "recommendation": rec,
        "ratings": [{"question_id": q, "criterion_id": c, "score": s} for q, c, s in scores],
    }


def test_aggregate_weighs_reviewers_equally() -> None:
    totals = aggregate(
        [
            review("a", [("q1", "clarity", 2), ("q1", "depth", 4), ("q2", "clarity", 3)], "no"),
            review("b", [("q1", "clarity", 5)], "strong_yes"),
        ]
    )
    assert totals["reviews"] == 2
    assert totals["mean"] == pytest.approx((3 + 5) / 2)
    assert totals["spread"] == pytest.approx(1.0)
    assert totals["criteria"] == {"clarity": pytest.approx((2.5 + 5) / 2), "depth": 4}
    assert totals["recommendations"] == {"no": 1, "strong_yes": 1}
    assert aggregate([])["mean"] is None
