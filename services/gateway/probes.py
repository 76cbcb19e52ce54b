"""Public API of pipeline probes: a synthetic request through invite, Kafka, ingest and S3."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from services.chassis.api import Id
from services.chassis.identity import Identity
from services.gateway.auth import problems, require
from services.gateway.settings import GatewaySettings
from services.gateway.upstream import Upstreams
from services.ingest.probes import ProbeResult
from services.invite.probes import ProbeAccepted

router = APIRouter(prefix="/v1/probes", tags=["operations"])


class ProbeRequest(BaseModel):
    note: str | None = Field(default=None, max_length=500)


@router.post(
    "",
    status_code=202,
    response_model=ProbeAccepted,
    responses=problems("POST", "/probes"),
    summary="Send a probe through the pipeline",
)
async def request_probe(
    body: ProbeRequest,
    request: Request,
    identity: Annotated[Identity, Depends(require("probes:write"))],
) -> Response:
    settings: GatewaySettings = request.app.state.settings
    upstreams: Upstreams = request.app.state.upstreams
    return await upstreams.call(
        "POST", settings.invite_url, "/probes", identity, json=body.model_dump()
    )


@router.get(
    "/{probe_id}",
    response_model=ProbeResult,
    responses=problems(
        "GET", "/probes/{probe_id}", {404: "`probe_not_found`: unknown or not answered yet."}
    ),
    summary="Read a probe's result",
)
async def probe_result(
    probe_id: Id, request: Request, identity: Annotated[Identity, Depends(require("probes:write"))]
) -> Response:
    settings: GatewaySettings = request.app.state.settings
    upstreams: Upstreams = request.app.state.upstreams
    return await upstreams.call("GET", settings.ingest_url, f"/probes/{probe_id}", identity)
