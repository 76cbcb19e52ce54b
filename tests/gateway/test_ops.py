"""The operations view: dead letters of every consumer group, per tenant, with re-drive; status."""

from __future__ import annotations

from typing import Any

import pytest
from faststream.kafka import KafkaBroker

from contracts import Envelope
from tests.gateway.harness import PLATFORM_KEY, Api
from tests.support import eventually, unique

pytestmark = pytest.mark.integration


async def test_dead_letters_are_listed_per_tenant_and_redriven(api: Api) -> None:
    admin_key = await api.tenant()
    async with api.client(admin_key) as admin:
        tenant = (await admin.get("/v1/me")).json()["tenant"]
    marker = unique("poison")
    headers = Envelope(
        type="invitation.created", source="/tests", tenant=tenant, subject=marker, schemaversion=1
    ).headers()
    broker = KafkaBroker(api.invite.settings.kafka_bootstrap_servers)
    await broker.start()
    try:
        await broker.publish(
            f'{{"invitation_id": "{marker}"}}'.encode(),
            "invitations",
            key=marker.encode(),
            headers=headers,
        )
    finally:
        await broker.stop()
    invite_group = api.invite.settings.service_name

    async def parked(client: Any) -> list[dict[str, Any]]:
        letters = (await client.get("/v1/ops/dead-letters")).json()["items"]
        return [d for d in letters if marker in d["body"] and d["group"] == invite_group]

    async with api.client(admin_key) as admin:
        [letter] = await eventually(lambda: parked(admin), timeout=60, what="the dead letter")
        assert letter["error_type"] == "ValidationError" and letter["tenant"] == tenant
        redriven = await admin.post(f"/v1/ops/dead-letters/{letter['id']}/redrive")
        again = await admin.post(f"/v1/ops/dead-letters/{letter['id']}/redrive")
        assert redriven.json()["status"] == "redriven" and again.status_code == 409

        async def parked_twice() -> bool:
            letters = (await admin.get("/v1/ops/dead-letters", params={"status": ""})).json()[
                "items"
            ]
            return (
                len([d for d in letters if marker in d["body"] and d["group"] == invite_group]) == 2
            )

        # Only the failing group took it again (and parked it again: the payload is still bad).
        await eventually(parked_twice, timeout=60, what="the re-driven letter to fail again")
        status = (await admin.get("/v1/ops/status")).json()
    names = {s["name"]: s for s in status}
    assert names["gateway"]["ready"] and names["invite"]["ready"]
    assert names["invite"]["handled"].get("dead_lettered", 0) >= 2
    async with api.client(await api.tenant()) as stranger, api.client(PLATFORM_KEY) as platform:
        assert [
            d
            for d in (await stranger.get("/v1/ops/dead-letters")).json()["items"]
            if marker in d["body"]
        ] == []
        everyone = (await platform.get("/v1/ops/dead-letters")).json()["items"]
        assert any(marker in d["body"] for d in everyone)
