"""Decision events of the review service: the outcome of a screen for one invitation."""

from __future__ import annotations

from datetime import datetime

from contracts.events.base import EventSpec, Payload


class CandidateDecided(Payload):
    invitation_id: str
    position_id: str
    candidate_name: str
    candidate_email: str
    decided_by: str
    decided_at: datetime
    reason: str | None = None


class CandidateAdvanced(CandidateDecided):
    """The candidate passed the screen; scheduling invites them to a live interview."""


class CandidateRejected(CandidateDecided):
    pass


class CandidateHeld(CandidateDecided):
    pass


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
]
