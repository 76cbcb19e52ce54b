"""Deliveries end to end: events published on Kafka reach a real receiver on 127.0.0.1, signed by
the Standard Webhooks specification (verified by the `standardwebhooks` library), retried with
backoff, logged, in order per aggregate, replayed with the same webhook-id."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from contracts.events.rooms import RoomParticipantJoined
from tests.support import eventually, unique
from tests.webhooks.harness import WEBHOOKS, Harness, completed


async def delivery_log(hooks: Harness, key: str, delivery_id: str) -> dict[str, Any]:
    async with hooks.client(key) as client:
        response = await client.get(f"/v1/webhooks/deliveries/{delivery_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_a_failing_receiver_gets_the_event_after_retries_with_every_attempt_logged(
    hooks: Harness,
) -> None:
    tenant, key = await hooks.tenant()
    endpoint, path = await hooks.endpoint(key, answers=[500, 500, 500])
    invitation = unique("inv")
    (event_id,) = await hooks.publish(tenant, completed(invitation))

    (arrived,) = await hooks.receiver.wait(path, 1)
    requests = hooks.receiver.at(path)
    assert [r.answered for r in requests] == [500, 500, 500, 200]
    assert all(r.verified_by == [0] for r in requests), "every request is signed"
    assert {r.webhook_id for r in requests} == {f"msg_{event_id}"}
    assert arrived.message["type"] == "invitation.completed"
    assert arrived.message["version"] == 1
    assert arrived.message["data"]["invitation_id"] == invitation
    assert arrived.headers["content-type"] == "application/json"

    delivery_id = f"{endpoint['id']}:{event_id}"
    log = await eventually(
        lambda: _delivered(hooks, key, delivery_id), what="the delivery to be marked delivered"
    )
    assert log["attempts"] == 4
    assert [a["status_code"] for a in log["log"]] == [500, 500, 500, 200]
    assert all(a["latency_ms"] >= 0 for a in log["log"])
    assert log["log"][0]["response"].startswith("broken")
    assert len(log["log"][0]["response"]) <= 1024
    # Each failed attempt schedules the next by the backoff policy, as the log records it: the
    # waits double from the first backoff, and no retry starts before its due time.
    first = WEBHOOKS["webhooks_backoff_seconds"]
    scheduled = [
        (datetime.fromisoformat(a["next_attempt_at"]) - datetime.fromisoformat(a["at"]))
        for a in log["log"][:-1]
    ]
    assert [round(wait.total_seconds(), 3) for wait in scheduled] == [first, first * 2, first * 4]
    for failed, retry in itertools.pairwise(log["log"]):
        assert datetime.fromisoformat(retry["at"]) >= datetime.fromisoformat(
            failed["next_attempt_at"]
        )
    assert log["log"][-1]["next_attempt_at"] is None, "a success schedules nothing"

    async with hooks.client(key) as client:
        listed = await client.get(f"/v1/webhooks/endpoints/{endpoint['id']}/deliveries")
    assert [d["id"] for d in listed.json()["items"]] == [delivery_id]
    assert listed.json()["next_cursor"] is None


async def _delivered(hooks: Harness, key: str, delivery_id: str) -> dict[str, Any] | None:
    log = await delivery_log(hooks, key, delivery_id)
    return log if log["status"] == "delivered" else None


async def test_replay_sends_again_with_the_same_webhook_id(hooks: Harness) -> None:
    tenant, key = await hooks.tenant()
    endpoint, path = await hooks.endpoint(key)
    started = datetime.now(UTC) - timedelta(seconds=1)
    first, second = await hooks.publish(tenant, completed(), completed())
    await hooks.receiver.wait(path, 2)
    delivery_id = f"{endpoint['id']}:{first}"
    await eventually(lambda: _delivered(hooks, key, delivery_id), what="delivered")

    async with hooks.client(key) as client:
        response = await client.post(f"/v1/webhooks/deliveries/{delivery_id}/replay")
    assert response.status_code == 202, response.text
    await hooks.receiver.wait(path, 3)
    replayed = hooks.receiver.at(path)[-1]
    assert replayed.webhook_id == f"msg_{first}"
    assert replayed.verified_by == [0]
    log = await eventually(lambda: _delivered(hooks, key, delivery_id), what="delivered again")
    assert [a["replay"] for a in log["log"]] == [False, True]

    await eventually(lambda: _delivered(hooks, key, f"{endpoint['id']}:{second}"), what="2nd")
    async with hooks.client(key) as client:
        response = await client.post(
            f"/v1/webhooks/endpoints/{endpoint['id']}/replay", json={"since": started.isoformat()}
        )
    assert response.status_code == 202, response.text
    assert response.json() == {"replayed": 2}
    await hooks.receiver.wait(path, 5)
    ids = [r.webhook_id for r in hooks.receiver.at(path)]
    assert sorted(ids[3:]) == sorted([f"msg_{first}", f"msg_{second}"])


async def test_one_aggregate_is_delivered_in_order_even_when_the_first_attempts_fail(
    hooks: Harness,
) -> None:
    tenant, key = await hooks.tenant()
    _, path = await hooks.endpoint(key, answers=[500, 500])
    invitation = unique("inv")
    events = [completed(invitation) for _ in range(5)]
    ids = await hooks.publish(tenant, *events)
    got = await hooks.receiver.wait(path, 5)
    assert [r.webhook_id for r in got] == [f"msg_{i}" for i in ids]
    # One in flight per lane: the failed first event was retried before the next was sent.
    assert [r.webhook_id for r in hooks.receiver.at(path)][:3] == [f"msg_{ids[0]}"] * 3


async def test_after_a_rotation_both_secrets_verify_during_the_window(hooks: Harness) -> None:
    tenant, key = await hooks.tenant()
    endpoint, path = await hooks.endpoint(key)
    async with hooks.client(key) as client:
        response = await client.post(f"/v1/webhooks/endpoints/{endpoint['id']}/rotate-secret")
        assert response.status_code == 200, response.text
        rotated = response.json()
        read = (await client.get(f"/v1/webhooks/endpoints/{endpoint['id']}")).json()
    assert rotated["secret"].startswith("whsec_") and rotated["secret"] != endpoint["secret"]
    assert "secret" not in read
    assert len(read["previous_secret_expires_at"]) == 1
    hooks.receiver.secrets[path] = [endpoint["secret"], rotated["secret"]]
    await hooks.publish(tenant, completed())
    (arrived,) = await hooks.receiver.wait(path, 1)
    assert arrived.verified_by == [0, 1]
    assert len(arrived.headers["webhook-signature"].split(" ")) == 2


async def test_an_event_reaches_only_the_endpoints_that_want_it_in_its_tenant(
    hooks: Harness,
) -> None:
    tenant, key = await hooks.tenant()
    other_tenant, other_key = await hooks.tenant()
    _, wants = await hooks.endpoint(key)
    _, other = await hooks.endpoint(key, event_types=["candidate.advanced"])
    _, disabled = await hooks.endpoint(key, enabled=False)
    _, elsewhere = await hooks.endpoint(other_key)
    await hooks.publish(tenant, completed())
    await hooks.receiver.wait(wants, 1)
    await hooks.publish(other_tenant, completed())
    await hooks.receiver.wait(elsewhere, 1)
    assert not hooks.receiver.at(other)
    assert not hooks.receiver.at(disabled)
    assert len(hooks.receiver.at(wants)) == 1


async def test_attendance_of_a_live_call_reaches_the_endpoints_that_want_it(
    hooks: Harness,
) -> None:
    """`room.participant_joined` is delivered as `interview.participant_joined`, without the
    participant's display name (a person's name does not leave the platform in attendance)."""
    tenant, key = await hooks.tenant()
    _, attendance = await hooks.endpoint(key, event_types=["interview.participant_joined"])
    joined = RoomParticipantJoined(
        request_id="req-1",
        booking_id="book-1",
        participant_id="4242",
        display="Candidate",
        role="candidate",
        joined_at=datetime(2026, 12, 2, 9, 0, tzinfo=UTC),
    )
    await hooks.publish(tenant, joined)
    (delivered,) = await hooks.receiver.wait(attendance, 1)
    assert delivered.verified_by  # signed, by the Standard Webhooks library's check
    body = delivered.message  # and its data matches the committed public schema
    assert body["type"] == "interview.participant_joined" and body["version"] == 1
    assert body["data"] == {
        "request_id": "req-1",
        "booking_id": "book-1",
        "participant_id": "4242",
        "role": "candidate",
        "interviewer_id": None,
        "joined_at": "2026-12-02T09:00:00Z",
    }
