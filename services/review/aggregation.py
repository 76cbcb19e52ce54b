"""Per-candidate scores (pure): each reviewer's mean over their ratings, then the mean and spread of
those reviewer means, per-criterion means and the recommendations, stored on the submission."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

RECOMMENDATIONS = ("strong_no", "no", "yes", "strong_yes")


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def aggregate(reviews: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """`reviews`: submitted reviews, each with `reviewer`, `recommendation` and `ratings` (a list of
    {question_id, criterion_id, score}). Returns the fields stored under the submission's `review`.

    mean: the mean of the reviewers' means (each reviewer weighs the same, however many answers
    they rated); spread: the population standard deviation of the reviewers' means (0 with one
    reviewer); criteria: per criterion, the mean of the reviewers' per-criterion means."""
    reviewer_means: list[float] = []
    per_criterion: dict[str, list[float]] = {}
    recommendations = dict.fromkeys(RECOMMENDATIONS, 0)
    for review in reviews:
        scores = [float(r["score"]) for r in review["ratings"]]
        if not scores:
            continue
        reviewer_means.append(_mean(scores))
        by_criterion: dict[str, list[float]] = {}
        for r in review["ratings"]:
            by_criterion.setdefault(r["criterion_id"], []).append(float(r["score"]))
        for criterion, values in by_criterion.items():
            per_criterion.setdefault(criterion, []).append(_mean(values))
        recommendations[review["recommendation"]] += 1
    if not reviewer_means:
        return {"reviews": 0, "mean": None, "spread": None, "criteria": {}, "recommendations": {}}
    mean = _mean(reviewer_means)
    spread = math.sqrt(_mean([(m - mean) ** 2 for m in reviewer_means]))
    return {
        "reviews": len(reviewer_means),
        "mean": mean,
        "spread": spread,
        "criteria": {c: _mean(v) for c, v in sorted(per_criterion.items())},
        "recommendations": {k: v for k, v in recommendations.items() if v},
    }
