"""An answer cut short by a reload keeps what was recorded; raw uploads that became no answer
are removed when their retention ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from minio.error import S3Error

from services.ingest import sweep
from services.ingest.attempts import Attempts
from services.ingest.uploads import salvaged_key, source_key
from tests.media.conftest import Media, question
from tests.media.flows import complete, open_attempt, put_pieces, record, split, transcoded

pytestmark = pytest.mark.integration


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


async def test_raw_uploads_that_became_no_answer_are_removed_after_retention(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, _ = await media.tenant()
    questions = [question("q1", 0, retakes=1), question("q2", 1, retakes=0)]
    _, token = await media.invitation(tenant, questions)
    async with media.client(token) as candidate:
        rejected = await record(candidate, "q1", clip_files["audio_only.webm"].read_bytes())
        salvaged = await open_attempt(candidate, "q1")
        pieces = split(clip_files["interrupted.webm"].read_bytes(), 256 * 1024)
        await put_pieces(candidate, salvaged["attempt_id"], pieces)
        salvaged = (
            await complete(candidate, salvaged["attempt_id"], len(pieces), interrupted=True)
        ).json()
        answer = await record(candidate, "q2", clip_files["small.webm"].read_bytes())
    outcomes = (rejected["status"], salvaged["salvaged"], answer["status"])
    assert outcomes == ("rejected", True, "uploaded")

    bucket = media.endpoints.s3_bucket

    def exists(key: str) -> bool:
        try:
            media.s3.stat_object(bucket, key)
        except S3Error as error:
            assert error.code == "NoSuchKey"
            return False
        return True

    attempts: Attempts = media.ingest.app.state.attempts
    retention = timedelta(days=attempts.settings.raw_retention_days)
    kept_raw = [source_key(tenant, a["attempt_id"]) for a in (rejected, salvaged)]
    answers = [
        salvaged_key(tenant, salvaged["attempt_id"]),
        source_key(tenant, answer["attempt_id"]),
    ]

    # Within the retention period everything stays.
    await sweep.sweep_once(attempts, now=datetime.now(UTC) + retention - timedelta(hours=1))
    assert all(exists(k) for k in kept_raw + answers)

    later = datetime.now(UTC) + retention + timedelta(hours=1)
    result = await sweep.sweep_once(attempts, now=later)
    assert result["raw_removed"] >= 2
    assert not any(exists(k) for k in kept_raw)
    assert all(exists(k) for k in answers)  # answers are never retention's to remove
    again = await sweep.sweep_once(attempts, now=later)
    assert again["raw_removed"] == 0
    docs = await attempts.collection.find(
        {"_id": {"$in": [rejected["attempt_id"], salvaged["attempt_id"]]}, "tenant": tenant}
    ).to_list()
    assert all(d["raw_removed_at"] is not None for d in docs)
