"""Erasure: a candidate's answers (raw uploads, chunks, salvaged copies) are deleted from S3,
their attempts marked, their written answers blanked, and their invitations closed to new
attempts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from contracts.events.privacy import CandidateErasureRequested
from services.chassis.bus import Delivery
from services.ingest import store
from services.ingest.attempts import Attempts
from services.ingest.uploads import attempt_prefix


def eraser(
    attempts: Attempts,
) -> Callable[[Delivery[CandidateErasureRequested]], Awaitable[None]]:
    """The candidate.erasure_requested handler."""
    invitations = store.invitations(attempts.service.db)

    async def erase(delivery: Delivery[CandidateErasureRequested]) -> None:
        tenant, ids = delivery.tenant, delivery.payload.invitation_ids
        session = delivery.session
        await invitations.update_many(
            {"tenant": tenant, "_id": {"$in": ids}}, {"$set": {"erased": True}}, session=session
        )
        found = await attempts.collection.find(
            {"tenant": tenant, "invitation_id": {"$in": ids}}, session=session
        ).to_list()
        # Deleting is idempotent, so a retried delivery simply deletes again.
        for doc in found:
            await attempts.uploads.discard_chunks(doc)
            await attempts.uploads.store.delete_prefix(attempt_prefix(tenant, doc["_id"]))
        now = datetime.now(UTC)
        await attempts.collection.update_many(
            {"tenant": tenant, "invitation_id": {"$in": ids}},
            {"$set": {"erased_at": now}},
            session=session,
        )
        await attempts.pace.answers.update_many(
            {"tenant": tenant, "invitation_id": {"$in": ids}},
            {"$set": {"text": None, "choices": None, "erased_at": now}},
            session=session,
        )

    return erase
