"""Interviewers: their weekly hours in their own zone, date overrides, blocked periods, buffers and
daily maximum, the busy time sent from other calendars, and the calendars slot computation reads."""

from __future__ import annotations

import uuid
from datetime import UTC, timedelta
from typing import Literal

from fastapi import Response
from pymongo import ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession

from services.chassis import paging, preconditions
from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.scheduling import ics, slots
from services.scheduling.access import StaffReader, StaffWriter, may_edit_availability, may_write
from services.scheduling.schemas import (
    WEEKDAYS,
    Busy,
    BusyIn,
    CalendarFeedIn,
    Interviewer,
    InterviewerIn,
    InterviewerPage,
    Period,
    TimeRange,
    minutes,
    zone,
)
from services.scheduling.store import (
    Ctx,
    InterviewerDoc,
    Scheduling,
    interviewer_doc,
    interviewer_model,
    load_interviewer,
)

api = Api("scheduling", tags=["scheduling"])
# Busy time is kept from a day ago to this far ahead; a feed is re-sent to move the horizon.
BUSY_HORIZON = timedelta(days=366)
# Bookings this far either side of a window still count: daily maxima are per local day.
EDGE = timedelta(days=1)
NOT_FOUND = {404: "`interviewer_not_found`: no such interviewer in your tenant."}
OWN_RECORD = {
    403: "`forbidden`: the credential lacks the scope; interviewers edit only their own "
    "availability, and only staff link an interviewer to a user."
}


def _interviewer(doc: InterviewerDoc) -> Interviewer:
    return Interviewer(
        interviewer_id=doc["_id"],
        updated_at=doc["updated_at"],
        **interviewer_model(doc).model_dump(),
    )


async def _editable(ctx: Scheduling, who: Identity, interviewer_id: str) -> InterviewerDoc:
    doc = await load_interviewer(ctx, who.tenant, interviewer_id)
    if not may_edit_availability(who, doc["user_id"]):
        raise ProblemError(403, "forbidden", "Interviewers edit only their own availability.")
    return doc


@api.post(
    "/interviewers",
    staff("scheduling:write"),
    summary="Add an interviewer with weekly hours in their own time zone",
    status_code=201,
    response_model=Interviewer,
)
async def create_interviewer(body: InterviewerIn, ctx: Ctx, who: StaffWriter) -> Interviewer:
    doc = interviewer_doc(str(uuid.uuid4()), who.tenant, ctx.now(), body)
    await ctx.interviewers.insert_one(doc)
    return _interviewer(doc)


@api.get(
    "/interviewers",
    staff("scheduling:read"),
    summary="List interviewers, by name",
    response_model=InterviewerPage,
    errors=paging.ERRORS,
)
async def list_interviewers(
    ctx: Ctx,
    who: StaffReader,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> InterviewerPage:
    docs, following = await paging.read(
        ctx.interviewers,
        {"tenant": who.tenant},
        sort=[("name", 1), ("_id", 1)],
        limit=limit,
        cursor=cursor,
    )
    return InterviewerPage(items=[_interviewer(d) for d in docs], next_cursor=following)


@api.get(
    "/interviewers/{interviewer_id}",
    staff("scheduling:read"),
    summary="Read an interviewer and their availability",
    response_model=Interviewer,
    errors=NOT_FOUND,
)
async def get_interviewer(
    interviewer_id: Id, ctx: Ctx, who: StaffReader, response: Response
) -> Interviewer:
    doc = await load_interviewer(ctx, who.tenant, interviewer_id)
    preconditions.tagged(response, preconditions.revision_of(doc))
    return _interviewer(doc)


@api.put(
    "/interviewers/{interviewer_id}",
    staff("scheduling:write", "availability:write"),
    summary="Replace availability: weekly hours, date overrides, blocked periods, buffers, maximum",
    response_model=Interviewer,
    errors=OWN_RECORD | NOT_FOUND | preconditions.ERRORS,
)
async def replace_interviewer(
    interviewer_id: Id,
    body: InterviewerIn,
    ctx: Ctx,
    who: StaffReader,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> Interviewer:
    """Replaces the availability; interviews already booked stay where they are. An interviewer
    may not hand their record to another user. Send the ETag you read as If-Match so a
    concurrent edit is a 412 rather than lost."""
    current = await _editable(ctx, who, interviewer_id)
    if not may_write(who) and body.user_id != current["user_id"]:
        raise ProblemError(403, "forbidden", "Only staff link an interviewer to a user.")
    revision = preconditions.revision_of(current)
    preconditions.check(if_match, revision)
    fields = {k: v for k, v in interviewer_doc(interviewer_id, who.tenant, ctx.now(), body).items()}
    fields.pop("_id")
    guard = preconditions.unchanged(revision) if if_match is not None else {}
    doc: InterviewerDoc | None = await ctx.interviewers.find_one_and_update(
        {"_id": interviewer_id, "tenant": who.tenant, **guard},
        {"$set": fields, "$inc": {"revision": 1}},
        return_document=ReturnDocument.AFTER,
    )
    if doc is None:
        await load_interviewer(ctx, who.tenant, interviewer_id)  # 404 if it went away
        raise preconditions.changed()
    preconditions.tagged(response, preconditions.revision_of(doc))
    return _interviewer(doc)


# The busy periods of both sources are one resource (GET .../busy): their revision is kept on the
# interviewer and is the ETag of the list and of both PUTs.
BUSY_REVISION = "busy_revision"


async def _replace_busy(
    ctx: Scheduling,
    person: InterviewerDoc,
    source: Literal["api", "ics"],
    spans: list[slots.Span],
    response: Response,
    if_match: str | None,
) -> Busy:
    tenant, interviewer_id = person["tenant"], person["_id"]
    now = ctx.now()
    horizon = slots.Span(now - timedelta(days=1), now + BUSY_HORIZON)
    kept = [s for s in spans if s.end > horizon.start and s.start < horizon.end]

    async def write(session: AsyncClientSession) -> int:
        after = await preconditions.write(
            ctx.interviewers,
            {"_id": interviewer_id, "tenant": tenant},
            {},
            if_match=if_match,
            revision=preconditions.revision_of(person, BUSY_REVISION),
            field=BUSY_REVISION,
            session=session,
        )
        if after is None:
            raise ProblemError(404, "interviewer_not_found", "No such interviewer.")
        await ctx.busy.replace_one(
            {"_id": f"{tenant}|{interviewer_id}|{source}", "tenant": tenant},
            {
                "tenant": tenant,
                "interviewer_id": interviewer_id,
                "source": source,
                "periods": [{"start": s.start, "end": s.end} for s in kept],
                "updated_at": now,
            },
            upsert=True,
            session=session,
        )
        return preconditions.revision_of(after, BUSY_REVISION)

    preconditions.tagged(response, await ctx.service.transaction(write))
    return Busy(
        interviewer_id=interviewer_id,
        source=source,
        periods=[Period(start=s.start, end=s.end) for s in kept],
        updated_at=now,
    )


@api.put(
    "/interviewers/{interviewer_id}/busy",
    staff("scheduling:write", "availability:write"),
    summary="Replace busy periods held elsewhere (sent through the API)",
    response_model=Busy,
    errors=OWN_RECORD | NOT_FOUND | preconditions.ERRORS,
)
async def put_busy(
    interviewer_id: Id,
    body: BusyIn,
    ctx: Ctx,
    who: StaffReader,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> Busy:
    """Send the ETag of GET .../busy as If-Match so a concurrent change is a 412."""
    person = await _editable(ctx, who, interviewer_id)
    spans = [slots.Span(p.start, p.end) for p in body.periods]
    return await _replace_busy(ctx, person, "api", spans, response, if_match)


@api.put(
    "/interviewers/{interviewer_id}/busy/ics",
    staff("scheduling:write", "availability:write"),
    summary="Replace busy periods from an iCalendar document (VFREEBUSY or VEVENTs)",
    response_model=Busy,
    errors=OWN_RECORD
    | NOT_FOUND
    | {422: "`calendar_invalid`: the document is not iCalendar the service can read."}
    | preconditions.ERRORS,
)
async def put_busy_feed(
    interviewer_id: Id,
    body: CalendarFeedIn,
    ctx: Ctx,
    who: StaffReader,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> Busy:
    """Send the ETag of GET .../busy as If-Match so a concurrent change is a 412."""
    stored = await _editable(ctx, who, interviewer_id)
    person = interviewer_model(stored)
    now = ctx.now()
    try:
        spans = ics.busy_periods(
            body.calendar,
            zone(person.time_zone),
            slots.Span(now - timedelta(days=1), now + BUSY_HORIZON),
        )
    except ics.CalendarError as exc:
        raise ProblemError(422, "calendar_invalid", str(exc)) from None
    return await _replace_busy(ctx, stored, "ics", spans, response, if_match)


@api.get(
    "/interviewers/{interviewer_id}/busy",
    staff("scheduling:read"),
    summary="Read the busy periods from other calendars",
    response_model=list[Busy],
    errors=NOT_FOUND,
)
async def get_busy(
    interviewer_id: Id, ctx: Ctx, who: StaffReader, response: Response
) -> list[Busy]:
    person = await load_interviewer(ctx, who.tenant, interviewer_id)
    preconditions.tagged(response, preconditions.revision_of(person, BUSY_REVISION))
    docs = ctx.busy.find({"tenant": who.tenant, "interviewer_id": interviewer_id})
    return [
        Busy(
            interviewer_id=interviewer_id,
            source=d["source"],
            periods=[Period(start=p["start"], end=p["end"]) for p in d["periods"]],
            updated_at=d["updated_at"],
        )
        async for d in docs
    ]


async def check_interviewers(ctx: Scheduling, tenant: str, ids: list[str]) -> None:
    """Every id names an interviewer of the tenant (a 422 naming the others)."""
    found = {
        d["_id"]
        async for d in ctx.interviewers.find(
            {"tenant": tenant, "_id": {"$in": ids}}, projection={"_id": 1}
        )
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise ProblemError(422, "interviewer_not_found", f"Unknown interviewers: {missing}.")


def rules(interviewer: InterviewerIn) -> slots.Rules:
    def ranges(items: list[TimeRange]) -> tuple[slots.LocalRange, ...]:
        return tuple(slots.LocalRange(minutes(r.start), minutes(r.end)) for r in items)

    return slots.Rules(
        zone=zone(interviewer.time_zone),
        weekly={WEEKDAYS.index(day): ranges(rs) for day, rs in interviewer.weekly.items()},
        overrides={o.date: ranges(o.ranges) for o in interviewer.overrides},
        buffer_before=timedelta(minutes=interviewer.buffer_before_minutes),
        buffer_after=timedelta(minutes=interviewer.buffer_after_minutes),
        max_per_day=interviewer.max_per_day,
    )


def _spans(periods: list[Period]) -> list[slots.Span]:
    return [slots.Span(p.start.astimezone(UTC), p.end.astimezone(UTC)) for p in periods]


async def calendars(
    ctx: Scheduling,
    tenant: str,
    interviewer_ids: list[str],
    window: slots.Span,
    *,
    ignore_booking: str | None = None,
    session: AsyncClientSession | None = None,
) -> list[slots.Calendar]:
    """The interviewers' calendars around `window`, in the order given. `ignore_booking` leaves out
    the booking being moved, so that a reschedule may overlap its own old time."""
    people = {
        d["_id"]: d
        async for d in ctx.interviewers.find(
            {"tenant": tenant, "_id": {"$in": interviewer_ids}}, session=session
        )
    }
    missing = [i for i in interviewer_ids if i not in people]
    if missing:
        raise ProblemError(409, "interviewer_not_found", f"Unknown interviewers: {missing}.")
    busy: dict[str, list[slots.Span]] = {i: [] for i in interviewer_ids}
    async for d in ctx.busy.find(
        {"tenant": tenant, "interviewer_id": {"$in": interviewer_ids}}, session=session
    ):
        busy[d["interviewer_id"]] += [slots.Span(p["start"], p["end"]) for p in d["periods"]]
    booked: dict[str, list[slots.Span]] = {i: [] for i in interviewer_ids}
    async for b in ctx.bookings.find(
        {
            "tenant": tenant,
            "interviewer_ids": {"$in": interviewer_ids},
            "status": "scheduled",
            "end": {"$gt": window.start - EDGE},
        },
        session=session,
    ):
        if b["_id"] == ignore_booking or b["start"] >= window.end + EDGE:
            continue
        for i in b["interviewer_ids"]:
            if i in booked:
                booked[i].append(slots.Span(b["start"], b["end"]))
    out: list[slots.Calendar] = []
    for i in interviewer_ids:
        person = interviewer_model(people[i])
        out.append(
            slots.Calendar(
                interviewer_id=i,
                rules=rules(person),
                busy=busy[i] + _spans(person.blocked),
                booked=booked[i],
            )
        )
    return out
