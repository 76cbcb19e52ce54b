"""Withdrawal and erasure on the real broker: a withdrawn candidate's assignments close; an erased
one becomes a tombstone, its reviews, comments and assignments go, its decisions keep who, what and
when without the reason, and a replay afterwards records nothing."""

from __future__ import annotations

import pytest

from tests.review.conftest import Api, ratings, setup
from tests.review.events import Candidate

pytestmark = pytest.mark.integration


async def test_withdrawal_and_erasure(api: Api) -> None:
    tenant, position, [kept, withdrawn, erased] = await setup(api, 3, ["ann"])
    sub = f"/v1/submissions/{erased.invitation_id}"
    async with api.client(api.token(tenant, "ann", "reviewer")) as ann:
        body = {"ratings": ratings({"q1": 3, "q2": 4}, 3), "recommendation": "yes", "summary": "s"}
        assert (await ann.post(f"{sub}/review", json=body)).status_code == 201
        comment = {"question_id": "q1", "at_seconds": 3, "text": "mentions her children"}
        assert (await ann.post(f"{sub}/comments", json=comment)).status_code == 201
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        await lead.post(f"{sub}/decision", json={"outcome": "hold", "reason": "personal note"})
    await api.publish(tenant.id, [withdrawn.withdrawn()])
    await api.until(withdrawn.invitation_id, invitation_state="withdrawn")
    await api.publish(tenant.id, [erased.erasure()])
    tomb = await api.until(erased.invitation_id, erased=True)
    assert tomb["candidate"] is None and "position_id" not in tomb and tomb["answers"] == []
    db = api.review.db
    scope = {"tenant": tenant.id, "invitation_id": erased.invitation_id}
    assert await db.reviews.count_documents(scope) == 0
    assert await db.comments.count_documents(scope) == 0
    assert await db.assignments.count_documents(scope) == 0
    [audit] = await db.decisions.find(scope).to_list()
    assert audit["reason"] is None and audit["outcome"] == "hold"  # who/what/when stay
    assert (
        await db.assignments.count_documents(
            {"tenant": tenant.id, "invitation_id": withdrawn.invitation_id, "open": True}
        )
        == 0
    )
    async with api.client(api.token(tenant, "ann", "reviewer")) as ann:
        assert (await ann.get(sub)).status_code == 404
        nxt = await ann.get("/v1/review-queue/next")
        assert nxt.json()["invitation_id"] == kept.invitation_id
        page = (await ann.get(f"/v1/positions/{position}/submissions")).json()
        assert {r["invitation_id"] for r in page["items"]} == {
            kept.invitation_id,
            withdrawn.invitation_id,
        }
    await api.publish(tenant.id, erased.ready())  # a replay after the erasure records nothing
    marker = Candidate(position)
    await api.publish(tenant.id, [marker.created()])
    await api.until(marker.invitation_id, status="awaiting")
    again = await api.submission(erased.invitation_id)
    assert again is not None and again["candidate"] is None
