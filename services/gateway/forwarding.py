"""The gateway's forwarded operations, built at start-up from the services' own declarations.

For each declared operation the gateway adds one route at `/v1<path>` whose parameters, body,
response and error table are those FastAPI derived from the service's handler, so the gateway
validates them (a bad id is a 422 here, never a broken upstream call) and documents them exactly.
Its one handler authenticates the caller for the declared kind, checks the scope, limits the
rate, then forwards the request with the asserted identity (ADR 0015); a POST with an
`Idempotency-Key` goes through `idempotency`."""

from __future__ import annotations

import copy
import importlib
import inspect
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic_core import PydanticUndefined

from services.chassis.api import Operation
from services.chassis.identity import Identity
from services.gateway import idempotency
from services.gateway.auth import authenticate_candidate, require
from services.gateway.upstream import Upstreams

# The services whose operations the gateway serves; each has `routes.OPERATIONS`.
SERVICES = (
    "invite",
    "scheduling",
    "review",
    "ingest",
    "transcoding",
    "webhooks",
    "transcription",
    "live",
)


def operations() -> list[Operation]:
    """Every service's public operations. The gateway imports the declarations (the handlers
    never run here); a service's code is in the gateway's image for that reason alone."""
    return [
        op
        for name in SERVICES
        for op in importlib.import_module(f"services.{name}.routes").OPERATIONS
    ]


def install(app: FastAPI, ops: Iterable[Operation]) -> None:
    for op in ops:
        route = op.route
        app.add_api_route(
            op.public_path,
            _forwarder(op),
            methods=[op.method],
            name=op.name,
            summary=op.summary,
            description=_description(op),
            tags=list(route.tags),
            status_code=route.status_code,
            response_model=route.response_model,
            response_class=route.response_class,
            responses=op.responses(),
            openapi_extra=route.openapi_extra,
            operation_id=f"{op.service}_{op.route.name}",
        )


def _description(op: Operation) -> str:
    scopes = " or ".join(f"`{s}`" for s in op.caller.scopes)
    who = (
        f"Requires the scope {scopes}."
        if op.caller.kind == "staff"
        else f"For a candidate holding a `{op.caller.link}` link."
    )
    return f"{op.route.description}\n\n{who}".strip()


def _forwarder(op: Operation) -> Callable[..., Any]:
    caller: Callable[..., Any] = (
        require(*op.caller.scopes)
        if op.caller.kind == "staff"
        else authenticate_candidate(op.caller.link)
    )

    headers = [f.alias for f in fields_by_location(op.route.dependant)["header"]]

    async def forward(
        request: Request, identity: Identity, idempotency_key: str | None = None, **_: Any
    ) -> Response:
        upstreams: Upstreams = request.app.state.upstreams
        settings = request.app.state.settings
        base_url: str = getattr(settings, f"{op.service}_url")
        path = op.path.format(**{k: quote(str(v), safe="") for k, v in request.path_params.items()})
        retry = op.retry_safe
        if idempotency_key is None:
            return await upstreams.forward(request, identity, base_url, path, headers, retry)
        return await idempotency.run(
            request,
            identity,
            idempotency_key,
            lambda: upstreams.forward(request, identity, base_url, path, headers, retry),
            ttl=timedelta(hours=settings.idempotency_ttl_hours),
            lease=timedelta(seconds=settings.upstream_timeout_seconds + 30),
        )

    params = [
        inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request),
        inspect.Parameter(
            "identity",
            inspect.Parameter.KEYWORD_ONLY,
            annotation=Annotated[Identity, Depends(caller)],
        ),
        *_parameters(op.route),
    ]
    if op.method == "POST":  # every POST is safe to retry with a key
        params.append(
            inspect.Parameter(
                "idempotency_key",
                inspect.Parameter.KEYWORD_ONLY,
                annotation=idempotency.KeyHeader,
                default=None,
            )
        )
    forward.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    forward.__name__ = op.route.name
    return forward


def _parameters(route: APIRoute) -> list[inspect.Parameter]:
    """The service route's path, query, header and body parameters (its dependencies' too), as
    parameters of the gateway's handler: the same types, constraints, defaults and aliases."""
    out: list[inspect.Parameter] = []
    seen: set[str] = set()
    for f in (f for fs in fields_by_location(route.dependant).values() for f in fs):
        if f.name in seen:
            continue
        seen.add(f.name)
        info = copy.copy(f.field_info)
        default = info.default
        info.default = PydanticUndefined
        info._attributes_set = {k: v for k, v in info._attributes_set.items() if k != "default"}
        out.append(
            inspect.Parameter(
                f.name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=Annotated[info.annotation, info],
                default=inspect.Parameter.empty if default is PydanticUndefined else default,
            )
        )
    return out


def fields_by_location(dependant: Dependant) -> dict[str, list[Any]]:
    """The path, query, header and body fields of a dependant and its sub-dependencies."""
    out: dict[str, list[Any]] = {
        "path": list(dependant.path_params),
        "query": list(dependant.query_params),
        "header": list(dependant.header_params),
        "body": list(dependant.body_params),
    }
    for sub in dependant.dependencies:
        for where, fields in fields_by_location(sub).items():
            out[where] += fields
    return out
