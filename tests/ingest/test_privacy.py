"""Erasure reaches the media: a candidate's uploads and renditions are deleted from S3, playback
answers 404 and the invitation takes no new answer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from contracts.events.privacy import CandidateErasureRequested
from tests.ingest.flows import record, transcoded
from tests.ingest.harness import Media, question
from tests.support import eventually, unique

pytestmark = pytest.mark.integration


async def test_erasure_deletes_uploads_and_renditions(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, key = await media.tenant()
    questions = [question("q1", 0, retakes=1), question("q2", 1)]
    invitation_id, token = await media.invitation(tenant, questions)
    _, other_token = await media.invitation(tenant, [question("q1", 0)])
    async with media.client(token) as candidate:
        refused = await record(candidate, "q1", clip_files["audio_only.webm"].read_bytes())
        answer = await record(candidate, "q1", clip_files["small.webm"].read_bytes())
    async with media.client(other_token) as other:
        kept = await record(other, "q1", clip_files["small.webm"].read_bytes())
    async with media.client(key) as staff:
        for attempt in (answer, kept):
            status = await transcoded(staff, f"/v1/recordings/{attempt['attempt_id']}")
            assert status["status"] == "done", status

    bucket = media.endpoints.s3_bucket

    def stored(area: str, attempt_id: str) -> list[str]:
        prefix = f"tenants/{tenant}/{area}/{attempt_id}/"
        return [o.object_name for o in media.s3.list_objects(bucket, prefix, recursive=True)]

    assert stored("attempts", refused["attempt_id"]) and stored("recordings", answer["attempt_id"])
    erasure = CandidateErasureRequested(
        erasure_id=unique("erasure"),
        candidate_email="c@example.com",
        invitation_ids=[invitation_id],
        requested_by="user:admin",
        requested_at=datetime.now(UTC),
    )
    await media.publish(tenant, "candidate.erasure_requested", erasure, erasure.erasure_id)

    async def gone() -> bool:
        return not any(
            stored(area, a["attempt_id"])
            for area in ("attempts", "recordings")
            for a in (refused, answer)
        )

    await eventually(gone, what="the candidate's media to be deleted")
    async with media.client(key) as staff:
        playback = await staff.get(f"/v1/recordings/{answer['attempt_id']}")
        others = await staff.get(f"/v1/recordings/{kept['attempt_id']}")
    async with media.client(token) as candidate:
        again = await candidate.post("/v1/candidate/attempts", json={"question_id": "q2"})
    assert (playback.status_code, playback.json()["code"]) == (404, "recording_not_found")
    assert others.status_code == 200 and stored("recordings", kept["attempt_id"])
    assert stored("attempts", kept["attempt_id"])  # another candidate's answer stays
    assert again.status_code in (401, 409, 410), again.text  # link revoked, or closed at ingest
