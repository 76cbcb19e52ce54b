"""Greenhouse's Assessment Partner API as Greenhouse calls it: HTTP Basic with a partner key, the
calls in sequence (list, send, status, the callback when the candidate is decided on), a retried
send, wrong credentials, another tenant's test, and a callback host that is not allowed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from faststream.kafka import KafkaBroker

from contracts import Envelope
from contracts.events.reviews import CandidateDecided
from embedded import Endpoints
from tests.gateway.harness import Api, make_position, running_api
from tests.support import eventually, unique
from tests.webhooks.harness import Receiver, receiving

pytestmark = pytest.mark.integration
BASE = "/v1/partners/greenhouse"


@pytest.fixture(scope="module")
async def partner(stack: Endpoints) -> AsyncIterator[tuple[Api, Receiver]]:
    async with (
        running_api(
            stack, greenhouse_callback_hosts=["127.0.0.1"], greenhouse_callback_http=True
        ) as api,
        receiving() as receiver,
    ):
        yield api, receiver


async def _greenhouse_key(api: Api, admin: httpx.AsyncClient) -> str:
    made = await admin.post(
        "/v1/api-keys", json={"name": "greenhouse", "scopes": ["greenhouse:partner"]}
    )
    assert made.status_code == 201, made.text
    return str(made.json()["key"])


def _as_greenhouse(api: Api, key: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=api.url, auth=(key, ""), timeout=60)


async def _decide(api: Api, tenant: str, invitation_id: str, position_id: str) -> None:
    payload = CandidateDecided(
        invitation_id=invitation_id,
        position_id=position_id,
        candidate_name="Ada",
        candidate_email="ada@example.com",
        decided_by="user:lead",
        decided_at=datetime.now(UTC),
    )
    envelope = Envelope(
        type="candidate.advanced",
        source="/tests",
        tenant=tenant,
        subject=invitation_id,
        schemaversion=1,
    )
    broker = KafkaBroker(api.invite.settings.kafka_bootstrap_servers)
    await broker.start()
    try:
        await broker.publish(
            payload.model_dump_json().encode(),
            "reviews",
            key=invitation_id.encode(),
            headers=envelope.headers(),
        )
    finally:
        await broker.stop()


async def test_greenhouse_lists_sends_and_reads_a_test(partner: tuple[Api, Receiver]) -> None:
    api, receiver = partner
    async with api.client(await api.tenant()) as admin:
        tenant = (await admin.get("/v1/me")).json()["tenant"]
        position = await make_position(admin)
        key = await _greenhouse_key(api, admin)
    callback = receiver.url + receiver.path()
    email = f"{unique('ada')}@example.com"
    async with _as_greenhouse(api, key) as greenhouse:
        tests = await greenhouse.get(f"{BASE}/list_tests")
        assert tests.status_code == 200, tests.text
        assert {"partner_test_id": position["id"], "partner_test_name": position["title"]} in (
            tests.json()
        )
        body = {
            "partner_test_id": position["id"],
            "candidate": {"first_name": "Ada", "last_name": "Lovelace", "email": email},
            "url": callback,
        }
        sent = await greenhouse.post(f"{BASE}/send_test", json=body)
        assert sent.status_code == 200, sent.text
        interview_id = sent.json()["partner_interview_id"]
        again = await greenhouse.post(f"{BASE}/send_test", json=body)  # Greenhouse retried
        assert again.json() == {"partner_interview_id": interview_id}
        [invitation] = await api.wait_mails(email, 1)
        assert "Ada Lovelace" in str(invitation["To"]) or email in str(invitation["To"])

        status = await greenhouse.get(
            f"{BASE}/test_status", params={"partner_interview_id": interview_id}
        )
        assert status.status_code == 200, status.text
        assert status.json()["partner_status"] == "incomplete"

        await _decide(api, tenant, interview_id, position["id"])

        async def complete() -> dict[str, object] | None:
            read = await greenhouse.get(
                f"{BASE}/test_status", params={"partner_interview_id": interview_id}
            )
            found: dict[str, object] = read.json()
            return found if found["partner_status"] == "complete" else None

        done = await eventually(complete, what="the test to be complete")
        assert done["metadata"]["Decision"] == "advanced"  # type: ignore[index]
        assert str(done["partner_profile_url"]).endswith(f"/review#/submissions/{interview_id}")

    callbacks = api.invite.app.state.greenhouse_callbacks

    async def called_back() -> bool:
        await callbacks.run_once()
        return bool(receiver.at(callback.removeprefix(receiver.url)))

    await eventually(called_back, what="Greenhouse's callback to be PATCHed")
    assert len(receiver.at(callback.removeprefix(receiver.url))) == 1
    await callbacks.run_once()
    assert len(receiver.at(callback.removeprefix(receiver.url))) == 1, "called back once"


async def test_wrong_credentials_and_other_tenants_tests_are_refused(
    partner: tuple[Api, Receiver],
) -> None:
    api, receiver = partner
    async with api.client(await api.tenant()) as one, api.client(await api.tenant()) as two:
        theirs = await make_position(two)
        key = await _greenhouse_key(api, one)
        plain = await one.post("/v1/api-keys", json={"name": "x", "scopes": ["positions:read"]})
        plain_key = plain.json()["key"]
    candidate = {"first_name": "Bo", "last_name": "B", "email": f"{unique('bo')}@example.com"}
    async with _as_greenhouse(api, "hl_not-a-key") as stranger:
        assert (await stranger.get(f"{BASE}/list_tests")).status_code == 401
    async with httpx.AsyncClient(base_url=api.url, auth=(key, "a-password")) as wrong:
        assert (await wrong.get(f"{BASE}/list_tests")).status_code == 401
    async with _as_greenhouse(api, plain_key) as unscoped:
        assert (await unscoped.get(f"{BASE}/list_tests")).status_code == 403
    async with _as_greenhouse(api, key) as greenhouse:
        assert (await greenhouse.get(f"{BASE}/list_tests")).json() == []
        foreign = await greenhouse.post(
            f"{BASE}/send_test", json={"partner_test_id": theirs["id"], "candidate": candidate}
        )
        assert foreign.status_code == 404 and foreign.json()["code"] == "position_not_found"
        unknown = await greenhouse.get(
            f"{BASE}/test_status", params={"partner_interview_id": unique("inv")}
        )
        assert unknown.status_code == 404 and unknown.json()["code"] == "test_not_found"
    async with api.client(await api.tenant()) as admin:
        mine = await make_position(admin)
        key = await _greenhouse_key(api, admin)
    async with _as_greenhouse(api, key) as greenhouse:
        evil = await greenhouse.post(
            f"{BASE}/send_test",
            json={
                "partner_test_id": mine["id"],
                "candidate": candidate,
                "url": "http://169.254.169.254/latest/meta-data",
            },
        )
        assert evil.status_code == 422 and evil.json()["code"] == "callback_not_allowed"
        reported = await greenhouse.post(
            f"{BASE}/response_error", json={"errors": ["bad"], "message": "x"}
        )
        assert reported.status_code == 200
    assert receiver.received == [] or all(r.path != "/latest/meta-data" for r in receiver.received)
