"""Reviewer assignment rules: how many reviewers a candidate needs, the least loaded first."""

from __future__ import annotations

from services.review import balancing


def test_balancing_by_load() -> None:
    assert balancing.needed(["a", "b", "c"], None) == 3
    assert balancing.needed(["a", "b"], 5) == 2
    assert balancing.choose(["a", "b", "c"], [], 2, {"a": 3, "b": 0, "c": 1}) == ["b", "c"]
    assert balancing.choose(["a", "b", "c"], ["b"], 2, {"a": 3, "c": 1}) == ["c"]
    assert balancing.choose(["a", "b"], ["a", "b"], None, {}) == []
    plan = balancing.plan(["a", "b"], [(f"s{i}", []) for i in range(6)], 1, {"a": 2})
    counts = {r: sum(r in v for v in plan.values()) for r in ("a", "b")}
    assert counts == {"a": 2, "b": 4}  # b first catches up with a's two open assignments
