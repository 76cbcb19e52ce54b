"""Tenants, users, API keys and login: the gateway's own domain, stored in its own database."""

from __future__ import annotations

import contextlib
import hmac
import re
import secrets
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, EmailStr, Field, WithJsonSchema
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from services.chassis import paging
from services.chassis.api import Id
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.gateway import audit, sessions
from services.gateway.auth import (
    ROLES,
    SCOPES,
    authenticate,
    bearer,
    hash_secret,
    problems,
    require,
)
from services.gateway.settings import GatewaySettings

router = APIRouter(prefix="/v1", tags=["accounts"])
passwords = PasswordHasher()  # argon2id with the library's current recommended parameters
_TENANT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")

# The schema names the values the handlers accept; the handlers refuse others with their own
# stable codes (`unknown_scope`, `unknown_role`), so the check stays there.
ScopeName = Annotated[str, WithJsonSchema({"type": "string", "enum": ["*", *SCOPES]})]
RoleName = Annotated[str, WithJsonSchema({"type": "string", "enum": list(ROLES)})]


def new_api_key() -> str:
    return "hl_" + secrets.token_urlsafe(32)


async def ensure_indexes(db: AsyncDatabase[dict[str, Any]]) -> None:
    await db.api_keys.create_index("hash", unique=True)
    await db.api_keys.create_index([("tenant", 1), ("created_at", -1)])
    await db.users.create_index([("tenant", 1), ("email", 1)], unique=True)


async def create_tenant(
    db: AsyncDatabase[dict[str, Any]], tenant: str, name: str, api_key: str | None = None
) -> str:
    """Create a tenant (idempotent) and an admin API key for it; returns the key's secret."""
    await db.tenants.update_one(
        {"_id": tenant},
        {"$setOnInsert": {"name": name, "created_at": datetime.now(UTC)}},
        upsert=True,
    )
    key = api_key or new_api_key()
    # A duplicate is the same bootstrap key at every start, or several replicas starting at once.
    with contextlib.suppress(DuplicateKeyError):
        await db.api_keys.insert_one(
            {
                "_id": str(uuid.uuid4()),
                "tenant": tenant,
                "name": "administrator",
                "scopes": ["*"],
                "hash": hash_secret(key),
                "prefix": key[:7],
                "created_at": datetime.now(UTC),
                "revoked_at": None,
            }
        )
    return key


async def ensure_admin_user(
    db: AsyncDatabase[dict[str, Any]], tenant: str, email: str, password: str
) -> None:
    """An administrator user for a new installation (idempotent; an existing one is kept)."""
    with contextlib.suppress(DuplicateKeyError):
        await db.users.insert_one(
            {
                "_id": str(uuid.uuid4()),
                "tenant": tenant,
                "email": email,
                "name": "Administrator",
                "roles": ["admin"],
                "password": passwords.hash(password),
                "created_at": datetime.now(UTC),
            }
        )


# --- tenants (platform operator) --------------------------------------------------------------


class TenantIn(BaseModel):
    id: str = Field(
        description="Lowercase letters, digits and dashes; 2-40 characters.",
        json_schema_extra={"pattern": _TENANT_ID.pattern},
    )
    name: str = Field(min_length=1, max_length=200)


class TenantCreated(BaseModel):
    id: str
    name: str
    api_key: str = Field(description="The tenant administrator's API key. Shown only once.")


@router.post(
    "/tenants",
    status_code=201,
    response_model=TenantCreated,
    tags=["platform"],
    responses=problems(
        "POST",
        "/tenants",
        {
            401: "`invalid_credentials`: tenant creation needs the platform operator key.",
            409: "`tenant_exists`: a tenant with this id exists.",
            422: "`invalid_request`, `invalid_tenant_id`: the body does not match the schema.",
        },
    ),
    summary="Create a tenant (platform operator key)",
)
async def post_tenant(
    body: TenantIn,
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> TenantCreated:
    settings: GatewaySettings = request.app.state.settings
    key = settings.platform_admin_key
    presented = credentials.credentials if credentials else ""
    if not key or not hmac.compare_digest(presented.encode(), key.encode()):
        raise ProblemError(401, "invalid_credentials", "Tenant creation needs the platform key.")
    if not _TENANT_ID.match(body.id):
        raise ProblemError(422, "invalid_tenant_id", "Use 2-40 lowercase letters, digits, dashes.")
    db = request.app.state.service.db
    if await db.tenants.find_one({"_id": body.id}):
        raise ProblemError(409, "tenant_exists", f"Tenant {body.id} already exists.")
    api_key = await create_tenant(db, body.id, body.name)
    return TenantCreated(id=body.id, name=body.name, api_key=api_key)


# --- who am I ---------------------------------------------------------------------------------


class Me(BaseModel):
    tenant: str
    principal: str
    kind: str
    roles: list[str]
    scopes: list[str]


@router.get(
    "/me", response_model=Me, responses=problems("GET", "/me"), summary="The calling identity"
)
async def me(identity: Annotated[Identity, Depends(authenticate)]) -> Me:
    return Me(
        tenant=identity.tenant,
        principal=identity.principal,
        kind=identity.kind,
        roles=list(identity.roles),
        scopes=list(identity.scopes),
    )


# --- API keys ---------------------------------------------------------------------------------


class ApiKeyIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    scopes: list[ScopeName] = Field(min_length=1, description=f"Any of `*` or {', '.join(SCOPES)}.")


class ApiKeyOut(BaseModel):
    id: str
    name: str
    scopes: list[str]
    prefix: str
    created_at: datetime
    revoked_at: datetime | None = None


class ApiKeyPage(paging.Page[ApiKeyOut]):
    """A page of API keys, newest first."""


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The secret. Shown only once; store it now.")


def _key_out(doc: dict[str, Any]) -> ApiKeyOut:
    return ApiKeyOut(
        id=doc["_id"],
        name=doc["name"],
        scopes=doc["scopes"],
        prefix=doc["prefix"],
        created_at=doc["created_at"],
        revoked_at=doc.get("revoked_at"),
    )


@router.post(
    "/api-keys",
    status_code=201,
    response_model=ApiKeyCreated,
    responses=problems(
        "POST", "/api-keys", {422: "`invalid_request`, `unknown_scope`: not a valid key."}
    ),
    summary="Create an API key (shown once)",
)
async def create_key(
    body: ApiKeyIn, request: Request, identity: Annotated[Identity, Depends(require("keys:write"))]
) -> ApiKeyCreated:
    unknown = sorted(set(body.scopes) - {*SCOPES, "*"})
    if unknown:
        raise ProblemError(422, "unknown_scope", f"Unknown scopes: {', '.join(unknown)}.")
    key = new_api_key()
    doc = {
        "_id": str(uuid.uuid4()),
        "tenant": identity.tenant,
        "name": body.name,
        "scopes": body.scopes,
        "hash": hash_secret(key),
        "prefix": key[:7],
        "created_at": datetime.now(UTC),
        "revoked_at": None,
        "created_by": identity.principal,
    }
    await request.app.state.service.db.api_keys.insert_one(doc)
    return ApiKeyCreated(**_key_out(doc).model_dump(), key=key)


@router.get(
    "/api-keys",
    response_model=ApiKeyPage,
    responses=problems("GET", "/api-keys", paging.ERRORS),
    summary="List API keys (never their secrets), newest first",
)
async def list_keys(
    request: Request,
    identity: Annotated[Identity, Depends(require("keys:write"))],
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> ApiKeyPage:
    docs, following = await paging.read(
        request.app.state.service.db.api_keys,
        {"tenant": identity.tenant},
        sort=[("created_at", -1), ("_id", -1)],
        limit=limit,
        cursor=cursor,
    )
    return ApiKeyPage(items=[_key_out(doc) for doc in docs], next_cursor=following)


@router.delete(
    "/api-keys/{key_id}",
    status_code=204,
    summary="Revoke an API key",
    responses=problems(
        "DELETE", "/api-keys/{key_id}", {404: "`api_key_not_found`: no such active key."}
    ),
)
async def revoke_key(
    key_id: Id, request: Request, identity: Annotated[Identity, Depends(require("keys:write"))]
) -> None:
    result = await request.app.state.service.db.api_keys.update_one(
        {"_id": key_id, "tenant": identity.tenant, "revoked_at": None},
        {"$set": {"revoked_at": datetime.now(UTC), "revoked_by": identity.principal}},
    )
    if result.matched_count == 0:
        raise ProblemError(404, "api_key_not_found", "No such active key in this tenant.")


# --- users and login --------------------------------------------------------------------------


class UserIn(BaseModel):
    email: EmailStr
    name: str = Field(min_length=1, max_length=200)
    roles: list[RoleName] = Field(min_length=1, description=f"Any of {', '.join(ROLES)}.")
    password: str = Field(min_length=12, max_length=256)


class UserOut(BaseModel):
    id: str
    email: str
    name: str
    roles: list[str]
    created_at: datetime


class UserPage(paging.Page[UserOut]):
    """A page of users, by e-mail address."""


@router.post(
    "/users",
    status_code=201,
    response_model=UserOut,
    summary="Create a user",
    responses=problems(
        "POST",
        "/users",
        {
            409: "`user_exists`: a user with this e-mail exists.",
            422: "`invalid_request`, `unknown_role`: not a valid user.",
        },
    ),
)
async def create_user(
    body: UserIn, request: Request, identity: Annotated[Identity, Depends(require("users:write"))]
) -> UserOut:
    unknown = sorted(set(body.roles) - set(ROLES))
    if unknown:
        raise ProblemError(422, "unknown_role", f"Unknown roles: {', '.join(unknown)}.")
    doc = {
        "_id": str(uuid.uuid4()),
        "tenant": identity.tenant,
        "email": body.email.lower(),
        "name": body.name,
        "roles": body.roles,
        "password": passwords.hash(body.password),
        "created_at": datetime.now(UTC),
    }
    try:
        await request.app.state.service.db.users.insert_one(doc)
    except DuplicateKeyError:
        raise ProblemError(409, "user_exists", "A user with this e-mail exists.") from None
    return UserOut(
        id=doc["_id"],
        email=doc["email"],
        name=body.name,
        roles=body.roles,
        created_at=doc["created_at"],
    )


@router.get(
    "/users",
    response_model=UserPage,
    responses=problems("GET", "/users", paging.ERRORS),
    summary="List users, by e-mail address",
)
async def list_users(
    request: Request,
    identity: Annotated[Identity, Depends(require("users:write"))],
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> UserPage:
    docs, following = await paging.read(
        request.app.state.service.db.users,
        {"tenant": identity.tenant},
        sort=[("email", 1), ("_id", 1)],
        limit=limit,
        cursor=cursor,
    )
    users = [
        UserOut(
            id=d["_id"],
            email=d["email"],
            name=d["name"],
            roles=d["roles"],
            created_at=d["created_at"],
        )
        for d in docs
    ]
    return UserPage(items=users, next_cursor=following)


class Login(BaseModel):
    tenant: str
    email: EmailStr
    password: str = Field(max_length=256)


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_at: datetime


@router.post(
    "/auth/login",
    response_model=Token,
    summary="Log in; returns a short-lived bearer token",
    responses=problems(
        "POST",
        "/auth/login",
        {
            401: "`invalid_credentials`: wrong tenant, e-mail or password.",
            403: "`sso_required`: the tenant requires single sign-on for this user.",
        },
    ),
)
async def login(body: Login, request: Request) -> Token:
    settings: GatewaySettings = request.app.state.settings
    db = request.app.state.service.db
    user: dict[str, Any] | None = await db.users.find_one(
        {"tenant": body.tenant, "email": body.email.lower()}
    )
    principal = f"user:{user['_id']}" if user else "anonymous"
    try:
        # A user provisioned by single sign-on has no local password.
        if user is None or not user.get("password") or user.get("active") is False:
            raise VerificationError
        passwords.verify(user["password"], body.password)
    except VerificationError:
        await audit.sign_in(request, body.tenant, principal, "password", 401)
        raise ProblemError(
            401, "invalid_credentials", "Wrong tenant, e-mail or password."
        ) from None
    if not await sessions.local_password_allowed(db, user):
        await audit.sign_in(request, body.tenant, principal, "password", 403)
        raise ProblemError(
            403, "sso_required", "This organisation signs in through its identity provider."
        )
    await audit.sign_in(request, body.tenant, principal, "password", 200)
    token, expires_at = sessions.issue(settings, user)
    return Token(access_token=token, expires_at=expires_at)
