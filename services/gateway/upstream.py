"""Calls from the gateway to a service: the signed identity and the trace context go with every call."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

import httpx
from fastapi import Request, Response
from prometheus_client import Counter
from starlette.requests import ClientDisconnect

from services.chassis import identity as identity_header
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.chassis.telemetry import current_trace_headers

log = logging.getLogger(__name__)
KEEPALIVE_SECONDS = 2.0
# The connection broke before the service answered: nothing was read back.
BROKEN = (httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError)
RETRIED = Counter(
    "gateway_upstream_retries_total",
    "Calls to a service sent again because the connection broke before it answered",
)


class Upstreams:
    def __init__(self, secret: str, timeout: float) -> None:
        self.secret = secret
        # Idle connections are dropped before the services' servers drop them (uvicorn: 5 s), so
        # a request never goes out on a connection the other side is closing.
        self.client = httpx.AsyncClient(
            timeout=timeout, limits=httpx.Limits(keepalive_expiry=KEEPALIVE_SECONDS)
        )
        # A call that must not be sent twice goes on a connection of its own: under load a pooled
        # connection was seen closed beneath a request reading from it (ReadError from anyio's
        # ClosedResourceError), about once in a thousand calls, and such a call cannot be retried.
        self.once = httpx.AsyncClient(
            timeout=timeout, limits=httpx.Limits(max_keepalive_connections=0)
        )

    async def close(self) -> None:
        await self.client.aclose()
        await self.once.aclose()

    async def call(
        self,
        method: str,
        base_url: str,
        path: str,
        identity: Identity,
        *,
        json: Any = None,
        params: Any = None,
        content: bytes | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        retry: bool = False,
    ) -> Response:
        """The service's answer. A call that is `retry` safe (a read, or a POST whose repeat
        changes nothing) is sent once more when the connection broke before any answer (a
        connection the service reset or closed under load); any other is a 503."""
        headers = {
            **(headers or {}),
            identity_header.HEADER: identity_header.encode(identity, self.secret),
            **current_trace_headers(),
        }
        if content_type:
            headers["content-type"] = content_type
        try:
            for attempt in range(2 if retry else 1):
                try:
                    upstream = await (self.client if retry else self.once).request(
                        method,
                        f"{base_url}{path}",
                        json=json,
                        params=params,
                        headers=headers,
                        content=content,
                    )
                    break
                except BROKEN as exc:
                    if not retry or attempt:
                        raise
                    RETRIED.inc()
                    log.info("upstream call sent again", extra=_failure(method, base_url, exc))
        except httpx.InvalidURL as exc:
            # A path parameter no route constrained (control characters): the caller's request is
            # invalid, not the service unavailable.
            raise ProblemError(
                422,
                "invalid_request",
                "A path parameter has characters a URL cannot carry.",
                errors=[{"loc": ["path"], "msg": str(exc), "type": "invalid_url"}],
            ) from exc
        except httpx.HTTPError as exc:
            log.warning("upstream call failed", extra=_failure(method, base_url, exc))
            raise ProblemError(
                503,
                "service_unavailable",
                f"An internal service did not answer ({type(exc).__name__}).",
            ) from exc
        passed = {k: v for k, v in upstream.headers.items() if k.lower() in _PASSED_HEADERS}
        return Response(
            upstream.content,
            status_code=upstream.status_code,
            media_type=upstream.headers.get("content-type"),
            headers=passed,
        )

    async def forward(
        self,
        request: Request,
        identity: Identity,
        base_url: str,
        path: str,
        header_names: Iterable[str] = (),
        retry: bool = False,
    ) -> Response:
        """Pass the request's method, query, body, content type and the headers the operation
        declares (e.g. If-Match) to a service as `identity`."""
        try:
            body = await request.body()
        except ClientDisconnect:
            raise ProblemError(
                400, "client_disconnected", "The request ended before its body was read."
            ) from None
        passed = {n: v for n in header_names if (v := request.headers.get(n)) is not None}
        return await self.call(
            request.method,
            base_url,
            path,
            identity,
            params=list(request.query_params.multi_items()),
            content=body or None,
            content_type=request.headers.get("content-type"),
            headers=passed,
            retry=retry,
        )


def _failure(method: str, base_url: str, exc: BaseException) -> dict[str, str]:
    """The log fields of a failed call: the service, and the error with what caused it (a
    reset, a closed stream), since httpx's own message is often empty."""
    causes: list[str] = []
    cause: BaseException | None = exc
    while cause is not None and len(causes) < 4:
        causes.append(f"{type(cause).__name__}: {cause}".rstrip(": "))
        cause = cause.__cause__ or cause.__context__
    return {"upstream": base_url, "method": method, "error": " <- ".join(causes)}


_PASSED_HEADERS = {"content-disposition", "retry-after", "location", "etag"}


Forward = Callable[[Request, Identity, str], Awaitable[Response]]


def forward_to(service: str) -> Forward:
    """`await forward_to("invite")(request, identity, path)`: forward to a service by its name."""

    async def forward(request: Request, identity: Identity, path: str) -> Response:
        upstreams: Upstreams = request.app.state.upstreams
        base_url: str = getattr(request.app.state.settings, f"{service}_url")
        return await upstreams.forward(request, identity, base_url, path)

    return forward
