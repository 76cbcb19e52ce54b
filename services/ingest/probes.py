"""Pipeline probes, the ingest side: answer probe.requested by storing an object and a read model row."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from contracts.events.probes import ProbeRequested
from services.chassis.bus import Delivery
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity
from services.chassis.service import Service
from services.chassis.storage import tenant_key

router = APIRouter()


class ProbeResult(BaseModel):
    probe_id: str
    status: str
    object_key: str
    object_bytes: int
    requested_at: datetime
    answered_at: datetime
    latency_ms: float
    deliveries: int


def answerer(service: Service) -> Callable[[Delivery[ProbeRequested]], Awaitable[None]]:
    """The probe.requested handler."""

    async def answer(delivery: Delivery[ProbeRequested]) -> None:
        assert service.storage is not None
        probe = delivery.payload
        key = tenant_key(delivery.tenant, "probes", f"{probe.probe_id}.json")
        body = json.dumps(
            {"probe_id": probe.probe_id, "event_id": delivery.envelope.id, "note": probe.note}
        ).encode()
        # Deterministic key: a redelivery overwrites the same object.
        await service.storage.put_bytes(key, body, "application/json")
        answered = datetime.now(UTC)
        await service.db.probes.update_one(
            {"_id": probe.probe_id, "tenant": delivery.tenant},
            {
                "$set": {
                    "status": "answered",
                    "object_key": key,
                    "object_bytes": len(body),
                    "requested_at": probe.requested_at,
                    "answered_at": answered,
                    "latency_ms": (answered - probe.requested_at).total_seconds() * 1000,
                },
                "$inc": {"deliveries": 1},
            },
            upsert=True,
            session=delivery.session,
        )

    return answer


@router.get("/probes/{probe_id}", response_model=ProbeResult)
async def probe_result(
    probe_id: str, request: Request, identity: Annotated[Identity, Depends(require_identity)]
) -> ProbeResult:
    service: Service = request.app.state.service
    doc: dict[str, Any] | None = await service.db.probes.find_one(
        {"_id": probe_id, "tenant": identity.tenant}
    )
    if doc is None:
        raise ProblemError(404, "probe_not_found", "No such probe, or not answered yet.")
    return ProbeResult(
        probe_id=doc["_id"], **{k: v for k, v in doc.items() if k != "_id" and k != "tenant"}
    )
