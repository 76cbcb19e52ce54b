"""Authentication and authorisation at the gateway: API keys, user tokens and candidate links become
the Identity services trust; scopes decide what each may call; a token bucket limits each caller."""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal, get_args

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.chassis import identity as assertion
from services.chassis.api import problem_table, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.gateway.settings import GatewaySettings

bearer = HTTPBearer(
    auto_error=False,
    description="An API key (`hl_...`) or a user token from `POST /v1/auth/login`.",
)

Role = Literal["admin", "recruiter", "reviewer", "interviewer"]
ROLES: tuple[Role, ...] = get_args(Role)
# What each role may do. Scopes are `<resource>:<read|write>`; `*` is everything in the tenant.
ROLE_SCOPES: dict[str, tuple[str, ...]] = {
    "admin": ("*",),
    "recruiter": (
        "question_sets:read",
        "question_sets:write",
        "positions:read",
        "positions:write",
        "invitations:read",
        "invitations:write",
        "reviews:read",
        "decisions:write",
        "scheduling:read",
        "scheduling:write",
        "candidates:read",
        "media:read",
    ),
    "reviewer": ("positions:read", "reviews:read", "reviews:write", "media:read"),
    "interviewer": ("scheduling:read", "availability:write", "interviews:write"),
}
SCOPES = sorted(
    {s for scopes in ROLE_SCOPES.values() for s in scopes}
    | {
        "audit:read",
        "candidates:write",
        "keys:write",
        "users:write",
        "media:read",
        "probes:write",
        "webhooks:read",
        "webhooks:write",
        "greenhouse:partner",
    }
)


def problems(
    method: str, path: str, errors: Mapping[int, str] | None = None
) -> dict[int | str, dict[str, Any]]:
    """The error table of a gateway route: the one every declared operation gets (401, 403,
    422, 429, 503, and 404 with a path id, 413/415 with a body), as `application/problem+json`,
    plus the route's own codes."""
    return problem_table(method, path, staff("*"), errors or {})


def hash_secret(secret: str) -> str:
    """API keys and candidate tokens are 256-bit random: a plain SHA-256 is the right lookup hash."""
    return hashlib.sha256(secret.encode()).hexdigest()


def _unauthenticated(code: str, detail: str) -> ProblemError:
    return ProblemError(401, code, detail, headers={"WWW-Authenticate": "Bearer"})


class RateLimiter:
    """A token bucket per caller, in this gateway replica (the limit is per replica)."""

    def __init__(self, per_minute: int, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.buckets: dict[str, tuple[float, float]] = {}

    def take(self, caller: str, now: float | None = None) -> float:
        """Take one token; returns 0 when allowed, else the seconds until a token is available."""
        now = time.monotonic() if now is None else now
        tokens, last = self.buckets.get(caller, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1:
            self.buckets[caller] = (tokens - 1, now)
            return 0.0
        self.buckets[caller] = (tokens, now)
        return (1 - tokens) / self.rate


def _limit(request: Request, caller: str) -> None:
    limiter: RateLimiter = request.app.state.rate_limiter
    wait = limiter.take(caller)
    if wait:
        raise ProblemError(
            429,
            "rate_limited",
            "Too many requests for this credential.",
            headers={"Retry-After": str(max(1, round(wait)))},
        )


async def revoked(request: Request, token: str | None, principals: list[str]) -> bool:
    """One indexed read: was this token signed out, or has one of these principals ended (a
    deactivated user)? Written by `services.gateway.sessions`."""
    ids = [f"principal:{p}" for p in principals]
    if token is not None:
        ids.append(f"token:{hash_secret(token)}")
    found = await request.app.state.service.db.revocations.find_one({"_id": {"$in": ids}})
    return found is not None


async def authenticate(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Identity:
    """A staff caller: an API key or a user token. Candidates use `authenticate_candidate`."""
    presented = credentials.credentials if credentials else _basic_api_key(request)
    if presented is None:
        raise _unauthenticated("unauthenticated", "Send `Authorization: Bearer <key or token>`.")
    settings: GatewaySettings = request.app.state.settings
    if presented.startswith("hl_"):
        key: dict[str, Any] | None = await request.app.state.service.db.api_keys.find_one(
            {"hash": hash_secret(presented)}
        )
        if key is None or key.get("revoked_at") is not None:
            raise _unauthenticated("invalid_credentials", "Unknown or revoked API key.")
        identity = Identity(
            tenant=key["tenant"],
            principal=f"key:{key['_id']}",
            kind="api_key",
            scopes=tuple(key["scopes"]),
        )
        if key.get("created_by") and await revoked(request, None, [key["created_by"]]):
            raise _unauthenticated("invalid_credentials", "This key's owner was deactivated.")
    else:
        try:
            identity = assertion.decode(presented, settings.token_secret)
        except ProblemError as exc:
            expired = exc.problem.code == "identity_expired"
            raise _unauthenticated(
                "token_expired" if expired else "invalid_credentials",
                "The token has expired: log in again." if expired else "Invalid token.",
            ) from None
        except Exception:
            raise _unauthenticated("invalid_credentials", "Invalid token.") from None
        if identity.kind != "user":
            raise _unauthenticated("invalid_credentials", "Invalid token.")
        if await revoked(request, presented, [identity.principal]):
            raise _unauthenticated("session_ended", "This session has ended: sign in again.")
    _limit(request, identity.principal)
    request.state.identity = identity  # for the audit log
    return identity


def _basic_api_key(request: Request) -> str | None:
    """An API key sent as the HTTP Basic user name with an empty password, the way partner
    integrations such as Greenhouse's authenticate; only API keys, never user tokens."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        user, colon, password = base64.b64decode(value, validate=True).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        return None
    return user if colon and not password and user.startswith("hl_") else None


def allowed(identity: Identity, scope: str) -> bool:
    granted = set(identity.scopes)
    for role in identity.roles:
        granted.update(ROLE_SCOPES.get(role, ()))
    return "*" in granted or scope in granted


def require(*scopes: str) -> Callable[..., Any]:
    """Dependency factory: the authenticated staff identity, if it holds one of `scopes` (else 403)."""

    async def dependency(identity: Annotated[Identity, Depends(authenticate)]) -> Identity:
        if not any(allowed(identity, scope) for scope in scopes):
            named = " or ".join(f"`{s}`" for s in scopes)
            raise ProblemError(403, "forbidden", f"This credential lacks the scope {named}.")
        return identity

    return dependency


def authenticate_candidate(scope: str) -> Callable[..., Any]:
    """Dependency factory for candidate links: `Authorization: Bearer <link token>` (or the
    `X-Candidate-Token` header) for a link of this scope ("interview", "scheduling", or "share":
    a read-only link to one candidate's answers, whose requests the audit log records)."""

    async def dependency(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Identity:
        token = credentials.credentials if credentials else request.headers.get("x-candidate-token")
        if not token:
            raise _unauthenticated("unauthenticated", "This link needs its token.")
        link: dict[str, Any] | None = await request.app.state.service.db.candidate_links.find_one(
            {"_id": hash_secret(token)}
        )
        if link is None or link["scope"] != scope:
            raise _unauthenticated("invalid_link", "This link is not valid.")
        if link.get("revoked"):
            raise ProblemError(410, "link_revoked", "This link was withdrawn.")
        now: float = getattr(request.app.state, "clock", time.time)()
        if link.get("expired") or link["expires_at"].timestamp() < now:
            raise ProblemError(410, "link_expired", "This link has expired.")
        _limit(request, f"link:{link['_id']}")
        if scope == "share":  # the share it is, for the service's own check and the audit log
            identity = Identity(
                tenant=link["tenant"],
                principal=link["subject"],
                kind="candidate",
                scopes=(scope, f"share:{link['share_id']}"),
            )
            request.state.identity = identity
            return identity
        return Identity(
            tenant=link["tenant"], principal=link["subject"], kind="candidate", scopes=(scope,)
        )

    return dependency
