"""Staff routes on scheduling requests: create, list, see slots, book for the candidate, move,
cancel and set a join link (feedback after the interview is in `feedback`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response
from pymongo.asynchronous.client_session import AsyncClientSession

from services.chassis.errors import ProblemError
from services.scheduling.access import StaffReader, StaffWriter
from services.scheduling.bookings import (
    ACTIVE,
    Change,
    cancel,
    load_booking,
    load_request,
    request_type,
    set_join_url,
)
from services.scheduling.intake import issue, new_request
from services.scheduling.schemas import (
    BookIn,
    Booking,
    CancelIn,
    JoinUrlIn,
    RequestIn,
    RequestList,
    RequestStatus,
    RescheduleIn,
    SchedulingRequest,
    SlotList,
    TimeZoneName,
)
from services.scheduling.store import Scheduling, interview_type, offer, scheduling
from services.scheduling.views import booked_or_taken, booking_view, request_view, slot_view

router = APIRouter()
Ctx = Annotated[Scheduling, Depends(scheduling)]
ZoneQuery = Annotated[TimeZoneName, Query()]


@router.post("/requests", status_code=201, response_model=SchedulingRequest)
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
    ctx.mailbox.queued.set()
    return request_view(await load_request(ctx, who.tenant, request["_id"]), None)


@router.get("/requests", response_model=RequestList)
async def list_requests(
    ctx: Ctx,
    who: StaffReader,
    status: RequestStatus | None = None,
    position_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> RequestList:
    query: dict[str, Any] = {"tenant": who.tenant}
    if position_id is not None:
        query["position_id"] = position_id
    if status is not None:
        query["status"] = status
    docs = await ctx.requests.find(query).sort("created_at", -1).limit(limit).to_list()
    ids = [d["booking_id"] for d in docs if d.get("booking_id")]
    bookings = {
        b["_id"]: b async for b in ctx.bookings.find({"tenant": who.tenant, "_id": {"$in": ids}})
    }
    return RequestList(
        requests=[request_view(d, bookings.get(d.get("booking_id", ""))) for d in docs]
    )


@router.get("/requests/{request_id}", response_model=SchedulingRequest)
async def get_request(request_id: str, ctx: Ctx, who: StaffReader) -> SchedulingRequest:
    request = await load_request(ctx, who.tenant, request_id)
    return request_view(request, await load_booking(ctx, who.tenant, request))


@router.get("/requests/{request_id}/slots", response_model=SlotList)
async def staff_slots(
    request_id: str, ctx: Ctx, who: StaffReader, time_zone: ZoneQuery = "UTC"
) -> SlotList:
    request = await load_request(ctx, who.tenant, request_id)
    itype = await request_type(ctx, who.tenant, request)
    ignore = request.get("booking_id") if request["status"] == "scheduled" else None
    found = await offer(ctx, who.tenant, itype, ignore_booking=ignore)
    return SlotList(
        time_zone=time_zone,
        duration_minutes=itype.duration_minutes,
        slots=[slot_view(s, time_zone, staff=True) for s in found],
    )


@router.post("/requests/{request_id}/booking", status_code=201, response_model=Booking)
async def staff_book(
    request_id: str, body: BookIn, ctx: Ctx, who: StaffWriter
) -> Booking | Response:
    change = Change(body.start, False, body.time_zone, body.interviewer_id)
    return await booked_or_taken(ctx, who.tenant, request_id, change, staff=True)


@router.post("/requests/{request_id}/reschedule", response_model=Booking)
async def staff_reschedule(
    request_id: str, body: RescheduleIn, ctx: Ctx, who: StaffWriter
) -> Booking | Response:
    change = Change(body.start, True, body.time_zone, body.interviewer_id, body.reason)
    return await booked_or_taken(ctx, who.tenant, request_id, change, staff=True)


@router.post("/requests/{request_id}/cancel", response_model=SchedulingRequest)
async def staff_cancel(
    request_id: str, body: CancelIn, ctx: Ctx, who: StaffWriter
) -> SchedulingRequest:
    request = await cancel(ctx, who.tenant, request_id, body.reason, "staff")
    return request_view(request, None)


@router.put("/requests/{request_id}/join-url", response_model=Booking)
async def put_join_url(request_id: str, body: JoinUrlIn, ctx: Ctx, who: StaffWriter) -> Booking:
    return booking_view(await set_join_url(ctx, who.tenant, request_id, body))
