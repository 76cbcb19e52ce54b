"""The event vocabulary shared by every service: envelope, payloads, topics, schema history."""

from contracts.envelope import HEADER_PREFIX, SPEC_VERSION, Envelope
from contracts.events import EVENTS, EventSpec, Payload, event_spec, spec_for_type
from contracts.topics import TOPICS, Topic, dead_letter_topic, retry_topic

__all__ = [
    "EVENTS",
    "HEADER_PREFIX",
    "SPEC_VERSION",
    "TOPICS",
    "Envelope",
    "EventSpec",
    "Payload",
    "Topic",
    "dead_letter_topic",
    "event_spec",
    "retry_topic",
    "spec_for_type",
]
