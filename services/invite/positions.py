"""Positions: job openings that use one question set version, with deadline and reminder policy
and the reviewers assigned to them."""

from __future__ import annotations

import calendar
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
DEFAULT_RETENTION_MONTHS = 12
CLOSED_ERRORS = {409: "`position_closed`: the position is closed to new invitations."}


async def retention_months(db: Any, tenant: str) -> int:
    """How many months the tenant keeps a closed position's candidate data."""
    doc = await db.tenant_settings.find_one({"_id": tenant, "tenant": tenant})
    months: int = (doc or {}).get("retention_months") or DEFAULT_RETENTION_MONTHS
    return months


def erase_date(closed_at: datetime, months: int) -> datetime:
    """`months` calendar months after the close (the 31st becomes the month's last day)."""
    month = closed_at.month - 1 + months
    year, month = closed_at.year + month // 12, month % 12 + 1
    day = min(closed_at.day, calendar.monthrange(year, month)[1])
    return closed_at.replace(year=year, month=month, day=day)


def refuse_if_closed(doc: PositionDoc) -> None:
    if doc.get("closed_at"):
        raise ProblemError(409, "position_closed", "This position is closed to new invitations.")


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
    hidden = {"_id", "tenant", "created_by", "closed_at", "retention_erased_at"}
    fields = {k: v for k, v in doc.items() if k not in hidden}
    closed = doc.get("closed_at")
    return PositionOut(
        id=doc["_id"],
        counts=await _count(db, doc, "state"),
        decisions=await _count(db, doc, "decision.outcome"),
        closed_at=closed,
        erase_at=erase_date(closed, await retention_months(db, doc["tenant"])) if closed else None,
        erased_at=doc.get("retention_erased_at"),
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


@api.post(
    "/positions/{position_id}/close",
    staff("positions:write"),
    summary="Close a position to new invitations (its retention period starts)",
    description="Invitations already sent stay open until their deadline. Closing a closed "
    "position changes nothing.",
    response_model=PositionOut,
    retry_safe=True,
    errors={404: "`position_not_found`: no such position."},
)
async def close_position(position_id: Id, request: Request, identity: Staff) -> PositionOut:
    db = request.app.state.service.db
    query = {"_id": position_id, "tenant": identity.tenant}
    await load_position(db, identity.tenant, position_id)
    await db.positions.update_one(
        {**query, "closed_at": None}, {"$set": {"closed_at": datetime.now(UTC)}}
    )
    return await _out(db, await load_position(db, identity.tenant, position_id))


@api.post(
    "/positions/{position_id}/reopen",
    staff("positions:write"),
    summary="Reopen a closed position (its retention period stops)",
    response_model=PositionOut,
    retry_safe=True,
    errors={
        404: "`position_not_found`: no such position.",
        409: "`retention_ended`: its candidates' data was already erased; create a new position.",
    },
)
async def reopen_position(position_id: Id, request: Request, identity: Staff) -> PositionOut:
    db = request.app.state.service.db
    doc = await load_position(db, identity.tenant, position_id)
    if doc.get("retention_erased_at"):
        raise ProblemError(
            409, "retention_ended", "This position's candidate data was erased; it stays closed."
        )
    await db.positions.update_one(
        {"_id": position_id, "tenant": identity.tenant, "retention_erased_at": None},
        {"$set": {"closed_at": None}},
    )
    return await _out(db, await load_position(db, identity.tenant, position_id))
