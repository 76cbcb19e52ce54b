"""The audit log: one append-only entry for every staff request through the gateway (who, when,
which operation on which ids, the answer's status, from where), every request made with a share
link (the link as principal), every sign-in and every SCIM change, per tenant; searchable and
exported as JSON lines by admins. It names records by their ids and never holds their data."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import Response, StreamingResponse
from prometheus_client import Counter
from pydantic import BaseModel, Field
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from services.chassis import paging
from services.chassis.identity import Identity
from services.gateway import sessions
from services.gateway.auth import problems, require

router = APIRouter(prefix="/v1", tags=["audit"])
EXPORT_LIMIT = 100_000
PRINCIPAL = r"^[a-z_]{1,20}:[A-Za-z0-9._@-]{1,100}$|^anonymous$"
SUBJECT = r"^[A-Za-z0-9._:@-]{1,200}$"


SIGN_INS = Counter(
    "sign_ins_total",
    "Staff sign-ins at the gateway, by method (password, oidc) and outcome (ok, refused, "
    "provider_failed: the tenant's OpenID provider did not answer).",
    ["service", "method", "outcome"],
)


def export_metrics(service: str) -> None:
    """Create the series at zero, so dashboards and alerts see them before the first sign-in."""
    for method, outcomes in (
        ("password", ("ok", "refused")),
        ("oidc", ("ok", "refused", "provider_failed")),
    ):
        for outcome in outcomes:
            SIGN_INS.labels(service, method, outcome)


def count_sign_in(request: Request, method: str, outcome: str) -> None:
    SIGN_INS.labels(request.app.state.settings.service_name, method, outcome).inc()


async def ensure_indexes(db: sessions.Db) -> None:
    await db.audit.create_index([("tenant", 1), ("at", -1)])
    await db.audit.create_index([("tenant", 1), ("principal", 1), ("at", -1)])
    await db.audit.create_index([("tenant", 1), ("subject_ids", 1), ("at", -1)])


def _client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


async def record(
    db: sessions.Db,
    *,
    tenant: str,
    principal: str,
    kind: str,
    action: str,
    status: int,
    ip: str | None,
    subjects: dict[str, str] | None = None,
) -> None:
    """Append one entry (inserted before the answer leaves, so an answered request is recorded)."""
    subjects = subjects or {}
    await db.audit.insert_one(
        {
            "_id": str(uuid.uuid4()),
            "tenant": tenant,
            "at": datetime.now(UTC),
            "principal": principal,
            "kind": kind,
            "action": action,
            "status": status,
            "ip": ip,
            "subjects": subjects,
            "subject_ids": sorted(set(subjects.values())),
        }
    )


async def sign_in(request: Request, tenant: str, principal: str, method: str, status: int) -> None:
    """A sign-in, successful or refused (`method` is `password` or `oidc`)."""
    count_sign_in(request, method, "ok" if status < 400 else "refused")
    await record(
        request.app.state.service.db,
        tenant=tenant,
        principal=principal,
        kind="sign_in",
        action=f"sign-in {method}",
        status=status,
        ip=_client_ip(request),
    )


class _StaffRequests(BaseHTTPMiddleware):
    """Every request a staff credential or a share link made (the identity `authenticate` or
    `authenticate_candidate` left on the request)."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        identity: Identity | None = getattr(request.state, "identity", None)
        staff = identity is not None and identity.kind in {"user", "api_key"}
        # Every request made with a share link too: the link (`share:<id>`) is its principal.
        share = (
            next((s for s in identity.scopes if s.startswith("share:")), None) if identity else None
        )
        if identity is not None and (staff or share is not None):
            route = getattr(request.scope.get("route"), "path", request.url.path)
            params = request.scope.get("path_params") or {}
            await record(
                request.app.state.service.db,
                tenant=identity.tenant,
                principal=identity.principal if staff or share is None else share,
                kind=identity.kind if staff else "share",
                action=f"{request.method} {route}",
                status=response.status_code,
                ip=_client_ip(request),
                subjects={str(k): str(v) for k, v in params.items()},
            )
        return response


class AuditEntry(BaseModel):
    id: str
    at: datetime
    principal: str = Field(
        description="`user:<id>`, `key:<id>`, `scim:<tenant>`, `share:<id>` (a share link's "
        "holder) or `anonymous`."
    )
    kind: str = Field(description="`user`, `api_key`, `share`, `sign_in` or `scim`.")
    action: str = Field(description="The operation, e.g. `GET /v1/invitations/{invitation_id}`.")
    subjects: dict[str, str] = Field(description="The ids the operation named (path parameters).")
    status: int
    ip: str | None


class AuditPage(paging.Page[AuditEntry]):
    """A page of the audit log, newest first."""


def _entry(doc: dict[str, Any]) -> AuditEntry:
    return AuditEntry(
        id=doc["_id"],
        at=doc["at"].replace(tzinfo=UTC),
        principal=doc["principal"],
        kind=doc["kind"],
        action=doc["action"],
        subjects=doc["subjects"],
        status=doc["status"],
        ip=doc.get("ip"),
    )


class _Filters:
    def __init__(
        self,
        principal: Annotated[str | None, Query(pattern=PRINCIPAL)] = None,
        subject: Annotated[
            str | None, Query(pattern=SUBJECT, description="An id the operation named.")
        ] = None,
        action: Annotated[str | None, Query(min_length=1, max_length=300)] = None,
        since: Annotated[datetime | None, Query(description="Entries at or after.")] = None,
        until: Annotated[datetime | None, Query(description="Entries before.")] = None,
    ) -> None:
        self.principal, self.subject, self.action = principal, subject, action
        self.since, self.until = since, until

    def query(self, tenant: str, before: datetime | None = None) -> dict[str, Any]:
        query: dict[str, Any] = {"tenant": tenant}
        if self.principal:
            query["principal"] = self.principal
        if self.subject:
            query["subject_ids"] = self.subject
        if self.action:
            query["action"] = self.action
        at: dict[str, datetime] = {}
        if self.since:
            at["$gte"] = self.since
        upper = [t for t in (self.until, before) if t is not None]
        if upper:
            at["$lt"] = min(upper)
        if at:
            query["at"] = at
        return query


@router.get(
    "/audit",
    response_model=AuditPage,
    summary="Search the tenant's audit log (newest first)",
    responses=problems("GET", "/audit", paging.ERRORS),
)
async def search(
    request: Request,
    identity: Annotated[Identity, Depends(require("audit:read"))],
    filters: Annotated[_Filters, Depends()],
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> AuditPage:
    docs, following = await paging.read(
        request.app.state.service.db.audit,
        filters.query(identity.tenant),
        sort=[("at", -1), ("_id", -1)],
        limit=limit,
        cursor=cursor,
    )
    return AuditPage(items=[_entry(doc) for doc in docs], next_cursor=following)


@router.get(
    "/audit/export",
    response_class=StreamingResponse,
    summary="Export the tenant's audit log as JSON lines (oldest first)",
    responses={
        200: {
            "description": f"One entry per line (at most {EXPORT_LIMIT:,}).",
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
        },
        **problems("GET", "/audit/export"),
    },
)
async def export(
    request: Request,
    identity: Annotated[Identity, Depends(require("audit:read"))],
    filters: Annotated[_Filters, Depends()],
) -> StreamingResponse:
    cursor = (
        request.app.state.service.db.audit.find(filters.query(identity.tenant))
        .sort("at", 1)
        .limit(EXPORT_LIMIT)
    )

    async def lines() -> AsyncIterator[bytes]:
        async for doc in cursor:
            yield (json.dumps(_entry(doc).model_dump(mode="json")) + "\n").encode()

    return StreamingResponse(lines(), media_type="application/x-ndjson")


def install(app: FastAPI) -> None:
    app.include_router(router)
    app.add_middleware(_StaffRequests)
