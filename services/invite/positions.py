"""Positions: job openings that use one question set version, with deadline and reminder policy
and the reviewers assigned to them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, cast

from fastapi import Request

from services.chassis import paging
from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Staff
from services.invite.question_sets import load_version
from services.invite.schemas import PositionIn, PositionOut, PositionPage
from services.invite.store import PositionDoc

api = Api("invite", tags=["positions"])


async def load_position(db: Any, tenant: str, position_id: str) -> PositionDoc:
    doc: PositionDoc | None = await db.positions.find_one({"_id": position_id, "tenant": tenant})
    if doc is None:
        raise ProblemError(404, "position_not_found", "No such position.")
    return doc


async def _count(db: Any, doc: PositionDoc, field: str) -> dict[str, int]:
    """The position's invitations grouped by `field` (missing values are not counted)."""
    pipeline = [
        {"$match": {"tenant": doc["tenant"], "position_id": doc["_id"], field: {"$ne": None}}},
        {"$group": {"_id": f"${field}", "n": {"$sum": 1}}},
    ]
    return {row["_id"]: row["n"] async for row in await db.invitations.aggregate(pipeline)}


async def _out(db: Any, doc: PositionDoc) -> PositionOut:
    fields = {k: v for k, v in doc.items() if k not in {"_id", "tenant", "created_by"}}
    return PositionOut(
        id=doc["_id"],
        counts=await _count(db, doc, "state"),
        decisions=await _count(db, doc, "decision.outcome"),
        **fields,
    )


@api.post(
    "/positions",
    staff("positions:write"),
    summary="Create a position",
    status_code=201,
    response_model=PositionOut,
    errors={
        404: "`position_not_found`, `question_set_not_found`: no such position or question set."
    },
)
async def create_position(body: PositionIn, request: Request, identity: Staff) -> PositionOut:
    db = request.app.state.service.db
    version = await load_version(
        db, identity.tenant, body.question_set_id, body.question_set_version
    )
    doc = cast(
        PositionDoc,
        {
            "_id": str(uuid.uuid4()),
            "tenant": identity.tenant,
            **body.model_dump(),
            "question_set_version": version["version"],
            "created_at": datetime.now(UTC),
            "created_by": identity.principal,
        },
    )
    await db.positions.insert_one(doc)
    return await _out(db, doc)


@api.get(
    "/positions",
    staff("positions:read"),
    summary="List positions with their funnel counts, newest first",
    response_model=PositionPage,
    errors=paging.ERRORS,
)
async def list_positions(
    request: Request,
    identity: Staff,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> PositionPage:
    db = request.app.state.service.db
    docs, following = await paging.read(
        db.positions,
        {"tenant": identity.tenant},
        sort=[("created_at", -1), ("_id", -1)],
        limit=limit,
        cursor=cursor,
    )
    return PositionPage(items=[await _out(db, doc) for doc in docs], next_cursor=following)


@api.get(
    "/positions/{position_id}",
    staff("positions:read"),
    summary="Read a position",
    response_model=PositionOut,
    errors={
        404: "`position_not_found`, `question_set_not_found`: no such position or question set."
    },
)
async def get_position(position_id: Id, request: Request, identity: Staff) -> PositionOut:
    db = request.app.state.service.db
    return await _out(db, await load_position(db, identity.tenant, position_id))
