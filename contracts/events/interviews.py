"""Live-interview events of the scheduling service, keyed by scheduling request id.

`interview.requested` carries the hash of the candidate's self-scheduling token (never the token)
and its expiry, so that the gateway can authenticate candidate links from its own read model.
Every instant is UTC.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from contracts.events.base import EventSpec, Payload

Actor = Literal["candidate", "staff", "system"]


class InterviewRequested(Payload):
    request_id: str
    invitation_id: str
    position_id: str
    interview_type_id: str
    candidate_name: str
    candidate_email: str
    token_hash: str  # sha256 hex of the candidate's self-scheduling token
    token_expires_at: datetime
    self_scheduling: bool = True
    requested_at: datetime


class InterviewScheduled(Payload):
    request_id: str
    booking_id: str
    invitation_id: str
    position_id: str
    interview_type_id: str
    start: datetime
    end: datetime
    interviewer_ids: list[str]
    join_url: str | None = None
    scheduled_by: Actor
    scheduled_at: datetime


class InterviewRescheduled(Payload):
    request_id: str
    booking_id: str
    start: datetime
    end: datetime
    previous_start: datetime
    interviewer_ids: list[str]
    sequence: int  # the iCalendar SEQUENCE of the updated invitation
    rescheduled_by: Actor
    reason: str | None = None
    rescheduled_at: datetime


class InterviewCancelled(Payload):
    request_id: str
    booking_id: str | None = None  # None when the request was cancelled before any booking
    cancelled_by: Actor
    reason: str
    cancelled_at: datetime


class InterviewReminded(Payload):
    request_id: str
    booking_id: str
    start: datetime
    minutes_before: int
    reminded_at: datetime


class Rating(BaseModel):
    """One criterion's score, as an interviewer gave it."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    criterion: str
    score: int
    note: str | None = None


class InterviewerFeedback(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    interviewer_id: str
    ratings: list[Rating]
    recommendation: Literal["strong_yes", "yes", "no", "strong_no"]
    summary: str | None = None
    submitted_at: datetime


class InterviewCompleted(Payload):
    """Every interviewer of the booking has given feedback: the live stage is done."""

    request_id: str
    booking_id: str
    invitation_id: str
    position_id: str
    start: datetime
    end: datetime
    feedback: list[InterviewerFeedback]
    completed_at: datetime


def _spec(type_: str, model: type[Payload], description: str) -> EventSpec:
    return EventSpec(type_, "interviews", model, key="request_id", description=description)


SPECS: list[EventSpec] = [
    _spec(
        "interview.requested",
        InterviewRequested,
        "A live interview was requested and the candidate's self-scheduling link issued.",
    ),
    _spec("interview.scheduled", InterviewScheduled, "A slot was booked for the interview."),
    _spec("interview.rescheduled", InterviewRescheduled, "The booked interview moved."),
    _spec("interview.cancelled", InterviewCancelled, "The interview request was cancelled."),
    _spec("interview.reminded", InterviewReminded, "A reminder of the interview was sent."),
    _spec(
        "interview.completed",
        InterviewCompleted,
        "Every interviewer gave feedback on the live interview.",
    ),
]
