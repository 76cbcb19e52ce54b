"""Tenant isolation: every invite resource, tried with another tenant's credentials, gives 404 (or
403), never data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.gateway.harness import QUESTION_SET, Api, make_position

pytestmark = pytest.mark.integration


async def test_another_tenant_gets_nothing(api: Api) -> None:
    owner_key = await api.tenant()
    async with api.client(owner_key) as owner:
        position = await make_position(owner)
        invitation = (
            await owner.post(
                f"/v1/positions/{position['id']}/invitations",
                json={"name": "Eve", "email": "eve@example.com"},
            )
        ).json()
    later = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    qs, p, i = position["question_set_id"], position["id"], invitation["id"]
    attempts = [
        ("GET", f"/v1/question-sets/{qs}", None),
        ("PUT", f"/v1/question-sets/{qs}", QUESTION_SET),
        ("GET", f"/v1/positions/{p}", None),
        ("POST", "/v1/positions", {"title": "x", "question_set_id": qs}),
        ("GET", f"/v1/positions/{p}/invitations", None),
        ("GET", f"/v1/positions/{p}/invitations.csv", None),
        ("POST", f"/v1/positions/{p}/invitations", {"name": "x", "email": "x@example.com"}),
        ("POST", f"/v1/positions/{p}/invitations/bulk", [{"name": "x", "email": "y@example.com"}]),
        ("GET", f"/v1/invitations/{i}", None),
        ("POST", f"/v1/invitations/{i}/extend", {"deadline": later}),
        ("POST", f"/v1/invitations/{i}/withdraw", {}),
        ("PUT", f"/v1/invitations/{i}/accommodations", {"time_multiplier": 2}),
    ]
    async with api.client(await api.tenant()) as intruder:
        for method, path, body in attempts:
            response = await intruder.request(method, path, json=body)
            assert response.status_code in (403, 404), (method, path, response.status_code)
            assert "eve" not in response.text.lower(), (method, path)
        lists = [await intruder.get("/v1/positions"), await intruder.get("/v1/question-sets")]
        exported = await intruder.get("/v1/candidates/export", params={"email": "eve@example.com"})
        erased = await intruder.post("/v1/candidates/erase", json={"email": "eve@example.com"})
    assert all(r.json() == {"items": [], "next_cursor": None} for r in lists)
    assert exported.json()["invitations"] == []
    assert erased.status_code == 404
    async with api.client(owner_key) as owner:  # nothing the intruder tried changed anything
        intact = await owner.get(f"/v1/invitations/{i}")
        versions = await owner.get(f"/v1/question-sets/{qs}")
    assert intact.json()["state"] == "created" and intact.json()["name"] == "Eve"
    assert intact.json()["deadline"][:23] == invitation["deadline"][:23]  # stored to the ms
    assert versions.json()["versions"] == [1]


async def test_a_candidate_link_reaches_only_its_own_invitation(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        created = (
            await admin.post(
                f"/v1/positions/{position['id']}/invitations",
                json={"name": "Fay", "email": "fay@example.com"},
            )
        ).json()
    token = created["link"].rsplit("/", 1)[1]
    async with api.client(token) as candidate:
        staff_route = await candidate.get("/v1/positions")
        other = await candidate.get(f"/v1/invitations/{created['id']}")
    assert staff_route.status_code == 401 and other.status_code == 401
