"""The identity the gateway asserts to services: a short-lived HMAC-signed header that services verify."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import asdict, dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from services.chassis.errors import ProblemError

HEADER = "x-identity"
LIFETIME_SECONDS = 60


@dataclass(frozen=True)
class Identity:
    """Who is calling: always within one tenant. `kind` is user, api_key, candidate or system."""

    tenant: str
    principal: str
    kind: str
    roles: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    expires: float = field(default_factory=lambda: time.time() + LIFETIME_SECONDS)


def _sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def encode(identity: Identity, secret: str) -> str:
    body = base64.urlsafe_b64encode(json.dumps(asdict(identity), sort_keys=True).encode())
    return f"{body.decode()}.{_sign(secret, body)}"


def decode(value: str, secret: str, now: float | None = None) -> Identity:
    try:
        body, signature = value.rsplit(".", 1)
    except ValueError:
        raise ProblemError(401, "identity_invalid", "Malformed identity assertion.") from None
    if not hmac.compare_digest(_sign(secret, body.encode()), signature):
        raise ProblemError(401, "identity_invalid", "Identity assertion signature mismatch.")
    data = json.loads(base64.urlsafe_b64decode(body))
    identity = Identity(
        tenant=data["tenant"],
        principal=data["principal"],
        kind=data["kind"],
        roles=tuple(data.get("roles", ())),
        scopes=tuple(data.get("scopes", ())),
        expires=float(data["expires"]),
    )
    if identity.expires < (now if now is not None else time.time()):
        raise ProblemError(401, "identity_expired", "Identity assertion expired.")
    return identity


def require_identity(request: Request) -> Identity:
    """FastAPI dependency: the verified identity, or 401. Services trust nothing else."""
    value = request.headers.get(HEADER)
    if not value:
        raise ProblemError(401, "identity_missing", "Calls must come through the gateway.")
    secret: str = request.app.state.settings.internal_secret
    return decode(value, secret)


def require_staff(identity: Annotated[Identity, Depends(require_identity)]) -> Identity:
    """FastAPI dependency: a staff caller (a user or an API key), never a candidate's link."""
    if identity.kind not in {"user", "api_key"}:
        raise ProblemError(403, "forbidden", "Staff only.")
    return identity


def require_candidate(identity: Annotated[Identity, Depends(require_identity)]) -> Identity:
    """FastAPI dependency: a candidate holding an interview link."""
    if identity.kind != "candidate" or "interview" not in identity.scopes:
        raise ProblemError(403, "forbidden", "Candidate links only.")
    return identity


# The caller kinds a handler receives (its declaration in chassis.api re-checks the same kind).
Staff = Annotated[Identity, Depends(require_staff)]
Candidate = Annotated[Identity, Depends(require_candidate)]
