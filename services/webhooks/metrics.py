"""The webhooks service's metrics: attempts by outcome, deliveries abandoned, endpoints disabled,
the backlog, and the latency from the event to the receiver's answer."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

ATTEMPTS = Counter(
    "webhook_attempts_total",
    "HTTP attempts of webhook deliveries, by outcome.",
    ["service", "outcome"],
)
ABANDONED = Counter(
    "webhook_deliveries_abandoned_total",
    "Webhook deliveries given up after their last attempt.",
    ["service"],
)
DISABLED = Counter(
    "webhook_endpoints_disabled_total",
    "Webhook endpoints disabled after failing for too long.",
    ["service"],
)
PENDING = Gauge(
    "webhook_deliveries_pending",
    "Webhook deliveries not yet delivered (all tenants; waiting in their lane or due).",
    ["service"],
)
DUE = Gauge(
    "webhook_deliveries_due",
    "Webhook deliveries due now and not yet claimed (all tenants): the backlog replicas share.",
    ["service"],
)
LATENCY = Histogram(
    "webhook_delivery_latency_seconds",
    "From the delivery's creation (the event consumed) to the receiver's 2xx.",
    ["service"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600, 86400),
)


def export(service: str) -> None:
    """Create the service's series at zero, so dashboards and alerts see them before the first
    attempt (a labelled metric is not exported until its labels are used)."""
    for outcome in ("ok", "failed"):
        ATTEMPTS.labels(service, outcome)
    ABANDONED.labels(service)
    DISABLED.labels(service)
    LATENCY.labels(service)
