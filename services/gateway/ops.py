"""Operations for administrators and SREs without Grafana: every service's readiness, outbox and
consumer lag, and the dead letters of every consumer group, with a re-drive action."""

from __future__ import annotations

import asyncio
import hmac
import time
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import httpx
from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials
from faststream import AckPolicy
from faststream.kafka.annotations import KafkaMessage
from prometheus_client.parser import text_string_to_metric_families
from pydantic import BaseModel

from services.chassis import paging
from services.chassis.api import Id
from services.chassis.bus import ATTEMPT, ERROR, ERROR_TYPE, NOT_BEFORE, ORIGINAL_TOPIC
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.chassis.service import Service
from services.gateway.auth import allowed, authenticate, bearer, problems
from services.gateway.settings import GatewaySettings

router = APIRouter(prefix="/v1/ops", tags=["operations"])
SERVICES = (
    "gateway",
    "invite",
    "ingest",
    "transcoding",
    "transcription",
    "review",
    "scheduling",
    "webhooks",
    "live",
)
ADMINS_ONLY = {403: "`forbidden`: operations are for administrators (or the platform key)."}
# The status to list; empty lists every status.
LetterStatus = Literal["parked", "redriven", ""]


class Operator(BaseModel):
    """A tenant administrator (sees their tenant) or the platform operator (sees every tenant)."""

    tenant: str | None
    principal: str


async def operator(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Operator:
    settings: GatewaySettings = request.app.state.settings
    presented = credentials.credentials if credentials else ""
    platform = settings.platform_admin_key
    if platform and hmac.compare_digest(presented.encode(), platform.encode()):
        return Operator(tenant=None, principal="platform")
    identity: Identity = await authenticate(request, credentials)
    if not allowed(identity, "*"):
        raise ProblemError(403, "forbidden", "Operations are for administrators.")
    return Operator(tenant=identity.tenant, principal=identity.principal)


Ops = Annotated[Operator, Depends(operator)]


# --- dead letters -------------------------------------------------------------------------------


def register(service: Service) -> None:
    """Keep every consumer group's dead letters in the gateway's database for the ops view."""
    letters = service.db.dead_letters

    @service.on_startup
    async def indexes() -> None:
        await letters.create_index([("tenant", 1), ("failed_at", -1)])
        await letters.create_index([("status", 1), ("failed_at", -1)])

    async def park(message: KafkaMessage) -> None:
        record = message.raw_message
        assert not isinstance(record, tuple)  # a single-message subscriber
        headers: dict[str, str] = dict(message.headers)
        await letters.update_one(
            {"_id": f"{record.topic}:{record.partition}:{record.offset}"},
            {
                "$setOnInsert": {
                    "topic": record.topic,
                    "group": headers.get("x-consumer-group", ""),
                    "tenant": headers.get("ce_tenant"),
                    "type": headers.get("ce_type", "unknown"),
                    "event_id": headers.get("ce_id"),
                    "error": headers.get(ERROR, ""),
                    "error_type": headers.get(ERROR_TYPE, ""),
                    "attempts": headers.get(ATTEMPT),
                    "original_topic": headers.get(ORIGINAL_TOPIC),
                    "headers": headers,
                    "key": (record.key or b"").decode(errors="replace"),
                    "body": message.body.decode(errors="replace"),
                    "failed_at": headers.get("x-failed-at") or datetime.now(UTC).isoformat(),
                    "status": "parked",
                }
            },
            upsert=True,
        )

    service.broker.subscriber(
        pattern=r".*\.dlq",
        group_id=f"{service.name}-ops",
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
        session_timeout_ms=service.settings.consumer_session_timeout_ms,
        heartbeat_interval_ms=service.settings.consumer_heartbeat_interval_ms,
    )(park)


class DeadLetter(BaseModel):
    id: str
    group: str
    tenant: str | None
    type: str
    event_id: str | None
    error_type: str
    error: str
    attempts: str | None
    failed_at: str
    status: str
    body: str


class DeadLetterPage(paging.Page[DeadLetter]):
    """A page of dead letters, newest first."""


def _scope(op: Operator) -> dict[str, Any]:
    return {} if op.tenant is None else {"tenant": op.tenant}


@router.get(
    "/dead-letters",
    response_model=DeadLetterPage,
    responses=problems("GET", "/ops/dead-letters", {**ADMINS_ONLY, **paging.ERRORS}),
    summary="Dead letters of every consumer group, newest first",
)
async def dead_letters(
    request: Request,
    op: Ops,
    status: LetterStatus | None = "parked",
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> DeadLetterPage:
    query = _scope(op) | ({"status": status} if status else {})
    docs, following = await paging.read(
        request.app.state.service.db.dead_letters,
        query,
        sort=[("failed_at", -1), ("_id", -1)],
        limit=limit,
        cursor=cursor,
    )
    return DeadLetterPage(
        items=[
            DeadLetter(id=d["_id"], **{k: d.get(k) for k in DeadLetter.model_fields if k != "id"})
            for d in docs
        ],
        next_cursor=following,
    )


@router.post(
    "/dead-letters/{letter_id}/redrive",
    response_model=DeadLetter,
    responses=problems(
        "POST",
        "/ops/dead-letters/{letter_id}/redrive",
        {
            **ADMINS_ONLY,
            404: "`dead_letter_not_found`: no such dead letter (in your tenant).",
            409: "`already_redriven`: this dead letter was re-driven already.",
        },
    ),
    summary="Send a dead letter back to its consumer group (only that group) for a retry",
)
async def redrive(letter_id: Id, request: Request, op: Ops) -> DeadLetter:
    service: Service = request.app.state.service
    letters = service.db.dead_letters
    doc = await letters.find_one({"_id": letter_id, **_scope(op)})
    if doc is None:
        raise ProblemError(404, "dead_letter_not_found", "No such dead letter.")
    if doc["status"] != "parked":
        raise ProblemError(409, "already_redriven", "This dead letter was re-driven already.")
    headers = {k: v for k, v in doc["headers"].items() if not k.startswith("x-")}
    headers.update(
        {
            ATTEMPT: "1",
            NOT_BEFORE: f"{time.time():.3f}",
            ORIGINAL_TOPIC: doc["original_topic"] or "",
            "x-consumer-group": doc["group"],
        }
    )
    # The group's own retry topic: only the group that failed handles it again.
    await service.broker.publish(
        doc["body"].encode(),
        f"{doc['group']}.retry",
        key=doc["key"].encode() or None,
        headers=headers,
    )
    await letters.update_one(
        {"_id": letter_id},
        {
            "$set": {
                "status": "redriven",
                "redriven_by": op.principal,
                "redriven_at": datetime.now(UTC),
            }
        },
    )
    doc = await letters.find_one({"_id": letter_id})
    assert doc is not None
    return DeadLetter(
        id=doc["_id"], **{k: doc.get(k) for k in DeadLetter.model_fields if k != "id"}
    )


# --- pipeline status ----------------------------------------------------------------------------


class ServiceStatus(BaseModel):
    name: str
    ready: bool
    checks: dict[str, bool]
    outbox_pending: float | None
    outbox_oldest_seconds: float | None
    consumer_lag: float | None
    dead_lettered: float | None
    handled: dict[str, float]


async def _status(client: httpx.AsyncClient, name: str, url: str) -> ServiceStatus:
    ready, checks = False, {}
    metrics: dict[str, float] = {}
    handled: dict[str, float] = {}
    try:
        response = await client.get(f"{url}/readyz")
        ready, checks = response.status_code == 200, response.json().get("checks", {})
        text = (await client.get(f"{url}/metrics")).text
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == "events_handled_total":
                    outcome = sample.labels.get("outcome", "")
                    handled[outcome] = handled.get(outcome, 0) + sample.value
                else:
                    metrics[sample.name] = metrics.get(sample.name, 0) + sample.value
    except (httpx.HTTPError, ValueError):
        pass
    return ServiceStatus(
        name=name,
        ready=ready,
        checks=checks,
        outbox_pending=metrics.get("outbox_pending_events"),
        outbox_oldest_seconds=metrics.get("outbox_oldest_pending_age_seconds"),
        consumer_lag=metrics.get("kafka_consumer_lag"),
        dead_lettered=handled.get("dead_lettered"),
        handled=handled,
    )


@router.get(
    "/status",
    response_model=list[ServiceStatus],
    responses=problems("GET", "/ops/status", ADMINS_ONLY),
    summary="Every service's readiness, outbox backlog, consumer lag and event outcomes",
)
async def status(request: Request, op: Ops) -> list[ServiceStatus]:
    settings: GatewaySettings = request.app.state.settings
    own = f"http://127.0.0.1:{settings.service_port}"
    urls = {
        name: own if name == "gateway" else getattr(settings, f"{name}_url") for name in SERVICES
    }
    async with httpx.AsyncClient(timeout=3, trust_env=False) as client:
        return list(await asyncio.gather(*(_status(client, n, u) for n, u in urls.items())))
