"""Rubrics: criteria per question set with a scale and a behavioural anchor for every point,
versioned like question sets (every edit is a new version; a submission is rated against the
version pinned by its first review)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from services.chassis.errors import ProblemError
from services.review.access import Lead, Staff
from services.review.schemas import RubricIn, RubricOut
from services.review.submissions import Db

router = APIRouter()


async def ensure_indexes(db: Db) -> None:
    await db.rubrics.create_index([("tenant", 1), ("question_set_id", 1), ("version", -1)])


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


@router.put("/question-sets/{question_set_id}/rubric", response_model=RubricOut)
async def put_rubric(
    question_set_id: str, body: RubricIn, request: Request, identity: Lead
) -> RubricOut:
    """Create the question set's rubric, or its next version."""
    db = request.app.state.service.db
    latest = await db.rubrics.find_one(
        {"tenant": identity.tenant, "question_set_id": question_set_id}, sort=[("version", -1)]
    )
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
        raise ProblemError(409, "conflict", "A concurrent edit made this version; retry.") from None
    return await _out(db, doc)


@router.get("/question-sets/{question_set_id}/rubric", response_model=RubricOut)
async def get_rubric(
    question_set_id: str, request: Request, identity: Staff, version: int | None = None
) -> RubricOut:
    db = request.app.state.service.db
    return await _out(db, await load_rubric(db, identity.tenant, question_set_id, version))
