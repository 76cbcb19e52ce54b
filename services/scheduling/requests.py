"""Scheduling requests: one candidate's live interview, asked for by candidate.advanced or by a
recruiter, opened with a mailed candidate link once the position has an interview type, and
cancelled by either side."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import Query, Response
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.interviews import InterviewRequested
from contracts.events.reviews import CandidateAdvanced
from services.chassis import paging, preconditions
from services.chassis.api import Api, Id, candidate, staff
from services.chassis.bus import Delivery
from services.chassis.errors import ProblemError
from services.chassis.i18n import negotiate
from services.scheduling import notices
from services.scheduling.access import (
    LINK_PROBLEMS,
    CandidateLink,
    StaffReader,
    StaffWriter,
    own_request,
)
from services.scheduling.bookings import ACTIVE, ZoneQuery, booking_view, cancel
from services.scheduling.schemas import (
    CancelIn,
    CandidateRequest,
    InterviewType,
    RequestIn,
    RequestPage,
    RequestStatus,
    SchedulingRequest,
)
from services.scheduling.store import (
    BookingDoc,
    Ctx,
    RequestDoc,
    Scheduling,
    interview_type,
    load_booking,
    load_request,
    type_model,
)

api = Api("scheduling", tags=["scheduling"])
candidate_api = Api("scheduling", tags=["candidate"])
NOT_FOUND = {404: "`request_not_found`: no such request in your tenant."}
CLOSED = (
    "`request_closed`: the request is already cancelled or completed; `interview_started`: "
    "the interview has begun; `request_changed`: it changed meanwhile, retry."
)


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
) -> RequestDoc:
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
    ctx: Scheduling,
    session: AsyncClientSession,
    tenant: str,
    request: RequestDoc,
    itype: InterviewType,
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
            request.get("language"),
        )
        await ctx.mail.queue(session, tenant, mail)


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


async def candidate_advanced(ctx: Scheduling, delivery: Delivery[CandidateAdvanced]) -> None:
    """A screening advanced the candidate: a request for the live interview, opened at once if
    the position has an interview type, else when it gets one."""
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
    if event.candidate_language:  # the booking mails are in the language of the interview
        request["language"] = event.candidate_language
    await ctx.requests.insert_one(request, session=session)
    itype = await ctx.types.find_one(
        {"tenant": tenant, "position_id": event.position_id}, session=session
    )
    if itype is not None:
        await issue(ctx, session, tenant, request, type_model(itype))


def request_view(
    request: RequestDoc, booking: BookingDoc | None, time_zone: str | None = None
) -> SchedulingRequest:
    return SchedulingRequest(
        request_id=request["_id"],
        invitation_id=request["invitation_id"],
        position_id=request["position_id"],
        interview_type_id=request.get("interview_type_id"),
        candidate_name=request["candidate_name"],
        candidate_email=request["candidate_email"],
        status=request["status"],
        self_scheduling=request.get("self_scheduling", True),
        reschedules=request.get("reschedules", 0),
        token_expires_at=request.get("token_expires_at"),
        booking=booking_view(booking, time_zone)
        if booking is not None and request["status"] in ("scheduled", "completed")
        else None,
        created_at=request["created_at"],
    )


@api.post(
    "/interview-requests",
    staff("scheduling:write"),
    summary="Request a live interview (recruiter-side; self-scheduling optional)",
    status_code=201,
    response_model=SchedulingRequest,
    errors={
        404: "`interview_type_not_found`: no such interview type in your tenant.",
        409: "`request_exists`: the invitation already has an active request.",
    },
)
async def create_request(body: RequestIn, ctx: Ctx, who: StaffWriter) -> SchedulingRequest:
    """Recruiter-side scheduling: with `self_scheduling` false the candidate gets no link, staff
    book the slot, and the candidate receives the calendar invitation."""
    itype = await interview_type(ctx, who.tenant, body.interview_type_id)
    request = new_request(
        who.tenant,
        body.invitation_id,
        itype.position_id,
        body.candidate_name,
        str(body.candidate_email),
        self_scheduling=body.self_scheduling,
        now=ctx.now(),
    )
    if body.language:
        request["language"] = body.language

    async def write(session: AsyncClientSession) -> None:
        if await ctx.requests.find_one(
            {"tenant": who.tenant, "invitation_id": body.invitation_id, "status": {"$in": ACTIVE}},
            session=session,
        ):
            raise ProblemError(
                409, "request_exists", "The invitation already has an active request."
            )
        await ctx.requests.insert_one(request, session=session)
        await issue(ctx, session, who.tenant, request, itype)

    await ctx.service.transaction(write)
    ctx.mail.wake()
    return request_view(await load_request(ctx, who.tenant, request["_id"]), None)


@api.get(
    "/interview-requests",
    staff("scheduling:read"),
    summary="List interview requests, newest first",
    response_model=RequestPage,
    errors=paging.ERRORS,
)
async def list_requests(
    ctx: Ctx,
    who: StaffReader,
    status: RequestStatus | None = None,
    position_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> RequestPage:
    query: dict[str, Any] = {"tenant": who.tenant}
    if position_id is not None:
        query["position_id"] = position_id
    if status is not None:
        query["status"] = status
    docs, following = await paging.read(
        ctx.requests, query, sort=[("created_at", -1), ("_id", -1)], limit=limit, cursor=cursor
    )
    ids = [b for d in docs if (b := d.get("booking_id"))]
    bookings = {
        b["_id"]: b async for b in ctx.bookings.find({"tenant": who.tenant, "_id": {"$in": ids}})
    }
    return RequestPage(
        items=[request_view(d, bookings.get(d.get("booking_id", ""))) for d in docs],
        next_cursor=following,
    )


@api.get(
    "/interview-requests/{request_id}",
    staff("scheduling:read"),
    summary="Read an interview request and its booking",
    response_model=SchedulingRequest,
    errors=NOT_FOUND,
)
async def get_request(
    request_id: Id, ctx: Ctx, who: StaffReader, response: Response
) -> SchedulingRequest:
    """The ETag is the booking's sequence (changed by every move and join link)."""
    request = await load_request(ctx, who.tenant, request_id)
    booking = await load_booking(ctx, who.tenant, request)
    preconditions.tagged(response, booking["sequence"] if booking else 0)
    return request_view(request, booking)


@api.post(
    "/interview-requests/{request_id}/cancel",
    staff("scheduling:write"),
    summary="Cancel the request and its booking, with a reason",
    response_model=SchedulingRequest,
    errors=NOT_FOUND | {409: CLOSED},
)
async def staff_cancel(
    request_id: Id, body: CancelIn, ctx: Ctx, who: StaffWriter
) -> SchedulingRequest:
    request = await cancel(ctx, who.tenant, request_id, body.reason, "staff")
    return request_view(request, None)


@candidate_api.get(
    "/candidate/scheduling",
    candidate("scheduling"),
    summary="The interview behind this link, and the booking in `time_zone`",
    response_model=CandidateRequest,
    errors={
        403: LINK_PROBLEMS,
        404: "`request_not_found`, `interview_type_not_found`: the request or its type is gone.",
    },
)
async def my_request(
    ctx: Ctx, who: CandidateLink, time_zone: ZoneQuery = "UTC"
) -> CandidateRequest:
    request = await own_request(ctx, who)
    booking = (
        await load_booking(ctx, who.tenant, request) if request["status"] == "scheduled" else None
    )
    type_id = request["interview_type_id"]
    itype = await interview_type(ctx, who.tenant, type_id) if type_id else None
    now = ctx.now()
    upcoming = booking is not None and booking["start"] > now
    can_move = (
        itype is not None
        and booking is not None
        and request.get("reschedules", 0) < itype.max_reschedules
        and booking["start"] - now >= timedelta(minutes=itype.change_notice_minutes)
    )
    return CandidateRequest(
        request_id=request["_id"],
        candidate_name=request["candidate_name"],
        interview_name=itype.name if itype else None,
        duration_minutes=itype.duration_minutes if itype else None,
        language=negotiate(request["language"]) if request.get("language") else None,
        status=request["status"],
        booking=booking_view(booking, time_zone) if booking else None,
        can_reschedule=can_move,
        can_cancel=request["status"] == "open" or upcoming,
    )


@candidate_api.post(
    "/candidate/scheduling/cancel",
    candidate("scheduling"),
    summary="Cancel the interview, with a reason",
    response_model=CandidateRequest,
    errors={403: LINK_PROBLEMS, 404: "`request_not_found`: the request is gone.", 409: CLOSED},
)
async def my_cancel(body: CancelIn, ctx: Ctx, who: CandidateLink) -> CandidateRequest:
    mine = await own_request(ctx, who)
    request = await cancel(ctx, who.tenant, mine["_id"], body.reason, "candidate")
    return CandidateRequest(
        request_id=request["_id"],
        candidate_name=request["candidate_name"],
        interview_name=None,
        duration_minutes=None,
        status=request["status"],
        booking=None,
        can_reschedule=False,
        can_cancel=False,
    )
