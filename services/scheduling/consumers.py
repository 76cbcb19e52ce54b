"""What the scheduling service consumes: event type -> handler."""

from __future__ import annotations

from contracts.events.privacy import CandidateErasureRequested
from contracts.events.reviews import CandidateAdvanced
from services.chassis.bus import Delivery
from services.scheduling import privacy, requests
from services.scheduling.store import Scheduling


def register(ctx: Scheduling) -> None:
    service = ctx.service

    @service.on("candidate.advanced")
    async def candidate_advanced(delivery: Delivery[CandidateAdvanced]) -> None:
        await requests.candidate_advanced(ctx, delivery)

    @service.on("candidate.erasure_requested")
    async def candidate_erasure_requested(delivery: Delivery[CandidateErasureRequested]) -> None:
        await privacy.candidate_erasure_requested(ctx, delivery)
