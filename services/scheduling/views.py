"""Documents and slots as the API shows them, in the viewer's time zone."""

from __future__ import annotations

from fastapi.responses import JSONResponse

from services.chassis.errors import PROBLEM_JSON
from services.scheduling import slots
from services.scheduling.bookings import Change, SlotGone, book
from services.scheduling.notices import local_iso
from services.scheduling.schemas import Booking, SchedulingRequest, Slot, SlotTaken
from services.scheduling.store import Doc, Scheduling


def slot_view(slot: slots.Slot, time_zone: str, *, staff: bool) -> Slot:
    return Slot(
        start=slot.start,
        end=slot.end,
        local_start=local_iso(slot.start, time_zone),
        local_end=local_iso(slot.end, time_zone),
        interviewer_ids=list(slot.interviewer_ids) if staff else None,
    )


def booking_view(booking: Doc, time_zone: str | None = None) -> Booking:
    tz = time_zone or booking.get("candidate_time_zone") or "UTC"
    return Booking(
        booking_id=booking["_id"],
        start=booking["start"],
        end=booking["end"],
        local_start=local_iso(booking["start"], tz),
        local_end=local_iso(booking["end"], tz),
        time_zone=tz,
        interviewer_ids=booking["interviewer_ids"],
        join_url=booking.get("join_url"),
        sequence=booking["sequence"],
    )


def request_view(
    request: Doc, booking: Doc | None, time_zone: str | None = None
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


def slot_gone_response(exc: SlotGone, time_zone: str, *, staff: bool) -> JSONResponse:
    body = SlotTaken(
        type=f"urn:problem:{exc.code}",
        title=exc.code.replace("_", " "),
        status=409,
        code=exc.code,
        detail=exc.detail,
        slots=[slot_view(s, time_zone, staff=staff) for s in exc.slots],
    )
    return JSONResponse(
        body.model_dump(mode="json", exclude_none=True), status_code=409, media_type=PROBLEM_JSON
    )


async def booked_or_taken(
    ctx: Scheduling, tenant: str, request_id: str, change: Change, *, staff: bool
) -> Booking | JSONResponse:
    """Book (or move) and show the booking, or answer 409 with the slots open now."""
    try:
        booking = await book(ctx, tenant, request_id, change, "staff" if staff else "candidate")
    except SlotGone as exc:
        return slot_gone_response(exc, change.time_zone or "UTC", staff=staff)
    # Staff see the booking in the candidate's zone; candidates in the zone they chose.
    return booking_view(booking, None if staff else change.time_zone)
