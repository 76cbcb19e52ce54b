"""ETag and If-Match on the review service's updates, through the gateway: a position's review
settings, rubrics (the ETag is the version), the selection-report setting and self-reported
categories. Racing editors who read one ETag: one wins, the others get a 412."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.review.conftest import RUBRIC, Api, ready_candidates
from tests.review.events import Candidate
from tests.support import conditional_puts, eventually, unique

pytestmark = pytest.mark.integration


async def test_settings_and_rubrics_are_conditional(api: Api) -> None:
    tenant = await api.tenant()
    position = unique("pos")
    async with api.client(tenant.key) as admin:
        panels = [{"reviewer_ids": [f"user:r{n}"], "per_candidate": 1} for n in range(4)]
        await conditional_puts(
            admin,
            f"/v1/positions/{position}/review-settings",
            panels,
            shown=lambda body: body["reviewer_ids"],
        )

        rubric = "/v1/question-sets/qs-etag/rubric"
        first = await admin.put(rubric, headers={"If-Match": '"0"'}, json=RUBRIC)
        assert first.status_code == 200 and first.headers["etag"] == '"1"', first.text
        edits = [{**RUBRIC, "scale_max": 5 + n, "criteria": _criteria(5 + n)} for n in range(4)]
        await conditional_puts(
            admin, rubric, edits, shown=lambda body: (body["version"], body["scale_max"])
        )
        old = await admin.get(rubric, params={"version": 1})
        assert old.headers["etag"] == '"1"'

        settings = [{"enabled": n % 2 == 0} for n in range(4)]
        await conditional_puts(admin, "/v1/settings/selection-report", settings)


def _criteria(top: int) -> list[dict[str, Any]]:
    return [
        {**c, "anchors": {str(p): f"{c['id']} level {p}" for p in range(1, top + 1)}}
        for c in RUBRIC["criteria"]  # type: ignore[attr-defined]
    ]


async def test_self_reports_are_conditional(api: Api) -> None:
    tenant = await api.tenant()
    position = unique("pos")
    people = [Candidate(position, name=f"P{i}", email=f"p{i}@example.com") for i in range(2)]
    await ready_candidates(api, tenant, people)
    async with api.client(tenant.key) as admin:
        on = await admin.put("/v1/settings/selection-report", json={"enabled": True})
        assert on.status_code == 200, on.text

    async def linked() -> bool:
        async with api.client(people[0].token) as candidate:
            return (await candidate.get("/v1/candidate/self-report")).status_code == 200

    await eventually(linked, what="the candidate's link at the gateway")
    async with api.client(people[0].token) as candidate:
        answers = [{"sex": sex} for sex in ("female", "male", "declined")]
        await conditional_puts(
            candidate, "/v1/candidate/self-report", answers, shown=lambda body: body["sex"]
        )

    # Staff never read one candidate's report: the ETag comes from their own write's answer.
    url = f"/v1/submissions/{people[1].invitation_id}/self-report"
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        recorded = await lead.put(url, json={"sex": "female"})
        assert recorded.status_code == 200 and recorded.headers["etag"] == '"1"', recorded.text
        corrections = [{"sex": sex} for sex in ("male", "declined", "female", "male")]
        answers = await asyncio.gather(
            *(lead.put(url, headers={"If-Match": '"1"'}, json=c) for c in corrections)
        )
        assert sorted(a.status_code for a in answers) == [200, 412, 412, 412]
        assert {a.json()["code"] for a in answers if a.status_code == 412} == {
            "precondition_failed"
        }
        stale = await lead.put(url, headers={"If-Match": '"1"'}, json={"sex": "declined"})
        assert stale.status_code == 412
        redo = await lead.put(url, headers={"If-Match": '"2"'}, json={"sex": "declined"})
        assert redo.status_code == 200 and redo.headers["etag"] == '"3"'
    stored = await api.review.db.self_reports.find_one(
        {"_id": f"{tenant.id}|{people[1].invitation_id}"}
    )
    assert stored is not None and stored["sex"] == "declined" and stored["revision"] == 3
