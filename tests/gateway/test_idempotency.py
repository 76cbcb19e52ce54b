"""Retry-safe POSTs: the same Idempotency-Key and request replay the first answer, another request
with the key is a 422, racing retries create one thing, and keys belong to their caller."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.gateway.harness import QUESTION_SET, Api, make_position

pytestmark = pytest.mark.integration


async def _question_sets(admin: httpx.AsyncClient) -> list[str]:
    listed = await admin.get("/v1/question-sets")
    assert listed.status_code == 200, listed.text
    return [qs["id"] for qs in listed.json()["items"]]


async def test_a_retry_with_the_same_key_replays_the_first_answer(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        headers = {"Idempotency-Key": "create-screen-1"}
        first = await admin.post("/v1/question-sets", json=QUESTION_SET, headers=headers)
        again = await admin.post("/v1/question-sets", json=QUESTION_SET, headers=headers)
        assert first.status_code == again.status_code == 201, (first.text, again.text)
        assert again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"
        assert "idempotent-replayed" not in first.headers
        assert await _question_sets(admin) == [first.json()["id"]]

        other = {**QUESTION_SET, "name": "Another screen"}
        reused = await admin.post("/v1/question-sets", json=other, headers=headers)
        assert reused.status_code == 422
        assert reused.json()["code"] == "idempotency_key_reused"
        assert await _question_sets(admin) == [first.json()["id"]], "nothing else was created"

        without = await admin.post("/v1/question-sets", json=QUESTION_SET)
        assert without.status_code == 201 and without.json()["id"] != first.json()["id"]


async def test_racing_retries_create_one_thing(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        url = f"/v1/positions/{position['id']}/invitations"
        body = {"name": "Ada", "email": "ada@example.com"}
        headers = {"Idempotency-Key": "invite-ada"}
        answers = await asyncio.gather(
            *(admin.post(url, json=body, headers=headers) for _ in range(8))
        )
        created = [a for a in answers if a.status_code == 201]
        busy = [a for a in answers if a.status_code == 409]
        assert len(created) + len(busy) == len(answers), [a.text for a in answers]
        assert {a.json()["id"] for a in created} == {created[0].json()["id"]}
        assert all(a.json()["code"] == "idempotency_in_progress" for a in busy)
        assert all(a.headers["retry-after"] for a in busy)
        settled = await admin.post(url, json=body, headers=headers)
        assert settled.status_code == 201 and settled.json()["id"] == created[0].json()["id"]
        listed = (await admin.get(url)).json()
        assert [i["id"] for i in listed["items"]] == [created[0].json()["id"]]


async def test_keys_belong_to_their_tenant_and_are_validated(api: Api) -> None:
    headers = {"Idempotency-Key": "same-key-two-tenants"}
    async with api.client(await api.tenant()) as one, api.client(await api.tenant()) as two:
        a = await one.post("/v1/question-sets", json=QUESTION_SET, headers=headers)
        b = await two.post("/v1/question-sets", json=QUESTION_SET, headers=headers)
        assert a.status_code == b.status_code == 201
        assert a.json()["id"] != b.json()["id"]
        assert "idempotent-replayed" not in b.headers
        for bad in ("has space", "x" * 256, ""):
            refused = await one.post(
                "/v1/question-sets", json=QUESTION_SET, headers={"Idempotency-Key": bad}
            )
            assert refused.status_code == 422, bad
            assert refused.json()["code"] == "invalid_request"
