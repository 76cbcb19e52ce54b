"""Decisions through the gateway: idempotent, audited, lifting blind review, closing the queue, and
published as events."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.chassis.test_bus import read_topic
from tests.review.conftest import Api, setup
from tests.support import eventually

pytestmark = pytest.mark.integration


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
        log = (await lead.get(f"{url}/decisions")).json()["items"]
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
    assert body["candidate_language"] is None  # completed without saying which
    assert dict(records[0].headers)["ce_tenant"].decode() == tenant.id


async def test_a_decision_carries_the_language_the_candidate_read(api: Api) -> None:
    """What the next stage writes to the candidate (scheduling's mails) is in the language they
    completed the screen in, carried on the decision."""
    tenant, _, [fr] = await setup(api, 1, ["ann"], language="fr")
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        decided = await lead.post(
            f"/v1/submissions/{fr.invitation_id}/decision", json={"outcome": "advance"}
        )
        assert decided.status_code == 200, decided.text

    async def published() -> list[Any]:
        return await read_topic(
            api.review.settings.kafka_bootstrap_servers, "reviews", fr.invitation_id
        )

    [record] = await eventually(published, what="the decision event")
    assert json.loads(record.value)["candidate_language"] == "fr"
