"""Live-interview events of the scheduling service, keyed by scheduling request id.

`interview.requested` carries the hash of the candidate's self-scheduling token (never the token)
and its expiry, so that the gateway can authenticate candidate links from its own read model.
`interview.completed` (version 2) carries the interview stage's scores on the shared rubric model
(`contracts.rubric`). Every instant is UTC.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contracts.events.base import EventSpec, Payload
from contracts.rubric import CriterionScore, Recommendation, RubricRef

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


class PanelMember(BaseModel):
    """One interviewer of a booking as a live room needs them: who they are to the candidate,
    and the user account that signs in as them (None while none is linked)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    interviewer_id: str
    name: str
    user_id: str | None = None


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
    panel: list[PanelMember] = Field(
        default=[],
        description="The interviewers' names and user accounts, in `interviewer_ids` order.",
    )
    recording: bool = Field(
        default=False,
        description="The interview type records its live calls (the candidate consents first).",
    )
    scheduled_by: Actor
    scheduled_at: datetime


class InterviewRescheduled(Payload):
    request_id: str
    booking_id: str
    start: datetime
    end: datetime
    previous_start: datetime
    interviewer_ids: list[str]
    panel: list[PanelMember] = Field(
        default=[],
        description="The interviewers' names and user accounts, in `interviewer_ids` order.",
    )
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
    """Version 1: one criterion's score (`criterion` is the criterion id, `note` the comment)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    criterion: str
    score: int
    note: str | None = None


class InterviewerFeedback(BaseModel):
    """Version 1: one interviewer's feedback, still filled for its readers; read `scorecards`."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    interviewer_id: str
    ratings: list[Rating]
    recommendation: Literal["strong_yes", "yes", "no", "strong_no"]
    summary: str | None = None
    submitted_at: datetime


class InterviewScore(CriterionScore):
    """A score on one criterion of the interview's rubric, with the interviewer's comment."""

    comment: str | None = Field(default=None, max_length=2000)


class Scorecard(BaseModel):
    """One interviewer's scores on every criterion of the rubric, and their recommendation."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    interviewer_id: str
    scores: list[InterviewScore]
    recommendation: Recommendation
    summary: str | None = None
    submitted_at: datetime

    def feedback_v1(self) -> InterviewerFeedback:
        """The same feedback in version 1's shape."""
        return InterviewerFeedback(
            interviewer_id=self.interviewer_id,
            ratings=[
                Rating(criterion=s.criterion_id, score=s.score, note=s.comment) for s in self.scores
            ],
            recommendation=self.recommendation,
            summary=self.summary,
            submitted_at=self.submitted_at,
        )


class InterviewCompleted(Payload):
    """Every interviewer of the booking has scored the interview: the live stage is done."""

    request_id: str
    booking_id: str
    invitation_id: str
    position_id: str
    start: datetime
    end: datetime
    feedback: list[InterviewerFeedback] = Field(
        description="Version 1's shape of `scorecards`, kept for its readers."
    )
    completed_at: datetime
    stage: Literal["interview"] = Field(
        default="interview",
        description="The live interview, as opposed to the screening review of recordings.",
    )
    rubric: RubricRef | None = Field(
        default=None,
        description="The interview type's rubric version the scores were given against "
        "(from version 2).",
    )
    scorecards: list[Scorecard] = Field(
        default=[], description="Every interviewer's scores, one per panel member (from version 2)."
    )


def _spec(type_: str, model: type[Payload], description: str, version: int = 1) -> EventSpec:
    return EventSpec(
        type_,
        "interviews",
        model,
        key="request_id",
        version=version,
        description=description,
        producer="scheduling",
    )


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
        "Every interviewer scored the live interview on its rubric (the interview stage).",
        version=2,
    ),
]
