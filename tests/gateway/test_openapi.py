"""The gateway's OpenAPI document: every public route says how it authenticates and how it fails."""

from __future__ import annotations

import pytest

from tests.gateway.harness import Api

pytestmark = pytest.mark.integration
PUBLIC = {("/v1/auth/login", "post")}


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
