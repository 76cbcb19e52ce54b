"""Share links through the gateway: a lead makes, lists and revokes a read-only link to one
candidate's answers; its holder reads those answers (blind review honoured) and nothing else;
expiry (on the services' clocks), revocation, another tenant's link and a tampered token are
refused; every use is in the audit log under the link, never with the data."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.review.conftest import Api, Tenant, setup
from tests.support import eventually

pytestmark = pytest.mark.integration


async def _share(api: Api, tenant: Tenant, invitation_id: str, **body: object) -> dict[str, str]:
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        r = await lead.post(f"/v1/submissions/{invitation_id}/shares", json=body)
    assert r.status_code == 201, r.text
    made: dict[str, str] = r.json()
    # The gateway learns the link from submission.shared.
    async with api.client(made["token"]) as holder:

        async def known() -> httpx.Response | None:
            r = await holder.get("/v1/shared/submission")
            return r if r.status_code != 401 else None

        await eventually(known, what="the gateway to know the share link")
    return made


async def test_a_share_shows_one_candidates_answers_and_nothing_of_the_review(api: Api) -> None:
    tenant, _, (ada, bob) = await setup(api, 2, ["lee"])
    made = await _share(api, tenant, ada.invitation_id, expires_in_hours=48, label="Sam")
    assert made["path"] == f"/shared/{made['token']}" and made["active"]
    async with api.client(made["token"]) as holder:
        r = await holder.get("/v1/shared/submission")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["invitation_id"] == ada.invitation_id
        assert body["candidate"] == {"name": ada.name, "email": ada.email}
        assert [a["question_id"] for a in body["answers"]] == ["q1", "q2"]  # not the practice
        assert {"scores", "reviews", "decision"}.isdisjoint(body)
        assert not any("master_playlist_key" in a for a in body["answers"])
        # Not a staff credential: no other candidate, no review, no write.
        for method, path, json in (
            ("GET", f"/v1/submissions/{bob.invitation_id}", None),
            ("GET", f"/v1/submissions/{ada.invitation_id}", None),
            ("GET", f"/v1/submissions/{ada.invitation_id}/shares", None),
            ("POST", f"/v1/submissions/{ada.invitation_id}/decision", {"outcome": "advance"}),
            ("POST", f"/v1/submissions/{ada.invitation_id}/shares", {}),
            ("GET", "/v1/candidate/interview", None),
        ):
            r = await holder.request(method, path, json=json)
            assert r.status_code in {401, 403}, (path, r.status_code, r.text)
    # The lead lists it with its use; the audit log has the link as principal, not the data.
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        listed = (await lead.get(f"/v1/submissions/{ada.invitation_id}/shares")).json()["items"]
        assert [(s["id"], s["label"], s["views"]) for s in listed] == [(made["id"], "Sam", 2)]
        assert "token" not in listed[0]
    async with api.client(tenant.key) as admin:
        entries = (await admin.get("/v1/audit", params={"principal": f"share:{made['id']}"})).json()
    views = [e for e in entries["items"] if e["action"] == "GET /v1/shared/submission"]
    assert len(views) == 2 and all(e["kind"] == "share" and e["status"] == 200 for e in views)
    assert ada.name not in str(entries) and made["token"] not in str(entries)


async def test_revocation_takes_effect_at_once(api: Api) -> None:
    tenant, _, (ada,) = await setup(api, 1, ["lee"])
    made = await _share(api, tenant, ada.invitation_id)
    other = await _share(api, tenant, ada.invitation_id)
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        path = f"/v1/submissions/{ada.invitation_id}/shares/{made['id']}"
        assert (await lead.delete(path)).status_code == 204
        assert (await lead.delete(path)).status_code == 204  # again: nothing changes
        missing = await lead.delete(f"/v1/submissions/{ada.invitation_id}/shares/nope")
        assert missing.json()["code"] == "share_not_found"
        # The very next read is refused, before the gateway has heard of the revocation.
        async with api.client(made["token"]) as holder:
            r = await holder.get("/v1/shared/submission")
            assert (r.status_code, r.json()["code"]) == (410, "link_revoked")
        async with api.client(other["token"]) as holder:  # the other link still works
            assert (await holder.get("/v1/shared/submission")).status_code == 200
        listed = (await lead.get(f"/v1/submissions/{ada.invitation_id}/shares")).json()["items"]
        by_id = {s["id"]: s for s in listed}
        assert not by_id[made["id"]]["active"] and by_id[made["id"]]["revoked_by"] == "user:rita"
        assert by_id[other["id"]]["active"]

    async def at_gateway() -> bool:
        doc = await api.gateway.db.candidate_links.find_one({"share_id": made["id"]})
        return bool(doc and doc["revoked"])

    await eventually(at_gateway, what="the gateway's link view to mark the link revoked")


async def test_expiry_on_the_services_clocks(api: Api) -> None:
    tenant, _, (ada,) = await setup(api, 1, ["lee"])
    made = await _share(api, tenant, ada.invitation_id, expires_in_hours=2)
    async with api.client(made["token"]) as holder:
        assert (await holder.get("/v1/shared/submission")).status_code == 200
        later = timedelta(hours=2, seconds=1)
        api.review.app.state.clock = lambda: datetime.now(UTC) + later
        try:
            r = await holder.get("/v1/shared/submission")
            assert (r.status_code, r.json()["code"]) == (410, "link_expired")
            api.gateway.app.state.clock = lambda: time.time() + later.total_seconds()
            r = await holder.get("/v1/shared/submission")
            assert (r.status_code, r.json()["code"]) == (410, "link_expired")
        finally:
            del api.review.app.state.clock
            del api.gateway.app.state.clock
        assert (await holder.get("/v1/shared/submission")).status_code == 200
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        too_long = await lead.post(
            f"/v1/submissions/{ada.invitation_id}/shares", json={"expires_in_hours": 14 * 24 + 1}
        )
        assert too_long.status_code == 422 and too_long.json()["code"] == "invalid_request"
        reviewer = api.token(tenant, "lee", "reviewer")
    async with api.client(reviewer) as panel:  # reviewers may not share
        r = await panel.post(f"/v1/submissions/{ada.invitation_id}/shares", json={})
        assert r.status_code == 403


async def test_blind_review_holds_on_the_shared_page(api: Api) -> None:
    tenant, _, (ada,) = await setup(api, 1, ["lee"], blind=True)
    made = await _share(api, tenant, ada.invitation_id)
    async with api.client(made["token"]) as holder:
        body = (await holder.get("/v1/shared/submission")).json()
        assert body["blind"] and body["candidate"] is None
        assert ada.name not in str(body) and ada.email not in str(body)
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        r = await lead.post(
            f"/v1/submissions/{ada.invitation_id}/decision", json={"outcome": "advance"}
        )
        assert r.status_code == 200, r.text
    async with api.client(made["token"]) as holder:  # a decision lifts blind review, as for staff
        body = (await holder.get("/v1/shared/submission")).json()
        assert body["candidate"] == {"name": ada.name, "email": ada.email}


async def test_another_tenants_and_tampered_tokens_are_refused(api: Api) -> None:
    tenant, _, (ada,) = await setup(api, 1, ["lee"])
    other_tenant, _, (bob,) = await setup(api, 1, ["lee"])
    made = await _share(api, tenant, ada.invitation_id)
    theirs = await _share(api, other_tenant, bob.invitation_id)
    async with api.client(theirs["token"]) as holder:  # their link shows their candidate only
        assert (await holder.get("/v1/shared/submission")).json()["invitation_id"] == (
            bob.invitation_id
        )
    # Nobody of one tenant reaches another tenant's share links.
    async with api.client(api.token(other_tenant, "rita", "recruiter")) as lead:
        r = await lead.get(f"/v1/submissions/{ada.invitation_id}/shares")
        assert r.status_code == 404
        r = await lead.delete(f"/v1/submissions/{ada.invitation_id}/shares/{made['id']}")
        assert r.status_code == 404
    token = made["token"]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (tampered, token + "x", "", theirs["token"][:20]):
        async with httpx.AsyncClient(base_url=api.url, timeout=60) as client:
            headers = {"Authorization": f"Bearer {bad}"} if bad else {}
            r = await client.get("/v1/shared/submission", headers=headers)
        assert r.status_code == 401, (bad, r.text)
        assert r.json()["code"] in {"invalid_link", "unauthenticated"}
    # An interview link is no share link, and a share link is no interview link.
    async with api.client(token) as holder:
        assert (await holder.get("/v1/candidate/interview")).status_code in {401, 403}
    async with api.client(ada.token) as candidate:
        r = await candidate.get("/v1/shared/submission")
        assert r.status_code == 401
