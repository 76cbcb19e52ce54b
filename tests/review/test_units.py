"""Pure logic of the review service: agreement, offsets, aggregation, balancing, selection rates, paging."""

from __future__ import annotations

import math
from typing import Any

import pytest

from services.review import balancing, fairness, paging
from services.review.aggregation import aggregate
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


def test_balancing_by_load() -> None:
    assert balancing.needed(["a", "b", "c"], None) == 3
    assert balancing.needed(["a", "b"], 5) == 2
    assert balancing.choose(["a", "b", "c"], [], 2, {"a": 3, "b": 0, "c": 1}) == ["b", "c"]
    assert balancing.choose(["a", "b", "c"], ["b"], 2, {"a": 3, "c": 1}) == ["c"]
    assert balancing.choose(["a", "b"], ["a", "b"], None, {}) == []
    plan = balancing.plan(["a", "b"], [(f"s{i}", []) for i in range(6)], 1, {"a": 2})
    counts = {r: sum(r in v for v in plan.values()) for r in ("a", "b")}
    assert counts == {"a": 2, "b": 4}  # b first catches up with a's two open assignments


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


async def test_window_paging_returns_every_document_once_in_order() -> None:
    keys = [5.0004, 5.0001, 4.2, 4.2 - 1e-7, 3.0, 0.5, -1.3, -1.9] + [
        3.0003 + i * 1e-6 for i in range(40)
    ]
    docs = [{"_id": f"d{i:03d}", "k": k} for i, k in enumerate(keys)]
    calls = []

    async def fetch(lo: float, hi: float) -> list[dict[str, Any]]:
        calls.append((lo, hi))
        return [dict(d) for d in docs if lo < d["k"] <= hi]

    expected = [d["_id"] for d in sorted(docs, key=lambda d: (-d["k"], d["_id"]))]
    seen: list[str] = []
    after = None
    while True:
        page = await paging.descending(
            fetch, "k", top=1000, floor=-2, width=0.25, limit=7, after=after
        )
        if not page:
            break
        seen += [d["_id"] for d in page]
        last = page[-1]
        after = paging.Cursor(last["k"], last["_id"], len(seen))
    assert seen == expected
    assert paging.Cursor.decode(after.encode()) == after if after else True
    assert math.isfinite(calls[0][0])


def test_bad_cursor_is_a_clear_error() -> None:
    from services.chassis.errors import ProblemError

    with pytest.raises(ProblemError) as caught:
        paging.Cursor.decode("not-a-cursor")
    assert caught.value.problem.code == "invalid_cursor"
