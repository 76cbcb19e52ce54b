"""Deliveries: one public event for one endpoint. Created when a public event is consumed, once
per event and endpoint, in lanes (endpoint and aggregate) that keep their order; read with their
attempt log; replayed one at a time or every one of an endpoint since an instant, with the same
`webhook-id`."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any, cast

from fastapi import Request
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.webhooks import message
from services.chassis import paging
from services.chassis.api import Api, Id, staff
from services.chassis.bus import Delivery
from services.chassis.errors import ProblemError
from services.chassis.identity import Staff
from services.chassis.service import Service
from services.webhooks.dispatcher import NEVER, Dispatcher
from services.webhooks.endpoints import NOT_FOUND, load_endpoint
from services.webhooks.schemas import (
    AttemptOut,
    DeliveryLog,
    DeliveryOut,
    DeliveryPage,
    ReplayIn,
    ReplayOut,
)
from services.webhooks.store import DeliveryDoc, DeliveryStatus

api = Api("webhooks", tags=["webhooks"])

DELIVERY_NOT_FOUND = {404: "`delivery_not_found`: no such delivery in your tenant."}
# After the consumer's transaction commits the new deliveries are visible; wake the job then.
WAKE_AFTER_SECONDS = 0.05


def lane(endpoint_id: str, aggregate: str) -> str:
    return f"{endpoint_id}|{aggregate}"


async def _enqueue(
    db: Any, session: AsyncClientSession | None, doc: DeliveryDoc, *, insert: bool
) -> bool:
    """Put a delivery at the end of its lane: the head (due now) if the lane is empty."""
    busy = await db.deliveries.find_one(
        {
            "lane": doc["lane"],
            "status": {"$in": ["pending", "waiting"]},
            "_id": {"$ne": doc["_id"]},
        },
        {"_id": 1},
        session=session,
    )
    doc["status"] = "waiting" if busy else "pending"
    doc["due_at"] = NEVER if busy else datetime.now(UTC)
    if insert:
        result = await db.deliveries.update_one(
            {"_id": doc["_id"]}, {"$setOnInsert": doc}, upsert=True, session=session
        )
        return result.upserted_id is not None
    await db.deliveries.update_one(
        {"_id": doc["_id"], "tenant": doc["tenant"]},
        {
            "$set": {
                "status": doc["status"],
                "due_at": doc["due_at"],
                "seq": doc["seq"],
                "attempts": 0,
                "replaying": True,
            }
        },
        session=session,
    )
    return True


def fan_out(service: Service, dispatcher: Dispatcher) -> Any:
    """The handler of every internal event that has a public webhook event: a delivery for each
    enabled endpoint of the event's tenant that wants it, in the consumer's transaction (so a
    redelivered event creates none; the `_id` makes it idempotent on its own too)."""

    async def handle(delivery: Delivery[Any]) -> None:
        envelope = delivery.envelope
        public = message(envelope, delivery.payload)
        if public is None:
            return
        db = service.db
        endpoints = db.endpoints.find(
            {"tenant": delivery.tenant, "enabled": True, "event_types": public.type},
            {"_id": 1},
            session=delivery.session,
        )
        body = public.model_dump_json()
        created = 0
        async for endpoint in endpoints:
            doc = DeliveryDoc(
                _id=f"{endpoint['_id']}:{envelope.id}",
                tenant=delivery.tenant,
                endpoint_id=endpoint["_id"],
                event_id=envelope.id,
                webhook_id=f"msg_{envelope.id}",
                event_type=public.type,
                aggregate=envelope.subject,
                lane=lane(endpoint["_id"], envelope.subject),
                seq=time.time_ns(),
                body=body,
                status="pending",
                attempts=0,
                due_at=NEVER,
                created_at=datetime.now(UTC),
            )
            created += await _enqueue(db, delivery.session, doc, insert=True)
        if created:
            asyncio.get_running_loop().call_later(WAKE_AFTER_SECONDS, dispatcher.wake)

    return handle


def to_out(doc: DeliveryDoc) -> DeliveryOut:
    due = doc["due_at"] if doc["status"] == "pending" and doc["due_at"] != NEVER else None
    return DeliveryOut(
        id=doc["_id"],
        endpoint_id=doc["endpoint_id"],
        webhook_id=doc["webhook_id"],
        event_id=doc["event_id"],
        event_type=doc["event_type"],
        status=doc["status"],
        attempts=doc["attempts"],
        next_attempt_at=due,
        created_at=doc["created_at"],
        delivered_at=doc.get("delivered_at"),
        last_status=doc.get("last_status"),
        last_error=doc.get("last_error"),
    )


async def load_delivery(db: Any, tenant: str, delivery_id: str) -> DeliveryDoc:
    doc = cast(
        DeliveryDoc | None, await db.deliveries.find_one({"_id": delivery_id, "tenant": tenant})
    )
    if doc is None:
        raise ProblemError(404, "delivery_not_found", "No such delivery.")
    return doc


def _ctx(request: Request) -> tuple[Service, Dispatcher]:
    return request.app.state.service, request.app.state.dispatcher


@api.get(
    "/webhooks/endpoints/{endpoint_id}/deliveries",
    staff("webhooks:read"),
    summary="List an endpoint's deliveries, newest first",
    response_model=DeliveryPage,
    errors={**NOT_FOUND, **paging.ERRORS},
)
async def list_deliveries(
    endpoint_id: Id,
    request: Request,
    identity: Staff,
    status: DeliveryStatus | None = None,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> DeliveryPage:
    service, _ = _ctx(request)
    await load_endpoint(service.db, identity.tenant, endpoint_id)
    query: dict[str, Any] = {"tenant": identity.tenant, "endpoint_id": endpoint_id}
    if status:
        query["status"] = status
    docs, following = await paging.read(
        service.db.deliveries,
        query,
        sort=[("created_at", -1), ("_id", -1)],
        limit=limit,
        cursor=cursor,
    )
    return DeliveryPage(
        items=[to_out(cast(DeliveryDoc, doc)) for doc in docs], next_cursor=following
    )


@api.get(
    "/webhooks/deliveries/{delivery_id}",
    staff("webhooks:read"),
    summary="Read a delivery with its log (each attempt: time, status, latency, response)",
    response_model=DeliveryLog,
    errors=DELIVERY_NOT_FOUND,
)
async def get_delivery(delivery_id: Id, request: Request, identity: Staff) -> DeliveryLog:
    service, _ = _ctx(request)
    doc = await load_delivery(service.db, identity.tenant, delivery_id)
    attempts = service.db.attempts.find(
        {"tenant": identity.tenant, "delivery_id": delivery_id}
    ).sort("at", 1)
    log = [
        AttemptOut(
            at=a["at"],
            status_code=a["status_code"],
            latency_ms=a["latency_ms"],
            response=a["response"],
            error=a["error"],
            replay=a["replay"],
            next_attempt_at=a.get("next_attempt_at"),
        )
        async for a in attempts
    ]
    return DeliveryLog(**to_out(doc).model_dump(), log=log)


async def replay(service: Service, doc: DeliveryDoc) -> bool:
    """Send a finished delivery again (same `webhook-id` and body), at the end of its lane."""
    if doc["status"] in {"pending", "waiting"}:
        return False
    doc["seq"] = time.time_ns()
    return await _enqueue(service.db, None, doc, insert=False)


@api.post(
    "/webhooks/deliveries/{delivery_id}/replay",
    staff("webhooks:write"),
    summary="Send a delivery again, with the same webhook-id",
    status_code=202,
    response_model=DeliveryOut,
    errors={
        **DELIVERY_NOT_FOUND,
        409: "`delivery_in_progress`: the delivery has not finished yet.",
    },
)
async def replay_delivery(delivery_id: Id, request: Request, identity: Staff) -> DeliveryOut:
    service, dispatcher = _ctx(request)
    doc = await load_delivery(service.db, identity.tenant, delivery_id)
    if not await replay(service, doc):
        raise ProblemError(409, "delivery_in_progress", "The delivery has not finished yet.")
    dispatcher.wake()
    return to_out(await load_delivery(service.db, identity.tenant, delivery_id))


@api.post(
    "/webhooks/endpoints/{endpoint_id}/replay",
    staff("webhooks:write"),
    summary="Send again every finished delivery of an endpoint created since an instant",
    status_code=202,
    response_model=ReplayOut,
    errors=NOT_FOUND,
)
async def replay_endpoint(
    endpoint_id: Id, body: ReplayIn, request: Request, identity: Staff
) -> ReplayOut:
    service, dispatcher = _ctx(request)
    await load_endpoint(service.db, identity.tenant, endpoint_id)
    since = body.since if body.since.tzinfo else body.since.replace(tzinfo=UTC)
    cursor = service.db.deliveries.find(
        {
            "tenant": identity.tenant,
            "endpoint_id": endpoint_id,
            "created_at": {"$gte": since},
            "status": {"$in": ["delivered", "failed"]},
        }
    ).sort("seq", 1)
    replayed = 0
    async for doc in cursor:
        replayed += await replay(service, cast(DeliveryDoc, doc))
    if replayed:
        dispatcher.wake()
    return ReplayOut(replayed=replayed)
