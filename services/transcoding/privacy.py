"""Erasure: a candidate's renditions, posters and thumbnails are deleted from S3 with their jobs,
so playback answers 404 and no worker claims them again."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from contracts.events.privacy import CandidateErasureRequested
from services.chassis.bus import Delivery
from services.chassis.storage import ObjectStore
from services.transcoding.store import recording_key
from services.transcoding.transcode_jobs import Jobs


def eraser(
    jobs: Jobs, store: ObjectStore
) -> Callable[[Delivery[CandidateErasureRequested]], Awaitable[None]]:
    async def erase(delivery: Delivery[CandidateErasureRequested]) -> None:
        tenant, ids = delivery.tenant, delivery.payload.invitation_ids
        query = {"tenant": tenant, "invitation_id": {"$in": ids}}
        found = await jobs.collection.find(query, {"_id": 1}, session=delivery.session).to_list()
        await jobs.collection.delete_many(query, session=delivery.session)
        # A worker still transcoding one of them finds its job gone and deletes its own outputs.
        for job in found:
            await store.delete_prefix(recording_key(tenant, job["_id"]) + "/")

    return erase
