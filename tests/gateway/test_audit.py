"""The audit log: every staff operation leaves one entry (a walk over the OpenAPI document's
staff reads), sign-ins and SCIM changes too; search by principal, subject and time, pages, the
JSON-lines export, and no entry of another tenant."""

from __future__ import annotations

import json

import pytest

from tests.gateway.harness import Api, make_position

pytestmark = pytest.mark.integration


async def test_every_staff_read_leaves_one_entry_naming_its_ids(api: Api) -> None:
    admin_key = await api.tenant()
    async with api.client(admin_key) as admin:
        tenant = (await admin.get("/v1/me")).json()["tenant"]
        key_id = (await admin.get("/v1/api-keys")).json()["items"][0]["id"]
        position = await make_position(admin)
        document = (await admin.get("/openapi.json")).json()
        # Every staff read with no path id, and one that names a position.
        reads = [
            path
            for path, item in document["paths"].items()
            if path.startswith("/v1/")
            and "{" not in path
            and "get" in item
            and item["get"].get("security")
            # Link holders' operations (a candidate's, a shared page's) are not staff reads.
            and not path.startswith(("/v1/candidate/", "/v1/shared/", "/v1/audit"))
        ]
        assert len(reads) > 10
        for path in reads:
            await admin.get(path)
        await admin.get(f"/v1/positions/{position['id']}")
        entries = []
        page = (await admin.get("/v1/audit", params={"limit": 7})).json()
        while True:
            entries += page["items"]
            if page["next_cursor"] is None:
                break
            page = (
                await admin.get("/v1/audit", params={"limit": 7, "cursor": page["next_cursor"]})
            ).json()
        by_subject = (await admin.get("/v1/audit", params={"subject": position["id"]})).json()
        exported = await admin.get("/v1/audit/export", params={"principal": f"key:{key_id}"})
    actions = [e["action"] for e in entries]
    earlier = {"/v1/me", "/v1/api-keys"}  # read once before the walk
    for path in reads:
        assert actions.count(f"GET {path}") == 1 + (path in earlier), path
    assert all(e["principal"] == f"key:{key_id}" and e["kind"] == "api_key" for e in entries)
    assert [e["action"] for e in by_subject["items"]] == ["GET /v1/positions/{position_id}"]
    assert by_subject["items"][0]["subjects"] == {"position_id": position["id"]}
    assert by_subject["items"][0]["status"] == 200
    assert exported.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in exported.text.splitlines()]
    assert len(lines) >= len(entries) and lines[0]["at"] <= lines[-1]["at"]
    # Another tenant's admin sees none of it.
    async with api.client(await api.tenant()) as other:
        foreign = (await other.get("/v1/audit", params={"subject": position["id"]})).json()
    assert foreign["items"] == [] and tenant


async def test_sign_ins_and_scim_changes_are_recorded(api: Api) -> None:
    admin_key = await api.tenant()
    password = "a long enough password"
    async with api.client(admin_key) as admin:
        tenant = (await admin.get("/v1/me")).json()["tenant"]
        created = await admin.post(
            "/v1/users",
            json={
                "email": "lea@example.com",
                "name": "Lea",
                "roles": ["admin"],
                "password": password,
            },
        )
        user_id = created.json()["id"]
        scim_token = (await admin.post("/v1/scim/token")).json()["token"]
    async with api.client() as anonymous:
        for attempt in ("wrong password!", password):
            await anonymous.post(
                "/v1/auth/login",
                json={"tenant": tenant, "email": "lea@example.com", "password": attempt},
            )
    async with api.client(scim_token) as scim:
        provisioned = await scim.post(
            "/scim/v2/Users",
            json={"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "max"},
            headers={"Content-Type": "application/scim+json"},
        )
    assert provisioned.status_code == 201
    async with api.client(admin_key) as admin:
        sign_ins = (await admin.get("/v1/audit", params={"principal": f"user:{user_id}"})).json()
        scim_changes = (await admin.get("/v1/audit", params={"principal": f"scim:{tenant}"})).json()
        user_made = (await admin.get("/v1/audit", params={"action": "POST /v1/users"})).json()
        bad = await admin.get("/v1/audit", params={"principal": "no spaces allowed"})
    assert [(e["action"], e["status"]) for e in sign_ins["items"]] == [
        ("sign-in password", 200),
        ("sign-in password", 401),
    ]
    assert [(e["action"], e["status"]) for e in scim_changes["items"]] == [
        ("POST /scim/v2/Users", 201)
    ]
    assert len(user_made["items"]) == 1 and user_made["items"][0]["status"] == 201
    assert bad.status_code == 422
