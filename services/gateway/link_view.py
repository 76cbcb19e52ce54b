"""The gateway's read model of candidate links: token hashes built from invitation and interview
events (and the review's share links to a candidate's answers), so a link holder's request is
authenticated without calling another service."""

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
from contracts.events.reviews import SubmissionShared, SubmissionShareRevoked
from services.chassis.bus import Delivery
from services.chassis.service import Service


class LinkView:
    """One document per link token hash: tenant, link kind, subject, expiry, revoked.

    An erasure (topic `privacy`) may be consumed before, or beside, the invitation events (topic
    `invitations`) that issue its links. Both write one document per invitation in
    `link_subjects`, so two such transactions conflict and one is retried after the other
    (snapshot isolation alone would let each miss the other's write): a link issued for an
    erased invitation is deleted at once."""

    def __init__(self, service: Service) -> None:
        self.links = service.db.candidate_links
        self.subjects = service.db.link_subjects

    async def ensure_indexes(self) -> None:
        await self.links.create_index([("tenant", 1), ("scope", 1), ("subject", 1)])
        await self.links.create_index([("tenant", 1), ("share_id", 1)], sparse=True)

    async def _issue(self, delivery: Delivery[Any], scope: str, subject: str, **extra: Any) -> None:
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
                    **extra,
                }
            },
            upsert=True,
            session=delivery.session,
        )
        if scope == "scheduling":
            return  # an interview request's links are not the invitation's
        key = {"_id": f"{delivery.tenant}:{subject}"}
        await self.subjects.update_one(
            key,
            {
                "$inc": {"issued": 1},
                "$setOnInsert": {"tenant": delivery.tenant, "subject": subject},
            },
            upsert=True,
            session=delivery.session,
        )
        marked = await self.subjects.find_one(key, session=delivery.session)
        if marked and marked.get("erased"):
            await self.links.delete_one({"_id": payload.token_hash}, session=delivery.session)

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

    async def submission_shared(self, delivery: Delivery[SubmissionShared]) -> None:
        p = delivery.payload
        await self._issue(delivery, "share", p.invitation_id, share_id=p.share_id)

    async def submission_share_revoked(self, delivery: Delivery[SubmissionShareRevoked]) -> None:
        await self.links.update_many(
            {"tenant": delivery.tenant, "scope": "share", "share_id": delivery.payload.share_id},
            {"$set": {"revoked": True}},
            session=delivery.session,
        )

    async def candidate_erased(self, delivery: Delivery[CandidateErasureRequested]) -> None:
        for subject in delivery.payload.invitation_ids:
            await self.subjects.update_one(
                {"_id": f"{delivery.tenant}:{subject}"},
                {"$set": {"tenant": delivery.tenant, "subject": subject, "erased": True}},
                upsert=True,
                session=delivery.session,
            )
        await self.links.delete_many(
            {
                "tenant": delivery.tenant,
                "scope": {"$in": ["interview", "share"]},
                "subject": {"$in": delivery.payload.invitation_ids},
            },
            session=delivery.session,
        )
