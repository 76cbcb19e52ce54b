"""Endpoints through the gateway: the catalogue, registration with a secret shown once, changes,
the tenant's contacts, disabling an endpoint that fails for too long (its tenant is e-mailed),
and tenant isolation of endpoints and delivery logs."""

from __future__ import annotations

from typing import Any

from contracts.webhooks import WEBHOOK_EVENTS
from services.webhooks.signing import PREFIX
from tests.support import conditional_puts, eventually
from tests.webhooks.harness import Harness, completed


async def test_the_catalogue_lists_the_public_events(hooks: Harness) -> None:
    _, key = await hooks.tenant()
    async with hooks.client(key) as client:
        response = await client.get("/v1/webhooks/event-types")
    assert response.status_code == 200
    types = {e["type"]: e for e in response.json()}
    assert set(types) == set(WEBHOOK_EVENTS)
    assert "recording.ready" in types and "recording.transcoded" not in types
    assert "master_playlist_key" not in types["recording.ready"]["data_schema"]["properties"]


async def test_an_endpoint_is_created_read_changed_and_deleted(hooks: Harness) -> None:
    _, key = await hooks.tenant()
    created, _ = await hooks.endpoint(key, description="ATS")
    assert created["secret"].startswith(PREFIX)
    async with hooks.client(key) as client:
        read = (await client.get(f"/v1/webhooks/endpoints/{created['id']}")).json()
        assert "secret" not in read and read["description"] == "ATS"
        changed = await client.put(
            f"/v1/webhooks/endpoints/{created['id']}",
            json={"event_types": ["recording.ready", "candidate.advanced"], "enabled": False},
        )
        assert changed.status_code == 200, changed.text
        assert changed.json()["event_types"] == ["candidate.advanced", "recording.ready"]
        assert changed.json()["enabled"] is False
        unknown = await client.post(
            "/v1/webhooks/endpoints",
            json={"url": "https://example.com/x", "event_types": ["invitation.created"]},
        )
        assert unknown.status_code == 422
        gone = await client.delete(f"/v1/webhooks/endpoints/{created['id']}")
        assert gone.status_code == 204
        assert (await client.get(f"/v1/webhooks/endpoints/{created['id']}")).status_code == 404


async def test_a_reviewer_cannot_manage_webhooks(hooks: Harness) -> None:
    _, key = await hooks.tenant()
    async with hooks.client(key) as client:
        response = await client.post("/v1/api-keys", json={"name": "r", "scopes": ["reviews:read"]})
        assert response.status_code == 201, response.text
    async with hooks.client(response.json()["key"]) as reviewer:
        listed = await reviewer.get("/v1/webhooks/endpoints")
    assert listed.status_code == 403


async def test_endpoints_and_logs_are_isolated_by_tenant(hooks: Harness) -> None:
    tenant, key = await hooks.tenant()
    _, other_key = await hooks.tenant()
    endpoint, path = await hooks.endpoint(key)
    (event_id,) = await hooks.publish(tenant, completed())
    await hooks.receiver.wait(path, 1)
    delivery = f"{endpoint['id']}:{event_id}"
    async with hooks.client(other_key) as other:
        assert (await other.get("/v1/webhooks/endpoints")).json()["items"] == []
        for method, url, body in [
            ("GET", f"/v1/webhooks/endpoints/{endpoint['id']}", None),
            ("PUT", f"/v1/webhooks/endpoints/{endpoint['id']}", {"enabled": False}),
            ("DELETE", f"/v1/webhooks/endpoints/{endpoint['id']}", None),
            ("POST", f"/v1/webhooks/endpoints/{endpoint['id']}/rotate-secret", None),
            ("GET", f"/v1/webhooks/endpoints/{endpoint['id']}/deliveries", None),
            (
                "POST",
                f"/v1/webhooks/endpoints/{endpoint['id']}/replay",
                {"since": "2020-01-01T00:00:00Z"},
            ),
            ("GET", f"/v1/webhooks/deliveries/{delivery}", None),
            ("POST", f"/v1/webhooks/deliveries/{delivery}/replay", None),
        ]:
            response = await other.request(method, url, json=body)
            assert response.status_code == 404, (method, url, response.text)
    async with hooks.client(key) as client:
        assert (await client.get(f"/v1/webhooks/deliveries/{delivery}")).status_code == 200


async def test_an_endpoint_failing_too_long_is_disabled_and_the_tenant_told(
    hooks: Harness,
) -> None:
    tenant, key = await hooks.tenant()
    endpoint, path = await hooks.endpoint(key, answers=[503] * 1000)
    async with hooks.client(key) as client:
        contacts = await client.put(
            "/v1/webhooks/contacts", json={"emails": [f"Admin@{tenant}.example"]}
        )
        assert contacts.json() == {"emails": [f"admin@{tenant}.example"]}
    await hooks.publish(tenant, completed())

    async def disabled() -> dict[str, Any] | None:
        async with hooks.client(key) as client:
            read = (await client.get(f"/v1/webhooks/endpoints/{endpoint['id']}")).json()
        return read if not read["enabled"] else None

    read = await eventually(disabled, what="the endpoint to be disabled")
    assert read["disabled_reason"].startswith("Every attempt failed since")
    assert len(hooks.receiver.at(path)) >= 3
    mails = await _mails(hooks, f"admin@{tenant}.example")
    assert endpoint["id"] in mails[0].get_payload(decode=True).decode()

    # Enabled again once it answers: the held event is delivered.
    hooks.receiver.scripts[path] = []
    async with hooks.client(key) as client:
        enabled = await client.put(
            f"/v1/webhooks/endpoints/{endpoint['id']}", json={"enabled": True}
        )
    assert enabled.json()["enabled"] is True and enabled.json()["failing_since"] is None
    await hooks.receiver.wait(path, 1)


async def _mails(hooks: Harness, address: str) -> list[Any]:
    import email

    async def found() -> list[Any]:
        return [
            m
            for m in (email.message_from_bytes(p.read_bytes()) for p in hooks.maildir.glob("*.eml"))
            if address in str(m["To"])
        ]

    return await eventually(found, what=f"mail to {address}")


async def test_an_endpoint_edited_from_a_stale_read_is_a_412(hooks: Harness) -> None:
    _, key = await hooks.tenant()
    endpoint, _ = await hooks.endpoint(key)
    url = f"/v1/webhooks/endpoints/{endpoint['id']}"
    async with hooks.client(key) as client:
        tag = (await client.get(url)).headers["etag"]
        first = await client.put(url, json={"description": "one"}, headers={"If-Match": tag})
        assert first.status_code == 200 and first.headers["etag"] != tag
        stale = await client.put(url, json={"description": "two"}, headers={"If-Match": tag})
        assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
        assert (await client.get(url)).json()["description"] == "one"
        fresh = first.headers["etag"]
        second = await client.put(url, json={"description": "two"}, headers={"If-Match": fresh})
        assert second.status_code == 200


async def test_the_contacts_are_changed_conditionally(hooks: Harness) -> None:
    tenant, key = await hooks.tenant()
    async with hooks.client(key) as client:
        lists = [{"emails": [f"admin{n}@{tenant}.example"]} for n in range(4)]
        await conditional_puts(client, "/v1/webhooks/contacts", lists)
