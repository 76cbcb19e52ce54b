"""Public API of pipeline probes: a synthetic request through invite, Kafka, ingest and S3."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from services.chassis.errors import Problem
from services.chassis.identity import Identity
from services.gateway.auth import require
from services.gateway.settings import GatewaySettings
from services.gateway.upstream import Upstreams

router = APIRouter(prefix="/v1/probes", tags=["operations"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": Problem, "description": "Missing or invalid credentials."},
    422: {"model": Problem, "description": "The body does not match the schema."},
    503: {"model": Problem, "description": "An internal service did not answer."},
}


class ProbeRequest(BaseModel):
    note: str | None = Field(default=None, max_length=500)


@router.post("", status_code=202, responses=ERRORS, summary="Send a probe through the pipeline")
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
    responses={**ERRORS, 404: {"model": Problem, "description": "Unknown or unanswered probe."}},
    summary="Read a probe's result",
)
async def probe_result(
    probe_id: str, request: Request, identity: Annotated[Identity, Depends(require("probes:write"))]
) -> Response:
    settings: GatewaySettings = request.app.state.settings
    upstreams: Upstreams = request.app.state.upstreams
    return await upstreams.call("GET", settings.ingest_url, f"/probes/{probe_id}", identity)
