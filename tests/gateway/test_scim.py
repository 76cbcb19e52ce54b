"""SCIM 2.0 at /scim/v2: compliance as scim2-tester checks it, the per-tenant bearer token, groups
that grant roles, filters and PATCH, and deactivation that ends a user's token and keys at once."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import httpx2
import pytest
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_tester import Status, check_server

from services.gateway import sessions
from tests.gateway.harness import Api

pytestmark = pytest.mark.integration
SCIM = "application/scim+json"
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


async def _scim_token(api: Api, admin_key: str) -> str:
    async with api.client(admin_key) as admin:
        issued = await admin.post("/v1/scim/token")
    assert issued.status_code == 201, issued.text
    assert issued.json()["base_url"].endswith("/scim/v2")
    return str(issued.json()["token"])


def _check(url: str, token: str) -> list[Any]:
    with httpx2.Client(
        base_url=f"{url}/scim/v2", headers={"Authorization": f"Bearer {token}"}, timeout=60
    ) as http:
        client = SyncSCIMClient(http)
        return check_server(client)


async def test_scim2_tester_reports_no_failures(api: Api) -> None:
    token = await _scim_token(api, await api.tenant())
    results = await asyncio.to_thread(_check, api.url, token)
    failures = [(r.title, r.reason) for r in results if r.status in (Status.ERROR, Status.CRITICAL)]
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status.name] = counts.get(result.status.name, 0) + 1
    print("scim2-tester:", counts)
    assert failures == []
    assert counts.get("SUCCESS", 0) > 20


async def test_groups_grant_roles_and_deactivation_ends_access_at_once(api: Api) -> None:
    admin_key = await api.tenant()
    token = await _scim_token(api, admin_key)
    async with api.client(admin_key) as admin:
        tenant = (await admin.get("/v1/me")).json()["tenant"]
    scim = httpx.AsyncClient(
        base_url=f"{api.url}/scim/v2",
        headers={"Authorization": f"Bearer {token}", "Content-Type": SCIM},
        timeout=60,
    )
    async with scim:
        anonymous = await scim.get("/Users", headers={"Authorization": ""})
        assert anonymous.status_code == 401
        created = await scim.post(
            "/Users",
            json={
                "schemas": [USER],
                "userName": "vera@example.com",
                "displayName": "Vera",
                "emails": [{"value": "vera@example.com", "primary": True}],
                "active": True,
            },
        )
        assert created.status_code == 201, created.text
        user_id = created.json()["id"]
        duplicate = await scim.post(
            "/Users", json={"schemas": [USER], "userName": "VERA@example.com"}
        )
        assert duplicate.status_code == 409
        group = await scim.post(
            "/Groups",
            json={"schemas": [GROUP], "displayName": "admin", "members": [{"value": user_id}]},
        )
        assert group.status_code == 201, group.text
        found = await scim.get("/Users", params={"filter": 'userName eq "vera@example.com"'})
        assert found.json()["totalResults"] == 1
        assert found.json()["Resources"][0]["id"] == user_id
        none = await scim.get("/Users", params={"filter": 'userName sw "nobody"'})
        assert none.json()["totalResults"] == 0

    # The provisioned admin (signed in through the provider in real use) makes an API key.
    assert api.gateway is not None
    doc = await api.gateway.db.users.find_one({"_id": user_id})
    assert doc is not None and doc["roles"] == ["admin"] and doc["tenant"] == tenant
    user_token, _ = sessions.issue(api.gateway.settings, doc)  # type: ignore[arg-type]
    async with api.client(user_token) as vera:
        assert (await vera.get("/v1/me")).json()["roles"] == ["admin"]
        made = await vera.post("/v1/api-keys", json={"name": "vera's", "scopes": ["*"]})
        assert made.status_code == 201
    key = made.json()["key"]
    async with api.client(key) as by_key:
        assert (await by_key.get("/v1/users")).status_code == 200

    async with httpx.AsyncClient(
        base_url=f"{api.url}/scim/v2",
        headers={"Authorization": f"Bearer {token}", "Content-Type": SCIM},
        timeout=60,
    ) as scim:
        patched = await scim.patch(
            f"/Users/{user_id}",
            json={
                "schemas": [PATCH],
                "Operations": [{"op": "replace", "value": {"active": False}}],
            },
        )
        assert patched.status_code in (200, 204), patched.text
        assert (await scim.get(f"/Users/{user_id}")).json()["active"] is False
    async with api.client(user_token) as vera, api.client(key) as by_key:
        after_token = await vera.get("/v1/me")
        after_key = await by_key.get("/v1/users")
    assert after_token.status_code == 401 and after_token.json()["code"] == "session_ended"
    assert after_key.status_code == 401
    async with api.client() as anonymous:
        refused = await anonymous.post(
            "/v1/auth/login",
            json={"tenant": tenant, "email": "vera@example.com", "password": "x" * 12},
        )
    assert refused.status_code == 401

    # Another tenant's token sees nothing of this one; a revoked token nothing at all.
    other = await _scim_token(api, await api.tenant())
    async with httpx.AsyncClient(
        base_url=f"{api.url}/scim/v2", headers={"Authorization": f"Bearer {other}"}, timeout=60
    ) as foreign:
        assert (await foreign.get(f"/Users/{user_id}")).status_code == 404
    async with api.client(admin_key) as admin:
        assert (await admin.delete("/v1/scim/token")).status_code == 204
    async with httpx.AsyncClient(
        base_url=f"{api.url}/scim/v2", headers={"Authorization": f"Bearer {token}"}, timeout=60
    ) as revoked:
        assert (await revoked.get("/Users")).status_code == 401
