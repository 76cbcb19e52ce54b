"""Erasure: a candidate's requests are anonymised, their upcoming interview cancelled and its time
reopened, and their unsent mail withdrawn."""

from __future__ import annotations

from contracts.events.interviews import InterviewCancelled
from contracts.events.privacy import CandidateErasureRequested
from services.chassis.bus import Delivery
from services.scheduling.bookings import ACTIVE, release
from services.scheduling.store import Scheduling

ERASED = "erased"


async def candidate_erasure_requested(
    ctx: Scheduling, delivery: Delivery[CandidateErasureRequested]
) -> None:
    """Upcoming interviews are cancelled without mail: there is no one left to write to. A
    retention erasure reaches only the requests of the invitations it lists."""
    event, tenant, session = delivery.payload, delivery.tenant, delivery.session
    now = ctx.now()
    theirs: dict[str, object] = (
        {"invitation_id": {"$in": event.invitation_ids}}
        if event.reason == "retention"
        else {"candidate_email": event.candidate_email}
    )
    requests = await ctx.requests.find({"tenant": tenant, **theirs}, session=session).to_list()
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
    if event.reason == "request":  # queued mail to the candidate that has not gone must not go
        await ctx.mail.withdraw(session, tenant, event.candidate_email)
