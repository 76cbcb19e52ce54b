"""Interview types: a position's live interview (duration, panel or round robin, the booking
window, the candidate's limits and the rubric interviewers score), one per position."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Query, Response
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from services.chassis import paging, preconditions
from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.scheduling.access import StaffReader, StaffWriter
from services.scheduling.interviewers import check_interviewers
from services.scheduling.requests import issue_waiting
from services.scheduling.schemas import InterviewType, InterviewTypeIn, InterviewTypePage
from services.scheduling.store import Ctx, Scheduling, interview_type, type_model

api = Api("scheduling", tags=["scheduling"])
NOT_FOUND = {404: "`interview_type_not_found`: no such interview type in your tenant."}
UNKNOWN_INTERVIEWERS = "`interviewer_not_found`: `interviewer_ids` names no interviewer of yours"


@api.post(
    "/interview-types",
    staff("scheduling:write"),
    summary="Set a position's live interview: duration, panel or round robin, window, limits",
    status_code=201,
    response_model=InterviewType,
    errors={
        409: "`interview_type_exists`: the position already has an interview type.",
        422: UNKNOWN_INTERVIEWERS + ".",
    },
)
async def create_type(body: InterviewTypeIn, ctx: Ctx, who: StaffWriter) -> InterviewType:
    """One interview type per position; requests that were waiting for it are opened now."""
    await check_interviewers(ctx, who.tenant, body.interviewer_ids)
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
    ctx.mail.wake()
    return itype


@api.get(
    "/interview-types",
    staff("scheduling:read"),
    summary="List interview types, newest first",
    response_model=InterviewTypePage,
    errors=paging.ERRORS,
)
async def list_types(
    ctx: Ctx,
    who: StaffReader,
    position_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> InterviewTypePage:
    query: dict[str, Any] = {"tenant": who.tenant}
    if position_id is not None:
        query["position_id"] = position_id
    docs, following = await paging.read(
        ctx.types, query, sort=[("created_at", -1), ("_id", -1)], limit=limit, cursor=cursor
    )
    return InterviewTypePage(items=[type_model(d) for d in docs], next_cursor=following)


@api.get(
    "/interview-types/{type_id}",
    staff("scheduling:read"),
    summary="Read an interview type",
    response_model=InterviewType,
    errors=NOT_FOUND,
)
async def get_type(type_id: Id, ctx: Ctx, who: StaffReader, response: Response) -> InterviewType:
    found = await interview_type(ctx, who.tenant, type_id)
    preconditions.tagged(response, await _revision(ctx, who.tenant, type_id))
    return found


async def _revision(ctx: Scheduling, tenant: str, type_id: str) -> int:
    doc = await ctx.types.find_one({"_id": type_id, "tenant": tenant}, {"revision": 1})
    return preconditions.revision_of(doc or {})


@api.put(
    "/interview-types/{type_id}",
    staff("scheduling:write"),
    summary="Change an interview type (applies to bookings made from now on)",
    response_model=InterviewType,
    errors=NOT_FOUND
    | {
        409: "`conflict`: a concurrent edit changed the rubric; retry.",
        **preconditions.ERRORS,
        422: "`position_fixed`: an interview type stays with its position; "
        + UNKNOWN_INTERVIEWERS
        + ".",
    },
)
async def replace_type(
    type_id: Id,
    body: InterviewTypeIn,
    ctx: Ctx,
    who: StaffWriter,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> InterviewType:
    """Applies to bookings made from now on; booked interviews keep their time and panel, and
    interviews already being scored keep their rubric version. A different rubric is the next
    version; without one, the current rubric stays."""
    current = await interview_type(ctx, who.tenant, type_id)
    revision = await _revision(ctx, who.tenant, type_id)
    preconditions.check(if_match, revision)
    if body.position_id != current.position_id:
        raise ProblemError(422, "position_fixed", "An interview type stays with its position.")
    await check_interviewers(ctx, who.tenant, body.interviewer_ids)
    changes = body.model_dump(mode="json", exclude={"rubric"})
    if body.rubric is not None and body.rubric != current.rubric:
        changes["rubric"] = body.rubric.model_dump(mode="json")
        changes["rubric_version"] = (current.rubric_version or 0) + 1
    guard = preconditions.unchanged(revision) if if_match is not None else {}
    result = await ctx.types.update_one(
        {"_id": type_id, "tenant": who.tenant, "rubric_version": current.rubric_version, **guard},
        {"$set": changes, "$inc": {"revision": 1}},
    )
    if result.matched_count != 1:
        if if_match is not None:
            raise preconditions.changed()
        raise ProblemError(409, "conflict", "A concurrent edit changed the rubric; retry.")
    preconditions.tagged(response, await _revision(ctx, who.tenant, type_id))
    return await interview_type(ctx, who.tenant, type_id)
