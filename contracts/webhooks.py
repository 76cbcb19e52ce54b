"""The public webhook catalogue: which platform events a tenant's endpoints may receive, under
which public name and version, and the fields of each payload that leave the platform.

A webhook is a promise to a customer's code, so its payload is its own model, not the internal
event: internal fields (token hashes, storage keys, e-mail addresses) never leave, and an internal
change does not break a receiver. Each public event names the internal event it is derived from;
the delivered body is Standard Webhooks' recommended shape:

    {"type": "recording.ready", "version": 1, "timestamp": "<the event's time>", "data": {...}}
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from contracts.envelope import Envelope
from contracts.events import EVENTS, Payload


class WebhookData(BaseModel):
    """Base of every public payload; unknown fields are ignored by receivers' models too."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class InvitationCompletedData(WebhookData):
    invitation_id: str
    completed_at: datetime


class CandidateDecisionData(WebhookData):
    invitation_id: str
    position_id: str
    decided_at: datetime
    reason: str | None = None


class InterviewScheduledData(WebhookData):
    request_id: str
    booking_id: str
    invitation_id: str
    position_id: str
    interview_type_id: str
    start: datetime
    end: datetime
    scheduled_by: Literal["candidate", "staff", "system"]
    scheduled_at: datetime


class InterviewRescheduledData(WebhookData):
    request_id: str
    booking_id: str
    start: datetime
    end: datetime
    previous_start: datetime
    rescheduled_by: Literal["candidate", "staff", "system"]
    rescheduled_at: datetime


class InterviewCancelledData(WebhookData):
    request_id: str
    booking_id: str | None = None
    cancelled_by: Literal["candidate", "staff", "system"]
    cancelled_at: datetime


class InterviewCompletedData(WebhookData):
    request_id: str
    booking_id: str
    invitation_id: str
    position_id: str
    start: datetime
    end: datetime
    completed_at: datetime


class InterviewParticipantJoinedData(WebhookData):
    """Attendance: someone entered the live interview's call in the platform's room."""

    request_id: str
    booking_id: str
    participant_id: str
    role: Literal["candidate", "interviewer", "screen", "unknown"]
    interviewer_id: str | None = None
    joined_at: datetime


class InterviewParticipantLeftData(WebhookData):
    request_id: str
    booking_id: str
    participant_id: str
    role: Literal["candidate", "interviewer", "screen", "unknown"]
    interviewer_id: str | None = None
    left_at: datetime
    seconds: float


class RecordingReadyData(WebhookData):
    """An answer is playable: its renditions are stored."""

    attempt_id: str
    invitation_id: str
    question_id: str
    duration_seconds: float
    transcoded_at: datetime


@dataclass(frozen=True)
class WebhookEvent:
    """One public event type: its name, version and payload model, and the internal event type
    it is derived from (its fields of the same name)."""

    type: str
    source: str
    model: builtins.type[WebhookData]
    description: str
    version: int = 1

    def data(self, payload: Payload) -> WebhookData:
        fields = payload.model_dump(include=set(self.model.model_fields))
        return self.model.model_validate(fields)


WEBHOOK_EVENTS: dict[str, WebhookEvent] = {
    e.type: e
    for e in (
        WebhookEvent(
            "invitation.completed",
            "invitation.completed",
            InvitationCompletedData,
            "The candidate finished every question of the screen.",
        ),
        WebhookEvent(
            "recording.ready",
            "recording.transcoded",
            RecordingReadyData,
            "One answer of a candidate is playable.",
        ),
        WebhookEvent(
            "candidate.advanced",
            "candidate.advanced",
            CandidateDecisionData,
            "The candidate passed the screen and advances to the live interview.",
        ),
        WebhookEvent(
            "candidate.rejected",
            "candidate.rejected",
            CandidateDecisionData,
            "The candidate was rejected at the screen.",
        ),
        WebhookEvent(
            "interview.scheduled",
            "interview.scheduled",
            InterviewScheduledData,
            "A live interview was booked.",
        ),
        WebhookEvent(
            "interview.rescheduled",
            "interview.rescheduled",
            InterviewRescheduledData,
            "A booked live interview moved.",
        ),
        WebhookEvent(
            "interview.cancelled",
            "interview.cancelled",
            InterviewCancelledData,
            "A live interview was cancelled.",
        ),
        WebhookEvent(
            "interview.completed",
            "interview.completed",
            InterviewCompletedData,
            "Every interviewer scored the live interview.",
        ),
        WebhookEvent(
            "interview.participant_joined",
            "room.participant_joined",
            InterviewParticipantJoinedData,
            "Someone (the candidate, an interviewer, a shared screen) entered the live call.",
        ),
        WebhookEvent(
            "interview.participant_left",
            "room.participant_left",
            InterviewParticipantLeftData,
            "Someone left the live call (or their connection was lost, or the room closed).",
        ),
    )
}

# The internal event type -> the public event derived from it.
BY_SOURCE: dict[str, WebhookEvent] = {e.source: e for e in WEBHOOK_EVENTS.values()}

for _event in WEBHOOK_EVENTS.values():
    assert _event.source in EVENTS, f"{_event.type} derives from unknown {_event.source}"
    _internal = EVENTS[_event.source].model.model_fields
    _missing = set(_event.model.model_fields) - set(_internal)
    assert not _missing, f"{_event.type} names fields {_missing} its source does not have"


class WebhookMessage(BaseModel):
    """The body of every webhook request."""

    type: str = Field(description="The public event type, e.g. `recording.ready`.")
    version: int = Field(description="The version of the `data` shape of this type.")
    timestamp: datetime = Field(description="When the event happened (not when it was sent).")
    data: dict[str, Any]


def message_model(event: WebhookEvent) -> builtins.type[BaseModel]:
    """The body of one public event type, as its receivers see it (its `data` is the payload)."""
    name = "".join(part.title() for part in event.type.replace("_", ".").split(".")) + "Webhook"
    kind: Any = Literal[event.type]
    version: Any = Literal[event.version]
    model: builtins.type[BaseModel] = create_model(
        name,
        __doc__=event.description,
        type=(kind, Field(description="The public event type.")),
        version=(version, Field(description="The version of the `data` shape.")),
        timestamp=(datetime, Field(description="When the event happened (not when it was sent).")),
        data=(event.model, ...),
    )
    return model


def message(envelope: Envelope, payload: Payload) -> WebhookMessage | None:
    """The public message for an internal event, or None when it is not a public event."""
    event = BY_SOURCE.get(envelope.type)
    if event is None:
        return None
    return WebhookMessage(
        type=event.type,
        version=event.version,
        timestamp=envelope.time,
        data=event.data(payload).model_dump(mode="json"),
    )
