"""Transcode workers on the real pipeline: a crashed worker's job finishes once on another, an
undecodable recording fails once without retries, a live interview's stored call is transcoded
like an answer."""

from __future__ import annotations

import asyncio
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contracts.events.recordings import RecordingUploaded
from contracts.events.rooms import RoomRecordingStored
from services.transcoding.store import JobDoc
from services.transcoding.transcode_jobs import Jobs
from services.transcoding.workers import WorkerPool
from tests.ingest.flows import record, transcoded
from tests.ingest.harness import Media, question
from tests.support import composed_call, eventually, unique

pytestmark = pytest.mark.integration


async def test_a_crashed_worker_job_finishes_once_on_another(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, key = await media.tenant()
    _, token = await media.invitation(tenant, [question("q1", 0)])
    pool: WorkerPool = media.transcoding.app.state.workers
    jobs: Jobs = media.transcoding.app.state.jobs
    async with media.client(token) as candidate:
        attempt = await record(candidate, "q1", clip_files["crash.webm"].read_bytes())
    attempt_id = attempt["attempt_id"]

    async def running() -> JobDoc | None:
        job = await jobs.get(tenant, attempt_id)
        return job if job and job["status"] == "running" else None

    job = await eventually(running, what="the job to be claimed")
    [worker] = [t for t in pool.tasks if t.get_name() == job["owner"]]
    worker.cancel()  # the worker dies mid-job: its lease is left to expire
    await asyncio.gather(worker, return_exceptions=True)
    pool.spawn()
    async with media.client(key) as staff:
        status = await transcoded(staff, f"/v1/recordings/{attempt_id}")
    assert status["status"] == "done"
    assert status["job_attempts"] == 2
    final = await jobs.get(tenant, attempt_id)
    assert final is not None and final["owner"] != job["owner"]
    transcoded_events = await media.outbox_events(
        media.transcoding, "recording.transcoded", attempt_id
    )
    assert len(transcoded_events) == 1
    claims = await media.outbox_events(media.transcoding, "recording.transcoding", attempt_id)
    assert sorted({c["job_attempt"] for c in claims}) == [1, 2]


async def test_an_undecodable_recording_fails_once_without_retries(media: Media) -> None:
    tenant, key = await media.tenant()
    attempt_id = unique("att")
    object_key = f"tenants/{tenant}/attempts/{attempt_id}/source"
    await asyncio.to_thread(
        media.transcoding.storage.client.put_object,  # type: ignore[union-attr]
        media.endpoints.s3_bucket,
        object_key,
        __import__("io").BytesIO(os.urandom(4096)),
        4096,
    )
    event = RecordingUploaded(
        attempt_id=attempt_id,
        invitation_id=unique("inv"),
        question_id="q1",
        attempt_number=1,
        object_key=object_key,
        size_bytes=4096,
        container="webm",
        video_codec="vp8",
        width=640,
        height=360,
        duration_seconds=3,
        uploaded_at=datetime.now(UTC),
    )
    await media.publish(tenant, "recording.uploaded", event, event.invitation_id)
    async with media.client(key) as staff:
        status = await transcoded(staff, f"/v1/recordings/{attempt_id}")
    assert (status["status"], status["failure_reason"]) == ("failed", "undecodable")
    assert status["job_attempts"] == 1
    [failed] = await media.outbox_events(
        media.transcoding, "recording.transcode_failed", attempt_id
    )
    assert failed["reason"] == "undecodable"


async def test_a_stored_live_call_goes_through_the_same_pipeline(
    media: Media, tmp_path: Path
) -> None:
    """`room.recording_stored` (the live service's composed call, H.264/AAC MP4) is transcoded
    like an answer; its events name the interview stage and the booking, not a question."""
    tenant, key = await media.tenant()
    call = await composed_call(tmp_path / "call.mp4", 6)
    recording_id, booking_id = str(uuid.uuid4()), str(uuid.uuid4())
    object_key = f"tenants/{tenant}/live/{booking_id}/call.mp4"
    await asyncio.to_thread(
        media.s3.fput_object, media.endpoints.s3_bucket, object_key, str(call), "video/mp4"
    )
    now = datetime.now(UTC)
    event = RoomRecordingStored(
        request_id=str(uuid.uuid4()),
        booking_id=booking_id,
        invitation_id=unique("inv"),
        recording_id=recording_id,
        object_key=object_key,
        size_bytes=call.stat().st_size,
        duration_seconds=6.0,
        participants=2,
        started_at=now,
        stored_at=now,
    )
    await media.publish(tenant, "room.recording_stored", event, event.request_id)
    async with media.client(key) as staff:
        status = await transcoded(staff, f"/v1/recordings/{recording_id}")
        assert status["status"] == "done" and status["question_id"] == ""
        assert abs(status["duration_seconds"] - 6) < 0.5
        playback = await staff.get(f"/v1/recordings/{recording_id}/playback")
        assert playback.status_code == 200 and playback.json()["renditions"]
    [done] = await media.outbox_events(media.transcoding, "recording.transcoded", recording_id)
    assert (done["stage"], done["booking_id"]) == ("interview", booking_id)
    assert done["invitation_id"] == event.invitation_id and done["audio"]["has_audio"]
