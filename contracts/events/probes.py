"""Probe events: a synthetic request that crosses gateway, invite, Kafka, ingest and S3."""

from __future__ import annotations

from datetime import datetime

from contracts.events.base import EventSpec, Payload


class ProbeRequested(Payload):
    probe_id: str
    requested_at: datetime
    note: str | None = None


SPECS = [
    EventSpec(
        "probe.requested",
        "probes",
        ProbeRequested,
        key="probe_id",
        description="A pipeline probe was requested; ingest answers it by storing an object.",
        producer="invite",
    ),
]
