"""The bad-media corpus (generated at test time): each file is refused with its own reason, nothing crashes or hangs."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.ingest.uploads import source_key
from tests.media.conftest import Media, question
from tests.media.flows import record

pytestmark = pytest.mark.integration

CORPUS = [
    ("empty.webm", "empty"),
    ("random.webm", "unreadable"),
    ("truncated.webm", "truncated"),
    ("audio_only.webm", "no_video"),
    ("long.webm", "too_long"),  # 10 s against a 5 s answer limit plus 3 s of grace
    ("image.png", "no_video"),
    ("ts_named.webm", "unsupported_container"),  # MPEG-TS/MPEG-2 saying it is WebM
]


async def test_bad_media_is_rejected_with_its_reason(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, _ = await media.tenant()
    # A refused file costs no retake: every file of the corpus goes to the same question.
    _, token = await media.invitation(tenant, [question("q1", 0, answer_seconds=5, retakes=0)])
    async with media.client(token) as candidate:
        for name, reason in CORPUS:
            attempt = await record(candidate, "q1", clip_files[name].read_bytes())
            assert (attempt["status"], attempt["reason"]) == ("rejected", reason), name
            assert attempt["message"], name
            [event] = await media.outbox_events(
                media.ingest, "recording.rejected", attempt["attempt_id"]
            )
            assert (event["reason"], event["message"]) == (reason, attempt["message"])
            if attempt["size_bytes"]:  # the raw upload is kept for support
                key = source_key(tenant, attempt["attempt_id"])
                assert media.s3.stat_object(media.endpoints.s3_bucket, key).size == len(
                    clip_files[name].read_bytes()
                )
        huge = await candidate.post(
            "/v1/candidate/attempts",
            json={"question_id": "q1", "mode": "file", "declared_bytes": 50 * 2**30},
        )
        assert (huge.status_code, huge.json()["code"]) == (413, "recording_too_large")
        # The container is read from the bytes, never from the name: an MP4 named .webm is an MP4.
        liar = await record(
            candidate,
            "q1",
            clip_files["mp4_named.webm"].read_bytes(),
            content_type="video/webm",
            filename="answer.webm",
        )
        assert (liar["status"], liar["container"], liar["video_codec"]) == (
            "uploaded",
            "mp4",
            "h264",
        )
    for service in (media.ingest, media.transcoding):
        assert service.ready
    workers = media.transcoding.app.state.workers.tasks
    assert all(t.cancelled() or not t.done() for t in workers)  # none died of an error
    assert sum(not t.done() for t in workers) >= 2
