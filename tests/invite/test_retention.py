"""Retention: a tenant keeps a closed position's candidate data for its retention period; the
sweep (driven by an injected clock) then erases each candidate's data of that position through
the erasure event, and nothing of their other applications."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from tests.gateway.harness import Api, make_position
from tests.support import eventually, unique

pytestmark = pytest.mark.integration


async def test_a_closed_positions_data_is_erased_when_its_retention_ends(api: Api) -> None:
    sweeper = api.invite.app.state.sweeper
    async with api.client(await api.tenant()) as admin, api.client(await api.tenant()) as other:
        assert (await admin.get("/v1/retention")).json() == {"months": 12}
        for months in (0, 37, "six"):
            refused = await admin.put("/v1/retention", json={"months": months})
            assert refused.status_code == 422, refused.text
        assert (await admin.put("/v1/retention", json={"months": 6})).json() == {"months": 6}

        closing, staying = await make_position(admin), await make_position(admin)
        cy, dee = f"{unique('cy')}@example.com", f"{unique('dee')}@example.com"
        invited = {}
        for position, address in ((closing, cy), (closing, dee), (staying, cy)):
            created = await admin.post(
                f"/v1/positions/{position['id']}/invitations", json={"name": "C", "email": address}
            )
            assert created.status_code == 201, created.text
            invited[(position["id"], address)] = created.json()
        assert (await other.post(f"/v1/positions/{closing['id']}/close")).status_code == 404

        closed = (await admin.post(f"/v1/positions/{closing['id']}/close")).json()
        again = (await admin.post(f"/v1/positions/{closing['id']}/close")).json()
        assert again["closed_at"] == closed["closed_at"], "closing twice moves nothing"
        closed_at = datetime.fromisoformat(closed["closed_at"])
        erase_at = datetime.fromisoformat(closed["erase_at"])
        assert (erase_at.year * 12 + erase_at.month) - (closed_at.year * 12 + closed_at.month) == 6
        late = await admin.post(
            f"/v1/positions/{closing['id']}/invitations", json={"name": "E", "email": cy}
        )
        assert late.status_code == 409 and late.json()["code"] == "position_closed", late.text
        schedule = (await admin.get("/v1/retention/schedule")).json()
        assert [(e["position_id"], e["candidates"]) for e in schedule["items"]] == [
            (closing["id"], 2)
        ]
        assert schedule["items"][0]["erase_at"] == closed["erase_at"]
        assert (await other.get("/v1/retention/schedule")).json()["items"] == []

        # Before the end nothing goes; after it, the closed position's two candidates do.
        assert (await sweeper.sweep(erase_at - timedelta(days=1)))["erased"] == 0
        assert (await admin.get(f"/v1/invitations/{invited[(closing['id'], cy)]['id']}")).json()[
            "email"
        ] == cy
        assert (await sweeper.sweep(erase_at + timedelta(minutes=1)))["erased"] == 2
        assert (await sweeper.sweep(erase_at + timedelta(days=1)))["erased"] == 0

        for address in (cy, dee):
            gone = await admin.get(f"/v1/invitations/{invited[(closing['id'], address)]['id']}")
            assert gone.json()["name"] == "erased" and address not in gone.text
        kept = await admin.get(f"/v1/invitations/{invited[(staying['id'], cy)]['id']}")
        assert kept.json()["email"] == cy, "the candidate's other application stays"
        exported = (await admin.get("/v1/candidates/export", params={"email": cy})).json()
        assert [i["position_id"] for i in exported["invitations"]] == [staying["id"]]

        position = (await admin.get(f"/v1/positions/{closing['id']}")).json()
        assert position["erased_at"] is not None
        assert (await admin.get("/v1/retention/schedule")).json()["items"] == []
        reopened = await admin.post(f"/v1/positions/{closing['id']}/reopen")
        assert reopened.status_code == 409 and reopened.json()["code"] == "retention_ended"

        # The gateway acted on them: the erased link is unknown; the other application's link is
        # refused only because the sweep months later found its deadline over.
        async def erased_link_refused() -> bool:
            async with api.client(token(invited[(closing["id"], cy)])) as candidate:
                return (await candidate.get("/v1/candidate/interview")).status_code == 401

        await eventually(erased_link_refused, what="the erased application's link to stop working")
        async with api.client(token(invited[(staying["id"], cy)])) as candidate:
            answer = await candidate.get("/v1/candidate/interview")
        assert answer.json()["code"] in {"link_expired", "deadline_passed"}, answer.text

        # Reopening before the end stops the clock: an open position is never swept.
        assert (await admin.post(f"/v1/positions/{staying['id']}/close")).status_code == 200
        back = (await admin.post(f"/v1/positions/{staying['id']}/reopen")).json()
        assert back["closed_at"] is None and back["erase_at"] is None
        assert (await sweeper.sweep(erase_at + timedelta(days=400)))["erased"] == 0

    # One erasure event per candidate, for the closed position's invitation only.
    ours = {i["id"] for i in invited.values()}
    rows = api.invite.db.outbox.find({"type": "candidate.erasure_requested"})
    events = [json.loads(row["body"]) async for row in rows]
    events = [e for e in events if set(e["invitation_ids"]) & ours]
    assert sorted(e["candidate_email"] for e in events) == sorted([cy, dee])
    for payload in events:
        assert payload["reason"] == "retention" and payload["requested_by"] == "retention-policy"
        assert payload["invitation_ids"] == [
            invited[(closing["id"], payload["candidate_email"])]["id"]
        ]


def token(created: dict[str, str]) -> str:
    return created["link"].rsplit("/", 1)[1]
