"""The live service's metrics: rooms open, participants admitted, joins by outcome, Janus
requests that failed, recordings stored, and the call quality participants' browsers report."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

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
JANUS_NODE_UP = Gauge(
    "live_janus_node_up",
    "Whether each Janus node answered at the last round (1) or not (0).",
    ["service", "node"],
)
ROOMS_MOVED = Counter(
    "live_rooms_moved_total",
    "Open rooms re-created on another Janus node because theirs stopped answering.",
    ["service"],
)
RECORDINGS = Counter(
    "live_recordings_total",
    "Recorded rooms handled after their close, by outcome (stored; empty: no video to store; "
    "retried: composing failed and is tried again; failed: given up after the last attempt).",
    ["service", "outcome"],
)

# What the participants' browsers measure of their calls (POSTed reports, see rooms.py).
FIRST_FRAME = Histogram(
    "live_first_remote_frame_seconds",
    "From entering a room to the first frame of another participant's video, per browser.",
    ["service", "role"],
    buckets=(0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
)
INBOUND_LOSS = Histogram(
    "live_inbound_packet_loss_ratio",
    "Share of the packets of other participants' media lost on the way to a browser, per report.",
    ["service", "role"],
    buckets=(0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1),
)
INBOUND_BITRATE = Histogram(
    "live_inbound_bitrate_kbps",
    "Bitrate of the other participants' media a browser receives, per report (kbit/s).",
    ["service", "role"],
    buckets=(50, 100, 250, 500, 1000, 1500, 2500, 4000, 8000),
)


def export(service: str) -> None:
    """Create the series at zero so dashboards and alerts see them before the first join."""
    ROOMS_OPEN.labels(service)
    PARTICIPANTS.labels(service)
    ROOMS_MOVED.labels(service)
    for role in ("candidate", "interviewer"):
        for outcome in ("ok", "refused", "failed"):
            JOINS.labels(service, role, outcome)
        for histogram in (FIRST_FRAME, INBOUND_LOSS, INBOUND_BITRATE):
            histogram.labels(service, role)
    for outcome in ("stored", "empty", "retried", "failed"):
        RECORDINGS.labels(service, outcome)
    for operation in ("create", "destroy", "allow", "count"):
        JANUS_FAILURES.labels(service, operation)
