"""Rubrics: criteria per question set with a scale and a behavioural anchor for every point,
versioned like question sets (every edit is a new version; a submission is rated against the
version pinned by its first review)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Query, Request, Response
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from services.chassis import preconditions
from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.review.access import LEADS_ONLY, Lead, Staff
from services.review.schemas import RubricIn, RubricOut
from services.review.store import Db

api = Api("review", tags=["reviews"])
NOT_FOUND = {404: "`rubric_not_found`: the question set has no rubric (or no such version)."}


async def load_rubric(
    db: Db,
    tenant: str,
    question_set_id: str,
    version: int | None = None,
    session: AsyncClientSession | None = None,
) -> dict[str, Any]:
    query: dict[str, Any] = {"tenant": tenant, "question_set_id": question_set_id}
    if version is not None:
        query["version"] = version
    doc: dict[str, Any] | None = await db.rubrics.find_one(
        query, sort=[("version", -1)], session=session
    )
    if doc is None:
        raise ProblemError(404, "rubric_not_found", "No rubric (version) for this question set.")
    return doc


async def _out(db: Db, doc: dict[str, Any]) -> RubricOut:
    versions = await db.rubrics.distinct(
        "version", {"tenant": doc["tenant"], "question_set_id": doc["question_set_id"]}
    )
    return RubricOut(
        question_set_id=doc["question_set_id"],
        version=doc["version"],
        versions=sorted(versions),
        created_at=doc["created_at"],
        scale_min=doc["scale_min"],
        scale_max=doc["scale_max"],
        criteria=doc["criteria"],
    )


@api.put(
    "/question-sets/{set_id}/rubric",
    staff("positions:write"),
    summary="Set the question set's rubric (creates a new version)",
    response_model=RubricOut,
    errors={
        403: LEADS_ONLY,
        409: "`conflict`: a concurrent edit made this version; retry.",
        **preconditions.ERRORS,
    },
)
async def put_rubric(
    set_id: Id,
    body: RubricIn,
    request: Request,
    identity: Lead,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> RubricOut:
    """Create the question set's rubric, or its next version. The ETag is the version (`"0"`
    before the first): with If-Match, two leads editing one version make one next version and
    a 412."""
    question_set_id = set_id
    db = request.app.state.service.db
    latest = await db.rubrics.find_one(
        {"tenant": identity.tenant, "question_set_id": question_set_id}, sort=[("version", -1)]
    )
    preconditions.check(if_match, latest["version"] if latest else 0)
    version = latest["version"] + 1 if latest else 1
    doc = {
        "_id": f"{identity.tenant}|{question_set_id}|{version}",
        "tenant": identity.tenant,
        "question_set_id": question_set_id,
        "version": version,
        **body.model_dump(),
        "created_at": datetime.now(UTC),
        "created_by": identity.principal,
    }
    doc["criteria"] = [
        {**c, "anchors": {str(k): v for k, v in c["anchors"].items()}} for c in doc["criteria"]
    ]
    try:
        await db.rubrics.insert_one(doc)
    except DuplicateKeyError:
        if if_match is not None:
            raise preconditions.changed() from None
        raise ProblemError(409, "conflict", "A concurrent edit made this version; retry.") from None
    preconditions.tagged(response, version)
    return await _out(db, doc)


@api.get(
    "/question-sets/{set_id}/rubric",
    staff("reviews:read"),
    summary="Read the rubric (a version with ?version=)",
    response_model=RubricOut,
    errors=NOT_FOUND,
)
async def get_rubric(
    set_id: Id,
    request: Request,
    identity: Staff,
    response: Response,
    version: Annotated[
        int | None, Query(ge=1, le=2**31 - 1, description="Default: the latest.")
    ] = None,
) -> RubricOut:
    db = request.app.state.service.db
    doc = await load_rubric(db, identity.tenant, set_id, version)
    preconditions.tagged(response, doc["version"])
    return await _out(db, doc)
