"""A position's funnel follows the screening decisions the review service publishes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from faststream.kafka import KafkaBroker

from contracts import Envelope
from contracts.events.reviews import CandidateDecided
from tests.gateway.harness import Api, make_position
from tests.support import eventually, unique

pytestmark = pytest.mark.integration


async def test_decisions_reach_the_funnel_and_the_candidate_list(api: Api) -> None:
    admin_key = await api.tenant()
    async with api.client(admin_key) as admin:
        tenant = (await admin.get("/v1/me")).json()["tenant"]
        position = await make_position(admin)
        ids = []
        for n in range(3):
            created = await admin.post(
                f"/v1/positions/{position['id']}/invitations",
                json={"name": f"C{n}", "email": f"{unique('c')}@example.com"},
            )
            assert created.status_code == 201, created.text
            ids.append(created.json()["id"])

    now = datetime.now(UTC)
    broker = KafkaBroker(api.invite.settings.kafka_bootstrap_servers)
    await broker.start()

    async def decide(event_type: str, invitation_id: str, at: datetime, owner: str) -> str:
        payload = CandidateDecided(
            invitation_id=invitation_id,
            position_id=position["id"],
            candidate_name="C",
            candidate_email="c@example.com",
            decided_by="user:lead",
            decided_at=at,
        )
        envelope = Envelope(
            type=event_type, source="/tests", tenant=owner, subject=invitation_id, schemaversion=1
        )
        await broker.publish(
            payload.model_dump_json().encode(),
            "reviews",
            key=invitation_id.encode(),
            headers=envelope.headers(),
        )
        return envelope.id

    try:
        await decide("candidate.advanced", ids[0], now, tenant)
        await decide("candidate.rejected", ids[1], now, tenant)
        # An older decision delivered late changes nothing; another tenant's event touches nothing.
        late = await decide("candidate.held", ids[1], now - timedelta(hours=1), tenant)
        foreign = await decide("candidate.advanced", ids[2], now, unique("other-tenant"))
    finally:
        await broker.stop()

    async with api.client(admin_key) as admin:

        async def decided() -> dict[str, Any] | None:
            body: dict[str, Any] = (await admin.get(f"/v1/positions/{position['id']}")).json()
            return body if sum(body["decisions"].values()) == 2 else None

        funnel = await eventually(decided, what="the decisions in the funnel")

        async def consumed() -> bool:
            return len(await api.invite.consumers.processed([late, foreign])) == 2

        await eventually(consumed, what="the late and the foreign decision to be handled")
        invitations = {i: (await admin.get(f"/v1/invitations/{i}")).json()["decision"] for i in ids}
    assert funnel["decisions"] == {"advanced": 1, "rejected": 1}
    assert funnel["counts"] == {"created": 3}
    assert invitations[ids[0]]["outcome"] == "advanced"
    assert invitations[ids[1]]["outcome"] == "rejected"
    assert invitations[ids[2]] is None
