"""Booking, moving and cancelling an interview, atomically.

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
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import BulkWriteError, DuplicateKeyError

from contracts.events.interviews import (
    InterviewCancelled,
    InterviewRescheduled,
    InterviewScheduled,
)
from services.chassis.errors import ProblemError
from services.scheduling import notices, slots
from services.scheduling.schemas import InterviewType, JoinUrlIn
from services.scheduling.store import (
    Doc,
    Scheduling,
    booking_window,
    day_key,
    interview_type,
    interviewer_model,
    offer,
    offer_with_calendars,
)

Actor = Literal["candidate", "staff"]
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


async def load_request(ctx: Scheduling, tenant: str, request_id: str) -> Doc:
    doc = await ctx.requests.find_one({"_id": request_id, "tenant": tenant})
    if doc is None:
        raise ProblemError(404, "request_not_found", "No such scheduling request.")
    return doc


async def load_booking(ctx: Scheduling, tenant: str, request: Doc) -> Doc | None:
    if not request.get("booking_id"):
        return None
    return await ctx.bookings.find_one({"_id": request["booking_id"], "tenant": tenant})


async def request_type(ctx: Scheduling, tenant: str, request: Doc) -> InterviewType:
    if not request.get("interview_type_id"):
        raise ProblemError(409, "interview_type_missing", "The position has no interview type yet.")
    return await interview_type(ctx, tenant, request["interview_type_id"])


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
    rows: list[Doc] = []
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


async def release(ctx: Scheduling, session: AsyncClientSession, tenant: str, booking: Doc) -> None:
    await ctx.holds.delete_many({"tenant": tenant, "booking_id": booking["_id"]}, session=session)
    for day in booking.get("day_keys", []):
        await ctx.day_loads.update_one({"_id": day}, {"$inc": {"count": -1}}, session=session)


async def join_url(ctx: Scheduling, tenant: str, request_id: str, booking_id: str) -> str:
    doc = await ctx.tenants.find_one({"_id": tenant})
    template = (doc or {}).get("join_url_template") or ctx.settings.default_join_url_template
    return str(template).format(booking_id=booking_id, request_id=request_id)


async def meeting(ctx: Scheduling, tenant: str, request: Doc, booking: Doc) -> notices.Meeting:
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
        start=booking["start"],
        end=booking["end"],
        join_url=booking.get("join_url"),
        candidate=notices.Reader(
            request["candidate_name"],
            request["candidate_email"],
            booking.get("candidate_time_zone") or "UTC",
        ),
        interviewers=[
            notices.Reader(p.name, str(p.email), p.time_zone)
            for i in booking["interviewer_ids"]
            if (p := people.get(i)) is not None
        ],
    )


def next_reminder(
    start: datetime, now: datetime, offsets: Sequence[int]
) -> tuple[datetime | None, int | None]:
    """The next reminder still ahead: reminders whose time has passed are not sent late."""
    for minutes in sorted(offsets, reverse=True):
        at = start - timedelta(minutes=minutes)
        if at > now:
            return at, minutes
    return None, None


async def book(ctx: Scheduling, tenant: str, request_id: str, change: Change, actor: Actor) -> Doc:
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
            422, "interviewer_not_choosable", "Only staff choose, and only in a round robin."
        )

    start = change.start.astimezone(UTC)
    duration = timedelta(minutes=itype.duration_minutes)
    window = booking_window(itype, now)
    if start < window.start or start + duration > window.end:
        raise ProblemError(
            422,
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
        else await join_url(ctx, tenant, request_id, booking_id)
    )
    reminder_at, reminder_minutes = next_reminder(start, now, ctx.settings.reminder_offsets_minutes)
    booking: Doc = {
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
        "candidate_time_zone": change.time_zone or (old or {}).get("candidate_time_zone") or "UTC",
        "next_reminder_at": reminder_at,
        "next_reminder_minutes": reminder_minutes,
        "feedback": {},
        "booked_at": now,
        "booked_by": actor,
    }
    draft = await meeting(ctx, tenant, request, booking)
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
                    join_url=url,
                    scheduled_by=actor,
                    scheduled_at=now,
                ),
            )
        for mail in mails:
            await ctx.mailbox.queue(session, tenant, mail)

    try:
        await ctx.service.transaction(write)
    except (DuplicateKeyError, BulkWriteError) as exc:
        if not is_duplicate(exc):
            raise
        fresh = await offer(ctx, tenant, itype, ignore_booking=ignore)
        raise SlotGone("slot_taken", "Someone else just took that time.", fresh) from None
    ctx.mailbox.queued.set()
    return booking


def _check_change(
    itype: InterviewType, request: Doc, booking: Doc, now: datetime, actor: Actor
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


async def cancel(ctx: Scheduling, tenant: str, request_id: str, reason: str, actor: Actor) -> Doc:
    """Cancel a request, and its booking if any: the held time reopens at once."""
    request = await load_request(ctx, tenant, request_id)
    if request["status"] not in ACTIVE:
        raise ProblemError(409, "request_closed", f"The request is {request['status']}.")
    now = ctx.now()
    booking = await load_booking(ctx, tenant, request) if request["status"] == "scheduled" else None
    if booking is not None and booking["start"] <= now:
        raise ProblemError(409, "interview_started", "The interview has already started.")
    mails = []
    if booking is not None:
        booking["sequence"] += 1
        draft = await meeting(ctx, tenant, request, booking)
        mails = notices.calendar_mails(ctx.settings, draft, "CANCEL", now, reason=reason)
    elif actor == "staff" and request["status"] == "open" and request.get("self_scheduling"):
        reader = notices.Reader(request["candidate_name"], request["candidate_email"], "UTC")
        mails = [notices.withdrawn_mail(request_id, reader, "your interview", reason)]

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
            await ctx.mailbox.queue(session, tenant, mail)

    await ctx.service.transaction(write)
    ctx.mailbox.queued.set()
    return await load_request(ctx, tenant, request_id)


async def set_join_url(ctx: Scheduling, tenant: str, request_id: str, body: JoinUrlIn) -> Doc:
    """An integration's own meeting link replaces the template's; attendees get an update."""
    request = await load_request(ctx, tenant, request_id)
    booking = await load_booking(ctx, tenant, request)
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
            raise ProblemError(409, "request_changed", "The booking changed meanwhile; retry.")
        for mail in mails:
            await ctx.mailbox.queue(session, tenant, mail)

    await ctx.service.transaction(write)
    ctx.mailbox.queued.set()
    return updated


def booking_fields(booking: Doc) -> dict[str, Any]:
    return {
        "booking_id": booking["_id"],
        "start": booking["start"],
        "end": booking["end"],
        "interviewer_ids": booking["interviewer_ids"],
        "join_url": booking.get("join_url"),
        "sequence": booking["sequence"],
    }
