"""Endpoints: a tenant's webhook targets (URL, the public event types wanted, a description,
enabled), their signing secrets and rotation, the public event catalogue, and the addresses told
when an endpoint is disabled."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from fastapi import Request, Response

from contracts.webhooks import WEBHOOK_EVENTS
from services.chassis import paging, preconditions
from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Staff
from services.chassis.service import Service
from services.webhooks import signing
from services.webhooks.dispatcher import NEVER, Dispatcher
from services.webhooks.schemas import (
    ContactsIn,
    ContactsOut,
    EndpointCreated,
    EndpointIn,
    EndpointOut,
    EndpointPage,
    EndpointUpdate,
    EventTypeOut,
    SecretRotated,
)
from services.webhooks.settings import WebhooksSettings
from services.webhooks.store import EndpointDoc, SecretDoc
from services.webhooks.targets import TargetRefused

api = Api("webhooks", tags=["webhooks"])

NOT_FOUND = {404: "`endpoint_not_found`: no such endpoint in your tenant."}
TARGET_ERRORS = (
    "`invalid_target`, `https_required`, `target_unresolvable`, `target_forbidden`: the URL is "
    "not https://, does not resolve, or resolves to a private, loopback, link-local or metadata "
    "address."
)


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def _dispatcher(request: Request) -> Dispatcher:
    dispatcher: Dispatcher = request.app.state.dispatcher
    return dispatcher


async def load_endpoint(db: Any, tenant: str, endpoint_id: str) -> EndpointDoc:
    doc = cast(
        EndpointDoc | None, await db.endpoints.find_one({"_id": endpoint_id, "tenant": tenant})
    )
    if doc is None:
        raise ProblemError(404, "endpoint_not_found", "No such endpoint.")
    return doc


async def _check_target(request: Request, url: str) -> None:
    try:
        await _dispatcher(request).policy.resolve(url)
    except TargetRefused as exc:
        raise ProblemError(422, exc.code, exc.detail) from None


def to_out(doc: EndpointDoc) -> EndpointOut:
    return EndpointOut(
        id=doc["_id"],
        url=doc["url"],
        event_types=doc["event_types"],
        description=doc["description"],
        enabled=doc["enabled"],
        disabled_reason=doc.get("disabled_reason"),
        failing_since=doc["failing_since"],
        created_at=doc["created_at"],
        previous_secret_expires_at=[
            s["expires_at"] for s in doc["secrets"] if s["expires_at"] is not None
        ],
    )


@api.get(
    "/webhooks/event-types",
    staff("webhooks:read"),
    summary="The public webhook events and the schema of each one's data",
    response_model=list[EventTypeOut],
)
async def list_event_types(identity: Staff) -> list[EventTypeOut]:
    return [
        EventTypeOut(
            type=e.type,
            version=e.version,
            description=e.description,
            data_schema=e.model.model_json_schema(),
        )
        for e in WEBHOOK_EVENTS.values()
    ]


@api.post(
    "/webhooks/endpoints",
    staff("webhooks:write"),
    summary="Register a webhook endpoint (its signing secret is shown once, in this answer)",
    status_code=201,
    response_model=EndpointCreated,
    errors={422: f"`invalid_request`, {TARGET_ERRORS}"},
)
async def create_endpoint(body: EndpointIn, request: Request, identity: Staff) -> EndpointCreated:
    await _check_target(request, body.url)
    now = datetime.now(UTC)
    secret = signing.new_secret()
    doc = EndpointDoc(
        _id=str(uuid.uuid4()),
        tenant=identity.tenant,
        url=body.url,
        event_types=sorted(set(body.event_types)),
        description=body.description,
        enabled=body.enabled,
        secrets=[SecretDoc(secret=secret, created_at=now, expires_at=None)],
        created_at=now,
        created_by=identity.principal,
        failing_since=None,
    )
    await _service(request).db.endpoints.insert_one(cast(dict[str, Any], doc))
    return EndpointCreated(**to_out(doc).model_dump(), secret=secret)


@api.get(
    "/webhooks/endpoints",
    staff("webhooks:read"),
    summary="List the tenant's webhook endpoints, newest first",
    response_model=EndpointPage,
    errors=paging.ERRORS,
)
async def list_endpoints(
    request: Request,
    identity: Staff,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> EndpointPage:
    docs, following = await paging.read(
        _service(request).db.endpoints,
        {"tenant": identity.tenant},
        sort=[("created_at", -1), ("_id", -1)],
        limit=limit,
        cursor=cursor,
    )
    return EndpointPage(
        items=[to_out(cast(EndpointDoc, doc)) for doc in docs], next_cursor=following
    )


@api.get(
    "/webhooks/endpoints/{endpoint_id}",
    staff("webhooks:read"),
    summary="Read a webhook endpoint",
    response_model=EndpointOut,
    errors=NOT_FOUND,
)
async def get_endpoint(
    endpoint_id: Id, request: Request, identity: Staff, response: Response
) -> EndpointOut:
    doc = await load_endpoint(_service(request).db, identity.tenant, endpoint_id)
    preconditions.tagged(response, preconditions.revision_of(doc))
    return to_out(doc)


@api.put(
    "/webhooks/endpoints/{endpoint_id}",
    staff("webhooks:write"),
    summary="Change a webhook endpoint (URL, event types, description, enabled)",
    response_model=EndpointOut,
    errors={**NOT_FOUND, 422: f"`invalid_request`, {TARGET_ERRORS}", **preconditions.ERRORS},
)
async def update_endpoint(
    endpoint_id: Id,
    body: EndpointUpdate,
    request: Request,
    identity: Staff,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> EndpointOut:
    db = _service(request).db
    doc = await load_endpoint(db, identity.tenant, endpoint_id)
    revision = preconditions.revision_of(doc)
    preconditions.check(if_match, revision)
    changes: dict[str, Any] = {}
    if body.url is not None:
        await _check_target(request, body.url)
        changes["url"] = body.url
    if body.event_types is not None:
        changes["event_types"] = sorted(set(body.event_types))
    if body.description is not None:
        changes["description"] = body.description
    if body.enabled is not None:
        changes["enabled"] = body.enabled
        if body.enabled and not doc["enabled"]:
            changes |= {"disabled_reason": None, "failing_since": None}
    guard = preconditions.unchanged(revision) if if_match is not None else {}
    updated = await db.endpoints.update_one(
        {"_id": endpoint_id, "tenant": identity.tenant, **guard},
        {"$set": changes, "$inc": {"revision": 1}},
    )
    if updated.matched_count != 1:
        await load_endpoint(db, identity.tenant, endpoint_id)  # 404 if it went away
        raise preconditions.changed()
    if body.enabled and not doc["enabled"]:
        # Its held deliveries are due again, in their lanes' order.
        await db.deliveries.update_many(
            {"tenant": identity.tenant, "endpoint_id": endpoint_id, "status": "pending"},
            {"$set": {"due_at": datetime.now(UTC)}},
        )
        _dispatcher(request).wake()
    elif body.enabled is False:
        await db.deliveries.update_many(
            {"tenant": identity.tenant, "endpoint_id": endpoint_id, "status": "pending"},
            {"$set": {"due_at": NEVER}},
        )
    doc = await load_endpoint(db, identity.tenant, endpoint_id)
    preconditions.tagged(response, preconditions.revision_of(doc))
    return to_out(doc)


@api.delete(
    "/webhooks/endpoints/{endpoint_id}",
    staff("webhooks:write"),
    summary="Delete a webhook endpoint, its undelivered events and its delivery log",
    status_code=204,
    response_class=Response,
    errors=NOT_FOUND,
)
async def delete_endpoint(endpoint_id: Id, request: Request, identity: Staff) -> Response:
    db = _service(request).db
    await load_endpoint(db, identity.tenant, endpoint_id)
    owned = {"tenant": identity.tenant, "endpoint_id": endpoint_id}
    await db.endpoints.delete_one({"_id": endpoint_id, "tenant": identity.tenant})
    await db.deliveries.delete_many(owned)
    await db.attempts.delete_many(owned)
    return Response(status_code=204)


@api.post(
    "/webhooks/endpoints/{endpoint_id}/rotate-secret",
    staff("webhooks:write"),
    summary="Rotate the signing secret: the new one is shown once; the old one signs too "
    "for the rotation window",
    response_model=SecretRotated,
    errors=NOT_FOUND,
)
async def rotate_secret(endpoint_id: Id, request: Request, identity: Staff) -> SecretRotated:
    service = _service(request)
    settings = service.settings_as(WebhooksSettings)
    doc = await load_endpoint(service.db, identity.tenant, endpoint_id)
    now = datetime.now(UTC)
    until = now + timedelta(seconds=settings.webhooks_rotation_window_seconds)
    secret = signing.new_secret()
    kept = [
        SecretDoc(
            secret=s["secret"],
            created_at=s["created_at"],
            expires_at=until if s["expires_at"] is None else min(s["expires_at"], until),
        )
        for s in doc["secrets"]
        if s["expires_at"] is None or s["expires_at"] > now
    ]
    await service.db.endpoints.update_one(
        {"_id": endpoint_id, "tenant": identity.tenant},
        {"$set": {"secrets": [SecretDoc(secret=secret, created_at=now, expires_at=None), *kept]}},
    )
    return SecretRotated(secret=secret, previous_expires_at=until)


@api.get(
    "/webhooks/contacts",
    staff("webhooks:read"),
    summary="The addresses told when an endpoint is disabled",
    response_model=ContactsOut,
)
async def get_contacts(request: Request, identity: Staff, response: Response) -> ContactsOut:
    doc = await _service(request).db.contacts.find_one(
        {"_id": identity.tenant, "tenant": identity.tenant}
    )
    preconditions.tagged(response, preconditions.revision_of(doc))
    return ContactsOut(emails=(doc or {}).get("emails", []))


@api.put(
    "/webhooks/contacts",
    staff("webhooks:write"),
    summary="Set the addresses (the tenant's admins) told when an endpoint is disabled",
    response_model=ContactsOut,
    errors=preconditions.ERRORS,
)
async def put_contacts(
    body: ContactsIn,
    request: Request,
    identity: Staff,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> ContactsOut:
    emails = sorted({str(e).lower() for e in body.emails})
    contacts = _service(request).db.contacts
    key = {"_id": identity.tenant, "tenant": identity.tenant}
    await preconditions.put(
        contacts,
        key,
        {"$set": {"emails": emails, "updated_at": datetime.now(UTC)}},
        if_match=if_match,
        response=response,
    )
    return ContactsOut(emails=emails)
