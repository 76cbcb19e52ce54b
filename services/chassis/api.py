"""A service's public operations, declared once beside their handlers.

Each declaration is a route of the service's own app (with the caller kind re-checked there) and,
built by the gateway from the same declaration, a public operation under `/v1` with the same
path, parameters, body, response and errors (ADR 0015). The public path is always `/v1` followed
by the service's path, so there is no mapping to keep in step."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Path, Response
from fastapi.routing import APIRoute

from services.chassis.errors import PROBLEM_JSON, Problem, ProblemError
from services.chassis.identity import Identity, require_identity

PUBLIC_PREFIX = "/v1"
F = TypeVar("F", bound=Callable[..., Any])

# Ids in paths: what the services mint (UUIDs, `q0`, slugs). Anything else is refused with 422
# before a lookup, so control or non-ASCII characters never reach storage or another service.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._~:-]{0,127}$"
Id = Annotated[str, Path(pattern=ID_PATTERN, max_length=128, examples=["3f6c1c9e-0d7a-4b8e"])]


@dataclass(frozen=True)
class Caller:
    """Who may call an operation: staff holding one of `scopes`, or the holder of a link of the
    kind `scopes[0]`: a candidate's ("interview" or "scheduling"), or a read-only "share" of one
    candidate's answers made for someone without an account."""

    kind: Literal["staff", "candidate"]
    scopes: tuple[str, ...]

    @property
    def link(self) -> str:
        return self.scopes[0]

    def admits(self, identity: Identity) -> bool:
        if self.kind == "staff":
            return identity.kind in {"user", "api_key"}
        return identity.kind == "candidate" and self.link in identity.scopes

    def dependency(self) -> Callable[..., Any]:
        """The service-side check: the asserted identity is of this caller kind (else 403)."""

        def verify(identity: Annotated[Identity, Depends(require_identity)]) -> Identity:
            if not self.admits(identity):
                raise ProblemError(
                    403,
                    "forbidden",
                    "Staff only." if self.kind == "staff" else "Candidate links only.",
                )
            return identity

        return verify


def staff(scope: str, *alternatives: str) -> Caller:
    """Staff holding `scope` (or one of the alternatives; the service then checks whose record)."""
    return Caller("staff", (scope, *alternatives))


def candidate(link: Literal["interview", "scheduling", "share"]) -> Caller:
    return Caller("candidate", (link,))


def shared() -> Caller:
    """The holder of a share link: read-only, one candidate's answers, until it expires or is
    revoked. The asserted identity's principal is that candidate's invitation."""
    return candidate("share")


# The problems every operation may answer, described once. A declaration adds its own codes.
_COMMON: dict[int, str] = {
    401: "`unauthenticated`, `invalid_credentials`, `token_expired`, `invalid_link`: "
    "missing, invalid or expired credentials.",
    403: "`forbidden`: the credential lacks the required scope, or is of the wrong kind.",
    422: "`invalid_request`: a parameter or the body does not match the schema "
    "(`errors` lists each problem).",
    429: "`rate_limited`: too many requests for this credential; see Retry-After.",
    503: "`service_unavailable`: an internal service did not answer; retry later.",
}
_WITH_PATH = {404: "`not_found`: no such resource in your tenant."}
_WITH_BODY = {
    413: "`payload_too_large`: the body is over the limit.",
    415: "`unsupported_media_type`: send the documented content type.",
}
_WITH_POST = {
    409: "`idempotency_in_progress`: a request with this Idempotency-Key is still running; "
    "retry after Retry-After.",
    422: "`idempotency_key_reused`: this Idempotency-Key was used for another request.",
}
_WITH_LINK = {410: "`link_revoked`, `link_expired`: the candidate link is no longer valid."}


@dataclass(frozen=True)
class Operation:
    """One public operation. `route` is the service's own route, which holds the parameters,
    the body and the response model that FastAPI derived from the handler."""

    service: str
    method: str
    path: str
    caller: Caller
    summary: str
    route: APIRoute
    errors: Mapping[int, str] = field(default_factory=dict)
    media_type: str | None = None
    error_models: Mapping[int, type[Problem]] = field(default_factory=dict)
    # Repeating the call changes nothing more (reads, and POSTs declared `retry_safe`): the
    # gateway sends it again once when the connection to the service broke before an answer.
    retry_safe: bool = False

    @property
    def public_path(self) -> str:
        return PUBLIC_PREFIX + self.path

    @property
    def name(self) -> str:
        return f"{self.service}.{self.route.name}"

    def responses(self) -> dict[int | str, dict[str, Any]]:
        return problem_table(
            self.method,
            self.path,
            self.caller,
            self.errors,
            self.media_type,
            self.route.status_code,
            self.error_models,
        )


def problem_table(
    method: str,
    path: str,
    caller: Caller,
    errors: Mapping[int, str],
    media_type: str | None = None,
    status_code: int | None = None,
    error_models: Mapping[int, type[Problem]] | None = None,
) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI error table of an operation: the common problems, those its path, body and
    caller imply, and its own codes; and the media type of a non-JSON success. `error_models`
    names a Problem subclass a status answers with (a 409 that carries the slots open now)."""
    models = error_models or {}
    table = dict(_COMMON)
    if "{" in path:
        table.update(_WITH_PATH)
    if method in {"POST", "PUT", "PATCH"}:
        table.update(_WITH_BODY)
    if caller.kind == "candidate":
        table.update(_WITH_LINK)
    table.update(errors)
    if method == "POST":  # the gateway makes every POST retry-safe with an Idempotency-Key
        for code, text in _WITH_POST.items():
            table[code] = f"{table[code]} {text}" if code in table else text
    out: dict[int | str, dict[str, Any]] = {}
    for code, text in sorted(table.items()):
        model = models.get(code, Problem)
        out[code] = {
            "model": model,
            "description": text,
            "content": {
                PROBLEM_JSON: {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
            },
        }
    if media_type:
        out[status_code or 200] = {"content": {media_type: {}}}
    return out


class Api:
    """The operations of one module of a service: `api = Api("invite", tags=["positions"])`, then
    `@api.post("/positions", staff("positions:write"), summary=..., status_code=201)` on a handler."""

    def __init__(self, service: str, *, tags: Sequence[str] = ()) -> None:
        self.service = service
        self.tags = list(tags)
        self.router = APIRouter()
        self.operations: list[Operation] = []

    def get(self, path: str, caller: Caller, **options: Any) -> Callable[[F], F]:
        return self.route("GET", path, caller, **options)

    def post(self, path: str, caller: Caller, **options: Any) -> Callable[[F], F]:
        return self.route("POST", path, caller, **options)

    def put(self, path: str, caller: Caller, **options: Any) -> Callable[[F], F]:
        return self.route("PUT", path, caller, **options)

    def delete(self, path: str, caller: Caller, **options: Any) -> Callable[[F], F]:
        return self.route("DELETE", path, caller, **options)

    def route(
        self,
        method: str,
        path: str,
        caller: Caller,
        *,
        summary: str,
        errors: Mapping[int, str] | None = None,
        error_models: Mapping[int, type[Problem]] | None = None,
        media_type: str | None = None,
        tags: Sequence[str] | None = None,
        retry_safe: bool = False,
        **fastapi_options: Any,
    ) -> Callable[[F], F]:
        """Declare an operation. `errors` maps a status to the stable codes it carries;
        `error_models` a status to the Problem subclass it answers with, where that is more
        than a Problem; `media_type` names a non-JSON response (CSV, iCalendar, HLS);
        `retry_safe` says a POST may be sent twice with the effect of once (GETs are); other
        options (status_code, response_model, description, openapi_extra) go to FastAPI."""

        def register(endpoint: F) -> F:
            if media_type:
                fastapi_options.setdefault("response_class", Response)
            self.router.add_api_route(
                path,
                endpoint,
                methods=[method],
                summary=summary,
                tags=list(tags if tags is not None else self.tags),
                responses=problem_table(
                    method,
                    path,
                    caller,
                    errors or {},
                    media_type,
                    fastapi_options.get("status_code"),
                    error_models,
                ),
                dependencies=[Depends(caller.dependency())],
                **fastapi_options,
            )
            route = self.router.routes[-1]
            assert isinstance(route, APIRoute)
            self.operations.append(
                Operation(
                    self.service,
                    method,
                    path,
                    caller,
                    summary,
                    route,
                    errors or {},
                    media_type,
                    error_models or {},
                    retry_safe or method in {"GET", "HEAD"},
                )
            )
            return endpoint

        return register


def gather(*apis: Api) -> list[Operation]:
    """A service's operations in one list; two declarations of one method and path are an error."""
    seen: dict[tuple[str, str], str] = {}
    out: list[Operation] = []
    for api in apis:
        for op in api.operations:
            key = (op.method, op.path)
            if key in seen:
                raise ValueError(
                    f"{op.method} {op.path} is declared twice ({seen[key]}, {op.name})"
                )
            seen[key] = op.name
            out.append(op)
    return out


def include(app_router: Any, *apis: Api) -> None:
    """Add the apis' routes to a service's app (its `app.include_router`)."""
    for api in apis:
        app_router.include_router(api.router)


def install_openapi(app: FastAPI) -> None:
    """The OpenAPI document as FastAPI builds it, with one correction: an optional header is
    absent or a string, never JSON null. FastAPI writes `str | None` as `anyOf [string, null]`,
    which a client or a fuzzer sends as the text "null" (and the service rightly refuses)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            for item in build().get("paths", {}).values():
                for op in item.values():
                    for param in op.get("parameters", []) if isinstance(op, dict) else []:
                        if param.get("in") == "header":
                            param["schema"] = _without_null(param["schema"])
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    branches = [b for b in schema.get("anyOf", []) if b != {"type": "null"}]
    if len(branches) != 1 or len(schema.get("anyOf", [])) != 2:
        return schema
    return {**{k: v for k, v in schema.items() if k != "anyOf"}, **branches[0]}
