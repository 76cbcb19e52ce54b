"""Scheduling requests come in: from candidate.advanced or a recruiter, issued with a candidate link
once the position has an interview type; and candidate erasure anonymises them."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.interviews import InterviewCancelled, InterviewRequested
from contracts.events.privacy import CandidateErasureRequested
from contracts.events.reviews import CandidateAdvanced
from services.chassis.bus import Delivery
from services.scheduling import notices
from services.scheduling.bookings import ACTIVE, release
from services.scheduling.schemas import InterviewType
from services.scheduling.store import Doc, Scheduling, type_model

ERASED = "erased"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_request(
    tenant: str,
    invitation_id: str,
    position_id: str,
    candidate_name: str,
    candidate_email: str,
    *,
    self_scheduling: bool,
    now: datetime,
) -> Doc:
    return {
        "_id": str(uuid.uuid4()),
        "tenant": tenant,
        "invitation_id": invitation_id,
        "position_id": position_id,
        "interview_type_id": None,
        "candidate_name": candidate_name,
        "candidate_email": candidate_email,
        "self_scheduling": self_scheduling,
        "status": "awaiting_setup",
        "reschedules": 0,
        "version": 0,
        "created_at": now,
        "updated_at": now,
    }


async def issue(
    ctx: Scheduling, session: AsyncClientSession, tenant: str, request: Doc, itype: InterviewType
) -> None:
    """Open the request: a fresh link (only its hash is kept), interview.requested, and the
    e-mail with the link, queued in the same transaction."""
    now = ctx.now()
    token = secrets.token_urlsafe(32)
    digest = token_hash(token)
    expires = now + timedelta(days=ctx.settings.token_days)
    await ctx.requests.update_one(
        {"_id": request["_id"], "tenant": tenant},
        {
            "$set": {
                "status": "open",
                "interview_type_id": itype.interview_type_id,
                "token_hash": digest,
                "token_expires_at": expires,
                "updated_at": now,
            },
            "$inc": {"version": 1},
        },
        session=session,
    )
    await ctx.service.outbox.add(
        session,
        tenant,
        InterviewRequested(
            request_id=request["_id"],
            invitation_id=request["invitation_id"],
            position_id=request["position_id"],
            interview_type_id=itype.interview_type_id,
            candidate_name=request["candidate_name"],
            candidate_email=request["candidate_email"],
            token_hash=digest,
            token_expires_at=expires,
            self_scheduling=request["self_scheduling"],
            requested_at=now,
        ),
    )
    if request["self_scheduling"]:
        mail = notices.link_mail(
            ctx.settings,
            request["_id"],
            request["candidate_name"],
            request["candidate_email"],
            itype.name,
            token,
        )
        await ctx.mailbox.queue(session, tenant, mail)


async def issue_waiting(
    ctx: Scheduling, session: AsyncClientSession, tenant: str, itype: InterviewType
) -> int:
    """A position got its interview type: open the requests that were waiting for it."""
    waiting = await ctx.requests.find(
        {"tenant": tenant, "position_id": itype.position_id, "status": "awaiting_setup"},
        session=session,
    ).to_list()
    for request in waiting:
        await issue(ctx, session, tenant, request, itype)
    return len(waiting)


def register(ctx: Scheduling) -> None:
    service = ctx.service

    @service.on("candidate.advanced")
    async def advanced(delivery: Delivery[CandidateAdvanced]) -> None:
        event, tenant, session = delivery.payload, delivery.tenant, delivery.session
        # Another decision event for the same invitation (a changed mind, a replay) adds nothing.
        if await ctx.requests.find_one(
            {"tenant": tenant, "invitation_id": event.invitation_id, "status": {"$in": ACTIVE}},
            session=session,
        ):
            return
        request = new_request(
            tenant,
            event.invitation_id,
            event.position_id,
            event.candidate_name,
            event.candidate_email,
            self_scheduling=True,
            now=ctx.now(),
        )
        await ctx.requests.insert_one(request, session=session)
        itype = await ctx.types.find_one(
            {"tenant": tenant, "position_id": event.position_id}, session=session
        )
        if itype is not None:
            await issue(ctx, session, tenant, request, type_model(itype))

    @service.on("candidate.erasure_requested")
    async def erase(delivery: Delivery[CandidateErasureRequested]) -> None:
        """Anonymise the candidate's requests; upcoming interviews are cancelled without mail
        (there is no one left to write to) and their time reopens."""
        event, tenant, session = delivery.payload, delivery.tenant, delivery.session
        now = ctx.now()
        requests = await ctx.requests.find(
            {"tenant": tenant, "candidate_email": event.candidate_email}, session=session
        ).to_list()
        for request in requests:
            if request["status"] in ACTIVE:
                booking_id = request.get("booking_id") if request["status"] == "scheduled" else None
                if booking_id:
                    booking = await ctx.bookings.find_one(
                        {"_id": booking_id, "tenant": tenant}, session=session
                    )
                    if booking is not None:
                        await release(ctx, session, tenant, booking)
                        await ctx.bookings.update_one(
                            {"_id": booking_id, "tenant": tenant},
                            {"$set": {"status": "cancelled", "next_reminder_at": None}},
                            session=session,
                        )
                await ctx.service.outbox.add(
                    session,
                    tenant,
                    InterviewCancelled(
                        request_id=request["_id"],
                        booking_id=booking_id,
                        cancelled_by="system",
                        reason="candidate data erased",
                        cancelled_at=now,
                    ),
                )
            await ctx.requests.update_one(
                {"_id": request["_id"], "tenant": tenant},
                {
                    "$set": {
                        "candidate_name": ERASED,
                        "candidate_email": f"{ERASED}-{request['_id']}@invalid",
                        "status": "cancelled" if request["status"] in ACTIVE else request["status"],
                        "erased_at": now,
                        "token_hash": None,
                    },
                    "$inc": {"version": 1},
                },
                session=session,
            )
        # Queued mail to the candidate that has not gone yet must not go.
        await ctx.mailbox.collection.update_many(
            {"tenant": tenant, "to": event.candidate_email, "status": "pending"},
            {"$set": {"status": "erased"}, "$unset": {"text": "", "attachments": ""}},
            session=session,
        )
