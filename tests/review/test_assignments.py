"""Assignment through the gateway: N reviewers per candidate, balanced by load, and only the
assigned reviewer may review."""

from __future__ import annotations

import pytest

from tests.review.conftest import Api, ratings, setup

pytestmark = pytest.mark.integration


async def test_n_per_candidate_is_balanced_and_assignment_is_enforced(api: Api) -> None:
    tenant, _, candidates = await setup(api, 6, ["ann", "bob", "cy"], per_candidate=1)
    counts: dict[str, int] = {}
    assigned: dict[str, str] = {}
    for who in ("ann", "bob", "cy"):
        async with api.client(api.token(tenant, who, "reviewer")) as client:
            while (r := await client.get("/v1/review-queue/next")).status_code == 200:
                sub = r.json()
                assigned[sub["invitation_id"]] = who
                counts[who] = counts.get(who, 0) + 1
                body = {"ratings": ratings({"q1": 3, "q2": 3}, 3), "recommendation": "yes"}
                assert (
                    await client.post(f"/v1/submissions/{sub['invitation_id']}/review", json=body)
                ).status_code == 201
    assert counts == {"ann": 2, "bob": 2, "cy": 2}
    assert len(assigned) == 6
    other = next(w for w in ("ann", "bob", "cy") if w != assigned[candidates[0].invitation_id])
    async with api.client(api.token(tenant, other, "reviewer")) as client:
        r = await client.post(
            f"/v1/submissions/{candidates[0].invitation_id}/review",
            json={"ratings": ratings({"q1": 3, "q2": 3}, 3), "recommendation": "yes"},
        )
    assert r.status_code == 403 and r.json()["code"] == "not_assigned"
