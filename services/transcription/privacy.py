"""Erasure: a candidate's transcripts, their passages in the search index, their jobs and the
invitation view are deleted, so nothing of their words remains to read, caption or find."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase

from contracts.events.privacy import CandidateErasureRequested
from services.chassis.bus import Delivery
from services.transcription import store


def eraser(
    db: AsyncDatabase[dict[str, Any]],
) -> Callable[[Delivery[CandidateErasureRequested]], Awaitable[None]]:
    async def erase(delivery: Delivery[CandidateErasureRequested]) -> None:
        query = {
            "tenant": delivery.tenant,
            "invitation_id": {"$in": delivery.payload.invitation_ids},
        }
        session = delivery.session
        # A worker still transcribing one of them finds its job gone and stores nothing.
        await store.jobs(db).delete_many(query, session=session)
        await store.transcripts(db).delete_many(query, session=session)
        await store.segments(db).delete_many(query, session=session)
        await store.invitations(db).delete_many(
            {"tenant": delivery.tenant, "_id": {"$in": delivery.payload.invitation_ids}},
            session=session,
        )

    return erase
