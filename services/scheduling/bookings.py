"""Bookings: booking, moving and cancelling an interview atomically, the slots open for a request,
and the candidate's and staff's operations on the booked interview.

A booking holds its interviewers' time as rows of the `holds` collection, one per interviewer and
5-minute cell of the interview padded by that interviewer's buffers, under a unique index on
(tenant, interviewer_id, cell). All rows, the daily counter, the request's guarded state change, the
booking, its event and its e-mails are written in one transaction: two racers for overlapping time
cannot both commit, and the loser changes nothing. Computing slots first only makes the common
case fast and the error precise; the index is what decides.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from fastapi import Query, Response
from fastapi.responses import JSONResponse
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import BulkWriteError, DuplicateKeyError

from contracts.events.interviews import (
    InterviewCancelled,
    InterviewRescheduled,
    InterviewScheduled,
    PanelMember,
)
from services.chassis import preconditions
from services.chassis.api import Api, Id, candidate, staff
from services.chassis.errors import PROBLEM_JSON, ProblemError
from services.chassis.i18n import negotiate
from services.chassis.mail import Mail
from services.scheduling import ics, notices, slots
from services.scheduling.access import (
    LINK_PROBLEMS,
    CandidateLink,
    StaffReader,
    StaffWriter,
    own_request,
)
from services.scheduling.conferencing import join_url
from services.scheduling.interviewers import calendars
from services.scheduling.notices import local_iso
from services.scheduling.schemas import (
    BookIn,
    Booking,
    CandidateBookIn,
    CandidateRescheduleIn,
    InterviewType,
    JoinUrlIn,
    RescheduleIn,
    Slot,
    SlotList,
    SlotTaken,
    TimeZoneName,
)
from services.scheduling.store import (
    Actor,
    BookingDoc,
    Ctx,
    RequestDoc,
    Scheduling,
    interviewer_model,
    load_booking,
    load_request,
    request_type,
)

ACTIVE = ["awaiting_setup", "open", "scheduled"]
DUPLICATE_KEY = 11000


class SlotGone(Exception):
    """The slot is not (or no longer) open: a 409 that carries the slots open now."""

    def __init__(self, code: str, detail: str, open_slots: list[slots.Slot]) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.slots = open_slots


@dataclass(frozen=True)
class Change:
    start: datetime
    moving: bool  # a reschedule of a booked request, not a first booking
    time_zone: str | None = None
    interviewer_id: str | None = None
    reason: str | None = None


def booking_window(itype: InterviewType, now: datetime) -> slots.Span:
    """From the minimum notice to the end of the booking window."""
    start = slots.ceil_to(now + timedelta(minutes=itype.min_notice_minutes), slots.CELL)
    return slots.Span(start, now + timedelta(days=itype.booking_window_days))


async def offer(
    ctx: Scheduling,
    tenant: str,
    itype: InterviewType,
    *,
    ignore_booking: str | None = None,
    session: AsyncClientSession | None = None,
) -> list[slots.Slot]:
    """The slots open now for an interview of this type."""
    found, _ = await offer_with_calendars(
        ctx, tenant, itype, ignore_booking=ignore_booking, session=session
    )
    return found


async def offer_with_calendars(
    ctx: Scheduling,
    tenant: str,
    itype: InterviewType,
    *,
    ignore_booking: str | None = None,
    session: AsyncClientSession | None = None,
) -> tuple[list[slots.Slot], list[slots.Calendar]]:
    window = booking_window(itype, ctx.now())
    cals = await calendars(
        ctx, tenant, itype.interviewer_ids, window, ignore_booking=ignore_booking, session=session
    )
    duration = timedelta(minutes=itype.duration_minutes)
    step = timedelta(minutes=itype.slot_step_minutes)
    if itype.mode == "panel":
        return slots.panel_slots(cals, duration, window, step), cals
    load = {c.interviewer_id: sum(1 for b in c.booked if b.end > window.start) for c in cals}
    return slots.pool_slots(cals, duration, window, step, load), cals


def day_key(tenant: str, interviewer_id: str, day: date) -> str:
    return f"{tenant}|{interviewer_id}|{day.isoformat()}"


def is_duplicate(exc: Exception) -> bool:
    if isinstance(exc, DuplicateKeyError):
        return True
    if isinstance(exc, BulkWriteError):
        return any(e.get("code") == DUPLICATE_KEY for e in exc.details.get("writeErrors", []))
    return False


async def reserve(
    ctx: Scheduling,
    session: AsyncClientSession,
    tenant: str,
    booking_id: str,
    cals: Sequence[slots.Calendar],
    span: slots.Span,
) -> list[str]:
    """Hold the interviewers' padded time and count the interview in their local day; raises a
    duplicate-key error if anyone got there first. Returns the day counters to release later."""
    rows: list[dict[str, Any]] = []
    days: list[str] = []
    for c in cals:
        padded = slots.Span(span.start - c.rules.buffer_before, span.end + c.rules.buffer_after)
        rows += [
            {
                "tenant": tenant,
                "interviewer_id": c.interviewer_id,
                "cell": cell,
                "booking_id": booking_id,
            }
            for cell in slots.cells(padded)
        ]
        if c.rules.max_per_day is not None:
            day = day_key(tenant, c.interviewer_id, slots.local_day(c, span.start))
            # At the maximum the filter misses, the upsert collides on _id: a duplicate key.
            await ctx.day_loads.update_one(
                {"_id": day, "count": {"$lt": c.rules.max_per_day}},
                {"$inc": {"count": 1}, "$setOnInsert": {"tenant": tenant}},
                upsert=True,
                session=session,
            )
            days.append(day)
    await ctx.holds.insert_many(rows, session=session)
    return days


async def _held(
    ctx: Scheduling, tenant: str, interviewer_ids: list[str], span: slots.Span, ignore: str | None
) -> bool:
    """Whether another booking holds some of this time: "taken" rather than "never open"."""
    hold = await ctx.holds.find_one(
        {
            "tenant": tenant,
            "interviewer_id": {"$in": interviewer_ids},
            "cell": {"$gte": span.start, "$lt": span.end},
            "booking_id": {"$ne": ignore},
        }
    )
    return hold is not None


async def release(
    ctx: Scheduling, session: AsyncClientSession, tenant: str, booking: BookingDoc
) -> None:
    await ctx.holds.delete_many({"tenant": tenant, "booking_id": booking["_id"]}, session=session)
    for day in booking.get("day_keys", []):
        await ctx.day_loads.update_one({"_id": day}, {"$inc": {"count": -1}}, session=session)


async def meeting(
    ctx: Scheduling, tenant: str, request: RequestDoc, booking: BookingDoc
) -> notices.Meeting:
    people = {
        d["_id"]: interviewer_model(d)
        async for d in ctx.interviewers.find(
            {"tenant": tenant, "_id": {"$in": booking["interviewer_ids"]}}
        )
    }
    title = booking.get("title") or "Interview"
    return notices.Meeting(
        booking_id=booking["_id"],
        sequence=booking["sequence"],
        title=f"{title} with {request['candidate_name']}",
        name=booking.get("title"),
        start=booking["start"],
        end=booking["end"],
        join_url=booking.get("join_url"),
        room_url=None
        if booking.get("join_url")
        else f"{ctx.settings.public_url.rstrip('/')}/room/{booking['_id']}",
        candidate=notices.Reader(
            request["candidate_name"],
            request["candidate_email"],
            booking.get("candidate_time_zone") or "UTC",
            negotiate(request.get("language")),
        ),
        interviewers=[
            notices.Reader(p.name, str(p.email), p.time_zone)
            for i in booking["interviewer_ids"]
            if (p := people.get(i)) is not None
        ],
    )


async def panel(ctx: Scheduling, tenant: str, interviewer_ids: list[str]) -> list[PanelMember]:
    """The interviewers as the live room needs them (names, linked user accounts)."""
    people = {
        d["_id"]: d
        async for d in ctx.interviewers.find({"tenant": tenant, "_id": {"$in": interviewer_ids}})
    }
    return [
        PanelMember(interviewer_id=i, name=p["name"], user_id=p.get("user_id"))
        for i in interviewer_ids
        if (p := people.get(i)) is not None
    ]


def next_reminder(
    start: datetime, now: datetime, offsets: Sequence[int]
) -> tuple[datetime | None, int | None]:
    """The next reminder still ahead: reminders whose time has passed are not sent late."""
    for minutes in sorted(offsets, reverse=True):
        at = start - timedelta(minutes=minutes)
        if at > now:
            return at, minutes
    return None, None


async def book(
    ctx: Scheduling, tenant: str, request_id: str, change: Change, actor: Actor
) -> BookingDoc:
    """Book an open request, or move a scheduled one; returns the booking."""
    request = await load_request(ctx, tenant, request_id)
    itype = await request_type(ctx, tenant, request)
    now = ctx.now()
    old = await load_booking(ctx, tenant, request)
    moving = change.moving
    expected = "scheduled" if moving else "open"
    if request["status"] != expected:
        raise ProblemError(
            409,
            "request_state",
            f"The request is {request['status']}; only a {expected} request can be "
            + ("rescheduled." if moving else "booked."),
        )
    if moving:
        assert old is not None
        _check_change(itype, request, old, now, actor)
    elif actor == "candidate" and not request.get("self_scheduling", True):
        raise ProblemError(403, "self_scheduling_off", "The recruiter schedules this interview.")
    if change.interviewer_id is not None and (actor != "staff" or itype.mode != "round_robin"):
        raise ProblemError(
            409, "interviewer_not_choosable", "Only staff choose, and only in a round robin."
        )

    start = change.start.astimezone(UTC)
    duration = timedelta(minutes=itype.duration_minutes)
    window = booking_window(itype, now)
    if start < window.start or start + duration > window.end:
        raise ProblemError(
            409,
            "slot_outside_window",
            f"Interviews of this type are booked between {window.start.isoformat()} "
            f"and {window.end.isoformat()}.",
        )
    ignore = old["_id"] if old else None
    open_slots, everyone = await offer_with_calendars(ctx, tenant, itype, ignore_booking=ignore)
    slot = next((s for s in open_slots if s.start == start), None)
    if slot is None:
        span = slots.Span(start, start + duration)
        if await _held(ctx, tenant, itype.interviewer_ids, span, ignore):
            raise SlotGone("slot_taken", "Someone else has taken that time.", open_slots)
        raise SlotGone("slot_unavailable", "That time is not open.", open_slots)
    if change.interviewer_id is not None and change.interviewer_id not in slot.interviewer_ids:
        raise SlotGone("slot_unavailable", "That interviewer is not free then.", open_slots)
    chosen = (
        list(slot.interviewer_ids)
        if itype.mode == "panel"
        else [change.interviewer_id or slot.interviewer_ids[0]]
    )
    cals = [c for c in everyone if c.interviewer_id in chosen]
    booking_id = old["_id"] if old else str(uuid.uuid4())
    custom_url = bool(old and old.get("custom_join_url"))
    url = (
        old["join_url"]
        if old and custom_url
        else await join_url(ctx, tenant, request_id, booking_id, itype.join_url_template)
    )
    reminder_at, reminder_minutes = next_reminder(start, now, ctx.settings.reminder_offsets_minutes)
    booking: BookingDoc = {
        "_id": booking_id,
        "tenant": tenant,
        "request_id": request_id,
        "interview_type_id": itype.interview_type_id,
        "title": itype.name,
        "interviewer_ids": chosen,
        "start": start,
        "end": start + duration,
        "status": "scheduled",
        "sequence": old["sequence"] + 1 if old else 0,
        "join_url": url,
        "custom_join_url": custom_url,
        "candidate_time_zone": change.time_zone
        or (old["candidate_time_zone"] if old else None)
        or "UTC",
        "next_reminder_at": reminder_at,
        "next_reminder_minutes": reminder_minutes,
        "feedback": {},
        "booked_at": now,
        "booked_by": actor,
    }
    draft = await meeting(ctx, tenant, request, booking)
    members = await panel(ctx, tenant, chosen)
    mails = notices.calendar_mails(ctx.settings, draft, "REQUEST", now)
    if old:
        dropped = [i for i in old["interviewer_ids"] if i not in chosen]
        if dropped:
            gone = await meeting(ctx, tenant, request, old | {"sequence": booking["sequence"]})
            mails += notices.calendar_mails(
                ctx.settings,
                gone,
                "CANCEL",
                now,
                reason="The interview was reassigned.",
                recipients=[r for r in gone.interviewers if r not in draft.interviewers],
            )

    async def write(session: AsyncClientSession) -> None:
        guard = await ctx.requests.update_one(
            {"_id": request_id, "tenant": tenant, "version": request["version"]},
            {
                "$set": {"status": "scheduled", "booking_id": booking_id, "updated_at": now},
                "$inc": {"version": 1, "reschedules": 1 if moving and actor == "candidate" else 0},
            },
            session=session,
        )
        if guard.matched_count != 1:
            raise ProblemError(409, "request_changed", "The request changed meanwhile; retry.")
        if old:
            await release(ctx, session, tenant, old)
        booking["day_keys"] = await reserve(
            ctx, session, tenant, booking_id, cals, slots.Span(start, start + duration)
        )
        await ctx.bookings.replace_one(
            {"_id": booking_id, "tenant": tenant}, booking, upsert=True, session=session
        )
        if old:
            await ctx.service.outbox.add(
                session,
                tenant,
                InterviewRescheduled(
                    request_id=request_id,
                    booking_id=booking_id,
                    start=start,
                    end=booking["end"],
                    previous_start=old["start"],
                    interviewer_ids=chosen,
                    panel=members,
                    sequence=booking["sequence"],
                    rescheduled_by=actor,
                    reason=change.reason,
                    rescheduled_at=now,
                ),
            )
        else:
            await ctx.service.outbox.add(
                session,
                tenant,
                InterviewScheduled(
                    request_id=request_id,
                    booking_id=booking_id,
                    invitation_id=request["invitation_id"],
                    position_id=request["position_id"],
                    interview_type_id=itype.interview_type_id,
                    start=start,
                    end=booking["end"],
                    interviewer_ids=chosen,
                    panel=members,
                    join_url=url,
                    recording=itype.recording,
                    scheduled_by=actor,
                    scheduled_at=now,
                ),
            )
        for mail in mails:
            await ctx.mail.queue(session, tenant, mail)

    try:
        await ctx.service.transaction(write)
    except (DuplicateKeyError, BulkWriteError) as exc:
        if not is_duplicate(exc):
            raise
        fresh = await offer(ctx, tenant, itype, ignore_booking=ignore)
        raise SlotGone("slot_taken", "Someone else just took that time.", fresh) from None
    ctx.mail.wake()
    return booking


def _check_change(
    itype: InterviewType, request: RequestDoc, booking: BookingDoc, now: datetime, actor: Actor
) -> None:
    if booking["start"] <= now:
        raise ProblemError(409, "interview_started", "The interview has already started.")
    if actor != "candidate":
        return
    if request.get("reschedules", 0) >= itype.max_reschedules:
        raise ProblemError(
            409, "reschedule_limit", f"An interview can be moved {itype.max_reschedules} times."
        )
    if booking["start"] - now < timedelta(minutes=itype.change_notice_minutes):
        raise ProblemError(
            409,
            "too_late_to_change",
            f"Changes are possible until {itype.change_notice_minutes} minutes before the start.",
        )


async def cancel(
    ctx: Scheduling, tenant: str, request_id: str, reason: str, actor: Actor
) -> RequestDoc:
    """Cancel a request, and its booking if any: the held time reopens at once."""
    request = await load_request(ctx, tenant, request_id)
    if request["status"] not in ACTIVE:
        raise ProblemError(409, "request_closed", f"The request is {request['status']}.")
    now = ctx.now()
    booking = await load_booking(ctx, tenant, request) if request["status"] == "scheduled" else None
    if booking is not None and booking["start"] <= now:
        raise ProblemError(409, "interview_started", "The interview has already started.")
    mails: list[Mail] = []
    if booking is not None:
        booking["sequence"] += 1
        draft = await meeting(ctx, tenant, request, booking)
        mails = notices.calendar_mails(ctx.settings, draft, "CANCEL", now, reason=reason)
    elif actor == "staff" and request["status"] == "open" and request.get("self_scheduling"):
        reader = notices.Reader(
            request["candidate_name"],
            request["candidate_email"],
            "UTC",
            negotiate(request.get("language")),
        )
        mails = [notices.withdrawn_mail(request_id, reader, reason)]

    async def write(session: AsyncClientSession) -> None:
        guard = await ctx.requests.update_one(
            {"_id": request_id, "tenant": tenant, "version": request["version"]},
            {
                "$set": {
                    "status": "cancelled",
                    "cancelled_by": actor,
                    "cancel_reason": reason,
                    "updated_at": now,
                },
                "$inc": {"version": 1},
            },
            session=session,
        )
        if guard.matched_count != 1:
            raise ProblemError(409, "request_changed", "The request changed meanwhile; retry.")
        if booking is not None:
            await release(ctx, session, tenant, booking)
            await ctx.bookings.update_one(
                {"_id": booking["_id"], "tenant": tenant},
                {
                    "$set": {
                        "status": "cancelled",
                        "sequence": booking["sequence"],
                        "next_reminder_at": None,
                    }
                },
                session=session,
            )
        await ctx.service.outbox.add(
            session,
            tenant,
            InterviewCancelled(
                request_id=request_id,
                booking_id=booking["_id"] if booking else None,
                cancelled_by=actor,
                reason=reason,
                cancelled_at=now,
            ),
        )
        for mail in mails:
            await ctx.mail.queue(session, tenant, mail)

    await ctx.service.transaction(write)
    ctx.mail.wake()
    return await load_request(ctx, tenant, request_id)


async def set_join_url(
    ctx: Scheduling, tenant: str, request_id: str, body: JoinUrlIn, if_match: str | None = None
) -> BookingDoc:
    """An integration's own meeting link replaces the template's; attendees get an update. The
    write is conditional on the booking's sequence read, which is the request's ETag."""
    request = await load_request(ctx, tenant, request_id)
    booking = await load_booking(ctx, tenant, request)
    preconditions.check(if_match, booking["sequence"] if booking else 0)
    if request["status"] != "scheduled" or booking is None:
        raise ProblemError(409, "not_scheduled", "The request has no booked interview.")
    now = ctx.now()
    updated = booking | {
        "join_url": body.join_url,
        "custom_join_url": True,
        "sequence": booking["sequence"] + 1,
    }
    mails = notices.calendar_mails(
        ctx.settings, await meeting(ctx, tenant, request, updated), "REQUEST", now
    )

    async def write(session: AsyncClientSession) -> None:
        guard = await ctx.bookings.update_one(
            {
                "_id": booking["_id"],
                "tenant": tenant,
                "status": "scheduled",
                "sequence": booking["sequence"],
            },
            {"$set": {k: updated[k] for k in ("join_url", "custom_join_url", "sequence")}},
            session=session,
        )
        if guard.matched_count != 1:
            if if_match is not None:
                raise preconditions.changed()
            raise ProblemError(409, "request_changed", "The booking changed meanwhile; retry.")
        for mail in mails:
            await ctx.mail.queue(session, tenant, mail)

    await ctx.service.transaction(write)
    ctx.mail.wake()
    return updated


# --- what the API shows, in the viewer's time zone -----------------------------------------------


def slot_view(slot: slots.Slot, time_zone: str, *, staff: bool) -> Slot:
    return Slot(
        start=slot.start,
        end=slot.end,
        local_start=local_iso(slot.start, time_zone),
        local_end=local_iso(slot.end, time_zone),
        interviewer_ids=list(slot.interviewer_ids) if staff else None,
    )


def booking_view(booking: BookingDoc, time_zone: str | None = None) -> Booking:
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


def _slot_gone(exc: SlotGone, time_zone: str, *, staff: bool) -> JSONResponse:
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


async def _booked_or_taken(
    ctx: Scheduling, tenant: str, request_id: str, change: Change, *, staff: bool
) -> Booking | JSONResponse:
    """Book (or move) and show the booking, or answer 409 with the slots open now."""
    try:
        booking = await book(ctx, tenant, request_id, change, "staff" if staff else "candidate")
    except SlotGone as exc:
        return _slot_gone(exc, change.time_zone or "UTC", staff=staff)
    # Staff see the booking in the candidate's zone; candidates in the zone they chose.
    return booking_view(booking, None if staff else change.time_zone)


async def _slots(
    ctx: Scheduling, tenant: str, request: RequestDoc, time_zone: str, *, staff: bool
) -> SlotList:
    itype = await request_type(ctx, tenant, request)
    ignore = request.get("booking_id") if request["status"] == "scheduled" else None
    found = await offer(ctx, tenant, itype, ignore_booking=ignore)
    return SlotList(
        time_zone=time_zone,
        duration_minutes=itype.duration_minutes,
        slots=[slot_view(s, time_zone, staff=staff) for s in found],
    )


# --- operations -----------------------------------------------------------------------------------

api = Api("scheduling", tags=["scheduling"])
candidate_api = Api("scheduling", tags=["candidate"])
ZoneQuery = Annotated[
    TimeZoneName, Query(description="An IANA time zone name, e.g. `Europe/Paris`.")
]
REQUEST_NOT_FOUND = "`request_not_found`, `interview_type_not_found`: no such request or type."
TAKEN = (
    "`slot_taken` (someone booked it first) or `slot_unavailable` (not open), with the slots "
    "open now; or, without slots, `request_state`, `request_changed`, `interview_type_missing`, "
    "`interviewer_not_found`"
)
MOVE_TAKEN = TAKEN + ", `interview_started`"
CANDIDATE_MOVE_TAKEN = MOVE_TAKEN + ", `reschedule_limit`, `too_late_to_change`"
OUTSIDE = (
    "`slot_outside_window`: the start is before the minimum notice or after the booking window; "
    "`interviewer_not_choosable`: only staff choose the interviewer, and only in a round robin."
)
SLOT_TAKEN = {409: SlotTaken}


@api.get(
    "/interview-requests/{request_id}/slots",
    staff("scheduling:read"),
    summary="Open slots (with who would interview), local times in `time_zone`",
    response_model=SlotList,
    errors={
        404: REQUEST_NOT_FOUND,
        409: "`interview_type_missing`: the position has no interview type yet; "
        "`interviewer_not_found`: the type names an interviewer who was removed.",
    },
)
async def staff_slots(
    request_id: Id, ctx: Ctx, who: StaffReader, time_zone: ZoneQuery = "UTC"
) -> SlotList:
    request = await load_request(ctx, who.tenant, request_id)
    return await _slots(ctx, who.tenant, request, time_zone, staff=True)


@api.post(
    "/interview-requests/{request_id}/booking",
    staff("scheduling:write"),
    summary="Book a slot for the candidate",
    status_code=201,
    response_model=Booking,
    errors={404: REQUEST_NOT_FOUND, 409: TAKEN + "; " + OUTSIDE},
    error_models=SLOT_TAKEN,
)
async def staff_book(
    request_id: Id, body: BookIn, ctx: Ctx, who: StaffWriter
) -> Booking | Response:
    change = Change(body.start, False, body.time_zone, body.interviewer_id)
    return await _booked_or_taken(ctx, who.tenant, request_id, change, staff=True)


@api.post(
    "/interview-requests/{request_id}/reschedule",
    staff("scheduling:write"),
    summary="Move the booked interview (staff are not held to the candidate's limits)",
    response_model=Booking,
    errors={404: REQUEST_NOT_FOUND, 409: MOVE_TAKEN + "; " + OUTSIDE},
    error_models=SLOT_TAKEN,
)
async def staff_reschedule(
    request_id: Id, body: RescheduleIn, ctx: Ctx, who: StaffWriter
) -> Booking | Response:
    change = Change(body.start, True, body.time_zone, body.interviewer_id, body.reason)
    return await _booked_or_taken(ctx, who.tenant, request_id, change, staff=True)


@api.put(
    "/interview-requests/{request_id}/join-url",
    staff("scheduling:write"),
    summary="Set the booking's join link (an integration's own meeting)",
    response_model=Booking,
    errors={
        404: "`request_not_found`: no such request in your tenant.",
        409: "`not_scheduled`: no interview is booked; `request_changed`: the booking changed "
        "meanwhile, retry.",
        **preconditions.ERRORS,
    },
)
async def put_join_url(
    request_id: Id,
    body: JoinUrlIn,
    ctx: Ctx,
    who: StaffWriter,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> Booking:
    """Send the request's ETag as If-Match so a booking moved meanwhile is a 412."""
    booking = await set_join_url(ctx, who.tenant, request_id, body, if_match)
    preconditions.tagged(response, booking["sequence"])
    return booking_view(booking)


@candidate_api.get(
    "/candidate/scheduling/slots",
    candidate("scheduling"),
    summary="Open slots, local times in `time_zone` (the page sends the browser's zone)",
    response_model=SlotList,
    errors={
        403: LINK_PROBLEMS,
        404: REQUEST_NOT_FOUND,
        409: "`request_state`: the request is cancelled or completed; `interviewer_not_found`: "
        "the interview type names an interviewer who was removed.",
    },
)
async def candidate_slots(ctx: Ctx, who: CandidateLink, time_zone: ZoneQuery = "UTC") -> SlotList:
    request = await own_request(ctx, who)
    if request["status"] not in ("open", "scheduled") or not request["interview_type_id"]:
        raise ProblemError(409, "request_state", f"The request is {request['status']}.")
    return await _slots(ctx, who.tenant, request, time_zone, staff=False)


@candidate_api.post(
    "/candidate/scheduling/booking",
    candidate("scheduling"),
    summary="Book a slot",
    status_code=201,
    response_model=Booking,
    errors={403: LINK_PROBLEMS, 404: REQUEST_NOT_FOUND, 409: TAKEN + "; " + OUTSIDE},
    error_models=SLOT_TAKEN,
)
async def candidate_book(body: CandidateBookIn, ctx: Ctx, who: CandidateLink) -> Booking | Response:
    request = await own_request(ctx, who)
    change = Change(body.start, False, body.time_zone, None)
    return await _booked_or_taken(ctx, who.tenant, request["_id"], change, staff=False)


@candidate_api.get(
    "/candidate/scheduling/booking.ics",
    candidate("scheduling"),
    summary="The booked interview as an iCalendar (.ics) file",
    media_type="text/calendar",
    errors={
        403: LINK_PROBLEMS,
        404: "`request_not_found`: no such request; `not_booked`: no interview is booked yet.",
    },
)
async def candidate_calendar_file(ctx: Ctx, who: CandidateLink) -> Response:
    """The same event as in the e-mails, so importing it updates rather than duplicates."""
    request = await own_request(ctx, who)
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


@candidate_api.post(
    "/candidate/scheduling/reschedule",
    candidate("scheduling"),
    summary="Move the interview (within the number of changes and the notice allowed)",
    response_model=Booking,
    errors={
        403: LINK_PROBLEMS,
        404: REQUEST_NOT_FOUND,
        409: CANDIDATE_MOVE_TAKEN + "; " + OUTSIDE,
    },
    error_models=SLOT_TAKEN,
)
async def candidate_reschedule(
    body: CandidateRescheduleIn, ctx: Ctx, who: CandidateLink
) -> Booking | Response:
    request = await own_request(ctx, who)
    change = Change(body.start, True, body.time_zone, None, body.reason)
    return await _booked_or_taken(ctx, who.tenant, request["_id"], change, staff=False)
