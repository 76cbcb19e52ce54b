"""Every event payload as a pydantic model, with its type name, topic, key and schema version."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from contracts.topics import TOPICS


class Payload(BaseModel):
    """Base of every payload. Unknown fields are ignored so that adding optional fields is safe."""

    model_config = ConfigDict(extra="ignore", frozen=True)


@dataclass(frozen=True)
class EventSpec:
    type: str
    topic: str
    model: builtins.type[Payload]
    key: str  # the payload field whose value keys the message (the aggregate id)
    version: int = 1
    description: str = ""


# --- probes: a synthetic request that crosses gateway, invite, Kafka, ingest and S3 -------------


class ProbeRequested(Payload):
    probe_id: str
    requested_at: datetime
    note: str | None = None


EVENTS: dict[str, EventSpec] = {
    spec.type: spec
    for spec in (
        EventSpec(
            "probe.requested",
            "probes",
            ProbeRequested,
            key="probe_id",
            description="A pipeline probe was requested; ingest answers it by storing an object.",
        ),
    )
}

for _spec in EVENTS.values():
    assert _spec.topic in TOPICS, f"{_spec.type} names unknown topic {_spec.topic}"
    assert _spec.key in _spec.model.model_fields, f"{_spec.type} key {_spec.key} is not a field"


def spec_for_type(event_type: str) -> EventSpec:
    try:
        return EVENTS[event_type]
    except KeyError:
        raise KeyError(f"unknown event type {event_type!r}") from None


def event_spec(model: type[Payload]) -> EventSpec:
    for spec in EVENTS.values():
        if spec.model is model:
            return spec
    raise KeyError(f"{model.__name__} is not a registered event payload")
