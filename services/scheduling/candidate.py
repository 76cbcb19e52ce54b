"""The candidate's side, reached through the gateway with the identity of their link: their
request, open slots in their own zone, booking, moving and cancelling within the type's limits."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from services.chassis.errors import ProblemError
from services.scheduling import ics, notices
from services.scheduling.access import AnyCaller, candidate_for
from services.scheduling.bookings import (
    Change,
    cancel,
    load_booking,
    load_request,
    meeting,
)
from services.scheduling.schemas import (
    BookIn,
    Booking,
    CancelIn,
    CandidateRequest,
    RescheduleIn,
    SlotList,
    TimeZoneName,
)
from services.scheduling.store import Doc, Scheduling, interview_type, offer, scheduling
from services.scheduling.views import booked_or_taken, booking_view, slot_view

router = APIRouter(prefix="/candidate/requests/{request_id}")
Ctx = Annotated[Scheduling, Depends(scheduling)]
ZoneQuery = Annotated[TimeZoneName, Query()]


async def _own_request(ctx: Scheduling, request_id: str, who: AnyCaller) -> Doc:
    candidate_for(who, request_id)
    request = await load_request(ctx, who.tenant, request_id)
    expires = request.get("token_expires_at")
    if expires is None or expires <= ctx.now():
        raise ProblemError(403, "link_expired", "This scheduling link has expired.")
    if not request.get("self_scheduling", True) and request["status"] == "open":
        raise ProblemError(403, "self_scheduling_off", "The recruiter schedules this interview.")
    return request


@router.get("", response_model=CandidateRequest)
async def my_request(
    request_id: str, ctx: Ctx, who: AnyCaller, time_zone: ZoneQuery = "UTC"
) -> CandidateRequest:
    request = await _own_request(ctx, request_id, who)
    booking = (
        await load_booking(ctx, who.tenant, request) if request["status"] == "scheduled" else None
    )
    itype = (
        await interview_type(ctx, who.tenant, request["interview_type_id"])
        if request.get("interview_type_id")
        else None
    )
    now = ctx.now()
    upcoming = booking is not None and booking["start"] > now
    can_move = (
        itype is not None
        and booking is not None
        and request.get("reschedules", 0) < itype.max_reschedules
        and booking["start"] - now >= timedelta(minutes=itype.change_notice_minutes)
    )
    return CandidateRequest(
        request_id=request_id,
        candidate_name=request["candidate_name"],
        interview_name=itype.name if itype else None,
        duration_minutes=itype.duration_minutes if itype else None,
        status=request["status"],
        booking=booking_view(booking, time_zone) if booking else None,
        can_reschedule=can_move,
        can_cancel=request["status"] == "open" or upcoming,
    )


@router.get("/slots", response_model=SlotList)
async def my_slots(
    request_id: str, ctx: Ctx, who: AnyCaller, time_zone: ZoneQuery = "UTC"
) -> SlotList:
    """Open slots, with local times in `time_zone` (the page sends the browser's zone)."""
    request = await _own_request(ctx, request_id, who)
    if request["status"] not in ("open", "scheduled") or not request.get("interview_type_id"):
        raise ProblemError(409, "request_state", f"The request is {request['status']}.")
    itype = await interview_type(ctx, who.tenant, request["interview_type_id"])
    ignore = request.get("booking_id") if request["status"] == "scheduled" else None
    found = await offer(ctx, who.tenant, itype, ignore_booking=ignore)
    return SlotList(
        time_zone=time_zone,
        duration_minutes=itype.duration_minutes,
        slots=[slot_view(s, time_zone, staff=False) for s in found],
    )


@router.post("/booking", status_code=201, response_model=Booking)
async def my_booking(request_id: str, body: BookIn, ctx: Ctx, who: AnyCaller) -> Booking | Response:
    await _own_request(ctx, request_id, who)
    change = Change(body.start, False, body.time_zone, body.interviewer_id)
    return await booked_or_taken(ctx, who.tenant, request_id, change, staff=False)


@router.post("/reschedule", response_model=Booking)
async def my_reschedule(
    request_id: str, body: RescheduleIn, ctx: Ctx, who: AnyCaller
) -> Booking | Response:
    await _own_request(ctx, request_id, who)
    change = Change(body.start, True, body.time_zone, body.interviewer_id, body.reason)
    return await booked_or_taken(ctx, who.tenant, request_id, change, staff=False)


@router.get("/booking.ics", response_class=Response)
async def my_calendar_file(request_id: str, ctx: Ctx, who: AnyCaller) -> Response:
    """The booked interview as an .ics file (the same event as in the e-mails)."""
    request = await _own_request(ctx, request_id, who)
    booking = (
        await load_booking(ctx, who.tenant, request) if request["status"] == "scheduled" else None
    )
    if booking is None:
        raise ProblemError(404, "not_booked", "No interview is booked yet.")
    event = notices.calendar_event(
        ctx.settings, await meeting(ctx, who.tenant, request, booking), ctx.now()
    )
    return Response(
        ics.render(event, "REQUEST"),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="interview.ics"'},
    )


@router.post("/cancel", response_model=CandidateRequest)
async def my_cancel(request_id: str, body: CancelIn, ctx: Ctx, who: AnyCaller) -> CandidateRequest:
    await _own_request(ctx, request_id, who)
    request = await cancel(ctx, who.tenant, request_id, body.reason, "candidate")
    return CandidateRequest(
        request_id=request_id,
        candidate_name=request["candidate_name"],
        interview_name=None,
        duration_minutes=None,
        status=request["status"],
        booking=None,
        can_reschedule=False,
        can_cancel=False,
    )
