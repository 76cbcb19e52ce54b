"""SCIM 2.0 provisioning at `/scim/v2`, per tenant with its own bearer token: the protocol is
scim2-server's (validation, filters, PATCH, ETags, errors), the resources are the gateway's users
and the tenant's groups in MongoDB; a group grants the roles its name maps to; deactivating or
deleting a user ends its sessions and the API keys it made at once."""

from __future__ import annotations

import json
import secrets
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Union

from fastapi import APIRouter, Depends, FastAPI, Request
from pydantic import BaseModel, Field
from pymongo.errors import DuplicateKeyError
from scim2_models import (
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    ETag,
    External,
    Filter,
    Meta,
    NotFoundException,
    Patch,
    PreconditionFailedException,
    Reference,
    Resource,
    ResourceType,
    ScimFilter,
    ScimProvider,
    SearchRequest,
    ServiceProviderConfig,
    Sort,
    UnauthorizedException,
    UniquenessException,
    User,
)
from scim2_server.applications.asgi import ASGIApplication
from scim2_server.handler import AsyncScimHandler
from scim2_server.memory import _page
from scim2_server.requests import ScimRequest
from scim2_server.responses import ScimResponse
from scim2_server.service import ScimService
from scim2_server.storage import AsyncScimStorage, SearchPage
from scim2_server.utils import load_default_resource_types, load_default_schemas, parametrize

from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.gateway import audit, sessions
from services.gateway.auth import ROLES, hash_secret, problems, require

router = APIRouter(prefix="/v1", tags=["provisioning"])
PREFIX = "/scim"
MAX_RESULTS = 200
TOKEN_PREFIX = "hlscim_"


async def ensure_indexes(db: sessions.Db) -> None:
    await db.users.create_index(
        [("tenant", 1), ("scim_user_name", 1)],
        unique=True,
        partialFilterExpression={"scim_user_name": {"$exists": True}},
    )
    await db.scim_groups.create_index([("tenant", 1), ("members", 1)])
    await db.scim_tokens.create_index("tenant", unique=True)


# --- the tenant's provisioning token ----------------------------------------------------------


class ScimTokenOut(BaseModel):
    token: str = Field(description="The bearer token of `/scim/v2`. Shown only once.")
    base_url: str = Field(description="The SCIM base URL to give the identity provider.")
    created_at: datetime


@router.post(
    "/scim/token",
    status_code=201,
    response_model=ScimTokenOut,
    summary="Issue the tenant's SCIM bearer token (replaces the previous one at once)",
    responses=problems("POST", "/scim/token"),
)
async def issue_token(
    request: Request, identity: Annotated[Identity, Depends(require("users:write"))]
) -> ScimTokenOut:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    await request.app.state.service.db.scim_tokens.replace_one(
        {"tenant": identity.tenant},
        {
            "_id": hash_secret(token),
            "tenant": identity.tenant,
            "created_at": now,
            "created_by": identity.principal,
        },
        upsert=True,
    )
    base = request.app.state.settings.public_url.rstrip("/")
    return ScimTokenOut(token=token, base_url=f"{base}{PREFIX}/v2", created_at=now)


@router.delete(
    "/scim/token",
    status_code=204,
    summary="Revoke the tenant's SCIM bearer token",
    responses=problems("DELETE", "/scim/token", {404: "`scim_token_not_found`: none issued."}),
)
async def revoke_token(
    request: Request, identity: Annotated[Identity, Depends(require("users:write"))]
) -> None:
    result = await request.app.state.service.db.scim_tokens.delete_one({"tenant": identity.tenant})
    if result.deleted_count == 0:
        raise ProblemError(404, "scim_token_not_found", "No SCIM token is issued.")


# --- roles from groups ------------------------------------------------------------------------


async def _role_map(db: sessions.Db, tenant: str) -> dict[str, set[str]]:
    """A group named after a role grants it; so does a group the OpenID role map names."""
    mapping: dict[str, set[str]] = {role: {role} for role in ROLES}
    doc = await db.sso.find_one({"_id": tenant}, {"oidc.role_map": 1})
    for name, roles in ((doc or {}).get("oidc") or {}).get("role_map", {}).items():
        mapping.setdefault(name.lower(), set()).update(roles)
    return mapping


async def _refresh_roles(db: sessions.Db, tenant: str, user_ids: set[str]) -> None:
    if not user_ids:
        return
    mapping = await _role_map(db, tenant)
    granted: dict[str, set[str]] = {uid: set() for uid in user_ids}
    async for group in db.scim_groups.find({"tenant": tenant, "members": {"$in": list(user_ids)}}):
        roles = mapping.get(group["display_name"].lower(), set())
        for uid in set(group["members"]) & user_ids:
            granted[uid].update(roles)
    for uid, roles in granted.items():
        ordered = [role for role in ROLES if role in roles]
        await db.users.update_one({"_id": uid, "tenant": tenant}, {"$set": {"roles": ordered}})


# --- storage ----------------------------------------------------------------------------------


def _version() -> str:
    return f'W/"{secrets.token_hex(8)}"'


def _dump(resource: Resource[Any]) -> str:
    return json.dumps(resource.model_dump(mode="json", by_alias=True, exclude_none=True))


class TenantStorage(AsyncScimStorage):
    """One tenant's users (the gateway's own user documents) and groups, for scim2-server.

    A search reads the tenant's resources of the type and filters, sorts and pages them with the
    library (a tenant's staff are thousands at most)."""

    def __init__(self, db: sessions.Db, tenant: str, models: dict[str, type[Resource[Any]]]):
        self.db = db
        self.tenant = tenant
        self.models = models

    # Users that SCIM did not create (made by an admin, or by single sign-on) are shown too, so an
    # identity provider finds them by userName before it creates a duplicate.
    def _user(self, doc: dict[str, Any]) -> Resource[Any]:
        model = self.models["User"]
        if doc.get("scim_json"):
            resource = model.model_validate(json.loads(doc["scim_json"]))
        else:
            resource = model.model_validate(
                {
                    "schemas": [User.__schema__],
                    "id": doc["_id"],
                    "userName": doc["email"],
                    "displayName": doc.get("name"),
                    "emails": [{"value": doc["email"], "primary": True}],
                    "active": doc.get("active", True),
                    "meta": {
                        "resourceType": "User",
                        "created": doc["created_at"].isoformat(),
                        "lastModified": doc.get("modified_at", doc["created_at"]).isoformat(),
                        "version": doc.get("scim_version", 'W/"0"'),
                    },
                }
            )
        return resource

    def _group(self, doc: dict[str, Any]) -> Resource[Any]:
        return self.models["Group"].model_validate(json.loads(doc["scim_json"]))

    async def get(
        self,
        resource_type: ResourceType,
        resource_id: str,
        *,
        response_parameters: Any = None,
    ) -> Resource[Any]:
        if resource_type.name == "User":
            doc = await self.db.users.find_one({"_id": resource_id, "tenant": self.tenant})
            if doc is None:
                raise NotFoundException
            return self._user(doc)
        doc = await self.db.scim_groups.find_one({"_id": resource_id, "tenant": self.tenant})
        if doc is None:
            raise NotFoundException
        return self._group(doc)

    async def search(
        self,
        resource_types: list[ResourceType],
        search_request: SearchRequest[Any],
        *,
        position: Any = None,
    ) -> SearchPage:
        found: list[Resource[Any]] = []
        names = {rt.name for rt in resource_types}
        if "User" in names:
            found += [self._user(d) async for d in self.db.users.find({"tenant": self.tenant})]
        if "Group" in names:
            cursor = self.db.scim_groups.find({"tenant": self.tenant})
            found += [self._group(d) async for d in cursor]
        scim_filter = search_request.filter
        if scim_filter is not None:
            if not scim_filter.models and found:
                models = tuple(dict.fromkeys(type(r) for r in found))
                scim_filter = parametrize(ScimFilter, Union[models])(str(scim_filter))  # noqa: UP007
            found = [r for r in found if scim_filter.match(r)]
        return _page(search_request, position, found)

    @staticmethod
    def _stamp(resource: Resource[Any], name: str, created: datetime | None) -> None:
        now = datetime.now(UTC)
        resource.meta = Meta(
            resource_type=name, created=created or now, last_modified=now, version=_version()
        )

    def _user_fields(self, resource: Resource[Any]) -> dict[str, Any]:
        user: Any = resource
        emails = [e for e in (user.emails or []) if e.value]
        primary = next((e for e in emails if e.primary), emails[0] if emails else None)
        email = str(primary.value if primary else user.user_name).lower()
        name = user.display_name or (user.name.formatted if user.name else None) or user.user_name
        user.password = None  # never kept: these users sign in through the identity provider
        return {
            "email": email,
            "name": name,
            "active": user.active is not False,
            "scim_user_name": str(user.user_name).lower(),
            "scim_json": _dump(resource),
            "scim_version": resource.meta.version if resource.meta else None,
            "modified_at": datetime.now(UTC),
        }

    async def create(self, resource_type: ResourceType, resource: Resource[Any]) -> Resource[Any]:
        resource = resource.model_copy(deep=True)
        resource.id = str(uuid.uuid4())
        self._stamp(resource, str(resource_type.name), None)
        if resource_type.name == "User":
            fields = self._user_fields(resource)
            clash = await self.db.users.find_one(
                {"tenant": self.tenant, "email": fields["scim_user_name"]}, {"_id": 1}
            )
            if clash is not None:
                raise UniquenessException
            try:
                await self.db.users.insert_one(
                    {
                        "_id": resource.id,
                        "tenant": self.tenant,
                        "roles": [],
                        "password": None,
                        "created_at": datetime.now(UTC),
                        "created_by": "scim",
                        **fields,
                    }
                )
            except DuplicateKeyError:
                raise UniquenessException from None
            if not fields["active"]:
                await sessions.end_principal(self.db, self.tenant, f"user:{resource.id}")
            return resource
        members = self._members(resource)
        await self.db.scim_groups.insert_one(
            {
                "_id": resource.id,
                "tenant": self.tenant,
                "display_name": str(getattr(resource, "display_name", "") or ""),
                "members": sorted(members),
                "scim_json": _dump(resource),
                "version": resource.meta.version if resource.meta else None,
            }
        )
        await _refresh_roles(self.db, self.tenant, members)
        return resource

    @staticmethod
    def _members(resource: Resource[Any]) -> set[str]:
        group: Any = resource
        return {str(m.value) for m in (group.members or []) if m.value}

    async def _current(self, resource_type: ResourceType, resource_id: str) -> dict[str, Any]:
        collection = self.db.users if resource_type.name == "User" else self.db.scim_groups
        doc = await collection.find_one({"_id": resource_id, "tenant": self.tenant})
        if doc is None:
            raise NotFoundException
        return dict(doc)

    def _check_version(
        self, resource_type: ResourceType, doc: dict[str, Any], expected: str | None
    ) -> None:
        stored = (
            self._user(doc).meta.version  # type: ignore[union-attr]
            if resource_type.name == "User"
            else doc["version"]
        )
        if expected is not None and stored != expected:
            raise PreconditionFailedException

    async def update(
        self,
        resource_type: ResourceType,
        resource: Resource[Any],
        *,
        expected_version: str | None = None,
    ) -> Resource[Any]:
        resource = resource.model_copy(deep=True)
        assert resource.id is not None
        doc = await self._current(resource_type, resource.id)
        self._check_version(resource_type, doc, expected_version)
        before = self._user(doc) if resource_type.name == "User" else self._group(doc)
        self._stamp(resource, str(resource_type.name), before.meta.created if before.meta else None)
        principal = f"user:{resource.id}"
        if resource_type.name == "User":
            fields = self._user_fields(resource)
            try:
                await self.db.users.update_one({"_id": resource.id}, {"$set": fields})
            except DuplicateKeyError:
                raise UniquenessException from None
            if fields["active"]:
                await sessions.restore_principal(self.db, self.tenant, principal)
            else:
                await sessions.end_principal(self.db, self.tenant, principal)
            return resource
        members = self._members(resource)
        await self.db.scim_groups.update_one(
            {"_id": resource.id},
            {
                "$set": {
                    "display_name": str(getattr(resource, "display_name", "") or ""),
                    "members": sorted(members),
                    "scim_json": _dump(resource),
                    "version": resource.meta.version if resource.meta else None,
                }
            },
        )
        await _refresh_roles(self.db, self.tenant, members | set(doc["members"]))
        return resource

    async def delete(
        self,
        resource_type: ResourceType,
        resource_id: str,
        *,
        expected_version: str | None = None,
    ) -> None:
        doc = await self._current(resource_type, resource_id)
        self._check_version(resource_type, doc, expected_version)
        if resource_type.name == "User":
            # Its tokens and the keys it made are refused from now on, before the record goes.
            await sessions.end_principal(self.db, self.tenant, f"user:{resource_id}")
            await self.db.users.delete_one({"_id": resource_id, "tenant": self.tenant})
            groups = self.db.scim_groups.find({"tenant": self.tenant, "members": resource_id})
            async for group in groups:
                resource = self._group(group)
                resource.members = [  # type: ignore[attr-defined]
                    m
                    for m in (resource.members or [])  # type: ignore[attr-defined]
                    if m.value != resource_id
                ]
                await self.db.scim_groups.update_one(
                    {"_id": group["_id"]},
                    {
                        "$pull": {"members": resource_id},
                        "$set": {"scim_json": _dump(resource)},
                    },
                )
            return
        await self.db.scim_groups.delete_one({"_id": resource_id, "tenant": self.tenant})
        await _refresh_roles(self.db, self.tenant, set(doc["members"]))


# --- the application at /scim/v2 --------------------------------------------------------------


BEARER = AuthenticationScheme(
    type=AuthenticationScheme.Type.oauthbearertoken,
    name="Bearer token",
    description="The tenant's SCIM token, from POST /v1/scim/token.",
    spec_uri=Reference[External]("https://datatracker.ietf.org/doc/html/rfc6750"),
    primary=True,
)


def provider() -> ScimProvider:
    config = ServiceProviderConfig(
        patch=Patch(supported=True),
        bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
        filter=Filter(supported=True, max_results=MAX_RESULTS),
        change_password=ChangePassword(supported=False),
        sort=Sort(supported=True),
        etag=ETag(supported=True),
        authentication_schemes=[BEARER],
    )
    return ScimProvider.from_discovery(
        load_default_schemas().values(), load_default_resource_types().values(), config=config
    )


class ScimApplication(ASGIApplication):
    """scim2-server's ASGI application, with the tenant taken from the bearer token."""

    def __init__(self, app: FastAPI) -> None:
        described = provider()
        super().__init__(TenantStorage(None, "", {}), described, ScimService(described))  # type: ignore[arg-type]
        self.app = app
        with described:
            self.models = {
                str(rt.name): self.service.get_model(rt) for rt in described.resource_types
            }

    async def dispatch_request(self, request: ScimRequest) -> ScimResponse:
        db: sessions.Db = self.app.state.service.db
        tenant = ""
        if self.needs_auth(request):
            scheme, _, token = (request.header("Authorization") or "").partition(" ")
            if scheme.lower() != "bearer" or not token.startswith(TOKEN_PREFIX):
                raise UnauthorizedException
            found = await db.scim_tokens.find_one({"_id": hash_secret(token)})
            if found is None:
                raise UnauthorizedException
            tenant = found["tenant"]
        handler = AsyncScimHandler(self.service, TenantStorage(db, tenant, self.models))
        response = await handler.handle(request)
        if tenant and request.method.upper() not in {"GET", "HEAD"}:
            kind, _, resource_id = request.path.strip("/").partition("/")
            await audit.record(
                db,
                tenant=tenant,
                principal=f"scim:{tenant}",
                kind="scim",
                action=f"{request.method.upper()} {PREFIX}/v2/{kind}"
                + ("/{id}" if resource_id else ""),
                status=int(response.status),
                ip=None,
                subjects={"id": resource_id} if resource_id else {},
            )
        return response

    def handle_exception(self, request: ScimRequest, exception: Exception) -> ScimResponse:
        response = super().handle_exception(request, exception)
        if isinstance(exception, UnauthorizedException):
            response.headers["WWW-Authenticate"] = 'Bearer realm="scim"'
        return response


def install(app: FastAPI) -> None:
    app.include_router(router)
    app.mount(PREFIX, ScimApplication(app), name="scim")  # type: ignore[arg-type]
