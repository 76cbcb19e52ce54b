"""The bad-media corpus (generated at test time): each file is refused with its own reason, nothing
crashes or hangs; an answer cut short by a reload keeps what was recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.ingest.uploads import salvaged_key, source_key
from tests.ingest.flows import complete, open_attempt, put_pieces, record, split, transcoded
from tests.ingest.harness import Media, question

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
        )  # over the schema's cap: refused before any lookup
        assert (huge.status_code, huge.json()["code"]) == (422, "invalid_request")
        large = await candidate.post(
            "/v1/candidate/attempts",
            json={"question_id": "q1", "mode": "file", "declared_bytes": 100 * 2**20},
        )  # within the schema, over this installation's lowered cap
        assert (large.status_code, large.json()["code"]) == (413, "recording_too_large")
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


async def test_an_interrupted_recording_keeps_what_was_recorded(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, key = await media.tenant()
    questions = [question("q1", 0, retakes=2), question("q2", 1, retakes=0)]
    _, token = await media.invitation(tenant, questions)
    cut_webm = clip_files["interrupted.webm"].read_bytes()
    async with media.client(token) as candidate:
        # Completed as an ordinary upload, a cut-off file is refused: it really is incomplete.
        refused = await record(candidate, "q1", cut_webm)
        assert (refused["status"], refused["reason"]) == ("rejected", "truncated")
        # The page that resumes after a reload says so: the whole clusters become the answer.
        attempt = await open_attempt(candidate, "q1")
        pieces = split(cut_webm, 64 * 1024)
        await put_pieces(candidate, attempt["attempt_id"], pieces)
        kept = (
            await complete(candidate, attempt["attempt_id"], len(pieces), interrupted=True)
        ).json()
        # Safari's fragmented MP4, cut the same way, is kept up to its last whole fragment.
        mp4 = await open_attempt(candidate, "q2", "file", content_type="video/mp4")
        await put_pieces(candidate, mp4["attempt_id"], [clip_files["interrupted.mp4"].read_bytes()])
        kept_mp4 = (await complete(candidate, mp4["attempt_id"], 1, interrupted=True)).json()
    for body, container in ((kept, "webm"), (kept_mp4, "mp4")):
        assert (body["status"], body["salvaged"], body["container"]) == (
            "uploaded",
            True,
            container,
        ), body
        assert 2.0 < body["duration_seconds"] < 6.0  # of the 6 s recorded, the part that arrived
        assert "interrupted" in body["message"]
        [event] = await media.outbox_events(media.ingest, "recording.uploaded", body["attempt_id"])
        assert event["salvaged"] is True
        assert event["object_key"] == salvaged_key(tenant, body["attempt_id"])
    # The received bytes stay as they came, for support; the answer is the salvaged copy.
    raw = media.s3.stat_object(media.endpoints.s3_bucket, source_key(tenant, kept["attempt_id"]))
    assert raw.size == len(cut_webm)
    async with media.client(key) as staff:
        for body in (kept, kept_mp4):
            status = await transcoded(staff, f"/v1/recordings/{body['attempt_id']}")
            assert status["status"] == "done", status
            assert abs(status["duration_seconds"] - body["duration_seconds"]) < 0.5


async def test_interrupted_but_unreadable_is_still_refused(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, _ = await media.tenant()
    _, token = await media.invitation(tenant, [question("q1", 0, retakes=1)])
    async with media.client(token) as candidate:
        attempt = await open_attempt(candidate, "q1")
        await put_pieces(candidate, attempt["attempt_id"], [clip_files["random.webm"].read_bytes()])
        response = await complete(candidate, attempt["attempt_id"], 1, interrupted=True)
    body = response.json()
    assert (body["status"], body["reason"], body["salvaged"]) == ("rejected", "unreadable", False)
