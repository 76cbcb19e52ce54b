"""Erasure: a candidate's answers (raw uploads, chunks, salvaged copies) are deleted from S3,
their attempts marked, and their invitations closed to new attempts."""

from __future__ import annotations

from datetime import UTC, datetime

from contracts.events.privacy import CandidateErasureRequested
from services.chassis.bus import Delivery
from services.chassis.service import Service
from services.ingest import invitations
from services.ingest.attempts import Attempts
from services.ingest.uploads import attempt_prefix


def register(service: Service, attempts: Attempts) -> None:
    @service.on("candidate.erasure_requested")
    async def erase(delivery: Delivery[CandidateErasureRequested]) -> None:
        tenant, ids = delivery.tenant, delivery.payload.invitation_ids
        session = delivery.session
        await service.db[invitations.COLLECTION].update_many(
            {"tenant": tenant, "_id": {"$in": ids}}, {"$set": {"erased": True}}, session=session
        )
        found = await attempts.collection.find(
            {"tenant": tenant, "invitation_id": {"$in": ids}}, session=session
        ).to_list()
        # Deleting is idempotent, so a retried delivery simply deletes again.
        for doc in found:
            await attempts.uploads.discard_chunks(doc)
            await attempts.uploads.store.delete_prefix(attempt_prefix(tenant, doc["_id"]))
        await attempts.collection.update_many(
            {"tenant": tenant, "invitation_id": {"$in": ids}},
            {"$set": {"erased_at": datetime.now(UTC)}},
            session=session,
        )
