"""Reviewer assignment rules (pure): how many reviewers a candidate needs and which ones, the least
loaded first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def needed(reviewers: Sequence[str], per_candidate: int | None) -> int:
    """Every reviewer of the panel (per_candidate None), or N of them (at most the panel's size)."""
    return len(reviewers) if per_candidate is None else min(per_candidate, len(reviewers))


def choose(
    reviewers: Sequence[str],
    assigned: Sequence[str],
    per_candidate: int | None,
    loads: Mapping[str, int],
) -> list[str]:
    """The reviewers to add to a candidate: as many as are missing, among the panel members not
    already assigned, by current load (open assignments), then by id so the choice is stable."""
    have = [r for r in assigned if r in reviewers]
    missing = needed(reviewers, per_candidate) - len(have)
    if missing <= 0:
        return []
    pool = sorted(
        (r for r in dict.fromkeys(reviewers) if r not in assigned),
        key=lambda r: (loads.get(r, 0), r),
    )
    return pool[:missing]


def plan(
    reviewers: Sequence[str],
    candidates: Sequence[tuple[str, Sequence[str]]],
    per_candidate: int | None,
    loads: Mapping[str, int],
) -> dict[str, list[str]]:
    """Assign many candidates at once (a panel set up after candidates arrived), updating loads as
    it goes so the batch stays balanced. `candidates`: (id, reviewers already assigned)."""
    running = dict(loads)
    out: dict[str, list[str]] = {}
    for candidate_id, assigned in candidates:
        chosen = choose(reviewers, assigned, per_candidate, running)
        for r in chosen:
            running[r] = running.get(r, 0) + 1
        if chosen:
            out[candidate_id] = chosen
    return out
