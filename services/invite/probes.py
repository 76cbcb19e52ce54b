"""Pipeline probes, the invite side: record a probe and emit probe.requested through the outbox."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.probes import ProbeRequested
from services.chassis.identity import Identity, require_identity
from services.chassis.service import Service

router = APIRouter()


class ProbeRequest(BaseModel):
    note: str | None = Field(default=None, max_length=500)


class ProbeAccepted(BaseModel):
    probe_id: str
    requested_at: datetime


@router.post("/probes", status_code=202, response_model=ProbeAccepted)
async def request_probe(
    body: ProbeRequest,
    request: Request,
    identity: Annotated[Identity, Depends(require_identity)],
) -> ProbeAccepted:
    service: Service = request.app.state.service
    event = ProbeRequested(
        probe_id=str(uuid.uuid4()), requested_at=datetime.now(UTC), note=body.note
    )

    async def write(session: AsyncClientSession) -> None:
        await service.db.probes.insert_one(
            {
                "_id": event.probe_id,
                "tenant": identity.tenant,
                "requested_by": identity.principal,
                "requested_at": event.requested_at,
                "note": event.note,
            },
            session=session,
        )
        await service.outbox.add(session, identity.tenant, event)

    await service.transaction(write)
    return ProbeAccepted(probe_id=event.probe_id, requested_at=event.requested_at)
