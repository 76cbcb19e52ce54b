"""The scheduling database: collections and their indexes, documents turned into models, and the
calendars that slot computation reads. Every query names the tenant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi import Request
from pymongo import ASCENDING, DESCENDING
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection

from services.chassis.errors import ProblemError
from services.chassis.service import Service
from services.scheduling import slots
from services.scheduling.mailbox import Clock, Mailbox
from services.scheduling.schemas import (
    WEEKDAYS,
    InterviewerIn,
    InterviewType,
    InterviewTypeIn,
    Period,
    minutes,
    zone,
)
from services.scheduling.settings import SchedulingSettings

Doc = dict[str, Any]
# Bookings this far either side of a window still count: daily maxima are per local day.
EDGE = timedelta(days=1)


@dataclass
class Scheduling:
    """What the routes, handlers and jobs of the service share."""

    service: Service
    settings: SchedulingSettings
    mailbox: Mailbox
    clock: Clock

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    def collection(self, name: str) -> AsyncCollection[Doc]:
        return self.service.db[name]

    @property
    def interviewers(self) -> AsyncCollection[Doc]:
        return self.collection("interviewers")

    @property
    def busy(self) -> AsyncCollection[Doc]:
        return self.collection("busy")

    @property
    def types(self) -> AsyncCollection[Doc]:
        return self.collection("interview_types")

    @property
    def tenants(self) -> AsyncCollection[Doc]:
        return self.collection("tenants")

    @property
    def requests(self) -> AsyncCollection[Doc]:
        return self.collection("requests")

    @property
    def bookings(self) -> AsyncCollection[Doc]:
        return self.collection("bookings")

    @property
    def holds(self) -> AsyncCollection[Doc]:
        return self.collection("holds")

    @property
    def day_loads(self) -> AsyncCollection[Doc]:
        return self.collection("day_loads")

    async def ensure_indexes(self) -> None:
        await self.interviewers.create_index([("tenant", ASCENDING), ("name", ASCENDING)])
        await self.busy.create_index([("tenant", ASCENDING), ("interviewer_id", ASCENDING)])
        await self.types.create_index(
            [("tenant", ASCENDING), ("position_id", ASCENDING)], unique=True
        )
        await self.types.create_index([("tenant", ASCENDING), ("created_at", DESCENDING)])
        for field in ("status", "position_id", "invitation_id", "candidate_email"):
            await self.requests.create_index(
                [("tenant", ASCENDING), (field, ASCENDING), ("created_at", DESCENDING)]
            )
        await self.bookings.create_index(
            [
                ("tenant", ASCENDING),
                ("interviewer_ids", ASCENDING),
                ("status", ASCENDING),
                ("end", ASCENDING),
            ]
        )
        await self.bookings.create_index([("status", ASCENDING), ("next_reminder_at", ASCENDING)])
        # The database, not the code, decides who gets an interviewer's time: see bookings.py.
        await self.holds.create_index(
            [("tenant", ASCENDING), ("interviewer_id", ASCENDING), ("cell", ASCENDING)],
            unique=True,
        )
        await self.holds.create_index([("tenant", ASCENDING), ("booking_id", ASCENDING)])
        await self.mailbox.ensure_indexes()


def scheduling(request: Request) -> Scheduling:
    ctx: Scheduling = request.app.state.scheduling
    return ctx


def interviewer_model(doc: Doc) -> InterviewerIn:
    return InterviewerIn.model_validate(
        {k: v for k, v in doc.items() if k not in {"_id", "tenant", "updated_at"}}
    )


def type_model(doc: Doc) -> InterviewType:
    return InterviewType(
        interview_type_id=doc["_id"],
        created_at=doc["created_at"],
        rubric_version=doc.get("rubric_version"),
        **InterviewTypeIn.model_validate(
            {k: v for k, v in doc.items() if k in InterviewTypeIn.model_fields}
        ).model_dump(),
    )


async def interview_type(
    ctx: Scheduling, tenant: str, type_id: str, session: AsyncClientSession | None = None
) -> InterviewType:
    doc = await ctx.types.find_one({"_id": type_id, "tenant": tenant}, session=session)
    if doc is None:
        raise ProblemError(404, "interview_type_not_found", "No such interview type.")
    return type_model(doc)


def rules(interviewer: InterviewerIn) -> slots.Rules:
    def ranges(items: list[Any]) -> tuple[slots.LocalRange, ...]:
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
    async for d in ctx.bookings.find(
        {
            "tenant": tenant,
            "interviewer_ids": {"$in": interviewer_ids},
            "status": "scheduled",
            "end": {"$gt": window.start - EDGE},
        },
        session=session,
    ):
        if d["_id"] == ignore_booking or d["start"] >= window.end + EDGE:
            continue
        for i in d["interviewer_ids"]:
            if i in booked:
                booked[i].append(slots.Span(d["start"], d["end"]))
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
