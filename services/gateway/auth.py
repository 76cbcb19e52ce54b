"""Authentication at the gateway: turns a request's credential into the Identity services trust."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.gateway.settings import GatewaySettings

bearer = HTTPBearer(auto_error=False, description="An API key or a user token.")


def authenticate(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Identity:
    settings: GatewaySettings = request.app.state.settings
    if credentials is None:
        raise ProblemError(
            401,
            "unauthenticated",
            "Send `Authorization: Bearer <key>`.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    key = settings.bootstrap_api_key
    if not key or not hmac.compare_digest(credentials.credentials.encode(), key.encode()):
        raise ProblemError(
            401,
            "invalid_credentials",
            "Unknown or revoked key.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Identity(
        tenant=settings.bootstrap_tenant,
        principal="bootstrap-admin",
        kind="api_key",
        roles=("admin",),
        scopes=("*",),
    )
