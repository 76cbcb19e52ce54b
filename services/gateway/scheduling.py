"""Public API of live-interview scheduling (the scheduling service): interviewers and their
availability, interview types, requests and bookings for staff, and the candidate's own link."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from services.chassis.errors import Problem, ProblemError
from services.chassis.identity import Identity
from services.gateway.auth import allowed, authenticate, authenticate_candidate, require
from services.gateway.upstream import forward_to
from services.scheduling.schemas import (
    BookIn,
    Booking,
    Busy,
    BusyIn,
    CalendarFeedIn,
    CancelIn,
    CandidateRequest,
    Conferencing,
    FeedbackAccepted,
    FeedbackIn,
    Interviewer,
    InterviewerIn,
    InterviewerList,
    InterviewType,
    InterviewTypeIn,
    InterviewTypeList,
    JoinUrlIn,
    RequestIn,
    RequestList,
    RequestStatus,
    RescheduleIn,
    SchedulingRequest,
    SlotList,
    SlotTaken,
)

scheduling = forward_to("scheduling")
router = APIRouter(prefix="/v1", tags=["scheduling"])
candidate_router = APIRouter(prefix="/v1/candidate/scheduling", tags=["candidate"])

_DESCRIBED = {
    401: "Missing, invalid or expired credentials.",
    403: "The credential may not do this (role, scope, or another interviewer's record).",
    404: "No such resource in your tenant.",
    409: "The request or booking is not in a state that allows this.",
    410: "The link has expired or was withdrawn.",
    422: "The body does not match the schema (times, zones, overlapping ranges, window).",
    429: "Rate limit exceeded; see Retry-After.",
    503: "The scheduling service did not answer.",
}


def errors(*extra: int, slot_taken: bool = False) -> dict[int | str, dict[str, Any]]:
    out: dict[int | str, dict[str, Any]] = {
        code: {"model": Problem, "description": _DESCRIBED[code]}
        for code in (401, 403, 422, 429, 503, *extra)
    }
    if slot_taken:
        out[409] = {
            "model": SlotTaken,
            "description": "`slot_taken` (someone booked it first) or `slot_unavailable`, with "
            "the slots open now; or `request_state`, `reschedule_limit`, `too_late_to_change`, "
            "`interview_started` (without slots).",
        }
    return out


def require_any(*scopes: str) -> Callable[..., Any]:
    """The staff identity if it holds one of `scopes`; the service checks whose record it is."""

    async def dependency(identity: Annotated[Identity, Depends(authenticate)]) -> Identity:
        if not any(allowed(identity, s) for s in scopes):
            raise ProblemError(403, "forbidden", f"This credential lacks one of {list(scopes)}.")
        return identity

    return dependency


Read = Annotated[Identity, Depends(require("scheduling:read"))]
Write = Annotated[Identity, Depends(require("scheduling:write"))]
Availability = Annotated[Identity, Depends(require_any("scheduling:write", "availability:write"))]
Feedback = Annotated[Identity, Depends(require_any("scheduling:write", "interviews:write"))]
Candidate = Annotated[Identity, Depends(authenticate_candidate("scheduling"))]


# --- interviewers and availability ----------------------------------------------------------


@router.post(
    "/interviewers",
    status_code=201,
    response_model=Interviewer,
    responses=errors(),
    summary="Add an interviewer with weekly hours in their own time zone",
)
async def create_interviewer(body: InterviewerIn, request: Request, identity: Write) -> Response:
    return await scheduling(request, identity, "/interviewers")


@router.get(
    "/interviewers",
    response_model=InterviewerList,
    responses=errors(),
    summary="List interviewers",
)
async def list_interviewers(request: Request, identity: Read) -> Response:
    return await scheduling(request, identity, "/interviewers")


@router.get(
    "/interviewers/{interviewer_id}",
    response_model=Interviewer,
    responses=errors(404),
    summary="Read an interviewer and their availability",
)
async def get_interviewer(interviewer_id: str, request: Request, identity: Read) -> Response:
    return await scheduling(request, identity, f"/interviewers/{interviewer_id}")


@router.put(
    "/interviewers/{interviewer_id}",
    response_model=Interviewer,
    responses=errors(404),
    summary="Replace availability: weekly hours, date overrides, blocked periods, buffers, maximum",
)
async def replace_interviewer(
    interviewer_id: str, body: InterviewerIn, request: Request, identity: Availability
) -> Response:
    return await scheduling(request, identity, f"/interviewers/{interviewer_id}")


@router.put(
    "/interviewers/{interviewer_id}/busy",
    response_model=Busy,
    responses=errors(404),
    summary="Replace busy periods held elsewhere (sent through the API)",
)
async def put_busy(
    interviewer_id: str, body: BusyIn, request: Request, identity: Availability
) -> Response:
    return await scheduling(request, identity, f"/interviewers/{interviewer_id}/busy")


@router.put(
    "/interviewers/{interviewer_id}/busy/ics",
    response_model=Busy,
    responses=errors(404),
    summary="Replace busy periods from an iCalendar document (VFREEBUSY or VEVENTs)",
)
async def put_busy_feed(
    interviewer_id: str, body: CalendarFeedIn, request: Request, identity: Availability
) -> Response:
    return await scheduling(request, identity, f"/interviewers/{interviewer_id}/busy/ics")


@router.get(
    "/interviewers/{interviewer_id}/busy",
    response_model=list[Busy],
    responses=errors(404),
    summary="Read the busy periods from other calendars",
)
async def get_busy(interviewer_id: str, request: Request, identity: Read) -> Response:
    return await scheduling(request, identity, f"/interviewers/{interviewer_id}/busy")


# --- interview types and conferencing -------------------------------------------------------


@router.post(
    "/interview-types",
    status_code=201,
    response_model=InterviewType,
    responses=errors(409),
    summary="Set a position's live interview: duration, panel or round robin, window, limits",
)
async def create_type(body: InterviewTypeIn, request: Request, identity: Write) -> Response:
    return await scheduling(request, identity, "/interview-types")


@router.get(
    "/interview-types",
    response_model=InterviewTypeList,
    responses=errors(),
    summary="List interview types",
)
async def list_types(
    request: Request,
    identity: Read,
    position_id: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    return await scheduling(request, identity, "/interview-types")


@router.get(
    "/interview-types/{type_id}",
    response_model=InterviewType,
    responses=errors(404),
    summary="Read an interview type",
)
async def get_type(type_id: str, request: Request, identity: Read) -> Response:
    return await scheduling(request, identity, f"/interview-types/{type_id}")


@router.put(
    "/interview-types/{type_id}",
    response_model=InterviewType,
    responses=errors(404),
    summary="Change an interview type (applies to bookings made from now on)",
)
async def replace_type(
    type_id: str, body: InterviewTypeIn, request: Request, identity: Write
) -> Response:
    return await scheduling(request, identity, f"/interview-types/{type_id}")


@router.get(
    "/scheduling/conferencing",
    response_model=Conferencing,
    responses=errors(),
    summary="Read the tenant's join-link template",
)
async def get_conferencing(request: Request, identity: Read) -> Response:
    return await scheduling(request, identity, "/conferencing")


@router.put(
    "/scheduling/conferencing",
    response_model=Conferencing,
    responses=errors(),
    summary="Set the tenant's join-link template ({booking_id}, {request_id})",
)
async def put_conferencing(body: Conferencing, request: Request, identity: Write) -> Response:
    return await scheduling(request, identity, "/conferencing")


# --- requests and bookings ------------------------------------------------------------------


@router.post(
    "/interview-requests",
    status_code=201,
    response_model=SchedulingRequest,
    responses=errors(404, 409),
    summary="Request a live interview (recruiter-side; self-scheduling optional)",
)
async def create_request(body: RequestIn, request: Request, identity: Write) -> Response:
    return await scheduling(request, identity, "/requests")


@router.get(
    "/interview-requests",
    response_model=RequestList,
    responses=errors(),
    summary="List interview requests, newest first",
)
async def list_requests(
    request: Request,
    identity: Read,
    status: RequestStatus | None = None,
    position_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Response:
    return await scheduling(request, identity, "/requests")


@router.get(
    "/interview-requests/{request_id}",
    response_model=SchedulingRequest,
    responses=errors(404),
    summary="Read an interview request and its booking",
)
async def get_request(request_id: str, request: Request, identity: Read) -> Response:
    return await scheduling(request, identity, f"/requests/{request_id}")


@router.get(
    "/interview-requests/{request_id}/slots",
    response_model=SlotList,
    responses=errors(404, 409),
    summary="Open slots (with who would interview), local times in `time_zone`",
)
async def staff_slots(
    request_id: str, request: Request, identity: Read, time_zone: str = "UTC"
) -> Response:
    return await scheduling(request, identity, f"/requests/{request_id}/slots")


@router.post(
    "/interview-requests/{request_id}/booking",
    status_code=201,
    response_model=Booking,
    responses=errors(404, slot_taken=True),
    summary="Book a slot for the candidate",
)
async def staff_book(request_id: str, body: BookIn, request: Request, identity: Write) -> Response:
    return await scheduling(request, identity, f"/requests/{request_id}/booking")


@router.post(
    "/interview-requests/{request_id}/reschedule",
    response_model=Booking,
    responses=errors(404, slot_taken=True),
    summary="Move the booked interview (staff are not held to the candidate's limits)",
)
async def staff_reschedule(
    request_id: str, body: RescheduleIn, request: Request, identity: Write
) -> Response:
    return await scheduling(request, identity, f"/requests/{request_id}/reschedule")


@router.post(
    "/interview-requests/{request_id}/cancel",
    response_model=SchedulingRequest,
    responses=errors(404, 409),
    summary="Cancel the request and its booking, with a reason",
)
async def staff_cancel(
    request_id: str, body: CancelIn, request: Request, identity: Write
) -> Response:
    return await scheduling(request, identity, f"/requests/{request_id}/cancel")


@router.put(
    "/interview-requests/{request_id}/join-url",
    response_model=Booking,
    responses=errors(404, 409),
    summary="Set the booking's join link (an integration's own meeting)",
)
async def put_join_url(
    request_id: str, body: JoinUrlIn, request: Request, identity: Write
) -> Response:
    return await scheduling(request, identity, f"/requests/{request_id}/join-url")


@router.post(
    "/interview-requests/{request_id}/feedback",
    response_model=FeedbackAccepted,
    responses=errors(404, 409),
    summary="Give an interviewer's ratings after the interview",
)
async def give_feedback(
    request_id: str, body: FeedbackIn, request: Request, identity: Feedback
) -> Response:
    return await scheduling(request, identity, f"/requests/{request_id}/feedback")


# --- the candidate's link -------------------------------------------------------------------


def _own(identity: Identity, tail: str = "") -> str:
    return f"/candidate/requests/{identity.principal}{tail}"


@candidate_router.get(
    "",
    response_model=CandidateRequest,
    responses=errors(404, 410),
    summary="The interview behind this link, and the booking in `time_zone`",
)
async def candidate_request(
    request: Request, identity: Candidate, time_zone: str = "UTC"
) -> Response:
    return await scheduling(request, identity, _own(identity))


@candidate_router.get(
    "/slots",
    response_model=SlotList,
    responses=errors(404, 409, 410),
    summary="Open slots, local times in `time_zone` (the page sends the browser's zone)",
)
async def candidate_slots(
    request: Request, identity: Candidate, time_zone: str = "UTC"
) -> Response:
    return await scheduling(request, identity, _own(identity, "/slots"))


@candidate_router.post(
    "/booking",
    status_code=201,
    response_model=Booking,
    responses=errors(404, 410, slot_taken=True),
    summary="Book a slot",
)
async def candidate_book(body: BookIn, request: Request, identity: Candidate) -> Response:
    return await scheduling(request, identity, _own(identity, "/booking"))


@candidate_router.get(
    "/booking.ics",
    response_class=Response,
    responses=errors(404, 410),
    summary="The booked interview as an iCalendar (.ics) file",
)
async def candidate_calendar_file(request: Request, identity: Candidate) -> Response:
    return await scheduling(request, identity, _own(identity, "/booking.ics"))


@candidate_router.post(
    "/reschedule",
    response_model=Booking,
    responses=errors(404, 410, slot_taken=True),
    summary="Move the interview (within the number of changes and the notice allowed)",
)
async def candidate_reschedule(
    body: RescheduleIn, request: Request, identity: Candidate
) -> Response:
    return await scheduling(request, identity, _own(identity, "/reschedule"))


@candidate_router.post(
    "/cancel",
    response_model=CandidateRequest,
    responses=errors(404, 409, 410),
    summary="Cancel the interview, with a reason",
)
async def candidate_cancel(body: CancelIn, request: Request, identity: Candidate) -> Response:
    return await scheduling(request, identity, _own(identity, "/cancel"))
