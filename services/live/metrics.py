"""The live service's metrics: rooms open, participants admitted, joins by outcome, and Janus
requests that failed."""

from __future__ import annotations

from prometheus_client import Counter, Gauge

ROOMS_OPEN = Gauge("live_rooms_open", "Live rooms open on Janus now (all tenants).", ["service"])
PARTICIPANTS = Gauge(
    "live_participants",
    "People publishing in the open live rooms, as Janus counted at the last round.",
    ["service"],
)
JOINS = Counter(
    "live_joins_total",
    "Requests to enter a live room, by who asked and the outcome (ok, refused: not on the "
    "panel, too early, not admitted; failed: Janus did not take the token).",
    ["service", "role", "outcome"],
)
JANUS_FAILURES = Counter(
    "live_janus_failures_total",
    "Janus requests that failed (the node did not answer, or refused), by operation.",
    ["service", "operation"],
)


def export(service: str) -> None:
    """Create the series at zero so dashboards and alerts see them before the first join."""
    ROOMS_OPEN.labels(service)
    PARTICIPANTS.labels(service)
    for role in ("candidate", "interviewer"):
        for outcome in ("ok", "refused", "failed"):
            JOINS.labels(service, role, outcome)
    for operation in ("create", "destroy", "allow", "count"):
        JANUS_FAILURES.labels(service, operation)
