"""The gateway's OpenAPI document: every public route says how it authenticates and how it fails."""

from __future__ import annotations

import pytest

from contracts.generate import WEBHOOK_HISTORY_FILE, load_history
from contracts.webhooks import WEBHOOK_EVENTS
from tests.gateway.harness import Api

pytestmark = pytest.mark.integration
PUBLIC = {
    ("/v1/auth/login", "post"),
    ("/v1/auth/sso/{tenant}/options", "get"),
    ("/v1/auth/sso/{tenant}/start", "get"),
    ("/v1/auth/sso/callback", "get"),
    ("/v1/auth/sso/handoff", "post"),
    ("/v1/auth/saml/{tenant}/metadata", "get"),
    ("/v1/auth/saml/{tenant}/start", "get"),
    ("/v1/auth/saml/acs", "post"),
}


async def test_every_route_documents_auth_and_problem_errors(api: Api) -> None:
    async with api.client() as anonymous:
        document = (await anonymous.get("/openapi.json")).json()
    operations = [
        (path, method, op)
        for path, item in document["paths"].items()
        if path.startswith("/v1/")
        for method, op in item.items()
    ]
    assert len(operations) > 30
    for path, method, op in operations:
        responses = op["responses"]
        assert "422" in responses, (path, method)
        if (path, method) not in PUBLIC:
            assert op.get("security"), f"{method} {path} documents no authentication"
            assert "401" in responses, (path, method)
        for code, response in responses.items():
            if code.startswith(("4", "5")):
                ref = response["content"]["application/json"]["schema"]["$ref"]
                schema = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
                # Problem itself, or an extension of it (e.g. slot_taken with fresh slots).
                where = (path, method, code)
                assert {"code", "status", "title"} <= set(schema["properties"]), where


async def test_the_webhooks_section_documents_every_public_event_as_committed(api: Api) -> None:
    async with api.client() as anonymous:
        document = (await anonymous.get("/openapi.json")).json()
    assert document["openapi"].startswith("3.1")
    committed = load_history(WEBHOOK_HISTORY_FILE)
    assert set(document["webhooks"]) == set(WEBHOOK_EVENTS) == set(committed)
    schemas = document["components"]["schemas"]
    for name, item in document["webhooks"].items():
        post = item["post"]
        headers = {p["name"] for p in post["parameters"] if p["in"] == "header"}
        assert headers == {"webhook-id", "webhook-timestamp", "webhook-signature"}, name
        ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        body = schemas[ref.rsplit("/", 1)[1]]
        assert body["properties"]["type"]["const"] == name
        assert body["properties"]["version"]["const"] == committed[name]["version"]
        data = schemas[body["properties"]["data"]["$ref"].rsplit("/", 1)[1]]
        latest = committed[name]["revisions"][-1]
        assert set(data["properties"]) == set(latest["properties"]), name
        assert set(data.get("required", [])) == set(latest.get("required", [])), name
