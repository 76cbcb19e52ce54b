"""Tenants, API keys, users, login and scopes at the gateway."""

from __future__ import annotations

import time

import pytest

from services.chassis import identity as assertion
from services.chassis.identity import Identity
from services.gateway.auth import RateLimiter
from tests.gateway.harness import PLATFORM_KEY, Api
from tests.support import unique

pytestmark = pytest.mark.integration


async def test_tenant_creation_needs_the_platform_key(api: Api) -> None:
    async with api.client("hl_not-a-key") as wrong, api.client(PLATFORM_KEY) as platform:
        refused = await wrong.post("/v1/tenants", json={"id": unique("t"), "name": "X"})
        bad_id = await platform.post("/v1/tenants", json={"id": "Bad Id!", "name": "X"})
        tenant = unique("t")
        first = await platform.post("/v1/tenants", json={"id": tenant, "name": "X"})
        again = await platform.post("/v1/tenants", json={"id": tenant, "name": "X"})
    assert refused.status_code == 401
    assert bad_id.status_code == 422 and bad_id.json()["code"] == "invalid_tenant_id"
    assert first.status_code == 201 and first.json()["api_key"].startswith("hl_")
    assert again.status_code == 409 and again.json()["code"] == "tenant_exists"


async def test_api_keys_are_shown_once_scoped_and_revocable(api: Api) -> None:
    admin_key = await api.tenant()
    async with api.client(admin_key) as admin:
        created = await admin.post(
            "/v1/api-keys", json={"name": "ats", "scopes": ["positions:read"]}
        )
        assert created.status_code == 201
        key = created.json()["key"]
        listed = await admin.get("/v1/api-keys")
        unknown = await admin.post("/v1/api-keys", json={"name": "x", "scopes": ["root"]})
    assert all("key" not in k and "hash" not in k for k in listed.json()["items"])
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_scope"
    async with api.client(key) as ats:
        assert (await ats.get("/v1/positions")).status_code == 200
        forbidden = await ats.post("/v1/question-sets", json={})
        assert forbidden.status_code == 403 and forbidden.json()["code"] == "forbidden"
        async with api.client(admin_key) as admin:
            revoked = await admin.delete(f"/v1/api-keys/{created.json()['id']}")
            assert revoked.status_code == 204
        after = await ats.get("/v1/positions")
    assert after.status_code == 401 and after.json()["code"] == "invalid_credentials"


async def test_users_log_in_with_short_lived_tokens_and_roles(api: Api) -> None:
    admin_key = await api.tenant()
    async with api.client(admin_key) as admin:
        me = (await admin.get("/v1/me")).json()
        tenant = me["tenant"]
        user = {
            "email": "Rita@Example.com",
            "name": "Rita",
            "roles": ["reviewer"],
            "password": "correct horse battery",
        }
        assert (await admin.post("/v1/users", json=user)).status_code == 201
        duplicate = await admin.post("/v1/users", json=user)
        short = await admin.post(
            "/v1/users", json={**user, "email": "x@example.com", "password": "short"}
        )
    assert duplicate.status_code == 409
    assert short.status_code == 422
    async with api.client() as anonymous:
        wrong = await anonymous.post(
            "/v1/auth/login",
            json={"tenant": tenant, "email": "rita@example.com", "password": "wrong password!"},
        )
        other_tenant = await anonymous.post(
            "/v1/auth/login",
            json={"tenant": "demo", "email": "rita@example.com", "password": user["password"]},
        )
        ok = await anonymous.post(
            "/v1/auth/login",
            json={"tenant": tenant, "email": "rita@example.com", "password": user["password"]},
        )
    assert wrong.status_code == 401 and other_tenant.status_code == 401
    assert ok.status_code == 200
    token = ok.json()["access_token"]
    async with api.client(token) as rita:
        me = (await rita.get("/v1/me")).json()
        assert me["kind"] == "user" and me["roles"] == ["reviewer"] and me["tenant"] == tenant
        assert (await rita.get("/v1/positions")).status_code == 200
        assert (await rita.post("/v1/positions", json={})).status_code == 403

    settings = api.invite.settings  # same INTERNAL_SECRET-derived token secret as the gateway
    expired = assertion.encode(
        Identity(
            tenant=tenant,
            principal="user:x",
            kind="user",
            roles=("admin",),
            expires=time.time() - 1,
        ),
        f"user-token:{settings.internal_secret}",
    )
    forged = assertion.encode(
        Identity(tenant=tenant, principal="user:x", kind="user", roles=("admin",)), "guess"
    )
    async with api.client(expired) as late, api.client(forged) as forger:
        late_response = await late.get("/v1/me")
        forged_response = await forger.get("/v1/me")
    assert late_response.status_code == 401 and late_response.json()["code"] == "token_expired"
    assert forged_response.status_code == 401


def test_rate_limiter_refills_at_its_rate() -> None:
    limiter = RateLimiter(per_minute=60, burst=2)
    assert limiter.take("k", now=0) == 0 and limiter.take("k", now=0) == 0
    assert limiter.take("k", now=0) == pytest.approx(1.0)
    assert limiter.take("k", now=1.0) == 0
    assert limiter.take("other", now=1.0) == 0
