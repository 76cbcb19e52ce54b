"""The public scheduling routes through the gateway: staff set up and request an interview with an
API key; the candidate opens the mailed link's token and books through /v1/candidate/scheduling."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from embedded import Endpoints
from services.gateway.app import create as create_gateway
from services.gateway.auth import hash_secret
from services.gateway.settings import GatewaySettings
from services.scheduling.app import create
from services.scheduling.settings import SchedulingSettings
from tests.scheduling.harness import T0, WEEKDAYS, Clock, mails, plain_text
from tests.support import conditional_puts, eventually, serving, settings_for, unique

pytestmark = pytest.mark.integration
KEY = f"hl_{unique('scheduling-test-key')}"


@pytest.fixture(scope="module")
async def gateway(stack: Endpoints) -> AsyncIterator[tuple[httpx.AsyncClient, object, Endpoints]]:
    service = create(
        settings_for(
            stack,
            unique("scheduling"),
            SchedulingSettings,
            smtp_host=stack.smtp_host,
            smtp_port=stack.smtp_port,
            mail_poll_seconds=0.05,
        ),
        clock=Clock(T0),
    )
    async with serving(service) as url:
        gw = create_gateway(
            settings_for(
                stack, unique("gateway"), GatewaySettings, scheduling_url=url, bootstrap_api_key=KEY
            )
        )
        async with serving(gw) as gateway_url, httpx.AsyncClient(base_url=gateway_url) as client:
            yield client, gw, stack


async def test_staff_and_candidate_schedule_through_the_gateway(
    gateway: tuple[httpx.AsyncClient, object, Endpoints],
) -> None:
    client, gw, stack = gateway
    staff = {"Authorization": f"Bearer {KEY}"}
    person = await client.post(
        "/v1/interviewers",
        headers=staff,
        json={
            "name": "Grace",
            "email": f"{unique('grace')}@example.com",
            "time_zone": "Asia/Kolkata",
            "weekly": {d: [{"start": "09:00", "end": "17:00"}] for d in WEEKDAYS},
        },
    )
    assert person.status_code == 201, person.text
    itype = await client.post(
        "/v1/interview-types",
        headers=staff,
        json={
            "position_id": unique("pos"),
            "name": "Systems design",
            "duration_minutes": 45,
            "interviewer_ids": [person.json()["interviewer_id"]],
        },
    )
    assert itype.status_code == 201, itype.text
    address = f"{unique('ada')}@example.com"
    created = await client.post(
        "/v1/interview-requests",
        headers=staff,
        json={
            "invitation_id": unique("inv"),
            "interview_type_id": itype.json()["interview_type_id"],
            "candidate_name": "Ada",
            "candidate_email": address,
        },
    )
    assert created.status_code == 201, created.text
    request_id = created.json()["request_id"]

    async def mailed() -> str:
        for message in mails(Path(stack.smtp_maildir), address):
            found = re.search(r"/schedule/(\S+)", plain_text(message))
            return found.group(1) if found else ""
        return ""

    token = await eventually(mailed, what="the link e-mail")
    # The gateway learns the link from interview.requested (its link read model).
    links = gw.db.candidate_links  # type: ignore[attr-defined]
    link = await eventually(
        lambda: links.find_one({"_id": hash_secret(token)}), what="the gateway's link record"
    )
    assert (link["scope"], link["subject"]) == ("scheduling", request_id)
    me = {"Authorization": f"Bearer {token}"}
    slots = await client.get(
        "/v1/candidate/scheduling/slots", headers=me, params={"time_zone": "Europe/Paris"}
    )
    assert slots.status_code == 200, slots.text
    first = slots.json()["slots"][0]
    assert datetime.fromisoformat(first["local_start"]).utcoffset() == timedelta(hours=1)
    booked = await client.post(
        "/v1/candidate/scheduling/booking",
        headers=me,
        json={"start": first["start"], "time_zone": "Europe/Paris"},
    )
    assert booked.status_code == 201, booked.text
    again = await client.post(
        "/v1/candidate/scheduling/booking", headers=me, json={"start": first["start"]}
    )
    assert again.status_code == 409 and again.json()["code"] == "request_state"
    mine = await client.get("/v1/candidate/scheduling", headers=me)
    assert mine.json()["status"] == "scheduled"
    seen = await client.get(f"/v1/interview-requests/{request_id}", headers=staff)
    assert seen.json()["booking"]["booking_id"] == booked.json()["booking_id"]

    # The join link is set conditionally on the booking read (the request's ETag).
    links = [{"join_url": f"https://meet.example.com/{n}"} for n in range(4)]
    await conditional_puts(
        client,
        f"/v1/interview-requests/{request_id}/join-url",
        links,
        read=f"/v1/interview-requests/{request_id}",
        headers=staff,
        shown=lambda body: body.get("booking", body)["join_url"],
    )
    anonymous = await client.get("/v1/candidate/scheduling/slots")
    assert anonymous.status_code == 401


async def test_an_update_from_a_stale_read_is_a_412_not_a_lost_update(
    gateway: tuple[httpx.AsyncClient, object, Endpoints],
) -> None:
    client, _, _ = gateway
    staff = {"Authorization": f"Bearer {KEY}"}
    body = {
        "name": "Grace",
        "email": f"{unique('grace')}@example.com",
        "time_zone": "Europe/Paris",
        "weekly": {d: [{"start": "09:00", "end": "17:00"}] for d in WEEKDAYS},
    }
    created = await client.post("/v1/interviewers", headers=staff, json=body)
    url = f"/v1/interviewers/{created.json()['interviewer_id']}"
    read = await client.get(url, headers=staff)
    tag = read.headers["etag"]
    assert tag == '"0"'

    # Two editors read the same version and both save, concurrently: exactly one wins.
    edits = [{**body, "buffer_before_minutes": n} for n in (5, 10, 15, 20)]
    answers = await asyncio.gather(
        *(client.put(url, headers={**staff, "If-Match": tag}, json=e) for e in edits)
    )
    assert sorted(a.status_code for a in answers) == [200, 412, 412, 412], [a.text for a in answers]
    [won] = [a for a in answers if a.status_code == 200]
    assert won.headers["etag"] == '"1"'
    assert {a.json()["code"] for a in answers if a.status_code == 412} == {"precondition_failed"}
    stored = await client.get(url, headers=staff)
    assert stored.headers["etag"] == '"1"'
    assert stored.json()["buffer_before_minutes"] == won.json()["buffer_before_minutes"]

    # The loser reads again and reapplies; `*` and no If-Match apply unconditionally.
    again = await client.put(url, headers={**staff, "If-Match": '"1"'}, json=edits[0])
    assert again.status_code == 200 and again.headers["etag"] == '"2"'
    assert (await client.put(url, headers={**staff, "If-Match": "*"}, json=body)).status_code == 200
    assert (await client.put(url, headers=staff, json=body)).headers["etag"] == '"4"'
    bad = await client.put(url, headers={**staff, "If-Match": "not-a-tag"}, json=body)
    assert bad.status_code == 422

    kind = await client.post(
        "/v1/interview-types",
        headers=staff,
        json={
            "position_id": unique("pos"),
            "name": "Pairing",
            "duration_minutes": 60,
            "interviewer_ids": [created.json()["interviewer_id"]],
        },
    )
    type_url = f"/v1/interview-types/{kind.json()['interview_type_id']}"
    change = {**kind.json(), "name": "Pair programming"}
    for field in ("interview_type_id", "created_at", "rubric_version"):
        change.pop(field)
    ok = await client.put(type_url, headers={**staff, "If-Match": '"0"'}, json=change)
    assert ok.status_code == 200 and ok.headers["etag"] == '"1"'
    stale = await client.put(type_url, headers={**staff, "If-Match": '"0"'}, json=change)
    assert stale.status_code == 412


def _busy(source: str) -> Callable[[Any], Any]:
    """The periods of one source, from GET .../busy (a list) or a PUT's answer (one)."""

    def periods(body: Any) -> Any:
        return [
            p
            for b in (body if isinstance(body, list) else [body])
            if b["source"] == source
            for p in b["periods"]
        ]

    return periods


async def test_busy_periods_and_conferencing_are_conditional(
    gateway: tuple[httpx.AsyncClient, object, Endpoints],
) -> None:
    client, _, _ = gateway
    staff = {"Authorization": f"Bearer {KEY}"}
    created = await client.post(
        "/v1/interviewers",
        headers=staff,
        json={
            "name": "Lin",
            "email": f"{unique('lin')}@example.com",
            "time_zone": "UTC",
            "weekly": {d: [{"start": "09:00", "end": "17:00"}] for d in WEEKDAYS},
        },
    )
    busy = f"/v1/interviewers/{created.json()['interviewer_id']}/busy"
    edits = [
        {
            "periods": [
                {"start": f"2031-03-0{4 + n}T09:00:00Z", "end": f"2031-03-0{4 + n}T10:00:00Z"}
            ]
        }
        for n in range(4)
    ]
    await conditional_puts(client, busy, edits, headers=staff, shown=_busy("api"))
    feeds = [
        {
            "calendar": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:x\r\nDTSTART:2031030{4 + n}T120000Z\r\nDTEND:2031030{4 + n}T130000Z\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n"
        }
        for n in range(3)
    ]
    await conditional_puts(
        client, f"{busy}/ics", feeds, read=busy, headers=staff, shown=_busy("ics")
    )
    # Both sources share one ETag: a change through one makes an edit of the other stale.
    tag = (await client.get(busy, headers=staff)).headers["etag"]
    assert (await client.put(busy, headers=staff, json=edits[0])).status_code == 200
    stale = await client.put(f"{busy}/ics", headers={**staff, "If-Match": tag}, json=feeds[0])
    assert stale.status_code == 412

    templates = [
        {"join_url_template": f"https://meet.example.com/{n}/{{booking_id}}"} for n in range(4)
    ]
    await conditional_puts(client, "/v1/scheduling/conferencing", templates, headers=staff)
