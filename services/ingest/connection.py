"""The candidate's connection check: the interview page sends a sample body before the interview
and times it, so it can record at a quality the candidate's upload keeps up with. The body is
read and discarded; nothing is stored."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from pydantic import BaseModel, Field

from services.chassis.api import Api, candidate
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity
from services.ingest.metrics import CONNECTION_CHECKS

api = Api("ingest", tags=["candidate recordings"])
# Big enough to time a slow upload, small enough for a slow connection to send in seconds.
MAX_SAMPLE_BYTES = 512 * 1024


class ConnectionCheck(BaseModel):
    received_bytes: int = Field(description="The size of the sample the service read.")


@api.post(
    "/candidate/connection-check",
    candidate("interview"),
    summary="Send a sample to time my upload (it is read and discarded)",
    response_model=ConnectionCheck,
    errors={413: "`payload_too_large`: the sample is over 512 KiB."},
    description="Send up to 512 KiB of any bytes as `application/octet-stream`; the answer says "
    "how many were read. The page divides the sample's size by the time the request took.",
    openapi_extra={
        "requestBody": {
            "required": False,
            "content": {
                "application/octet-stream": {
                    "schema": {"type": "string", "format": "binary", "maxLength": MAX_SAMPLE_BYTES}
                }
            },
        }
    },
)
async def connection_check(
    request: Request, identity: Annotated[Identity, Depends(require_identity)]
) -> ConnectionCheck:
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > MAX_SAMPLE_BYTES:
            raise ProblemError(413, "payload_too_large", "The sample is over 512 KiB.")
    CONNECTION_CHECKS.labels(request.app.state.service.name).inc()
    return ConnectionCheck(received_bytes=received)
