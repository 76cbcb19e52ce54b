"""Calls from the gateway to a service: the signed identity and the trace context go with every call."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import Response

from services.chassis import identity as identity_header
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.chassis.telemetry import current_trace_headers


class Upstreams:
    def __init__(self, secret: str, timeout: float) -> None:
        self.secret = secret
        self.client = httpx.AsyncClient(timeout=timeout)

    async def close(self) -> None:
        await self.client.aclose()

    async def call(
        self,
        method: str,
        base_url: str,
        path: str,
        identity: Identity,
        *,
        json: Any = None,
        params: dict[str, str] | None = None,
    ) -> Response:
        headers = {
            identity_header.HEADER: identity_header.encode(identity, self.secret),
            **current_trace_headers(),
        }
        try:
            upstream = await self.client.request(
                method, f"{base_url}{path}", json=json, params=params, headers=headers
            )
        except httpx.HTTPError as exc:
            raise ProblemError(
                503,
                "service_unavailable",
                f"An internal service did not answer ({type(exc).__name__}).",
            ) from exc
        return Response(
            upstream.content,
            status_code=upstream.status_code,
            media_type=upstream.headers.get("content-type"),
        )
