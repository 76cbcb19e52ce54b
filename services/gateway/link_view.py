"""The gateway's read model of candidate links: token hashes built from invitation and interview
events, so a candidate's request is authenticated without calling another service."""

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


class LinkView:
    """One document per link token hash: tenant, link kind, subject, expiry, revoked."""

    def __init__(self, service: Service) -> None:
        self.links = service.db.candidate_links

    async def ensure_indexes(self) -> None:
        await self.links.create_index([("tenant", 1), ("scope", 1), ("subject", 1)])

    async def _issue(self, delivery: Delivery[Any], scope: str, subject: str) -> None:
        payload = delivery.payload
        await self.links.update_one(
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

    async def _change(
        self, delivery: Delivery[Any], scope: str, subject: str, **fields: Any
    ) -> None:
        await self.links.update_many(
            {"tenant": delivery.tenant, "scope": scope, "subject": subject},
            {"$set": fields},
            session=delivery.session,
        )

    async def invitation_created(self, delivery: Delivery[InvitationCreated]) -> None:
        await self._issue(delivery, "interview", delivery.payload.invitation_id)

    async def invitation_extended(self, delivery: Delivery[InvitationExtended]) -> None:
        p = delivery.payload
        await self._change(
            delivery, "interview", p.invitation_id, expires_at=p.token_expires_at, expired=False
        )

    async def invitation_withdrawn(self, delivery: Delivery[InvitationWithdrawn]) -> None:
        await self._change(delivery, "interview", delivery.payload.invitation_id, revoked=True)

    async def invitation_expired(self, delivery: Delivery[InvitationExpired]) -> None:
        await self._change(delivery, "interview", delivery.payload.invitation_id, expired=True)

    async def interview_requested(self, delivery: Delivery[InterviewRequested]) -> None:
        await self._issue(delivery, "scheduling", delivery.payload.request_id)

    async def interview_cancelled(self, delivery: Delivery[InterviewCancelled]) -> None:
        await self._change(delivery, "scheduling", delivery.payload.request_id, revoked=True)

    async def candidate_erased(self, delivery: Delivery[CandidateErasureRequested]) -> None:
        await self.links.delete_many(
            {
                "tenant": delivery.tenant,
                "scope": "interview",
                "subject": {"$in": delivery.payload.invitation_ids},
            },
            session=delivery.session,
        )
