"""Reviewing through the gateway: rubrics, panels and queues, hidden ratings, bad input, comments,
calibration, ranking with filters and pagination, side by side, decisions and their events."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.chassis.test_bus import read_topic
from tests.review.conftest import RUBRIC, Api, Tenant, ready_candidates
from tests.review.events import Candidate
from tests.support import eventually, unique

pytestmark = pytest.mark.integration


def ratings(scores: dict[str, int], depth: int | None = None) -> list[dict[str, Any]]:
    out = [{"question_id": q, "criterion_id": "clarity", "score": s} for q, s in scores.items()]
    if depth is not None:
        out.append({"question_id": "q1", "criterion_id": "depth", "score": depth})
    return out


async def setup(
    api: Api, n: int, reviewers: list[str], per_candidate: int | None = None, **kw: Any
) -> tuple[Tenant, str, list[Candidate]]:
    tenant = await api.tenant()
    position = unique("pos")
    async with api.client(tenant.key) as admin:
        assert (await admin.put("/v1/question-sets/qs-1/rubric", json=RUBRIC)).status_code == 200
        panel = {"reviewer_ids": [f"user:{r}" for r in reviewers], "per_candidate": per_candidate}
        settings = await admin.put(f"/v1/positions/{position}/review-settings", json=panel)
        assert settings.status_code == 200, settings.text
    people = {"name": "Person {i}", "email": "p{i}-" + position + "@example.com", **kw}
    candidates = [
        Candidate(
            position,
            **{**kw, "name": people["name"].format(i=i), "email": people["email"].format(i=i)},
        )
        for i in range(n)
    ]
    await ready_candidates(api, tenant, candidates)
    return tenant, position, candidates


async def test_queue_hidden_ratings_and_bad_input(api: Api) -> None:
    tenant, position, [c] = await setup(api, 1, ["ann", "bob"])
    ann, bob = api.token(tenant, "ann", "reviewer"), api.token(tenant, "bob", "reviewer")
    carl = api.token(tenant, "carl", "reviewer")
    url = f"/v1/submissions/{c.invitation_id}"
    async with api.client(ann) as a, api.client(bob) as b, api.client(carl) as outsider:
        nxt = await eventually(
            lambda: _next(a), what="the candidate in ann's queue"
        )  # assigned when reviewable
        assert nxt["invitation_id"] == c.invitation_id and nxt["assigned_to_me"]
        bad = [
            ({"q1": 6, "q2": 3}, 3, "score_out_of_scale"),
            ({"q1": 3, "q9": 3}, 3, "unknown_answer"),
            ({"q1": 3}, 3, "incomplete_review"),
        ]
        for scores, depth, code in bad:
            r = await a.post(
                f"{url}/review", json={"ratings": ratings(scores, depth), "recommendation": "yes"}
            )
            assert r.status_code == 422 and r.json()["code"] == code, r.text
        unknown = [
            *ratings({"q1": 3, "q2": 3}, 3),
            {"question_id": "q2", "criterion_id": "depth", "score": 3},
        ]
        r = await a.post(f"{url}/review", json={"ratings": unknown, "recommendation": "yes"})
        assert r.json()["code"] == "unknown_criterion"  # depth applies to q1 only
        twice = ratings({"q1": 3, "q2": 3}, 3) + ratings({"q1": 4})
        r = await a.post(f"{url}/review", json={"ratings": twice, "recommendation": "yes"})
        assert r.json()["code"] == "duplicate_rating"
        r = await outsider.post(
            f"{url}/review",
            json={"ratings": ratings({"q1": 3, "q2": 3}, 3), "recommendation": "no"},
        )
        assert r.status_code == 403 and r.json()["code"] == "not_on_panel"

        comment = await a.post(
            f"{url}/comments",
            json={"question_id": "q1", "at_seconds": 12.5, "text": "good example"},
        )
        assert comment.status_code == 201, comment.text
        late = await a.post(
            f"{url}/comments", json={"question_id": "q1", "at_seconds": 300, "text": "x"}
        )
        assert late.status_code == 422 and late.json()["code"] == "time_out_of_range"

        done = await a.post(
            f"{url}/review",
            json={"ratings": ratings({"q1": 2, "q2": 4}, 3), "recommendation": "yes"},
        )
        assert done.status_code == 201, done.text
        assert done.json()["scores"]["mean"] == pytest.approx(3.0)
        again = await a.post(
            f"{url}/review",
            json={"ratings": ratings({"q1": 2, "q2": 4}, 3), "recommendation": "yes"},
        )
        assert again.status_code == 409 and again.json()["code"] == "already_reviewed"
        assert (await a.get("/v1/review-queue/next")).status_code == 204

        before = (await b.get(url)).json()  # bob has not submitted: ann's ratings stay hidden
        assert before["ratings_hidden"] and before["scores"] is None and before["reviews"] == []
        assert (await b.get(f"{url}/comments")).json() == []
        page = (await b.get(f"/v1/positions/{position}/submissions")).json()
        assert page["items"][0]["mean"] is None
        filtered = await b.get(f"/v1/positions/{position}/submissions", params={"min_score": 1})
        assert filtered.status_code == 403 and filtered.json()["code"] == "scores_hidden"
        await b.post(
            f"{url}/review",
            json={"ratings": ratings({"q1": 4, "q2": 4}, 4), "recommendation": "strong_yes"},
        )
        after = (await b.get(url)).json()
        assert not after["ratings_hidden"] and len(after["reviews"]) == 2
        assert after["scores"]["mean"] == pytest.approx(3.5)
        assert after["scores"]["spread"] == pytest.approx(0.5)
        assert [x["text"] for x in (await b.get(f"{url}/comments")).json()] == ["good example"]


async def _next(client: Any) -> dict[str, Any] | None:
    r = await client.get("/v1/review-queue/next")
    return r.json() if r.status_code == 200 else None


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


async def test_calibration_ranking_side_by_side(api: Api) -> None:
    tenant, position, cands = await setup(api, 3, ["harsh", "lenient"], n_questions=1)
    # clarity on q1 (one answer per candidate): harsh 1, 2, 3; lenient 2, 3, 5 (see test_units)
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


async def test_decisions_are_idempotent_audited_and_published(api: Api) -> None:
    tenant, _, [c] = await setup(api, 1, ["ann"], blind=True)
    url = f"/v1/submissions/{c.invitation_id}"
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        assert (await lead.get(url)).json()["candidate"] is None  # blind
        first = await lead.post(
            f"{url}/decision", json={"outcome": "advance", "reason": "strong answers"}
        )
        assert first.status_code == 200 and first.json()["changed"], first.text
        again = await lead.post(f"{url}/decision", json={"outcome": "advance", "reason": "again"})
        assert again.json()["changed"] is False and again.json()["reason"] == "strong answers"
        revealed = (await lead.get(url)).json()
        assert revealed["candidate"] == {"name": c.name, "email": c.email}
        changed = await lead.post(
            f"{url}/decision", json={"outcome": "reject", "reason": "mistake"}
        )
        assert changed.json()["previous"] == "advance"
        log = (await lead.get(f"{url}/decisions")).json()
        assert [(e["previous"], e["outcome"], e["decided_by"]) for e in log] == [
            (None, "advance", "user:rita"),
            ("reject" if False else "advance", "reject", "user:rita"),
        ]
    async with api.client(api.token(tenant, "ann", "reviewer")) as reviewer:
        forbidden = await reviewer.post(f"{url}/decision", json={"outcome": "advance"})
        assert forbidden.status_code == 403
        assert (await reviewer.get("/v1/review-queue/next")).status_code == 204  # decided: closed

    async def published() -> list[Any]:
        records = await read_topic(
            api.review.settings.kafka_bootstrap_servers, "reviews", c.invitation_id
        )
        return records if len(records) >= 2 else []

    records = await eventually(published, what="the decision events")
    types = [dict(r.headers)["ce_type"].decode() for r in records]
    assert types == ["candidate.advanced", "candidate.rejected"]  # the repeat emitted nothing
    body = json.loads(records[0].value)
    assert body["candidate_name"] == c.name and body["candidate_email"] == c.email  # blind or not
    assert dict(records[0].headers)["ce_tenant"].decode() == tenant.id
