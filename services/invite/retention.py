"""Retention: how long a tenant keeps a closed position's candidate data (recordings,
transcripts, answers, reviews, interviews), the schedule of what goes when, and the sweep that
erases it through the erasure event once that time is over."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import Request, Response
from prometheus_client import Counter
from pydantic import BaseModel, Field

from services.chassis import paging, preconditions
from services.chassis.api import Api, staff
from services.chassis.identity import Staff
from services.chassis.service import Service
from services.invite.positions import DEFAULT_RETENTION_MONTHS, erase_date, retention_months
from services.invite.privacy import erase_invitations

api = Api("invite", tags=["retention"])
REQUESTED_BY = "retention-policy"
ERASED = Counter(
    "retention_erasures_total",
    "Candidates whose data of a closed position was erased when the retention period ended.",
    ["service"],
)


class RetentionPolicy(BaseModel):
    months: int = Field(
        ge=1,
        le=36,
        description="Months a closed position's candidate data is kept: recordings, transcripts, "
        f"written answers, reviews and interviews (default {DEFAULT_RETENTION_MONTHS}).",
    )


class RetentionEntry(BaseModel):
    position_id: str
    title: str
    closed_at: datetime
    erase_at: datetime = Field(description="When the sweep erases its candidates' data.")
    candidates: int = Field(description="Invitations whose data is still kept.")


class RetentionSchedule(BaseModel):
    months: int
    items: list[RetentionEntry] = Field(description="Closed positions, the soonest erased first.")
    next_cursor: str | None = None


@api.get(
    "/retention",
    staff("positions:read"),
    summary="The tenant's retention period for closed positions",
    response_model=RetentionPolicy,
)
async def get_policy(request: Request, identity: Staff, response: Response) -> RetentionPolicy:
    db = request.app.state.service.db
    doc = await db.tenant_settings.find_one({"_id": identity.tenant, "tenant": identity.tenant})
    preconditions.tagged(response, preconditions.revision_of(doc))
    return RetentionPolicy(months=await retention_months(db, identity.tenant))


@api.put(
    "/retention",
    staff("candidates:write"),
    summary="Set how long closed positions' candidate data is kept (1 to 36 months)",
    description="Applies at once to every closed position, including those closed earlier: "
    "shortening it may make the next sweep erase data (see the schedule).",
    response_model=RetentionPolicy,
    errors=preconditions.ERRORS,
)
async def put_policy(
    body: RetentionPolicy,
    request: Request,
    identity: Staff,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> RetentionPolicy:
    settings = request.app.state.service.db.tenant_settings
    query = {"_id": identity.tenant, "tenant": identity.tenant}
    update = {"$set": {"retention_months": body.months}}
    await preconditions.put(settings, query, update, if_match=if_match, response=response)
    return body


@api.get(
    "/retention/schedule",
    staff("positions:read"),
    summary="What the retention sweep will erase, and when",
    response_model=RetentionSchedule,
    errors=paging.ERRORS,
)
async def schedule(
    request: Request,
    identity: Staff,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> RetentionSchedule:
    db = request.app.state.service.db
    months = await retention_months(db, identity.tenant)
    docs, following = await paging.read(
        db.positions,
        {"tenant": identity.tenant, "closed_at": {"$ne": None}, "retention_erased_at": None},
        sort=[("closed_at", 1), ("_id", 1)],
        limit=limit,
        cursor=cursor,
    )
    items = [
        RetentionEntry(
            position_id=d["_id"],
            title=d["title"],
            closed_at=d["closed_at"],
            erase_at=erase_date(d["closed_at"], months),
            candidates=await db.invitations.count_documents(_kept(identity.tenant, d["_id"])),
        )
        for d in docs
    ]
    return RetentionSchedule(months=months, items=items, next_cursor=following)


def _kept(tenant: str, position_id: str) -> dict[str, Any]:
    return {"tenant": tenant, "position_id": position_id, "erased": {"$ne": True}}


class Retention:
    """The sweep: every closed position whose retention period is over has each candidate's data
    of that position erased (one erasure event per candidate, `reason: retention`), then is
    marked erased. A sweep cut short is finished by the next one; two at once erase a
    candidate once (the erasure's update is guarded)."""

    def __init__(self, service: Service) -> None:
        self.service = service

    async def sweep(self, now: datetime) -> int:
        """One pass at `now`; returns how many candidates were erased."""
        db, erased = self.service.db, 0
        months: dict[str, int] = {}
        closed = db.positions.find({"closed_at": {"$ne": None}, "retention_erased_at": None})
        async for position in closed:
            tenant = position["tenant"]
            if tenant not in months:
                months[tenant] = await retention_months(db, tenant)
            if erase_date(position["closed_at"], months[tenant]) > now:
                continue
            candidates: dict[str, list[dict[str, Any]]] = {}
            kept = db.invitations.find(_kept(tenant, position["_id"]), {"email": 1, "email_key": 1})
            async for doc in kept:
                candidates.setdefault(doc["email_key"], []).append(doc)
            for key, docs in candidates.items():
                await erase_invitations(
                    self.service, self.service.app.state.mail, tenant, key, docs, REQUESTED_BY,
                    reason="retention",
                )  # fmt: skip
                erased += 1
                ERASED.labels(self.service.name).inc()
            await db.positions.update_one(
                {"_id": position["_id"], "tenant": tenant, "retention_erased_at": None},
                {"$set": {"retention_erased_at": now}},
            )
        return erased
