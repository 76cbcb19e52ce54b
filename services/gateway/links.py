"""Candidate links: the gateway's read model of link-token hashes, built from invitation and
interview events, so a candidate's request is authenticated without calling another service."""

from __future__ import annotations

from typing import Any

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
        await links.create_index([("tenant", 1), ("subject", 1)])

    @service.on("invitation.created")
    async def created(delivery: Delivery[InvitationCreated]) -> None:
        p = delivery.payload
        await links.update_one(
            {"_id": p.token_hash},
            {
                "$setOnInsert": {
                    "tenant": delivery.tenant,
                    "scope": "interview",
                    "subject": p.invitation_id,
                    "expires_at": p.token_expires_at,
                    "revoked": False,
                }
            },
            upsert=True,
            session=delivery.session,
        )

    async def update(delivery: Delivery[Any], change: dict[str, Any]) -> None:
        await links.update_many(
            {
                "tenant": delivery.tenant,
                "subject": delivery.payload.invitation_id,
                "scope": "interview",
            },
            {"$set": change},
            session=delivery.session,
        )

    @service.on("invitation.extended")
    async def extended(delivery: Delivery[InvitationExtended]) -> None:
        await update(delivery, {"expires_at": delivery.payload.token_expires_at})

    @service.on("invitation.withdrawn")
    async def withdrawn(delivery: Delivery[InvitationWithdrawn]) -> None:
        await update(delivery, {"revoked": True})

    @service.on("invitation.expired")
    async def expired(delivery: Delivery[InvitationExpired]) -> None:
        await update(delivery, {"expires_at": delivery.payload.expired_at})

    @service.on("candidate.erasure_requested")
    async def erased(delivery: Delivery[CandidateErasureRequested]) -> None:
        await links.delete_many(
            {"tenant": delivery.tenant, "subject": {"$in": delivery.payload.invitation_ids}},
            session=delivery.session,
        )
