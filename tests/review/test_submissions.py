"""Reading submissions through the gateway: a panel's calibration, the ranked list with its
filters and cursor, and one question side by side."""

from __future__ import annotations

import pytest

from tests.review.conftest import Api, ratings, setup

pytestmark = pytest.mark.integration


async def test_calibration_ranking_side_by_side(api: Api) -> None:
    tenant, position, cands = await setup(api, 3, ["harsh", "lenient"], n_questions=1)
    # clarity on q1 (one answer per candidate): harsh 1, 2, 3; lenient 2, 3, 5 (see test_calibration)
    for who, scores in (("harsh", [1, 2, 3]), ("lenient", [2, 3, 5])):
        async with api.client(api.token(tenant, who, "reviewer")) as client:
            for c, s in zip(cands, scores, strict=True):
                body = {"ratings": ratings({"q1": s}, depth=3), "recommendation": "yes"}
                r = await client.post(f"/v1/submissions/{c.invitation_id}/review", json=body)
                assert r.status_code == 201, r.text
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        cal = (await lead.get(f"/v1/positions/{position}/calibration")).json()
        clarity = next(x for x in cal["criteria"] if x["criterion_id"] == "clarity")
        assert clarity["alpha"] == pytest.approx(13 / 28)
        offsets = {o["reviewer"]: o["mean_offset"] for o in clarity["reviewers"]}
        assert offsets == {
            "user:harsh": pytest.approx(-2 / 3),
            "user:lenient": pytest.approx(2 / 3),
        }
        depth = next(x for x in cal["criteria"] if x["criterion_id"] == "depth")
        assert depth["alpha"] is None  # every rating 3: no variation, alpha undefined

        page = (await lead.get(f"/v1/positions/{position}/submissions")).json()
        ids = [row["invitation_id"] for row in page["items"]]
        assert ids == [c.invitation_id for c in reversed(cands)]
        assert [row["rank"] for row in page["items"]] == [1, 2, 3]
        top = page["items"][0]
        assert top["mean"] == pytest.approx((3 + 4) / 2)  # harsh (3+3)/2, lenient (5+3)/2
        first = (
            await lead.get(f"/v1/positions/{position}/submissions", params={"limit": 2})
        ).json()
        rest = (
            await lead.get(
                f"/v1/positions/{position}/submissions",
                params={"limit": 2, "cursor": first["next_cursor"]},
            )
        ).json()
        assert [r["invitation_id"] for r in first["items"] + rest["items"]] == ids
        assert rest["items"][0]["rank"] == 3 and rest["next_cursor"] is None
        ranged = (
            await lead.get(
                f"/v1/positions/{position}/submissions", params={"min_score": 2.4, "max_score": 3.0}
            )
        ).json()
        assert [r["invitation_id"] for r in ranged["items"]] == [cands[1].invitation_id]
        by_reviewer = (
            await lead.get(
                f"/v1/positions/{position}/submissions",
                params={"reviewer": "user:harsh", "status": "ready"},
            )
        ).json()
        assert len(by_reviewer["items"]) == 3
        assert (
            await lead.get(
                f"/v1/positions/{position}/submissions", params={"reviewer": "user:nobody"}
            )
        ).json()["items"] == []

        side = await lead.get(
            f"/v1/positions/{position}/questions/q1/answers",
            params=[("invitation_id", c.invitation_id) for c in cands],
        )
        assert side.status_code == 200, side.text
        items = side.json()["items"]
        assert [i["criteria"]["clarity"] for i in items] == [1.5, 2.5, 4.0]
        assert all(i["answer"]["status"] == "ready" for i in items)

        reviewer_cal = await api.client(api.token(tenant, "harsh", "reviewer")).get(
            f"/v1/positions/{position}/calibration"
        )
        assert reviewer_cal.status_code == 403
