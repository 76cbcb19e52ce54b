"""Review's own metrics: how long completed candidates wait for their first review and decision."""

from __future__ import annotations

from prometheus_client import Histogram

HOUR = 3600.0
REVIEW_WAIT = Histogram(
    "review_wait_seconds",
    "From a candidate's completion to their first review (step=first_review) or to an advance or "
    "reject decision (step=decision).",
    ["service", "step"],
    buckets=[h * HOUR for h in (1, 4, 8, 24, 48, 72, 120, 168, 336, 720)],
)
