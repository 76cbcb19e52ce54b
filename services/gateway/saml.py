"""Single sign-on with SAML 2.0, per tenant, for providers that speak only SAML: the gateway is the
service provider (pysaml2, which checks signatures with xmlsec1). A tenant's admin gives the
identity provider's metadata; the sign-in is SP-initiated (an AuthnRequest by HTTP-Redirect, the
signed assertion back by HTTP-POST to the assertion consumer service), the assertion's signature,
audience, times and `InResponseTo` are checked, each flow and each assertion is taken once, and
the user is created just in time with roles mapped from an attribute, as with OpenID Connect."""

from __future__ import annotations

import secrets
import shutil
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlsplit

import anyio
from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from pymongo.errors import DuplicateKeyError
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.mdstore import MetadataStore
from saml2.metadata import entity_descriptor

from services.chassis import preconditions
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.gateway import audit, sessions
from services.gateway.accounts import RoleName
from services.gateway.auth import ROLES, hash_secret, problems, require
from services.gateway.settings import GatewaySettings
from services.gateway.sso import (
    FLOW_SECONDS,
    LEEWAY_SECONDS,
    NEXT,
    TenantPath,
    hand_off,
    just_in_time_user,
)

router = APIRouter(prefix="/v1", tags=["sign-in"])
SAML_REVISION = "saml_revision"
COOKIE = "hl_saml"
ACS_PATH = "/v1/auth/saml/acs"
ASSERTION_SECONDS = 24 * 3600  # an assertion's id is remembered this long (replays refused)
XMLSEC = shutil.which("xmlsec1") or "/usr/bin/xmlsec1"  # Debian package xmlsec1
Attribute = Annotated[str, Field(pattern=r"^[A-Za-z0-9_:./-]{1,200}$")]
AttributeValue = Annotated[str, Field(min_length=1, max_length=200)]


async def ensure_indexes(db: sessions.Db) -> None:
    await db.saml_assertions.create_index("created_at", expireAfterSeconds=ASSERTION_SECONDS)


def _refused(code: str, detail: str) -> ProblemError:
    return ProblemError(400, code, detail)


# --- the provider a tenant's admin configures -------------------------------------------------


class SamlProviderIn(BaseModel):
    metadata_xml: str = Field(
        min_length=50,
        max_length=200_000,
        description="The identity provider's SAML 2.0 metadata (its EntityDescriptor: entity ID, "
        "an HTTP-Redirect single sign-on endpoint and its signing certificate).",
    )
    email_attribute: Attribute = Field(
        default="email",
        description="The attribute holding the user's e-mail (else the NameID, when it is one).",
    )
    name_attribute: Attribute = Field(default="displayName")
    role_attribute: Attribute = Field(
        default="groups", description="The attribute whose values map to roles."
    )
    role_map: dict[AttributeValue, list[RoleName]] = Field(
        default_factory=dict,
        max_length=50,
        description="A value of the role attribute (e.g. a group) to the roles it grants.",
    )
    default_roles: list[RoleName] = Field(
        default_factory=list, max_length=4, description="Roles every signed-in user gets."
    )


class SamlProviderOut(BaseModel):
    entity_id: str = Field(description="The identity provider's entity ID.")
    sso_url: str = Field(description="Its single sign-on endpoint (HTTP-Redirect).")
    email_attribute: str
    name_attribute: str
    role_attribute: str
    role_map: dict[str, list[str]]
    default_roles: list[str]
    sp_entity_id: str = Field(description="Our entity ID (the audience of its assertions).")
    acs_url: str = Field(description="Our assertion consumer service (HTTP-POST).")
    sp_metadata_url: str = Field(description="Our metadata, for the provider's configuration.")
    updated_at: datetime


def _sp_entity_id(settings: GatewaySettings, tenant: str) -> str:
    return f"{settings.public_url.rstrip('/')}/v1/auth/saml/{tenant}/metadata"


def _acs_url(settings: GatewaySettings) -> str:
    return f"{settings.public_url.rstrip('/')}{ACS_PATH}"


def _sp_config(settings: GatewaySettings, tenant: str, idp_metadata: str | None) -> SPConfig:
    config = SPConfig()
    config.load(
        {
            "entityid": _sp_entity_id(settings, tenant),
            "service": {
                "sp": {
                    "endpoints": {
                        "assertion_consumer_service": [(_acs_url(settings), BINDING_HTTP_POST)]
                    },
                    "allow_unsolicited": False,  # only answers to our own requests
                    "authn_requests_signed": False,
                    "want_assertions_signed": True,
                    "want_response_signed": False,
                }
            },
            "metadata": {"inline": [idp_metadata]} if idp_metadata else {},
            "xmlsec_binary": XMLSEC,
            "accepted_time_diff": LEEWAY_SECONDS,
            "allow_unknown_attributes": True,  # a provider's own names (e.g. `groups`) too
        }
    )
    return config


def read_metadata(xml: str) -> tuple[str, str]:
    """(entity ID, HTTP-Redirect single sign-on URL) of the one identity provider the metadata
    describes, which must carry a signing certificate; else a 422 `saml_metadata_invalid`."""
    config = SPConfig()
    config.load({"entityid": "urn:hireloop:metadata-check", "xmlsec_binary": XMLSEC})
    store = MetadataStore(None, config)
    try:
        store.load("inline", xml)
        providers = list(store.with_descriptor("idpsso"))
        if len(providers) != 1:
            raise ValueError(f"{len(providers)} identity providers")
        (entity_id,) = providers
        endpoints = store.single_sign_on_service(entity_id, BINDING_HTTP_REDIRECT)
        if not endpoints:
            raise ValueError("no HTTP-Redirect single sign-on endpoint")
        if not store.certs(entity_id, "idpsso", use="signing"):
            raise ValueError("no signing certificate")
        url = str(endpoints[0]["location"])
    except Exception as exc:  # pysaml2 raises many kinds on bad XML
        raise ProblemError(
            422, "saml_metadata_invalid", f"The provider's metadata cannot be used: {exc}."
        ) from None
    if urlsplit(url).scheme not in ("https", "http"):
        raise ProblemError(422, "saml_metadata_invalid", "The sign-on URL is not HTTP(S).")
    return str(entity_id), url


def _out(doc: dict[str, Any], settings: GatewaySettings, tenant: str) -> SamlProviderOut:
    saml = doc["saml"]
    fields = {k: saml[k] for k in SamlProviderOut.model_fields if k in saml}
    return SamlProviderOut(
        **fields,
        sp_entity_id=_sp_entity_id(settings, tenant),
        acs_url=_acs_url(settings),
        sp_metadata_url=_sp_entity_id(settings, tenant),
    )


@router.put(
    "/sso/saml",
    response_model=SamlProviderOut,
    summary="Configure the tenant's SAML identity provider (by its metadata)",
    responses=problems(
        "PUT",
        "/sso/saml",
        {
            422: "`saml_metadata_invalid`: the metadata is not one identity provider with an "
            "HTTP-Redirect sign-on endpoint and a signing certificate; `unknown_role`.",
            **preconditions.ERRORS,
        },
    ),
)
async def put_provider(
    body: SamlProviderIn,
    request: Request,
    identity: Annotated[Identity, Depends(require("users:write"))],
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> SamlProviderOut:
    """The answer's ETag is the configuration's revision: send it as If-Match on the next change."""
    db, settings = request.app.state.service.db, request.app.state.settings
    unknown = sorted(set(body.default_roles).union(*body.role_map.values()) - set(ROLES))
    if unknown:
        raise ProblemError(422, "unknown_role", f"Unknown roles: {', '.join(unknown)}.")
    current = await db.sso.find_one({"_id": identity.tenant}, {SAML_REVISION: 1})
    revision = preconditions.revision_of(current, SAML_REVISION)
    preconditions.check(if_match, revision)  # before reading the metadata, and again at write
    entity_id, sso_url = await anyio.to_thread.run_sync(read_metadata, body.metadata_xml)
    saml = {
        **body.model_dump(),
        "entity_id": entity_id,
        "sso_url": sso_url,
        "updated_at": datetime.now(UTC),
        "updated_by": identity.principal,
    }
    doc = await preconditions.write(
        db.sso,
        {"_id": identity.tenant},
        {"$set": {"saml": saml}},
        if_match=if_match,
        revision=revision,
        field=SAML_REVISION,
        upsert=True,
    )
    preconditions.tagged(response, preconditions.revision_of(doc, SAML_REVISION))
    return _out({"saml": saml}, settings, identity.tenant)


async def _provider(request: Request, tenant: str) -> dict[str, Any]:
    doc = await request.app.state.service.db.sso.find_one({"_id": tenant})
    if doc is None or not doc.get("saml"):
        raise ProblemError(404, "sso_not_configured", "This tenant has no SAML provider.")
    return dict(doc["saml"])


@router.get(
    "/sso/saml",
    response_model=SamlProviderOut,
    summary="The tenant's SAML identity provider, and what to configure at it",
    responses=problems("GET", "/sso/saml", {404: "`sso_not_configured`: none is configured."}),
)
async def get_provider(
    request: Request,
    identity: Annotated[Identity, Depends(require("users:write"))],
    response: Response,
) -> SamlProviderOut:
    doc = await request.app.state.service.db.sso.find_one({"_id": identity.tenant})
    if doc is None or not doc.get("saml"):
        raise ProblemError(404, "sso_not_configured", "This tenant has no SAML provider.")
    preconditions.tagged(response, preconditions.revision_of(doc, SAML_REVISION))
    return _out(doc, request.app.state.settings, identity.tenant)


@router.delete(
    "/sso/saml",
    status_code=204,
    summary="Remove the tenant's SAML identity provider",
    responses=problems(
        "DELETE",
        "/sso/saml",
        {409: "`sso_required`: the tenant requires single sign-on and this is its only provider."},
    ),
)
async def delete_provider(
    request: Request, identity: Annotated[Identity, Depends(require("users:write"))]
) -> Response:
    db = request.app.state.service.db
    doc = await db.sso.find_one({"_id": identity.tenant})
    if doc and doc.get("require_sso") and not doc.get("oidc"):
        raise ProblemError(409, "sso_required", "Stop requiring single sign-on first.")
    await db.sso.update_one(
        {"_id": identity.tenant}, {"$unset": {"saml": ""}, "$inc": {SAML_REVISION: 1}}
    )
    return Response(status_code=204)


@router.get(
    "/auth/saml/{tenant}/metadata",
    summary="Our SAML service provider metadata for a tenant (for its identity provider)",
    response_class=Response,
    responses={
        200: {"content": {"application/samlmetadata+xml": {}}, "description": "The metadata."},
        **problems("GET", "/auth/saml/{tenant}/metadata"),
    },
)
async def sp_metadata(tenant: TenantPath, request: Request) -> Response:
    config = _sp_config(request.app.state.settings, tenant, None)
    xml = str(entity_descriptor(config))
    return Response(xml, media_type="application/samlmetadata+xml")


# --- signing in -------------------------------------------------------------------------------


@router.get(
    "/auth/saml/{tenant}/start",
    status_code=303,
    response_class=RedirectResponse,
    summary="Start signing in at the tenant's SAML provider (a browser navigation)",
    responses={
        303: {"description": "To the provider's sign-on endpoint, with the AuthnRequest."},
        **problems("GET", "/auth/saml/{tenant}/start", {404: "`sso_not_configured`."}),
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
    saml = await _provider(request, tenant)
    relay, browser = secrets.token_urlsafe(32), secrets.token_urlsafe(32)

    def prepare() -> tuple[str, str]:
        client = Saml2Client(_sp_config(settings, tenant, saml["metadata_xml"]))
        request_id, info = client.prepare_for_authenticate(
            entityid=saml["entity_id"], relay_state=relay, binding=BINDING_HTTP_REDIRECT
        )
        return str(request_id), dict(info["headers"])["Location"]

    request_id, location = await anyio.to_thread.run_sync(prepare)
    await request.app.state.service.db.sso_flows.insert_one(
        {
            "_id": hash_secret(relay),
            "tenant": tenant,
            "protocol": "saml",
            "entity_id": saml["entity_id"],
            "request_id": request_id,
            "browser": hash_secret(browser),
            "next": next,
            "created_at": datetime.now(UTC),
        }
    )
    response = RedirectResponse(location, status_code=303)
    if settings.public_url.startswith("https://"):
        # The provider's answer is a cross-site POST: only a SameSite=None (so Secure) cookie
        # comes back with it, binding the answer to the browser that started.
        response.set_cookie(
            COOKIE, browser, max_age=FLOW_SECONDS, path=ACS_PATH, httponly=True,
            samesite="none", secure=True,
        )  # fmt: skip
    return response


def _attribute(attributes: dict[str, list[Any]], name: str) -> list[str]:
    return [str(v) for v in attributes.get(name, []) if isinstance(v, str | int)]


@router.post(
    "/auth/saml/acs",
    status_code=303,
    response_class=RedirectResponse,
    summary="The SAML assertion consumer service (the provider's HTTP-POST answer)",
    responses={
        303: {"description": "To `/login?handoff=...`, where the page takes its token."},
        **problems(
            "POST",
            ACS_PATH,
            {
                400: "`saml_state_invalid` (unknown, used, expired or another browser's "
                "RelayState), `saml_assertion_invalid` (unsigned, badly signed, for another "
                "audience or request, expired), `saml_replayed` (an assertion already used), "
                "`sso_email_missing`.",
                403: "`sso_no_role`: no role maps from the user's attributes; `user_deactivated`.",
                409: "`sso_account_conflict`: the e-mail belongs to another user.",
            },
        ),
    },
)
async def acs(
    request: Request,
    saml_response: Annotated[str, Form(alias="SAMLResponse", min_length=1, max_length=500_000)],
    relay_state: Annotated[str, Form(alias="RelayState", pattern=r"^[A-Za-z0-9_-]{20,100}$")],
) -> Response:
    try:
        return await _answer(request, saml_response, relay_state)
    except ProblemError:
        audit.count_sign_in(request, "saml", "refused")
        raise


async def _answer(request: Request, saml_response: str, relay_state: str) -> Response:
    settings: GatewaySettings = request.app.state.settings
    db = request.app.state.service.db
    flow = await db.sso_flows.find_one_and_delete(
        {"_id": hash_secret(relay_state), "protocol": "saml"}
    )
    bound = not settings.public_url.startswith("https://") or secrets.compare_digest(
        hash_secret(request.cookies.get(COOKIE, "")), (flow or {}).get("browser", "")
    )
    if (
        flow is None
        or not bound
        or flow["created_at"].replace(tzinfo=UTC)
        < datetime.now(UTC) - timedelta(seconds=FLOW_SECONDS)
    ):
        raise _refused(
            "saml_state_invalid", "This sign-in is unknown, used or expired: start again."
        )
    tenant = flow["tenant"]
    saml = await _provider(request, tenant)
    if saml["entity_id"] != flow["entity_id"]:
        raise _refused("saml_assertion_invalid", "The provider changed since this sign-in began.")

    def parse() -> Any:
        client = Saml2Client(_sp_config(settings, tenant, saml["metadata_xml"]))
        return client.parse_authn_request_response(
            saml_response, BINDING_HTTP_POST, outstanding={flow["request_id"]: flow["next"]}
        )

    try:
        answer = await anyio.to_thread.run_sync(parse)
    except Exception as exc:  # pysaml2's refusals: signature, audience, times, InResponseTo
        raise _refused(
            "saml_assertion_invalid", f"The provider's answer is not valid: {exc}."
        ) from None
    if answer is None or answer.assertion is None or answer.name_id is None:
        raise _refused("saml_assertion_invalid", "The provider's answer holds no assertion.")
    try:  # taken once, whatever flow it comes back with
        await db.saml_assertions.insert_one(
            {
                "_id": f"{saml['entity_id']}#{answer.assertion.id}",
                "tenant": tenant,
                "created_at": datetime.now(UTC),
            }
        )
    except DuplicateKeyError:
        raise _refused("saml_replayed", "This assertion was already used.") from None
    attributes: dict[str, list[Any]] = answer.ava or {}
    name_id = str(answer.name_id.text or "")
    emails = _attribute(attributes, saml["email_attribute"]) or (
        [name_id] if "@" in name_id else []
    )
    names = _attribute(attributes, saml["name_attribute"])
    provider = {
        "issuer": saml["entity_id"],
        "role_claim": saml["role_attribute"],
        "role_map": saml["role_map"],
        "default_roles": saml["default_roles"],
    }
    claims: dict[str, Any] = {"sub": name_id, "email": emails[0] if emails else None}
    if names:
        claims["name"] = names[0]
    if saml["role_attribute"] in attributes:
        claims[saml["role_attribute"]] = _attribute(attributes, saml["role_attribute"])
    user = await just_in_time_user(request, tenant, provider, claims)
    response = await hand_off(request, tenant, user, "saml", flow["next"])
    response.delete_cookie(COOKIE, path=ACS_PATH)
    return response
