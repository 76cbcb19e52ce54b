"""Candidate links: the gateway's read model of link-token hashes, built from invitation and
interview events, so a candidate's request is authenticated without calling another service."""

from __future__ import annotations

from typing import Any

from contracts.events.interviews import InterviewCancelled, InterviewRequested
from contracts.events.invitations import (
    InvitationCreated,
    InvitationExpired,
    InvitationExtended,
    InvitationWithdrawn,
)
from contracts.events.privacy import CandidateErasureRequested
from services.chassis.bus import Delivery
from services.chassis.service import Service


def register(service: Service) -> None:
    links = service.db.candidate_links

    @service.on_startup
    async def indexes() -> None:
        await links.create_index([("tenant", 1), ("scope", 1), ("subject", 1)])

    async def issue(delivery: Delivery[Any], scope: str, subject: str) -> None:
        payload = delivery.payload
        await links.update_one(
            {"_id": payload.token_hash},
            {
                "$setOnInsert": {
                    "tenant": delivery.tenant,
                    "scope": scope,
                    "subject": subject,
                    "expires_at": payload.token_expires_at,
                    "revoked": False,
                }
            },
            upsert=True,
            session=delivery.session,
        )

    async def change(delivery: Delivery[Any], scope: str, subject: str, **fields: Any) -> None:
        await links.update_many(
            {"tenant": delivery.tenant, "scope": scope, "subject": subject},
            {"$set": fields},
            session=delivery.session,
        )

    @service.on("invitation.created")
    async def created(delivery: Delivery[InvitationCreated]) -> None:
        await issue(delivery, "interview", delivery.payload.invitation_id)

    @service.on("invitation.extended")
    async def extended(delivery: Delivery[InvitationExtended]) -> None:
        p = delivery.payload
        await change(
            delivery, "interview", p.invitation_id, expires_at=p.token_expires_at, expired=False
        )

    @service.on("invitation.withdrawn")
    async def withdrawn(delivery: Delivery[InvitationWithdrawn]) -> None:
        await change(delivery, "interview", delivery.payload.invitation_id, revoked=True)

    @service.on("invitation.expired")
    async def expired(delivery: Delivery[InvitationExpired]) -> None:
        await change(delivery, "interview", delivery.payload.invitation_id, expired=True)

    @service.on("interview.requested")
    async def scheduling_requested(delivery: Delivery[InterviewRequested]) -> None:
        await issue(delivery, "scheduling", delivery.payload.request_id)

    @service.on("interview.cancelled")
    async def scheduling_cancelled(delivery: Delivery[InterviewCancelled]) -> None:
        await change(delivery, "scheduling", delivery.payload.request_id, revoked=True)

    @service.on("candidate.erasure_requested")
    async def erased(delivery: Delivery[CandidateErasureRequested]) -> None:
        await links.delete_many(
            {
                "tenant": delivery.tenant,
                "scope": "interview",
                "subject": {"$in": delivery.payload.invitation_ids},
            },
            session=delivery.session,
        )
