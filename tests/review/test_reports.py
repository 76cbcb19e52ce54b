"""The selection-rate report: off by default, enabled by an administrator, categories reported by
the candidate through their link or recorded by staff, rates and impact ratios per stage."""

from __future__ import annotations

import pytest

from tests.review.conftest import Api, ready_candidates
from tests.review.events import Candidate
from tests.support import eventually, unique

pytestmark = pytest.mark.integration


async def test_selection_report(api: Api) -> None:
    tenant = await api.tenant()
    position = unique("pos")
    people = [Candidate(position, name=f"P{i}", email=f"p{i}@example.com") for i in range(4)]
    await ready_candidates(api, tenant, people)
    report_url = f"/v1/positions/{position}/selection-report"
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        off = await lead.get(report_url)
        assert off.status_code == 409 and off.json()["code"] == "selection_report_disabled"
        assert (await lead.get("/v1/settings/selection-report")).json() == {"enabled": False}
    async with api.client(people[0].token) as candidate:
        refused = await candidate.put("/v1/candidate/self-report", json={"sex": "female"})
        assert refused.status_code in (401, 409)  # the link may not be known yet; never accepted
    async with api.client(tenant.key) as admin:
        on = await admin.put("/v1/settings/selection-report", json={"enabled": True})
        assert on.json() == {"enabled": True}

    async def reported() -> bool:
        async with api.client(people[0].token) as candidate:
            r = await candidate.put(
                "/v1/candidate/self-report", json={"sex": "female", "race_ethnicity": "asian"}
            )
            return r.status_code == 200

    await eventually(reported, what="the candidate's link at the gateway")
    async with api.client(people[0].token) as candidate:
        mine = (await candidate.get("/v1/candidate/self-report")).json()
        assert mine["sex"] == "female"
        assert (
            await candidate.get(f"/v1/submissions/{people[0].invitation_id}")
        ).status_code == 401
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        for c, sex in zip(people[1:], ("female", "male", "declined"), strict=True):
            r = await lead.put(f"/v1/submissions/{c.invitation_id}/self-report", json={"sex": sex})
            assert r.status_code == 200, r.text
        bad = await lead.put(
            f"/v1/submissions/{people[1].invitation_id}/self-report", json={"sex": "x"}
        )
        assert bad.status_code == 422
        for c, outcome in zip(people, ("advance", "reject", "advance", "advance"), strict=True):
            await lead.post(
                f"/v1/submissions/{c.invitation_id}/decision", json={"outcome": outcome}
            )
        report = (await lead.get(report_url)).json()
        submission = (await lead.get(f"/v1/submissions/{people[0].invitation_id}")).text
    assert "female" not in submission and "asian" not in submission  # never shown to reviewers
    screen = next(s for s in report["stages"] if s["stage"] == "screen")
    rows = {r["category"]: r for r in screen["dimensions"]["sex"]}
    assert rows["female"]["applicants"] == 2 and rows["female"]["selection_rate"] == 0.5
    assert rows["male"]["selection_rate"] == 1.0 and rows["male"]["impact_ratio"] == 1.0
    assert rows["female"]["impact_ratio"] == 0.5 and rows["female"]["below_four_fifths"]
    assert rows["declined"]["impact_ratio"] is None
    completion = next(s for s in report["stages"] if s["stage"] == "completion")
    assert sum(r["applicants"] for r in completion["dimensions"]["sex"]) == 4
