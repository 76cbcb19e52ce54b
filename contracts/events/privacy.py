"""Data-protection events: every service holding candidate data acts on an erasure."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from contracts.events.base import EventSpec, Payload


class CandidateErasureRequested(Payload):
    """Erase or anonymise a candidate's data in the tenant: everything about them (by e-mail), or,
    when a closed position's retention ends, only the listed invitations' data."""

    erasure_id: str
    candidate_email: str
    invitation_ids: list[str]
    requested_by: str
    requested_at: datetime
    reason: Literal["request", "retention"] = Field(
        default="request",
        description="`request`: the candidate (or staff for them) asked; erase everything held "
        "about this e-mail. `retention`: the tenant's retention period after the position closed "
        "ended; erase the listed invitations' data only, the candidate's other applications stay.",
    )


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
