"""Data-protection events: every service holding candidate data acts on an erasure."""

from __future__ import annotations

from datetime import datetime

from contracts.events.base import EventSpec, Payload


class CandidateErasureRequested(Payload):
    """Erase or anonymise everything about this candidate (by e-mail) in the tenant."""

    erasure_id: str
    candidate_email: str
    invitation_ids: list[str]
    requested_by: str
    requested_at: datetime


SPECS = [
    EventSpec(
        "candidate.erasure_requested",
        "privacy",
        CandidateErasureRequested,
        key="erasure_id",
        description="A candidate's data must be erased by every service that holds it.",
        producer="invite",
    ),
]
