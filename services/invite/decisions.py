"""The screening decision on each invitation, from the review service's events, so that a
position's funnel and candidate list show who was reviewed and who advanced."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contracts.events.reviews import CandidateDecided
from services.chassis.bus import Delivery
from services.chassis.service import Service

OUTCOMES = {
    "candidate.advanced": "advanced",
    "candidate.rejected": "rejected",
    "candidate.held": "held",
}


def recorder(service: Service, outcome: str) -> Callable[[Delivery[CandidateDecided]], Any]:
    """The handler of one decision event: records `outcome` on the invitation."""

    async def handle(delivery: Delivery[CandidateDecided]) -> None:
        decided = delivery.payload
        # A later decision replaces an earlier one; a redelivered older one changes nothing.
        await service.db.invitations.update_one(
            {
                "_id": decided.invitation_id,
                "tenant": delivery.tenant,
                "$or": [
                    {"decision.decided_at": {"$exists": False}},
                    {"decision.decided_at": {"$lt": decided.decided_at}},
                ],
            },
            {"$set": {"decision": {"outcome": outcome, "decided_at": decided.decided_at}}},
            session=delivery.session,
        )

    return handle
