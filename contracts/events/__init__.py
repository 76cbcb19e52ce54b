"""Every event of the platform, one module per stream; `EVENTS` is the registry by type name."""

from __future__ import annotations

from contracts.events import (
    interviews,
    invitations,
    privacy,
    probes,
    recordings,
    reviews,
    rooms,
)
from contracts.events.base import EventSpec, Payload
from contracts.topics import TOPICS

EVENTS: dict[str, EventSpec] = {
    spec.type: spec
    for module in (probes, invitations, privacy, recordings, reviews, interviews, rooms)
    for spec in module.SPECS
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


__all__ = ["EVENTS", "EventSpec", "Payload", "event_spec", "spec_for_type"]
