"""Review time: the reviewer's page reports each visit's player time and time on screen; the lead
reads the wait from completion to the first review and to the decision, and the minutes of review
per candidate, per position and per reviewer."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import httpx
import pytest
from prometheus_client import REGISTRY

from tests.review.conftest import Api, ratings, setup
from tests.review.events import T0

pytestmark = pytest.mark.integration
COMPLETED = T0 + timedelta(minutes=30)  # as tests.review.events completes every candidate


def _hours(at: str) -> float:
    return (datetime.fromisoformat(at) - COMPLETED).total_seconds() / 3600


def _observed(step: str) -> float:
    value = REGISTRY.get_sample_value(
        "review_wait_seconds_count", {"service": "review", "step": step}
    )
    return value or 0.0


async def _view(client: httpx.AsyncClient, invitation: str, session: str, **totals: float) -> int:
    r = await client.post(
        f"/v1/submissions/{invitation}/viewings", json={"session_id": session, **totals}
    )
    return r.status_code


async def test_review_time_per_position_and_reviewer(api: Api) -> None:
    tenant, position, [c1, c2, _waiting] = await setup(api, 3, ["ann", "bob"])
    before = (_observed("first_review"), _observed("decision"))
    ann = api.client(api.token(tenant, "ann", "reviewer"))
    bob = api.client(api.token(tenant, "bob", "reviewer"))
    lead = api.client(api.token(tenant, "rita", "recruiter"))
    async with ann, bob, lead:
        s1, s2, s3 = (str(uuid.uuid4()) for _ in range(3))
        # Running totals, reported again and out of order: the largest of each stays.
        for totals in ({"player_seconds": 60, "wall_seconds": 90}, {"player_seconds": 120,
                       "wall_seconds": 180}, {"player_seconds": 30, "wall_seconds": 40}):  # fmt: skip
            assert await _view(ann, c1.invitation_id, s1, **totals) == 200
        assert await _view(ann, c2.invitation_id, s2, player_seconds=30, wall_seconds=60) == 200
        assert await _view(bob, c1.invitation_id, s3, player_seconds=60, wall_seconds=120) == 200
        # A session id is one reviewer's visit to one submission.
        assert await _view(bob, c2.invitation_id, s1, player_seconds=1, wall_seconds=1) == 409
        assert await _view(ann, c2.invitation_id, s1, player_seconds=1, wall_seconds=1) == 409
        assert await _view(ann, c1.invitation_id, "x", player_seconds=1, wall_seconds=1) == 422
        assert await _view(ann, c1.invitation_id, s1, player_seconds=-1, wall_seconds=1) == 422
        assert await _view(ann, "unknown", s1, player_seconds=1, wall_seconds=1) == 404

        submitted = {}
        for who, name, c in ((ann, "ann", c1), (bob, "bob", c1), (ann, "ann", c2)):
            r = await who.post(
                f"/v1/submissions/{c.invitation_id}/review",
                json={"ratings": ratings({"q1": 3, "q2": 4}, 3), "recommendation": "yes"},
            )
            assert r.status_code == 201, r.text
            mine = next(x for x in r.json()["reviews"] if x["reviewer"] == f"user:{name}")
            submitted[(name, c.invitation_id)] = mine["submitted_at"]
        held = await lead.post(
            f"/v1/submissions/{c1.invitation_id}/decision", json={"outcome": "hold"}
        )
        assert held.status_code == 200
        decided = await lead.post(
            f"/v1/submissions/{c1.invitation_id}/decision", json={"outcome": "advance"}
        )
        assert decided.status_code == 200

        assert (await ann.get(f"/v1/positions/{position}/review-time")).status_code == 403
        report = (await lead.get(f"/v1/positions/{position}/review-time")).json()
        other = await api.tenant()
        async with api.client(other.key) as stranger:
            empty = (await stranger.get(f"/v1/positions/{position}/review-time")).json()

    assert report["completed"] == 3 and report["waiting_for_first_review"] == 1  # c3
    first = sorted([_hours(submitted[("ann", c1.invitation_id)]),
                    _hours(submitted[("ann", c2.invitation_id)])])  # fmt: skip
    assert report["to_first_review"]["count"] == 2
    assert report["to_first_review"]["median_hours"] == pytest.approx(sum(first) / 2, abs=0.01)
    assert report["to_decision"]["count"] == 1  # the hold is no decision
    assert report["to_decision"]["median_hours"] == pytest.approx(
        _hours(decided.json()["decided_at"]), abs=0.01
    )
    # c1: 120 + 60 s played and 180 + 120 s on screen; c2: 30 and 60 s.
    assert report["player_minutes_per_candidate"] == pytest.approx((180 + 30) / 2 / 60, abs=0.01)
    assert report["wall_minutes_per_candidate"] == pytest.approx((300 + 60) / 2 / 60, abs=0.01)
    reviewers = {r["reviewer"]: r for r in report["reviewers"]}
    assert reviewers["user:ann"]["candidates_reviewed"] == 2
    assert reviewers["user:ann"]["candidates_viewed"] == 2
    assert reviewers["user:ann"]["player_minutes_per_candidate"] == pytest.approx(1.25, abs=0.01)
    assert reviewers["user:bob"]["candidates_reviewed"] == 1
    assert reviewers["user:bob"]["wall_minutes_per_candidate"] == pytest.approx(2.0, abs=0.01)
    assert reviewers["user:bob"]["median_hours_to_review"] == pytest.approx(
        _hours(submitted[("bob", c1.invitation_id)]), abs=0.01
    )
    assert empty["completed"] == 0 and empty["reviewers"] == []  # tenant-scoped
    # The dashboards see the same waits: two first reviews and one decision.
    assert _observed("first_review") - before[0] == 2
    assert _observed("decision") - before[1] == 1
