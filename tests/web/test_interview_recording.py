"""A recorded live interview reaches the review workspace through the whole system: the live
service's output (a composed call in object storage and `room.recording_stored`, as
tests/live/test_recording.py proves Janus and the recordings job make it) is transcoded by the
transcoding service like an answer, review keeps it under the interview stage, and the reviewer
plays it on the submission's page, apart from the screening's answers, with an interviewer's
note at its moment of the call."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from faststream.kafka import KafkaBroker
from minio import Minio
from playwright.async_api import Browser, expect

from contracts import Envelope, event_spec
from contracts.events.rooms import RoomNotePinned, RoomRecordingStored
from tests.support import composed_call
from tests.web.conftest import DESKTOP, Site, axe_violations, screenshot, sign_in
from tests.web.test_journey import set_up

pytestmark = pytest.mark.e2e


async def _store_call(site: Site, tenant: str, invitation_id: str, folder: Path) -> str:
    """What the live service does once a recorded room closes; returns the recording's id."""
    call = await composed_call(folder / "call.mp4", 8)
    endpoints = site.info.endpoints
    booking_id, recording_id = str(uuid.uuid4()), str(uuid.uuid4())
    key = f"tenants/{tenant}/live/{booking_id}/call.mp4"
    s3 = Minio(
        endpoints.s3_endpoint,
        access_key=endpoints.s3_access_key,
        secret_key=endpoints.s3_secret_key,
        secure=False,
    )
    await asyncio.to_thread(s3.fput_object, endpoints.s3_bucket, key, str(call), "video/mp4")
    now = datetime.now(UTC)
    event = RoomRecordingStored(
        request_id=str(uuid.uuid4()),
        booking_id=booking_id,
        invitation_id=invitation_id,
        recording_id=recording_id,
        object_key=key,
        size_bytes=call.stat().st_size,
        duration_seconds=8.0,
        participants=2,
        started_at=now,
        stored_at=now,
    )
    note = RoomNotePinned(  # an interviewer's note, five seconds into the call
        request_id=event.request_id,
        booking_id=booking_id,
        invitation_id=invitation_id,
        note_id=str(uuid.uuid4()),
        interviewer_id="grace",
        author="Grace Hopper",
        text="Explained the cache invalidation clearly",
        at=now + timedelta(seconds=5),
    )
    broker = KafkaBroker(endpoints.kafka_bootstrap_servers)
    await broker.start()
    try:
        for payload in (note, event):
            spec = event_spec(type(payload))
            envelope = Envelope(
                type=spec.type,
                source="/hireloop/live",
                tenant=tenant,
                subject=event.request_id,
                schemaversion=spec.version,
            )
            await broker.publish(
                payload.model_dump_json().encode(),
                spec.topic,
                key=event.request_id.encode(),
                headers=envelope.headers(),
            )
    finally:
        await broker.stop()
    return recording_id


async def test_the_reviewer_plays_the_recorded_interview_beside_the_screening(
    site: Site, browser: Browser, tmp_path: Path
) -> None:
    setup = set_up(site)
    recording_id = await _store_call(site, setup["tenant"], setup["invitation"], tmp_path)
    done = site.wait_transcoded(setup["key"], recording_id)
    assert done["status"] == "done", done

    def listed(staff: object) -> bool:
        body = staff.get(f"/v1/submissions/{setup['invitation']}").json()  # type: ignore[attr-defined]
        ready = any(r["status"] == "ready" for r in body.get("interview_recordings", []))
        return ready and bool(body.get("interview_notes"))

    site.wait_until(listed, setup["key"])

    context = await browser.new_context(**DESKTOP)
    page = await context.new_page()
    await sign_in(page, site, setup["tenant"], "lee@example.com", setup["password"])
    await expect(page.get_by_role("heading", name="Review")).to_be_visible()
    await page.goto(f"{site.url}/review#/submissions/{setup['invitation']}")
    card = page.get_by_role("region", name="Live interview")
    await expect(card).to_be_visible()
    video = card.get_by_label("Recording of the live interview")
    await expect(video).to_be_visible()
    await video.evaluate("v => { v.muted = true; return v.play(); }")
    await page.wait_for_function(
        "() => document.querySelector('[aria-label=\"Recording of the live interview\"]')"
        ".currentTime > 1",
        timeout=30000,
    )
    # The interviewers' notes are withheld from the review panel like their scores (until a
    # reviewer has submitted); off the panel, the lead sees each at its moment of the call, and
    # choosing it plays from there.
    notes = card.get_by_role("list", name="Interviewers' notes")
    assert await notes.count() == 0
    with site.api(setup["key"]) as admin:
        off = admin.put(
            f"/v1/positions/{setup['position']}/review-settings", json={"reviewer_ids": []}
        )
        assert off.status_code == 200, off.text
    await page.reload()
    video = card.get_by_label("Recording of the live interview")
    await expect(notes).to_contain_text("Grace Hopper: Explained the cache invalidation clearly")
    await video.evaluate("v => v.pause()")
    await notes.get_by_role("button", name="0:05").click()
    at = await video.evaluate("v => v.currentTime")
    assert 4.5 <= at <= 6.5, at
    assert await axe_violations(page, site) == []
    await screenshot(page, "review-live-interview-desktop")
    await context.close()
