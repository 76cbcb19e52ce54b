"""Reviewer assignment and queues: candidates are assigned to the least-loaded panel reviewers when
they become reviewable (or when a panel is set up), and each reviewer's queue is numbered so that
"next candidate to review" is one bounded index read."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Query, Request, Response
from pymongo import ReturnDocument, UpdateOne
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import BulkWriteError

from services.chassis.api import ID_PATTERN, Api, staff
from services.chassis.service import Service
from services.review import balancing, store
from services.review.access import Staff
from services.review.schemas import SubmissionOut
from services.review.store import Assignment, CloseReason, Db, PositionSettings, Submission
from services.review.submissions import FINAL, load_settings, submission_out

api = Api("review", tags=["reviews"])


def _reviewer_id(tenant: str, reviewer: str) -> str:
    return f"{tenant}|{reviewer}"


def _assignment(tenant: str, doc: Submission, reviewer: str, seq: int, now: datetime) -> Assignment:
    return {
        "_id": f"{tenant}|{doc['_id']}|{reviewer}",
        "tenant": tenant,
        "reviewer": reviewer,
        "invitation_id": doc["_id"],
        "position_id": doc["position_id"],
        "seq": seq,
        "open": True,
        "assigned_at": now,
    }


async def loads(
    db: Db, tenant: str, reviewers: list[str], session: AsyncClientSession | None = None
) -> dict[str, int]:
    ids = [_reviewer_id(tenant, r) for r in reviewers]
    return {
        d["reviewer"]: d["open"]
        async for d in db.reviewers.find({"_id": {"$in": ids}, "tenant": tenant}, session=session)
    }


async def _reserve(
    db: Db, tenant: str, reviewer: str, count: int, session: AsyncClientSession | None
) -> int:
    """Reserve `count` queue numbers for a reviewer (adding to their load); returns the first."""
    state = await db.reviewers.find_one_and_update(
        {"_id": _reviewer_id(tenant, reviewer)},
        {
            "$inc": {"seq": count, "open": count},
            "$setOnInsert": {"tenant": tenant, "reviewer": reviewer, "head": 1},
        },
        upsert=True,
        return_document=ReturnDocument.AFTER,
        session=session,
    )
    assert state is not None
    return int(state["seq"]) - count + 1


async def assign(
    db: Db,
    session: AsyncClientSession,
    tenant: str,
    doc: Submission,
    settings: PositionSettings | None,
) -> list[str]:
    """Give a newly reviewable candidate the reviewers it still needs (in the caller's transaction)."""
    if not settings or not settings.get("reviewers") or doc["review"].get("outcome") in FINAL:
        return []
    reviewers = settings["reviewers"]
    chosen = balancing.choose(
        reviewers,
        doc["review"]["assignees"],
        settings.get("per_candidate"),
        await loads(db, tenant, reviewers, session),
    )
    if not chosen:
        return []
    now = datetime.now(UTC)
    docs = [
        _assignment(tenant, doc, r, await _reserve(db, tenant, r, 1, session), now) for r in chosen
    ]
    await store.assignments(db).insert_many(docs, session=session)
    await store.submissions(db).update_one(
        {"_id": doc["_id"], "tenant": tenant},
        {"$addToSet": {"review.assignees": {"$each": chosen}}},
        session=session,
    )
    return chosen


async def close(
    db: Db,
    session: AsyncClientSession | None,
    tenant: str,
    query: dict[str, Any],
    reason: CloseReason,
) -> int:
    """Close open assignments matching `query` (within the tenant) and lower their reviewers' load."""
    found = [
        d
        async for d in store.assignments(db).find(
            {**query, "tenant": tenant, "open": True}, session=session
        )
    ]
    if not found:
        return 0
    now = datetime.now(UTC)
    await db.assignments.update_many(
        {"_id": {"$in": [d["_id"] for d in found]}, "open": True},
        {"$set": {"open": False, "closed_at": now, "closed_because": reason}},
        session=session,
    )
    per_reviewer: dict[str, int] = {}
    for d in found:
        per_reviewer[d["reviewer"]] = per_reviewer.get(d["reviewer"], 0) + 1
    for reviewer, n in per_reviewer.items():
        await db.reviewers.update_one(
            {"_id": _reviewer_id(tenant, reviewer)}, {"$inc": {"open": -n}}, session=session
        )
    return len(found)


async def backfill(
    service: Service, tenant: str, position_id: str, settings: PositionSettings
) -> int:
    """After a panel change: drop the open assignments of reviewers who left the panel, then assign
    every reviewable, undecided candidate of the position the reviewers it still needs, balanced
    across the batch. Not one transaction (a position may hold thousands of candidates); every step
    is idempotent, so repeating the request completes an interrupted run."""
    db = service.db
    reviewers: list[str] = settings.get("reviewers", [])
    gone = [
        d
        async for d in store.assignments(db).find(
            {
                "tenant": tenant,
                "position_id": position_id,
                "open": True,
                "reviewer": {"$nin": reviewers},
            }
        )
    ]
    for reviewer in {d["reviewer"] for d in gone}:
        await close(
            db, None, tenant, {"position_id": position_id, "reviewer": reviewer}, "panel_changed"
        )
    for d in gone:
        await db.submissions.update_one(
            {"_id": d["invitation_id"], "tenant": tenant},
            {"$pull": {"review.assignees": d["reviewer"]}},
        )
    if not reviewers:
        return 0
    candidates = [
        d
        async for d in store.submissions(db).find(
            {"tenant": tenant, "position_id": position_id, "reviewable": True},
            {
                "_id": 1,
                "position_id": 1,
                "ready_key": 1,
                "review.assignees": 1,
                "review.outcome": 1,
            },
        )
        if d["review"].get("outcome") not in FINAL
    ]
    candidates.sort(key=lambda d: (d["ready_key"], d["_id"]))
    plan = balancing.plan(
        reviewers,
        [(d["_id"], d["review"]["assignees"]) for d in candidates],
        settings.get("per_candidate"),
        await loads(db, tenant, reviewers),
    )
    if not plan:
        return 0
    by_reviewer: dict[str, list[Submission]] = {}
    docs_by_id = {d["_id"]: d for d in candidates}
    for invitation_id, chosen in plan.items():
        for r in chosen:
            by_reviewer.setdefault(r, []).append(docs_by_id[invitation_id])
    now = datetime.now(UTC)
    new: list[Assignment] = []
    for reviewer, docs in by_reviewer.items():
        first = await _reserve(db, tenant, reviewer, len(docs), None)
        new += [_assignment(tenant, d, reviewer, first + i, now) for i, d in enumerate(docs)]
    try:
        await store.assignments(db).insert_many(new, ordered=False)
    except BulkWriteError as exc:  # a concurrent run assigned some of them: keep theirs
        if any(e.get("code") != 11000 for e in exc.details.get("writeErrors", [])):
            raise
    await store.submissions(db).bulk_write(
        [
            UpdateOne(
                {"_id": invitation_id, "tenant": tenant},
                {"$addToSet": {"review.assignees": {"$each": chosen}}},
            )
            for invitation_id, chosen in plan.items()
        ],
        ordered=False,
    )
    return len(new)


async def next_for(
    db: Db, tenant: str, reviewer: str, position_id: str | None
) -> Submission | None:
    """The reviewer's oldest open assignment that can be reviewed now, read in growing windows of
    queue numbers from the queue's head (the lowest number that may still be open)."""
    state = await db.reviewers.find_one({"_id": _reviewer_id(tenant, reviewer), "tenant": tenant})
    if state is None or state["open"] <= 0:
        return None
    lo, width, lowest_open = int(state.get("head", 1)), 8, None
    while lo <= state["seq"]:
        query: dict[str, Any] = {
            "tenant": tenant,
            "reviewer": reviewer,
            "open": True,
            "seq": {"$gte": lo, "$lt": lo + width},
        }
        batch = sorted(await store.assignments(db).find(query).to_list(), key=lambda d: d["seq"])
        if batch and lowest_open is None:
            lowest_open = batch[0]["seq"]
        for a in batch:
            if position_id and a["position_id"] != position_id:
                continue
            doc = await store.submissions(db).find_one(
                {"_id": a["invitation_id"], "tenant": tenant}
            )
            if doc and doc.get("reviewable") and doc["review"].get("outcome") not in FINAL:
                await _advance_head(db, tenant, reviewer, state, lowest_open)
                return doc
        lo += width
        width *= 2 if batch else 4
    await _advance_head(db, tenant, reviewer, state, lowest_open)
    return None


async def _advance_head(
    db: Db, tenant: str, reviewer: str, state: dict[str, Any], lowest_open: int | None
) -> None:
    head = lowest_open if lowest_open is not None else state["seq"] + 1
    if head > state.get("head", 1):
        await db.reviewers.update_one(
            {"_id": state["_id"], "head": {"$lt": head}}, {"$set": {"head": head}}
        )


@api.get(
    "/review-queue/next",
    staff("reviews:write"),
    summary="The next candidate assigned to you",
    response_model=SubmissionOut,
    openapi_extra={"responses": {"204": {"description": "Nothing left to review."}}},
)
async def next_to_review(
    request: Request,
    identity: Staff,
    position_id: Annotated[
        str | None,
        Query(pattern=ID_PATTERN, max_length=128, description="Only this position's queue."),
    ] = None,
) -> SubmissionOut | Response:
    """The next candidate assigned to you (oldest assignment first), in one call; 204 when nothing
    is left to review."""
    db = request.app.state.service.db
    doc = await next_for(db, identity.tenant, identity.principal, position_id)
    if doc is None:
        return Response(status_code=204)
    settings = await load_settings(db, identity.tenant, doc["position_id"])
    return await submission_out(db, identity, doc, settings)
