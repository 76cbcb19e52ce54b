"""What the live service consumes: event type -> handler. The scheduling events drive the rooms;
an erasure deletes the candidate's recordings and the notes of their calls."""

from __future__ import annotations

from contracts.events.interviews import (
    InterviewCancelled,
    InterviewRescheduled,
    InterviewScheduled,
)
from contracts.events.privacy import CandidateErasureRequested
from services.chassis.bus import Delivery
from services.live import notes, recordings, rooms
from services.live.store import Live


def register(live: Live) -> None:
    service = live.service

    @service.on("interview.scheduled")
    async def interview_scheduled(delivery: Delivery[InterviewScheduled]) -> None:
        await rooms.scheduled(live, delivery)

    @service.on("interview.rescheduled")
    async def interview_rescheduled(delivery: Delivery[InterviewRescheduled]) -> None:
        await rooms.rescheduled(live, delivery)

    @service.on("interview.cancelled")
    async def interview_cancelled(delivery: Delivery[InterviewCancelled]) -> None:
        await rooms.cancelled(live, delivery)

    @service.on("candidate.erasure_requested")
    async def erasure_requested(delivery: Delivery[CandidateErasureRequested]) -> None:
        await recordings.erase(live, delivery)
        await notes.erase(live, delivery)
