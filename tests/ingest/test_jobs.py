"""The upload sweep (ingest's periodic job): abandoned uploads are aborted, and raw uploads that
became no answer are removed when their retention ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from minio.error import S3Error

from services.ingest import jobs
from services.ingest.attempts import Attempts
from services.ingest.uploads import salvaged_key, source_key
from tests.ingest.flows import MIB, complete, open_attempt, put_pieces, record, split
from tests.ingest.harness import Media, question

pytestmark = pytest.mark.integration


async def test_the_sweep_aborts_abandoned_uploads(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, _ = await media.tenant()
    _, token = await media.invitation(tenant, [question("q1", 0)])
    source = clip_files["phone.mp4"].read_bytes()
    async with media.client(token) as candidate:
        by_file = await open_attempt(candidate, "q1", "file")
        await put_pieces(candidate, by_file["attempt_id"], split(source, 5 * MIB)[:1])
    attempts: Attempts = media.ingest.app.state.attempts
    key = source_key(tenant, by_file["attempt_id"])
    assert [u.key for u in await attempts.uploads.store.pending_uploads(key)] == [key]

    later = datetime.now(UTC) + timedelta(days=1)
    result = await jobs.sweep_once(attempts, now=later)
    assert result["abandoned"] >= 1
    assert await attempts.uploads.store.pending_uploads(key) == []
    async with media.client(token) as candidate:
        swept = (await candidate.get(f"/v1/candidate/attempts/{by_file['attempt_id']}")).json()
        late = await candidate.get(f"/v1/candidate/attempts/{by_file['attempt_id']}/parts")
    assert (swept["status"], swept["reason"]) == ("abandoned", "abandoned")
    assert late.json()["code"] == "attempt_not_open"
    [rejected] = await media.outbox_events(
        media.ingest, "recording.rejected", by_file["attempt_id"]
    )
    assert rejected["reason"] == "abandoned"


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
    await jobs.sweep_once(attempts, now=datetime.now(UTC) + retention - timedelta(hours=1))
    assert all(exists(k) for k in kept_raw + answers)

    later = datetime.now(UTC) + retention + timedelta(hours=1)
    result = await jobs.sweep_once(attempts, now=later)
    assert result["raw_removed"] >= 2
    assert not any(exists(k) for k in kept_raw)
    assert all(exists(k) for k in answers)  # answers are never retention's to remove
    again = await jobs.sweep_once(attempts, now=later)
    assert again["raw_removed"] == 0
    docs = await attempts.collection.find(
        {"_id": {"$in": [rejected["attempt_id"], salvaged["attempt_id"]]}, "tenant": tenant}
    ).to_list()
    assert all(d["raw_removed_at"] is not None for d in docs)
