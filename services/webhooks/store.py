"""The webhooks service's storage: the indexes of its collections and the typed documents of its
aggregates (endpoints, deliveries and their attempts, the tenant's alert contacts)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, NotRequired, TypedDict

from pymongo import ASCENDING, DESCENDING
from pymongo.asynchronous.database import AsyncDatabase

DeliveryStatus = Literal["waiting", "pending", "delivered", "failed"]


class SecretDoc(TypedDict):
    """A signing secret (`whsec_...`); a rotated-out one signs until `expires_at`."""

    secret: str
    created_at: datetime
    expires_at: datetime | None


class EndpointDoc(TypedDict):
    _id: str
    tenant: str
    url: str
    event_types: list[str]
    description: str
    enabled: bool
    secrets: list[SecretDoc]
    created_at: datetime
    created_by: str
    # Since when every attempt failed (None after a success); past the limit it is disabled.
    failing_since: datetime | None
    disabled_reason: NotRequired[str | None]


class DeliveryDoc(TypedDict):
    """One event for one endpoint. `lane` (endpoint and aggregate) orders deliveries: only the
    oldest pending one of a lane is attempted. `due_at` is the next attempt, or the end of the
    claim of the attempt in flight."""

    _id: str
    tenant: str
    endpoint_id: str
    event_id: str
    webhook_id: str
    event_type: str
    aggregate: str
    lane: str
    seq: int
    body: str
    status: DeliveryStatus
    attempts: int
    due_at: datetime
    created_at: datetime
    delivered_at: NotRequired[datetime | None]
    last_status: NotRequired[int | None]
    last_error: NotRequired[str | None]
    replaying: NotRequired[bool]  # sent again on request; its attempts are marked as replays


class AttemptDoc(TypedDict):
    """One HTTP attempt of a delivery, for the delivery log."""

    _id: str
    tenant: str
    delivery_id: str
    endpoint_id: str
    at: datetime
    status_code: int | None
    latency_ms: float
    response: str
    error: str | None
    replay: bool
    # When a failed attempt scheduled the next one (None after a success or the last attempt).
    next_attempt_at: NotRequired[datetime | None]


class ContactsDoc(TypedDict):
    _id: str  # the tenant
    tenant: str
    emails: list[str]
    updated_at: datetime


async def ensure_indexes(db: AsyncDatabase[Any]) -> None:
    """Every API query starts with the tenant; the delivery job's (across tenants by design) on
    status and due time, and on the lane for ordering."""
    await db.endpoints.create_index([("tenant", ASCENDING), ("created_at", DESCENDING)])
    await db.endpoints.create_index([("tenant", ASCENDING), ("enabled", ASCENDING)])
    await db.deliveries.create_index([("status", ASCENDING), ("due_at", ASCENDING)])
    await db.deliveries.create_index(
        [("lane", ASCENDING), ("status", ASCENDING), ("seq", ASCENDING)]
    )
    await db.deliveries.create_index(
        [("tenant", ASCENDING), ("endpoint_id", ASCENDING), ("created_at", DESCENDING)]
    )
    await db.attempts.create_index(
        [("tenant", ASCENDING), ("delivery_id", ASCENDING), ("at", ASCENDING)]
    )
