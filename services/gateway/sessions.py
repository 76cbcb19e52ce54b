"""Staff sessions: the user tokens signed at sign-in, their revocation at sign-out, the principals
whose access ended at once (a deactivated user, with the API keys they made), and the tenant's rule
on who may still sign in with a local password."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase

from services.chassis import identity as assertion
from services.chassis.identity import Identity
from services.gateway.auth import hash_secret
from services.gateway.settings import GatewaySettings

Db = AsyncDatabase[dict[str, Any]]


async def ensure_indexes(db: Db) -> None:
    # A revoked token is kept until it would have expired anyway; an ended principal has no expiry.
    await db.revocations.create_index("expires_at", expireAfterSeconds=0)


def issue(settings: GatewaySettings, user: dict[str, Any]) -> tuple[str, datetime]:
    """A short-lived user token for a user document, and when it expires."""
    expires = time.time() + settings.auth_token_minutes * 60
    token = assertion.encode(
        Identity(
            tenant=user["tenant"],
            principal=f"user:{user['_id']}",
            kind="user",
            roles=tuple(user["roles"]),
            expires=expires,
        ),
        settings.token_secret,
    )
    return token, datetime.fromtimestamp(expires, UTC)


async def revoke_token(db: Db, identity: Identity, token: str) -> None:
    """Sign-out: this token is refused from now on (until its own expiry removes the record)."""
    await db.revocations.update_one(
        {"_id": f"token:{hash_secret(token)}"},
        {
            "$setOnInsert": {
                "tenant": identity.tenant,
                "principal": identity.principal,
                "expires_at": datetime.fromtimestamp(identity.expires, UTC),
            }
        },
        upsert=True,
    )


async def end_principal(db: Db, tenant: str, principal: str) -> None:
    """Every token of this principal, and every API key it created, is refused from now on."""
    await db.revocations.update_one(
        {"_id": f"principal:{principal}"},
        {"$setOnInsert": {"tenant": tenant, "ended_at": datetime.now(UTC)}},
        upsert=True,
    )


async def restore_principal(db: Db, tenant: str, principal: str) -> None:
    await db.revocations.delete_one({"_id": f"principal:{principal}", "tenant": tenant})


async def local_password_allowed(db: Db, user: dict[str, Any]) -> bool:
    """A tenant that requires single sign-on refuses local passwords, except its break-glass admin."""
    policy = await db.sso.find_one(
        {"_id": user["tenant"]}, {"require_sso": 1, "break_glass_email": 1}
    )
    if policy is None or not policy.get("require_sso"):
        return True
    return policy.get("break_glass_email") == user["email"] and "admin" in user["roles"]
