"""Every list of the public API pages the same way: `limit` and an opaque `cursor` in, `items`
and `next_cursor` out, a 422 `invalid_cursor` for a cursor the list did not issue. The walk over
the gateway's OpenAPI document starts no server; the cursor mechanics are checked as pure logic
and, through the gateway, on a real list."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from services.chassis import paging
from services.chassis.errors import ProblemError
from services.gateway.app import create
from services.gateway.settings import GatewaySettings
from tests.gateway.harness import Api, make_position

# Lists that answer whole, each bounded by nature (the reason beside it).
BOUNDED = {
    "/v1/email-templates": "the fixed catalogue of e-mail kinds (three)",
    "/v1/webhooks/event-types": "the fixed catalogue of public event types",
    "/v1/ops/status": "one row per service of the installation",
    "/v1/interviewers/{interviewer_id}/busy": "one entry per source of busy time (API, iCalendar)",
    "/v1/candidate/attempts": "one interview's attempts: at most retakes + 1 per question",
    "/v1/invitations/{invitation_id}/attempts": "one interview's attempts: at most retakes + 1 "
    "per question",
    "/v1/candidate/scheduling/slots": "the open slots of one interview type within the booking "
    "horizon, computed rather than stored",
    "/v1/interview-requests/{request_id}/slots": "the open slots of one interview type within "
    "the booking horizon, computed rather than stored",
    "/v1/candidate/transcripts": "one transcript per answer of the candidate's own interview",
    "/v1/positions/{position_id}/questions/{question_id}/answers": "the answers of the "
    "candidates named in `invitation_id` (a bounded query parameter)",
    "/v1/submissions/{invitation_id}/shares": "a candidate has at most a fixed number of share "
    "links (SHARES_PER_CANDIDATE)",
    "/v1/partners/greenhouse/list_tests": "its shape is Greenhouse's Assessment Partner API (a "
    "bare array), which Greenhouse calls; not ours to change",
}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    settings = GatewaySettings(internal_secret="lists-test-secret-0123456789")
    return create(settings).app.openapi()


def _lists(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The GET operations answering a collection: a JSON array, an object with `items`, or a
    schema named as a list or a page."""
    schemas = document["components"]["schemas"]

    def resolve(schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[1]]
        return schema

    found = {}
    for path, item in document["paths"].items():
        op = item.get("get")
        body = (op or {}).get("responses", {}).get("200", {}).get("content", {})
        if "application/json" not in body:
            continue
        declared = body["application/json"]["schema"]
        schema = resolve(declared)
        name = declared.get("$ref", "").rsplit("/", 1)[-1]
        if (
            schema.get("type") == "array"
            or "items" in schema.get("properties", {})
            or name.endswith(("List", "Page"))
        ):
            found[path] = {"op": op, "schema": schema}
    return found


def test_every_list_operation_pages_with_one_shape(document: dict[str, Any]) -> None:
    lists = _lists(document)
    assert len(lists) > 20
    assert set(BOUNDED) <= set(lists), "an exception names no list operation"
    wrong = {}
    for path, found in sorted(lists.items()):
        if path in BOUNDED:
            continue
        op, schema = found["op"], found["schema"]
        query = {p["name"]: p for p in op.get("parameters", []) if p["in"] == "query"}
        properties = schema.get("properties", {})
        problems = [
            what
            for what, ok in (
                ("a `limit` query parameter", "limit" in query),
                ("a `cursor` query parameter", "cursor" in query),
                ("`items`", properties.get("items", {}).get("type") == "array"),
                ("`next_cursor`", "next_cursor" in properties),
                ("the 422 `invalid_cursor`", "invalid_cursor" in str(op["responses"]["422"])),
            )
            if not ok
        ]
        if problems:
            wrong[path] = problems
        else:
            limit = query["limit"]["schema"]
            assert limit["minimum"] == 1 and limit["maximum"] <= paging.MAX_LIMIT, path
    assert wrong == {}


def test_cursors_round_trip_and_foreign_ones_are_refused() -> None:
    at = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    values = [at, "a1", 3, None]
    assert paging.decode(paging.encode(values), 4) == values
    for bad in ("", "not-base64!", paging.encode([1, 2]), paging.encode([{"x": 1}, 2, 3, 4])):
        with pytest.raises(ProblemError) as refused:
            paging.decode(bad, 4)
        assert (refused.value.problem.status, refused.value.problem.code) == (422, "invalid_cursor")
    assert paging.after([("at", -1), ("_id", -1)], [at, "k"]) == {
        "$or": [{"at": {"$lt": at}}, {"at": at, "_id": {"$lt": "k"}}]
    }


@pytest.mark.integration
async def test_a_list_is_walked_page_by_page_and_a_foreign_cursor_is_a_422(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        made = [(await make_position(admin, title=f"Role {n}"))["id"] for n in range(5)]
        seen: list[str] = []
        params: dict[str, Any] = {"limit": 2}
        pages = 0
        while True:
            page = await admin.get("/v1/positions", params=params)
            assert page.status_code == 200, page.text
            body = page.json()
            assert len(body["items"]) <= 2
            seen += [p["id"] for p in body["items"]]
            pages += 1
            if body["next_cursor"] is None:
                break
            params = {"limit": 2, "cursor": body["next_cursor"]}
        assert sorted(seen) == sorted(made) and pages == 3  # each once
        everything = (await admin.get("/v1/positions")).json()
        assert [p["id"] for p in everything["items"]] == seen
        assert everything["next_cursor"] is None

        sets = (await admin.get("/v1/question-sets", params={"limit": 1})).json()
        foreign = await admin.get("/v1/positions", params={"cursor": sets["next_cursor"]})
        assert foreign.status_code == 422 and foreign.json()["code"] == "invalid_cursor"
        garbage = await admin.get("/v1/positions", params={"cursor": "bm90LWEtY3Vyc29y"})
        assert garbage.status_code == 422 and garbage.json()["code"] == "invalid_cursor"
        too_many = await admin.get("/v1/positions", params={"limit": paging.MAX_LIMIT + 1})
        assert too_many.status_code == 422
