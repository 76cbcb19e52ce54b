"""Blind review on every route, tenant isolation and role checks on every route."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.review.conftest import Api, Tenant, ratings, setup

pytestmark = pytest.mark.integration


def routes(position: str, invitation_id: str) -> list[tuple[str, str, Any]]:
    """Every staff route of the review API, with a valid body where it takes one."""
    sub = f"/v1/submissions/{invitation_id}"
    return [
        ("GET", f"/v1/positions/{position}/submissions", None),
        ("GET", f"/v1/positions/{position}/submissions?sort=ready&status=ready", None),
        ("GET", sub, None),
        (
            "GET",
            f"/v1/positions/{position}/questions/q1/answers?invitation_id={invitation_id}",
            None,
        ),
        ("GET", "/v1/review-queue/next", None),
        ("GET", f"{sub}/comments", None),
        ("POST", f"{sub}/comments", {"question_id": "q1", "at_seconds": 1, "text": "ok"}),
        (
            "POST",
            f"{sub}/review",
            {"ratings": ratings({"q1": 4, "q2": 4}, 4), "recommendation": "yes"},
        ),
        ("GET", f"/v1/positions/{position}/review-settings", None),
        ("GET", "/v1/question-sets/qs-1/rubric", None),
        ("GET", f"/v1/positions/{position}/calibration", None),
        ("GET", f"{sub}/decisions", None),
        ("POST", f"{sub}/decision", {"outcome": "hold", "reason": "wait"}),
        ("GET", "/v1/settings/selection-report", None),
    ]


async def call(client: httpx.AsyncClient, method: str, path: str, body: Any) -> httpx.Response:
    return await client.request(method, path, json=body)


async def test_no_route_shows_identity_before_a_decision(api: Api) -> None:
    tenant, position, [c] = await setup(
        api, 1, ["ann"], blind=True, name="Zebedee Quixote", email="zq-secret@example.com"
    )
    checked = 0
    for who, role in (("ann", "reviewer"), ("rita", "recruiter"), ("root", "admin")):
        async with api.client(api.token(tenant, who, role)) as client:
            for method, path, body in routes(position, c.invitation_id):
                r = await call(client, method, path, body)
                assert r.status_code < 500, (path, r.text)
                assert "Zebedee" not in r.text and "zq-secret" not in r.text, (who, path)
                checked += 1
    assert checked == 42
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        held = (await lead.get(f"/v1/submissions/{c.invitation_id}")).json()
        assert held["decision"]["outcome"] == "hold" and held["candidate"] is None  # still blind
        await lead.post(f"/v1/submissions/{c.invitation_id}/decision", json={"outcome": "reject"})
        after = (await lead.get(f"/v1/submissions/{c.invitation_id}")).json()
    assert after["candidate"]["name"] == "Zebedee Quixote"


async def test_other_tenants_see_nothing_and_roles_are_checked(api: Api) -> None:
    tenant, position, [c] = await setup(api, 1, ["ann"])
    other: Tenant = await api.tenant()
    async with api.client(other.key) as stranger:
        for method, path, body in routes(position, c.invitation_id):
            r = await call(stranger, method, path, body)
            assert c.name not in r.text and c.email not in r.text, path
            assert '"answers"' not in r.text and '"ratings"' not in r.text, path
            if "submissions/" in path or "answers" in path:
                assert r.status_code == 404, (path, r.text)
        page = (await stranger.get(f"/v1/positions/{position}/submissions")).json()
        assert page["items"] == []
    async with api.client(api.token(tenant, "ivy", "interviewer")) as interviewer:
        for method, path, body in routes(position, c.invitation_id):
            assert (await call(interviewer, method, path, body)).status_code == 403, path
    sub = f"/v1/submissions/{c.invitation_id}"
    async with api.client(api.token(tenant, "ann", "reviewer")) as reviewer:
        for method, path, body in [
            ("POST", f"{sub}/decision", {"outcome": "advance"}),
            ("PUT", f"/v1/positions/{position}/review-settings", {"reviewer_ids": []}),
            ("PUT", "/v1/question-sets/qs-1/rubric", {"criteria": []}),
            ("GET", f"/v1/positions/{position}/calibration", None),
            ("GET", f"{sub}/decisions", None),
            ("PUT", "/v1/settings/selection-report", {"enabled": True}),
        ]:
            r = await call(reviewer, method, path, body)
            assert r.status_code == 403, (path, r.text)
    async with api.client(api.token(tenant, "rita", "recruiter")) as recruiter:
        r = await recruiter.post(
            f"{sub}/review", json={"ratings": ratings({"q1": 3}), "recommendation": "no"}
        )
        assert r.status_code == 403  # reviews:write is the reviewers'
        r = await recruiter.put("/v1/settings/selection-report", json={"enabled": True})
        assert r.status_code == 403 and r.json()["code"] == "forbidden"  # administrators only
    async with api.client(api.token(tenant, "zed", "reviewer")) as off_panel:
        assert (await off_panel.get(sub)).json()["code"] == "not_on_panel"
    async with api.client() as anonymous:
        assert (await anonymous.get(sub)).status_code == 401
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{api.review.settings.service_port}"
    ) as direct:
        assert (await direct.get(sub.removeprefix("/v1"))).json()["code"] == "identity_missing"
