"""Reviews and comments through the gateway: the queue hands out the candidate, bad ratings are
refused with their codes, a review is submitted once, and ratings stay hidden from a panel reviewer
until they submitted their own."""

from __future__ import annotations

import pytest

from tests.review.conftest import Api, next_in_queue, ratings, setup
from tests.support import eventually

pytestmark = pytest.mark.integration


async def test_queue_hidden_ratings_and_bad_input(api: Api) -> None:
    tenant, position, [c] = await setup(api, 1, ["ann", "bob"])
    ann, bob = api.token(tenant, "ann", "reviewer"), api.token(tenant, "bob", "reviewer")
    carl = api.token(tenant, "carl", "reviewer")
    url = f"/v1/submissions/{c.invitation_id}"
    async with api.client(ann) as a, api.client(bob) as b, api.client(carl) as outsider:
        nxt = await eventually(
            lambda: next_in_queue(a), what="the candidate in ann's queue"
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
        assert (await b.get(f"{url}/comments")).json()["items"] == []
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
        assert [x["text"] for x in (await b.get(f"{url}/comments")).json()["items"]] == [
            "good example"
        ]
