"""Invitation events: the candidate link's lifecycle, emitted by the invite service.

`invitation.created` carries the pinned question set (with limits already adjusted by the
accommodations) so that ingest and review never call the invite service to learn what may be
recorded. It also carries the hash of the candidate's token (never the token) so that the gateway
can authenticate candidate links from its own read model.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contracts.events.base import EventSpec, Payload

AnswerKind = Literal["video", "text", "choice"]


class Accommodations(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    time_multiplier: float = 1.0
    extra_retakes: int = 0
    note: str | None = None


class Question(BaseModel):
    """One question as pinned to an invitation. Times are effective: accommodations applied."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    question_id: str
    position: int  # 0-based order; the practice question, if any, comes first
    kind: AnswerKind
    prompt: str
    practice: bool = False
    think_seconds: int
    answer_seconds: int
    retakes: int
    choices: list[str] | None = None
    prompt_video_key: str | None = None
    # kind "choice": several options may be chosen (else exactly one).
    multiple: bool = False
    # kind "text": the longest answer, in characters (None: the service's cap).
    max_chars: int | None = None
    # The prompt video's WebVTT captions, stored beside it (revealed with the prompt).
    prompt_captions_key: str | None = None


class InvitationCreated(Payload):
    invitation_id: str
    position_id: str
    position_title: str
    question_set_id: str
    question_set_version: int
    candidate_name: str
    candidate_email: str
    questions: list[Question]
    accommodations: Accommodations
    deadline: datetime
    token_hash: str  # sha256 hex of the candidate's link token
    token_expires_at: datetime
    blind_review: bool = False
    language: str = "en"  # the position's spoken language (ISO 639-1), for transcription
    created_at: datetime


class InvitationOpened(Payload):
    invitation_id: str
    opened_at: datetime


class InvitationConsented(Payload):
    invitation_id: str
    notice_version: str
    consented_at: datetime


class InvitationStarted(Payload):
    invitation_id: str
    started_at: datetime


class InvitationCompleted(Payload):
    invitation_id: str
    completed_at: datetime
    candidate_language: str | None = Field(
        default=None,
        description="The language the candidate reads (their choice, else the tenant's default "
        "when they completed), for what other services write to them.",
    )


class InvitationExpired(Payload):
    invitation_id: str
    expired_at: datetime


class InvitationWithdrawn(Payload):
    invitation_id: str
    withdrawn_at: datetime
    reason: str | None = None


class InvitationReminded(Payload):
    invitation_id: str
    reminded_at: datetime
    reminder_number: int


class InvitationExtended(Payload):
    """The deadline moved (and with it the token's expiry)."""

    invitation_id: str
    deadline: datetime
    token_expires_at: datetime


class InvitationAccommodated(Payload):
    """The accommodations changed; `questions` carries the limits recomputed from them."""

    invitation_id: str
    accommodations: Accommodations
    questions: list[Question]


def _spec(type_: str, model: type[Payload], description: str) -> EventSpec:
    return EventSpec(
        type_, "invitations", model, key="invitation_id", description=description, producer="invite"
    )


SPECS = [
    _spec(
        "invitation.created", InvitationCreated, "An invitation was created and its link issued."
    ),
    _spec("invitation.opened", InvitationOpened, "The candidate opened the link (first time)."),
    _spec("invitation.consented", InvitationConsented, "The candidate gave consent to the notice."),
    _spec("invitation.started", InvitationStarted, "The candidate started the interview."),
    _spec("invitation.completed", InvitationCompleted, "The candidate finished every question."),
    _spec("invitation.expired", InvitationExpired, "The deadline passed before completion."),
    _spec("invitation.withdrawn", InvitationWithdrawn, "The recruiter withdrew the invitation."),
    _spec("invitation.reminded", InvitationReminded, "A reminder was sent to the candidate."),
    _spec("invitation.extended", InvitationExtended, "The recruiter extended the deadline."),
    _spec(
        "invitation.accommodated",
        InvitationAccommodated,
        "The candidate's accommodations (time multiplier, extra retakes) changed.",
    ),
]
