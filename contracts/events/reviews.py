"""Events of the review service: the outcome of a screen for one invitation, and the read-only
links to a candidate's answers made for people without an account."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from contracts.events.base import EventSpec, Payload


class CandidateDecided(Payload):
    invitation_id: str
    position_id: str
    candidate_name: str
    candidate_email: str
    decided_by: str
    decided_at: datetime
    reason: str | None = None
    candidate_language: str | None = Field(
        default=None, description="The language the candidate reads, as they completed."
    )


class CandidateAdvanced(CandidateDecided):
    """The candidate passed the screen; scheduling invites them to a live interview."""


class CandidateRejected(CandidateDecided):
    pass


class CandidateHeld(CandidateDecided):
    pass


class SubmissionShared(Payload):
    """A read-only link to one candidate's answers was made for someone without an account (a
    hiring manager). Carries the hash of the link's token, never the token."""

    share_id: str
    invitation_id: str
    position_id: str
    token_hash: str  # sha256 hex of the link's token
    token_expires_at: datetime
    created_by: str
    created_at: datetime


class SubmissionShareRevoked(Payload):
    share_id: str
    invitation_id: str
    revoked_by: str
    revoked_at: datetime


SPECS = [
    EventSpec(
        "candidate.advanced",
        "reviews",
        CandidateAdvanced,
        key="invitation_id",
        producer="review",
        description="The candidate advances to the live interview stage.",
    ),
    EventSpec(
        "candidate.rejected",
        "reviews",
        CandidateRejected,
        key="invitation_id",
        producer="review",
        description="The candidate was rejected at the screening stage.",
    ),
    EventSpec(
        "candidate.held",
        "reviews",
        CandidateHeld,
        key="invitation_id",
        producer="review",
        description="The decision on the candidate is on hold.",
    ),
    EventSpec(
        "submission.shared",
        "reviews",
        SubmissionShared,
        key="invitation_id",
        producer="review",
        description="A read-only, expiring link to a candidate's answers was made.",
    ),
    EventSpec(
        "submission.share_revoked",
        "reviews",
        SubmissionShareRevoked,
        key="invitation_id",
        producer="review",
        description="A link to a candidate's answers was revoked before it expired.",
    ),
]
