"""What staff set up before anyone books: interviewers and their availability, busy time from
other calendars, interview types per position, and the tenant's join link."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.scheduling import ics
from services.scheduling.access import StaffReader, StaffWriter, may_edit_availability, may_write
from services.scheduling.intake import issue_waiting
from services.scheduling.schemas import (
    Busy,
    BusyIn,
    CalendarFeedIn,
    Conferencing,
    Interviewer,
    InterviewerIn,
    InterviewerList,
    InterviewType,
    InterviewTypeIn,
    InterviewTypeList,
    Period,
    zone,
)
from services.scheduling.slots import Span
from services.scheduling.store import (
    Doc,
    Scheduling,
    interview_type,
    interviewer_model,
    scheduling,
    type_model,
)

router = APIRouter()
Ctx = Annotated[Scheduling, Depends(scheduling)]
# Busy time is kept from a day ago to this far ahead; a feed is re-sent to move the horizon.
BUSY_HORIZON = timedelta(days=366)


def _interviewer(doc: Doc) -> Interviewer:
    return Interviewer(
        interviewer_id=doc["_id"],
        updated_at=doc["updated_at"],
        **interviewer_model(doc).model_dump(),
    )


async def _interviewer_doc(ctx: Scheduling, tenant: str, interviewer_id: str) -> Doc:
    doc = await ctx.interviewers.find_one({"_id": interviewer_id, "tenant": tenant})
    if doc is None:
        raise ProblemError(404, "interviewer_not_found", "No such interviewer.")
    return doc


async def _editable(ctx: Scheduling, who: Identity, interviewer_id: str) -> Doc:
    doc = await _interviewer_doc(ctx, who.tenant, interviewer_id)
    if not may_edit_availability(who, doc):
        raise ProblemError(403, "forbidden", "Interviewers edit only their own availability.")
    return doc


@router.post("/interviewers", status_code=201, response_model=Interviewer)
async def create_interviewer(body: InterviewerIn, ctx: Ctx, who: StaffWriter) -> Interviewer:
    doc = {
        "_id": str(uuid.uuid4()),
        "tenant": who.tenant,
        "updated_at": ctx.now(),
        **body.model_dump(mode="json"),
    }
    await ctx.interviewers.insert_one(doc)
    return _interviewer(doc)


@router.get("/interviewers", response_model=InterviewerList)
async def list_interviewers(ctx: Ctx, who: StaffReader) -> InterviewerList:
    docs = ctx.interviewers.find({"tenant": who.tenant}).sort("name", 1).limit(1000)
    return InterviewerList(interviewers=[_interviewer(d) async for d in docs])


@router.get("/interviewers/{interviewer_id}", response_model=Interviewer)
async def get_interviewer(interviewer_id: str, ctx: Ctx, who: StaffReader) -> Interviewer:
    return _interviewer(await _interviewer_doc(ctx, who.tenant, interviewer_id))


@router.put("/interviewers/{interviewer_id}", response_model=Interviewer)
async def replace_interviewer(
    interviewer_id: str, body: InterviewerIn, ctx: Ctx, who: StaffReader
) -> Interviewer:
    """Replaces the availability; interviews already booked stay where they are. An interviewer
    may not hand their record to another user."""
    current = await _editable(ctx, who, interviewer_id)
    if not may_write(who) and body.user_id != current.get("user_id"):
        raise ProblemError(403, "forbidden", "Only staff link an interviewer to a user.")
    doc = {"tenant": who.tenant, "updated_at": ctx.now(), **body.model_dump(mode="json")}
    result = await ctx.interviewers.replace_one({"_id": interviewer_id, "tenant": who.tenant}, doc)
    if result.matched_count != 1:
        raise ProblemError(404, "interviewer_not_found", "No such interviewer.")
    return _interviewer({"_id": interviewer_id, **doc})


async def _replace_busy(
    ctx: Scheduling,
    tenant: str,
    interviewer_id: str,
    source: Literal["api", "ics"],
    spans: list[Span],
) -> Busy:
    await _interviewer_doc(ctx, tenant, interviewer_id)
    now = ctx.now()
    horizon = Span(now - timedelta(days=1), now + BUSY_HORIZON)
    kept = [s for s in spans if s.end > horizon.start and s.start < horizon.end]
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
    )
    return Busy(
        interviewer_id=interviewer_id,
        source=source,
        periods=[Period(start=s.start, end=s.end) for s in kept],
        updated_at=now,
    )


@router.put("/interviewers/{interviewer_id}/busy", response_model=Busy)
async def put_busy(interviewer_id: str, body: BusyIn, ctx: Ctx, who: StaffReader) -> Busy:
    await _editable(ctx, who, interviewer_id)
    spans = [Span(p.start, p.end) for p in body.periods]
    return await _replace_busy(ctx, who.tenant, interviewer_id, "api", spans)


@router.put("/interviewers/{interviewer_id}/busy/ics", response_model=Busy)
async def put_busy_feed(
    interviewer_id: str, body: CalendarFeedIn, ctx: Ctx, who: StaffReader
) -> Busy:
    person = interviewer_model(await _editable(ctx, who, interviewer_id))
    now = ctx.now()
    try:
        spans = ics.busy_periods(
            body.calendar,
            zone(person.time_zone),
            Span(now - timedelta(days=1), now + BUSY_HORIZON),
        )
    except ics.CalendarError as exc:
        raise ProblemError(422, "calendar_invalid", str(exc)) from None
    return await _replace_busy(ctx, who.tenant, interviewer_id, "ics", spans)


@router.get("/interviewers/{interviewer_id}/busy", response_model=list[Busy])
async def get_busy(interviewer_id: str, ctx: Ctx, who: StaffReader) -> list[Busy]:
    await _interviewer_doc(ctx, who.tenant, interviewer_id)
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


async def _check_interviewers(ctx: Scheduling, tenant: str, ids: list[str]) -> None:
    found = {
        d["_id"]
        async for d in ctx.interviewers.find(
            {"tenant": tenant, "_id": {"$in": ids}}, projection={"_id": 1}
        )
    }
    missing = [i for i in ids if i not in found]
    if missing:
        raise ProblemError(422, "interviewer_not_found", f"Unknown interviewers: {missing}.")


@router.post("/interview-types", status_code=201, response_model=InterviewType)
async def create_type(body: InterviewTypeIn, ctx: Ctx, who: StaffWriter) -> InterviewType:
    """One interview type per position; requests that were waiting for it are opened now."""
    await _check_interviewers(ctx, who.tenant, body.interviewer_ids)
    doc = {
        "_id": str(uuid.uuid4()),
        "tenant": who.tenant,
        "created_at": ctx.now(),
        **body.model_dump(mode="json"),
        "rubric_version": 1 if body.rubric else None,
    }
    itype = type_model(doc)

    async def write(session: AsyncClientSession) -> None:
        await ctx.types.insert_one(doc, session=session)
        await issue_waiting(ctx, session, who.tenant, itype)

    try:
        await ctx.service.transaction(write)
    except DuplicateKeyError:
        raise ProblemError(
            409, "interview_type_exists", "The position already has an interview type."
        ) from None
    ctx.mailbox.queued.set()
    return itype


@router.get("/interview-types", response_model=InterviewTypeList)
async def list_types(
    ctx: Ctx, who: StaffReader, position_id: Annotated[str | None, Query(max_length=200)] = None
) -> InterviewTypeList:
    query: Doc = {"tenant": who.tenant}
    if position_id is not None:
        query["position_id"] = position_id
    docs = ctx.types.find(query).sort("created_at", -1).limit(1000)
    return InterviewTypeList(interview_types=[type_model(d) async for d in docs])


@router.get("/interview-types/{type_id}", response_model=InterviewType)
async def get_type(type_id: str, ctx: Ctx, who: StaffReader) -> InterviewType:
    return await interview_type(ctx, who.tenant, type_id)


@router.put("/interview-types/{type_id}", response_model=InterviewType)
async def replace_type(
    type_id: str, body: InterviewTypeIn, ctx: Ctx, who: StaffWriter
) -> InterviewType:
    """Applies to bookings made from now on; booked interviews keep their time and panel, and
    interviews already being scored keep their rubric version. A different rubric is the next
    version; without one, the current rubric stays."""
    current = await interview_type(ctx, who.tenant, type_id)
    if body.position_id != current.position_id:
        raise ProblemError(422, "position_fixed", "An interview type stays with its position.")
    await _check_interviewers(ctx, who.tenant, body.interviewer_ids)
    changes = body.model_dump(mode="json", exclude={"rubric"})
    if body.rubric is not None and body.rubric != current.rubric:
        changes["rubric"] = body.rubric.model_dump(mode="json")
        changes["rubric_version"] = (current.rubric_version or 0) + 1
    result = await ctx.types.update_one(
        {"_id": type_id, "tenant": who.tenant, "rubric_version": current.rubric_version},
        {"$set": changes},
    )
    if result.matched_count != 1:
        raise ProblemError(409, "conflict", "A concurrent edit changed the rubric; retry.")
    return await interview_type(ctx, who.tenant, type_id)


@router.get("/conferencing", response_model=Conferencing)
async def get_conferencing(ctx: Ctx, who: StaffReader) -> Conferencing:
    doc = await ctx.tenants.find_one({"_id": who.tenant})
    return Conferencing(join_url_template=(doc or {}).get("join_url_template"))


@router.put("/conferencing", response_model=Conferencing)
async def put_conferencing(body: Conferencing, ctx: Ctx, who: StaffWriter) -> Conferencing:
    """Used for interviews booked from now on."""
    await ctx.tenants.update_one(
        {"_id": who.tenant}, {"$set": {"join_url_template": body.join_url_template}}, upsert=True
    )
    return body
