"""Single sign-on with OpenID Connect, per tenant: the provider a tenant's admin configures (found
by issuer discovery), the authorization code flow with PKCE, state and nonce, the ID token checked
by Authlib, users created just in time with roles mapped from a claim, sign-out, and the tenant's
rule that staff sign in through it (with one break-glass admin keeping a local password)."""

from __future__ import annotations

import contextlib
import ipaddress
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import httpx
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import AsyncOAuth2Client, OAuthError
from authlib.oidc.core import CodeIDToken
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry
from pydantic import BaseModel, EmailStr, Field
from pymongo.errors import DuplicateKeyError

from services.chassis import preconditions
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.gateway import audit, sessions
from services.gateway.accounts import RoleName, Token
from services.gateway.auth import ROLES, authenticate, bearer, hash_secret, problems, require
from services.gateway.settings import GatewaySettings

router = APIRouter(prefix="/v1", tags=["sign-in"])
# The provider and the policy share the tenant's document, each with its own revision (ETag).
OIDC_REVISION = "oidc_revision"
POLICY_REVISION = "policy_revision"

COOKIE = "hl_sso"
FLOW_SECONDS = 600  # from the redirect to the provider until its answer comes back
HANDOFF_SECONDS = 60  # from the callback until the sign-in page takes its token
LEEWAY_SECONDS = 120  # clock skew allowed on the ID token's times
TENANT = r"^[a-z0-9][a-z0-9-]{1,39}$"
OPAQUE = r"^[A-Za-z0-9._~-]{1,512}$"
NEXT = r"^/([A-Za-z0-9_#-][A-Za-z0-9/_#-]{0,199})?$"  # a path here, never //host
ISSUER = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$"


async def ensure_indexes(db: sessions.Db) -> None:
    await db.sso_flows.create_index("created_at", expireAfterSeconds=FLOW_SECONDS)
    await db.sso_handoffs.create_index("created_at", expireAfterSeconds=HANDOFF_SECONDS)
    await db.users.create_index(
        [("tenant", 1), ("sso_subject", 1)],
        unique=True,
        partialFilterExpression={"sso_subject": {"$exists": True}},
    )


def _refused(code: str, detail: str) -> ProblemError:
    return ProblemError(400, code, detail)


def _provider_failed(what: str) -> ProblemError:
    return ProblemError(
        502, "sso_provider_unavailable", f"The identity provider did not answer ({what})."
    )


# --- the provider a tenant's admin configures -------------------------------------------------

ScopeName = Annotated[str, Field(pattern=r"^[A-Za-z0-9_:.-]{1,64}$")]
ClaimValue = Annotated[str, Field(min_length=1, max_length=200)]


class OidcProviderIn(BaseModel):
    issuer: str = Field(
        max_length=300,
        pattern=ISSUER,
        description="The provider's issuer; `/.well-known/openid-configuration` is read from "
        "it. HTTPS, except a loopback address (a provider on this machine).",
    )
    client_id: str = Field(min_length=1, max_length=200, pattern=r"^[\x21-\x7e]+$")
    client_secret: str = Field(min_length=1, max_length=500, pattern=r"^[\x21-\x7e]+$")
    scopes: list[ScopeName] = Field(
        default=["openid", "email", "profile"],
        min_length=1,
        max_length=10,
        description="Requested scopes; `openid` is always sent.",
    )
    role_claim: str = Field(
        default="groups",
        pattern=r"^[A-Za-z0-9_:.-]{1,100}$",
        description="The claim (of the ID token or the UserInfo answer) whose values map to roles.",
    )
    role_map: dict[ClaimValue, list[RoleName]] = Field(
        default_factory=dict,
        max_length=50,
        description="A value of the role claim (e.g. a group name) to the roles it grants.",
    )
    default_roles: list[RoleName] = Field(
        default_factory=list, max_length=4, description="Roles every signed-in user gets."
    )


class OidcProviderOut(BaseModel):
    issuer: str
    client_id: str
    scopes: list[str]
    role_claim: str
    role_map: dict[str, list[str]]
    default_roles: list[str]
    redirect_uri: str = Field(description="Register this as the client's redirect URI.")
    post_logout_redirect_uri: str = Field(description="Register this for sign-out.")
    updated_at: datetime


class SignInPolicyIn(BaseModel):
    require_sso: bool = Field(
        description="Staff sign in only through the provider; local passwords are refused."
    )
    break_glass_email: EmailStr | None = Field(
        default=None,
        max_length=254,
        description="One admin who keeps a local password (for when the provider is down).",
    )


class SignInPolicyOut(BaseModel):
    require_sso: bool
    break_glass_email: str | None


class SignInOptions(BaseModel):
    oidc: bool = Field(description="The tenant signs in through its OpenID provider.")
    saml: bool = Field(default=False, description="The tenant signs in through a SAML provider.")
    start_path: str | None = Field(
        default=None, description="Where the sign-in page sends the browser (with `?next=`)."
    )
    required: bool = Field(description="Local passwords are refused (except a break-glass admin).")


def _callback_uri(settings: GatewaySettings) -> str:
    return f"{settings.public_url.rstrip('/')}/v1/auth/sso/callback"


def _login_uri(settings: GatewaySettings) -> str:
    return f"{settings.public_url.rstrip('/')}/login"


def _provider_out(doc: dict[str, Any], settings: GatewaySettings) -> OidcProviderOut:
    oidc = doc["oidc"]
    return OidcProviderOut(
        issuer=oidc["issuer"],
        client_id=oidc["client_id"],
        scopes=oidc["scopes"],
        role_claim=oidc["role_claim"],
        role_map=oidc["role_map"],
        default_roles=oidc["default_roles"],
        redirect_uri=_callback_uri(settings),
        post_logout_redirect_uri=_login_uri(settings),
        updated_at=oidc["updated_at"],
    )


def _check_issuer_address(issuer: str, what: str = "The issuer") -> None:
    parts = urlsplit(issuer)
    host = parts.hostname or ""
    loopback = host == "localhost"
    with contextlib.suppress(ValueError):
        loopback = loopback or ipaddress.ip_address(host).is_loopback
    if parts.scheme != "https" and not loopback:
        raise ProblemError(422, "invalid_issuer", f"{what} must be an https:// address.")


def _http() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=10, follow_redirects=False, trust_env=False)


async def discover(issuer: str) -> dict[str, Any]:
    """The provider's metadata (OpenID Connect Discovery 1.0), checked to be its own and usable."""
    _check_issuer_address(issuer)
    url = f"{issuer.rstrip('/')}/.well-known/openid-configuration"
    try:
        async with _http() as http:
            response = await http.get(url)
        response.raise_for_status()
        metadata = response.json()
    except (httpx.HTTPError, httpx.InvalidURL, ValueError):
        raise ProblemError(
            422, "issuer_unreachable", f"No OpenID configuration could be read from {url}."
        ) from None
    if not isinstance(metadata, dict) or metadata.get("issuer") != issuer:
        raise ProblemError(422, "issuer_mismatch", "The configuration names another issuer.")
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not isinstance(metadata.get(name), str):
            raise ProblemError(422, "issuer_incomplete", f"The configuration lacks {name}.")
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint"):
        if isinstance(metadata.get(name), str):
            _check_issuer_address(metadata[name], f"Its {name}")
    methods = metadata.get("code_challenge_methods_supported")
    if isinstance(methods, list) and "S256" not in methods:
        raise ProblemError(422, "issuer_incomplete", "The provider does not offer PKCE (S256).")
    return metadata


@router.put(
    "/sso/oidc",
    response_model=OidcProviderOut,
    summary="Configure the tenant's OpenID Connect provider (read by discovery)",
    responses=problems(
        "PUT",
        "/sso/oidc",
        {
            422: "`invalid_request`, `unknown_role`, `invalid_issuer`, `issuer_unreachable`, "
            "`issuer_mismatch`, `issuer_incomplete`: not a usable provider.",
            **preconditions.ERRORS,
        },
    ),
)
async def put_provider(
    body: OidcProviderIn,
    request: Request,
    identity: Annotated[Identity, Depends(require("users:write"))],
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> OidcProviderOut:
    settings: GatewaySettings = request.app.state.settings
    named = set(body.default_roles).union(*body.role_map.values())
    unknown = sorted(named - set(ROLES))
    if unknown:
        raise ProblemError(422, "unknown_role", f"Unknown roles: {', '.join(unknown)}.")
    metadata = await discover(body.issuer)
    oidc = {
        **body.model_dump(),
        "scopes": ["openid", *sorted(set(body.scopes) - {"openid"})],
        "metadata": metadata,
        "updated_at": datetime.now(UTC),
        "updated_by": identity.principal,
    }
    db = request.app.state.service.db
    current = await db.sso.find_one({"_id": identity.tenant}, {OIDC_REVISION: 1})
    revision = preconditions.revision_of(current, OIDC_REVISION)
    preconditions.check(if_match, revision)  # before discovery's round trip, and again at write
    doc = await preconditions.write(
        db.sso,
        {"_id": identity.tenant},
        {"$set": {"oidc": oidc}},
        if_match=if_match,
        revision=revision,
        field=OIDC_REVISION,
        upsert=True,
    )
    preconditions.tagged(response, preconditions.revision_of(doc, OIDC_REVISION))
    return _provider_out(doc, settings)


async def _provider(request: Request, tenant: str) -> dict[str, Any]:
    doc = await request.app.state.service.db.sso.find_one({"_id": tenant})
    if doc is None or not doc.get("oidc"):
        raise ProblemError(404, "sso_not_configured", "This tenant has no OpenID provider.")
    return dict(doc)


@router.get(
    "/sso/oidc",
    response_model=OidcProviderOut,
    summary="The tenant's OpenID Connect provider (never its client secret)",
    responses=problems("GET", "/sso/oidc", {404: "`sso_not_configured`: none is configured."}),
)
async def get_provider(
    request: Request,
    identity: Annotated[Identity, Depends(require("users:write"))],
    response: Response,
) -> OidcProviderOut:
    doc = await _provider(request, identity.tenant)
    preconditions.tagged(response, preconditions.revision_of(doc, OIDC_REVISION))
    return _provider_out(doc, request.app.state.settings)


@router.delete(
    "/sso/oidc",
    status_code=204,
    summary="Remove the tenant's OpenID Connect provider",
    responses=problems(
        "DELETE",
        "/sso/oidc",
        {
            404: "`sso_not_configured`: none is configured.",
            409: "`sso_required`: the tenant requires single sign-on; lift that first.",
        },
    ),
)
async def delete_provider(
    request: Request, identity: Annotated[Identity, Depends(require("users:write"))]
) -> None:
    doc = await _provider(request, identity.tenant)
    if doc.get("require_sso") and not doc.get("saml"):
        raise ProblemError(409, "sso_required", "Lift the single sign-on requirement first.")
    await request.app.state.service.db.sso.update_one(
        {"_id": identity.tenant}, {"$unset": {"oidc": ""}, "$inc": {OIDC_REVISION: 1}}
    )


@router.put(
    "/sso/policy",
    response_model=SignInPolicyOut,
    summary="Require single sign-on for the tenant's staff (one break-glass admin excepted)",
    responses=problems(
        "PUT",
        "/sso/policy",
        {
            409: "`sso_not_configured`: requiring single sign-on needs a provider; "
            "`break_glass_not_admin`: the break-glass address is not an admin with a password.",
            **preconditions.ERRORS,
        },
    ),
)
async def put_policy(
    body: SignInPolicyIn,
    request: Request,
    identity: Annotated[Identity, Depends(require("users:write"))],
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> SignInPolicyOut:
    """The answer's ETag is the policy's revision: send it as If-Match on the next change."""
    db = request.app.state.service.db
    current = await db.sso.find_one({"_id": identity.tenant}, {POLICY_REVISION: 1})
    revision = preconditions.revision_of(current, POLICY_REVISION)
    preconditions.check(if_match, revision)
    email = body.break_glass_email.lower() if body.break_glass_email else None
    if body.require_sso:
        doc = await db.sso.find_one(
            {"_id": identity.tenant}, {"oidc.issuer": 1, "saml.entity_id": 1}
        )
        if doc is None or not (doc.get("oidc") or doc.get("saml")):
            raise ProblemError(
                409, "sso_not_configured", "Configure an OpenID or SAML provider first."
            )
    if email is not None:
        user = await db.users.find_one({"tenant": identity.tenant, "email": email})
        if user is None or "admin" not in user["roles"] or not user.get("password"):
            raise ProblemError(
                409,
                "break_glass_not_admin",
                "The break-glass user must be an admin with a password.",
            )
    doc = await preconditions.write(
        db.sso,
        {"_id": identity.tenant},
        {"$set": {"require_sso": body.require_sso, "break_glass_email": email}},
        if_match=if_match,
        revision=revision,
        field=POLICY_REVISION,
        upsert=True,
    )
    preconditions.tagged(response, preconditions.revision_of(doc, POLICY_REVISION))
    return SignInPolicyOut(require_sso=body.require_sso, break_glass_email=email)


# --- signing in -------------------------------------------------------------------------------


TenantPath = Annotated[str, Path(pattern=TENANT, description="The tenant's id.")]


@router.get(
    "/auth/sso/{tenant}/options",
    response_model=SignInOptions,
    summary="How a tenant's staff sign in (for the sign-in page)",
    responses=problems("GET", "/auth/sso/{tenant}/options"),
)
async def sign_in_options(tenant: TenantPath, request: Request) -> SignInOptions:
    doc = await request.app.state.service.db.sso.find_one({"_id": tenant})
    if doc is None:
        return SignInOptions(oidc=False, required=False)
    oidc, saml = bool(doc.get("oidc")), bool(doc.get("saml"))
    start = f"/v1/auth/sso/{tenant}/start" if oidc else f"/v1/auth/saml/{tenant}/start"
    return SignInOptions(
        oidc=oidc,
        saml=saml,
        start_path=start if oidc or saml else None,
        required=bool(doc.get("require_sso")),
    )


@router.get(
    "/auth/sso/{tenant}/start",
    status_code=303,
    response_class=RedirectResponse,
    summary="Start signing in at the tenant's OpenID provider (a browser navigation)",
    responses={
        303: {"description": "To the provider's authorization endpoint."},
        **problems("GET", "/auth/sso/{tenant}/start", {404: "`sso_not_configured`."}),
    },
)
async def start(
    tenant: TenantPath,
    request: Request,
    next: Annotated[str, Query(pattern=NEXT, description="Where to go once signed in.")] = (
        "/console"
    ),
) -> Response:
    settings: GatewaySettings = request.app.state.settings
    oidc = (await _provider(request, tenant))["oidc"]
    state, nonce, browser = (secrets.token_urlsafe(32) for _ in range(3))
    verifier = generate_token(64)
    client = AsyncOAuth2Client(
        oidc["client_id"],
        scope=" ".join(oidc["scopes"]),
        redirect_uri=_callback_uri(settings),
        code_challenge_method="S256",
    )
    url, _ = client.create_authorization_url(
        oidc["metadata"]["authorization_endpoint"],
        state=state,
        nonce=nonce,
        code_verifier=verifier,
    )
    await request.app.state.service.db.sso_flows.insert_one(
        {
            "_id": hash_secret(state),
            "tenant": tenant,
            "issuer": oidc["issuer"],
            "nonce": nonce,
            "verifier": verifier,
            "browser": hash_secret(browser),
            "next": next,
            "created_at": datetime.now(UTC),
        }
    )
    response = RedirectResponse(url, status_code=303)
    # Binds the answer to this browser: a callback carrying another browser's state is refused.
    response.set_cookie(
        COOKIE,
        browser,
        max_age=FLOW_SECONDS,
        path="/v1/auth/sso/callback",
        httponly=True,
        samesite="lax",
        secure=settings.public_url.startswith("https://"),
    )
    return response


def validate_id_token(
    id_token: str,
    jwks: dict[str, Any],
    *,
    issuer: str,
    client_id: str,
    nonce: str,
    access_token: str | None,
    algorithms: list[str],
) -> dict[str, Any]:
    """The ID token's claims once its signature (a key of the provider's set, an allowed
    algorithm, never `none`) and its claims (iss, aud, azp, exp, iat, nonce, at_hash) are valid.
    Refusals are 400 problems: `sso_nonce_mismatch` or `sso_id_token_invalid`."""
    try:
        token = jwt.decode(
            id_token,
            KeySet.import_key_set(jwks),  # type: ignore[arg-type]
            registry=JWSRegistry(algorithms=[a for a in algorithms if a != "none"]),
        )
    except (JoseError, ValueError, TypeError):
        raise _refused("sso_id_token_invalid", "The ID token's signature is not valid.") from None
    claims = CodeIDToken(
        token.claims,
        token.header,
        {"iss": {"essential": True, "values": [issuer]}, "sub": {"essential": True}},
        {"nonce": nonce, "client_id": client_id, "access_token": access_token},
    )
    try:
        claims.validate(leeway=LEEWAY_SECONDS)
    except JoseError as exc:
        if "nonce" in str(exc):
            raise _refused("sso_nonce_mismatch", "The ID token is for another sign-in.") from None
        raise _refused("sso_id_token_invalid", f"The ID token is not valid: {exc}.") from None
    return dict(token.claims)


def mapped_roles(oidc: dict[str, Any], claims: dict[str, Any]) -> list[str]:
    """The default roles plus those the role map gives the role claim's values."""
    values = claims.get(oidc["role_claim"], [])
    if isinstance(values, str):
        values = values.split()
    granted = set(oidc["default_roles"])
    if isinstance(values, list):
        for value in values:
            granted.update(oidc["role_map"].get(str(value), []))
    return [role for role in ROLES if role in granted]


async def _signed_in_claims(
    oidc: dict[str, Any], flow: dict[str, Any], code: str, settings: GatewaySettings
) -> dict[str, Any]:
    """The code exchanged (with the PKCE verifier), the ID token validated, UserInfo merged."""
    metadata = oidc["metadata"]
    async with AsyncOAuth2Client(
        oidc["client_id"],
        oidc["client_secret"],
        redirect_uri=_callback_uri(settings),
        timeout=10,
        trust_env=False,
    ) as client:
        try:
            tokens = await client.fetch_token(
                metadata["token_endpoint"],
                grant_type="authorization_code",
                code=code,
                code_verifier=flow["verifier"],
            )
        except OAuthError:  # the provider's answer: a used, expired or foreign code
            raise _refused(
                "sso_code_refused", "The provider refused the code (used, expired or not ours)."
            ) from None
        except Exception:  # no answer, or not one of OAuth's
            raise _provider_failed("its token endpoint") from None
        try:
            async with _http() as http:
                jwks_response = await http.get(metadata["jwks_uri"])
            jwks_response.raise_for_status()
            jwks = jwks_response.json()
        except (httpx.HTTPError, ValueError):
            raise _provider_failed("its keys") from None
        if not isinstance(tokens, dict) or not isinstance(tokens.get("id_token"), str):
            raise _refused("sso_id_token_invalid", "The provider sent no ID token.")
        claims = validate_id_token(
            tokens["id_token"],
            jwks,
            issuer=oidc["issuer"],
            client_id=oidc["client_id"],
            nonce=flow["nonce"],
            access_token=tokens.get("access_token"),
            algorithms=metadata.get("id_token_signing_alg_values_supported") or ["RS256"],
        )
        if isinstance(metadata.get("userinfo_endpoint"), str) and tokens.get("access_token"):
            try:
                info = (await client.get(metadata["userinfo_endpoint"])).json()
            except (httpx.HTTPError, ValueError):
                info = None
            if isinstance(info, dict) and info.get("sub") == claims["sub"]:
                claims = {**info, **claims}
    return claims


async def just_in_time_user(
    request: Request, tenant: str, oidc: dict[str, Any], claims: dict[str, Any]
) -> dict[str, Any]:
    """The signed-in user, created or updated: `oidc` is the provider's settings (`issuer`,
    `role_claim`, `role_map`, `default_roles`; SAML's have the same keys) and `claims` what it
    said of the user (`sub`, `email`, `name`, the role claim)."""
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email or claims.get("email_verified") is False:
        raise _refused("sso_email_missing", "The provider sent no verified e-mail address.")
    subject = f"{oidc['issuer']}#{claims['sub']}"
    name = claims.get("name") if isinstance(claims.get("name"), str) else email
    users = request.app.state.service.db.users
    user = await users.find_one({"tenant": tenant, "sso_subject": subject})
    if user is None:
        user = await users.find_one({"tenant": tenant, "email": email.lower()})
        if user is not None and user.get("sso_subject") not in (None, subject):
            raise ProblemError(409, "sso_account_conflict", "This e-mail belongs to another user.")
    if user is not None and user.get("active") is False:
        raise ProblemError(403, "user_deactivated", "This account is deactivated.")
    # Roles follow the claim when the provider sends it; without it, the roles an admin or SCIM
    # gave an existing user stay (plus the defaults).
    roles = mapped_roles(oidc, claims)
    if oidc["role_claim"] not in claims and user is not None:
        roles = [r for r in ROLES if r in set(roles) | set(user.get("roles", []))]
    if not roles:
        raise ProblemError(403, "sso_no_role", "No role is mapped for this user's groups.")
    changes = {"sso_subject": subject, "email": email.lower(), "name": name, "roles": roles}
    if user is None:
        user = {
            "_id": str(uuid.uuid4()),
            "tenant": tenant,
            "password": None,
            "created_at": datetime.now(UTC),
            "created_by": "sso",
            **changes,
        }
        try:
            await users.insert_one(user)
        except DuplicateKeyError:
            raise ProblemError(409, "sso_account_conflict", "Sign in again.") from None
    else:
        await users.update_one({"_id": user["_id"]}, {"$set": changes})
        user = {**user, **changes}
    return user


@router.get(
    "/auth/sso/callback",
    status_code=303,
    response_class=RedirectResponse,
    summary="The provider's answer (the redirect URI); on to the sign-in page",
    responses={
        303: {"description": "To `/login?handoff=...`, where the page takes its token."},
        **problems(
            "GET",
            "/auth/sso/callback",
            {
                400: "`sso_state_invalid` (unknown, used, expired or another browser's), "
                "`sso_denied` (the provider answered with an error), `sso_issuer_mismatch`, "
                "`sso_code_refused` (a used, expired or foreign code), `sso_id_token_invalid`, "
                "`sso_nonce_mismatch`, `sso_email_missing`.",
                403: "`sso_no_role`: no role maps from the user's claims; `user_deactivated`.",
                409: "`sso_account_conflict`: the e-mail belongs to another user.",
                502: "`sso_provider_unavailable`: the provider's token endpoint or keys did "
                "not answer.",
            },
        ),
    },
)
async def callback(
    request: Request,
    state: Annotated[str, Query(pattern=OPAQUE)],
    code: Annotated[str | None, Query(pattern=OPAQUE)] = None,
    error: Annotated[str | None, Query(pattern=OPAQUE)] = None,
    iss: Annotated[str | None, Query(max_length=300)] = None,
) -> Response:
    try:
        return await _answer(request, state, code, error, iss)
    except ProblemError as exc:
        outcome = "provider_failed" if exc.problem.status == 502 else "refused"
        audit.count_sign_in(request, "oidc", outcome)
        raise


async def _answer(
    request: Request, state: str, code: str | None, error: str | None, iss: str | None
) -> Response:
    settings: GatewaySettings = request.app.state.settings
    db = request.app.state.service.db
    # Taken once: a replayed answer finds nothing.
    flow = await db.sso_flows.find_one_and_delete({"_id": hash_secret(state)})
    browser = request.cookies.get(COOKIE, "")
    if (
        flow is None
        or flow["created_at"].replace(tzinfo=UTC)
        < datetime.now(UTC) - timedelta(seconds=FLOW_SECONDS)
        or not secrets.compare_digest(hash_secret(browser), flow["browser"])
    ):
        raise _refused(
            "sso_state_invalid", "This sign-in is unknown, used or expired: start again."
        )
    if error is not None or code is None:
        raise _refused("sso_denied", f"The provider did not sign you in ({error or 'no code'}).")
    oidc = (await _provider(request, flow["tenant"]))["oidc"]
    if oidc["issuer"] != flow["issuer"] or (iss is not None and iss != flow["issuer"]):
        raise _refused("sso_issuer_mismatch", "The answer comes from another provider.")
    claims = await _signed_in_claims(oidc, flow, code, settings)
    user = await just_in_time_user(request, flow["tenant"], oidc, claims)
    response = await hand_off(request, flow["tenant"], user, "oidc", flow["next"])
    response.delete_cookie(COOKIE, path="/v1/auth/sso/callback")
    return response


async def hand_off(
    request: Request, tenant: str, user: dict[str, Any], method: str, next: str
) -> RedirectResponse:
    """A finished single sign-on (OpenID Connect or SAML): audited, a session issued, and the
    browser sent to the sign-in page with a one-time handoff for it (never the token itself)."""
    await audit.sign_in(request, tenant, f"user:{user['_id']}", method, 200)
    token, expires_at = sessions.issue(request.app.state.settings, user)
    handoff = secrets.token_urlsafe(32)
    await request.app.state.service.db.sso_handoffs.insert_one(
        {
            "_id": hash_secret(handoff),
            "token": token,
            "expires_at": expires_at,
            "created_at": datetime.now(UTC),
        }
    )
    query = urlencode({"handoff": handoff, "next": next})
    return RedirectResponse(f"/login?{query}", status_code=303)


class HandoffIn(BaseModel):
    handoff: str = Field(pattern=r"^[A-Za-z0-9_-]{20,100}$")


@router.post(
    "/auth/sso/handoff",
    response_model=Token,
    summary="The sign-in page takes the token of a finished single sign-on (once)",
    responses=problems(
        "POST", "/auth/sso/handoff", {400: "`handoff_invalid`: unknown, used or expired."}
    ),
)
async def take_handoff(body: HandoffIn, request: Request) -> Token:
    doc = await request.app.state.service.db.sso_handoffs.find_one_and_delete(
        {"_id": hash_secret(body.handoff)}
    )
    if doc is None or doc["created_at"].replace(tzinfo=UTC) < datetime.now(UTC) - timedelta(
        seconds=HANDOFF_SECONDS
    ):
        raise _refused("handoff_invalid", "This sign-in is unknown, used or expired.")
    return Token(access_token=doc["token"], expires_at=doc["expires_at"])


class SignedOut(BaseModel):
    provider_logout_url: str | None = Field(
        description="Where to send the browser to end the provider's session too (when the user "
        "signed in through it and it offers RP-initiated logout)."
    )


@router.post(
    "/auth/logout",
    response_model=SignedOut,
    summary="Sign out: this user token is refused from now on",
    responses=problems(
        "POST", "/auth/logout", {409: "`not_a_session`: an API key is revoked, not signed out."}
    ),
)
async def logout(
    request: Request,
    identity: Annotated[Identity, Depends(authenticate)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> SignedOut:
    if identity.kind != "user" or credentials is None:
        raise ProblemError(409, "not_a_session", "An API key is revoked, not signed out.")
    db = request.app.state.service.db
    await sessions.revoke_token(db, identity, credentials.credentials)
    user = await db.users.find_one({"_id": identity.principal.removeprefix("user:")})
    doc = await db.sso.find_one({"_id": identity.tenant})
    oidc = (doc or {}).get("oidc")
    if not user or not user.get("sso_subject") or not oidc:
        return SignedOut(provider_logout_url=None)
    end = oidc["metadata"].get("end_session_endpoint")
    if not isinstance(end, str):
        return SignedOut(provider_logout_url=None)
    query = urlencode(
        {
            "client_id": oidc["client_id"],
            "post_logout_redirect_uri": _login_uri(request.app.state.settings),
        }
    )
    return SignedOut(provider_logout_url=f"{end}{'&' if '?' in end else '?'}{query}")
