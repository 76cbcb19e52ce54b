"""The scheduling database: its collections and indexes, the typed documents of interviewers,
requests and bookings, and loading them by id. Every query names the tenant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, NotRequired, TypedDict, cast

from fastapi import Depends, Request
from pymongo import ASCENDING, DESCENDING
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection

from services.chassis.errors import ProblemError
from services.chassis.mail import Clock, MailOutbox
from services.chassis.service import Service
from services.scheduling.schemas import (
    InterviewerIn,
    InterviewType,
    InterviewTypeIn,
    RequestStatus,
)
from services.scheduling.settings import SchedulingSettings

# Documents without a typed shape of their own: busy periods, holds, day counters, tenant
# settings and interview types (read through the InterviewType model at once).
Document = dict[str, Any]
Actor = Literal["candidate", "staff", "system"]


class InterviewerDoc(TypedDict):
    """An interviewer: `InterviewerIn` as JSON (zone names, HH:MM ranges, ISO periods)."""

    _id: str
    tenant: str
    updated_at: datetime
    revision: NotRequired[int]  # the ETag; absent (0) on records older than revisions
    busy_revision: NotRequired[int]  # the ETag of its busy periods (both sources)
    name: str
    email: str
    time_zone: str
    user_id: str | None
    weekly: dict[str, list[dict[str, str]]]
    overrides: list[dict[str, Any]]
    blocked: list[dict[str, Any]]
    buffer_before_minutes: int
    buffer_after_minutes: int
    max_per_day: int | None


class RequestDoc(TypedDict):
    """A scheduling request: one candidate's live interview from request to completion."""

    _id: str
    tenant: str
    invitation_id: str
    position_id: str
    interview_type_id: str | None
    candidate_name: str
    candidate_email: str
    self_scheduling: bool
    status: RequestStatus
    reschedules: int  # moves the candidate made (staff moves do not count)
    version: int  # guards every state change against a concurrent one
    created_at: datetime
    updated_at: datetime
    # Only the hash of the candidate's link is kept; set when the request opens.
    token_hash: NotRequired[str | None]
    token_expires_at: NotRequired[datetime]
    booking_id: NotRequired[str]
    cancelled_by: NotRequired[Actor]
    cancel_reason: NotRequired[str]
    erased_at: NotRequired[datetime]
    language: NotRequired[str]  # the candidate's language, when the request named one


BookingStatus = Literal["scheduled", "cancelled", "completed"]


class BookingDoc(TypedDict):
    """A booked interview. Moving it keeps its id and raises `sequence` (the calendar events'
    SEQUENCE); the panel's time is held in `holds` (see bookings.py)."""

    _id: str
    tenant: str
    request_id: str
    interview_type_id: str
    title: str
    interviewer_ids: list[str]
    start: datetime
    end: datetime
    status: BookingStatus
    sequence: int
    join_url: str | None
    custom_join_url: bool  # an integration's own link, kept when the interview moves
    candidate_time_zone: str
    next_reminder_at: datetime | None
    next_reminder_minutes: int | None
    feedback: dict[str, dict[str, Any]]  # by interviewer id: a Scorecard and its rubric version
    booked_at: datetime
    booked_by: Actor
    day_keys: NotRequired[list[str]]  # the daily counters this booking counts in
    rubric: NotRequired[dict[str, Any]]  # pinned by the first feedback


@dataclass
class Scheduling:
    """What the routes, handlers and jobs of the service share."""

    service: Service
    settings: SchedulingSettings
    mail: MailOutbox
    clock: Clock

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    def collection(self, name: str) -> AsyncCollection[Document]:
        return self.service.db[name]

    @property
    def interviewers(self) -> AsyncCollection[InterviewerDoc]:
        return cast(AsyncCollection[InterviewerDoc], self.collection("interviewers"))

    @property
    def requests(self) -> AsyncCollection[RequestDoc]:
        return cast(AsyncCollection[RequestDoc], self.collection("requests"))

    @property
    def bookings(self) -> AsyncCollection[BookingDoc]:
        return cast(AsyncCollection[BookingDoc], self.collection("bookings"))

    @property
    def busy(self) -> AsyncCollection[Document]:
        return self.collection("busy")

    @property
    def types(self) -> AsyncCollection[Document]:
        return self.collection("interview_types")

    @property
    def tenants(self) -> AsyncCollection[Document]:
        return self.collection("tenants")

    @property
    def holds(self) -> AsyncCollection[Document]:
        return self.collection("holds")

    @property
    def day_loads(self) -> AsyncCollection[Document]:
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
        await self.mail.ensure_indexes()


def scheduling(request: Request) -> Scheduling:
    ctx: Scheduling = request.app.state.scheduling
    return ctx


Ctx = Annotated[Scheduling, Depends(scheduling)]


def interviewer_doc(
    interviewer_id: str, tenant: str, updated_at: datetime, body: InterviewerIn
) -> InterviewerDoc:
    """The stored form of an interviewer: the model's JSON, so zones and ranges stay as written."""
    return cast(
        InterviewerDoc,
        {
            "_id": interviewer_id,
            "tenant": tenant,
            "updated_at": updated_at,
            **body.model_dump(mode="json"),
        },
    )


def interviewer_model(doc: InterviewerDoc) -> InterviewerIn:
    return InterviewerIn.model_validate(
        {
            k: v
            for k, v in doc.items()
            if k not in {"_id", "tenant", "updated_at", "revision", "busy_revision"}
        }
    )


def type_model(doc: Document) -> InterviewType:
    return InterviewType(
        interview_type_id=doc["_id"],
        created_at=doc["created_at"],
        rubric_version=doc.get("rubric_version"),
        **InterviewTypeIn.model_validate(
            {k: v for k, v in doc.items() if k in InterviewTypeIn.model_fields}
        ).model_dump(),
    )


async def load_interviewer(ctx: Scheduling, tenant: str, interviewer_id: str) -> InterviewerDoc:
    doc = await ctx.interviewers.find_one({"_id": interviewer_id, "tenant": tenant})
    if doc is None:
        raise ProblemError(404, "interviewer_not_found", "No such interviewer.")
    return doc


async def interview_type(
    ctx: Scheduling, tenant: str, type_id: str, session: AsyncClientSession | None = None
) -> InterviewType:
    doc = await ctx.types.find_one({"_id": type_id, "tenant": tenant}, session=session)
    if doc is None:
        raise ProblemError(404, "interview_type_not_found", "No such interview type.")
    return type_model(doc)


async def load_request(ctx: Scheduling, tenant: str, request_id: str) -> RequestDoc:
    doc = await ctx.requests.find_one({"_id": request_id, "tenant": tenant})
    if doc is None:
        raise ProblemError(404, "request_not_found", "No such scheduling request.")
    return doc


async def load_booking(ctx: Scheduling, tenant: str, request: RequestDoc) -> BookingDoc | None:
    booking_id = request.get("booking_id")
    if not booking_id:
        return None
    return await ctx.bookings.find_one({"_id": booking_id, "tenant": tenant})


async def request_type(ctx: Scheduling, tenant: str, request: RequestDoc) -> InterviewType:
    if not request["interview_type_id"]:
        raise ProblemError(409, "interview_type_missing", "The position has no interview type yet.")
    return await interview_type(ctx, tenant, request["interview_type_id"])
