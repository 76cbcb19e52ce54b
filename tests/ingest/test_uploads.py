"""Resumable uploads and the attempt rules, through the gateway against real S3, Kafka and MongoDB."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contracts.events.invitations import InvitationWithdrawn
from services.ingest.uploads import source_key
from tests.ingest.flows import MIB, complete, open_attempt, put_pieces, record, reveal, split
from tests.ingest.harness import Media, question
from tests.support import eventually

pytestmark = pytest.mark.integration


def stored_object(media: Media, key: str) -> bytes:
    response = media.s3.get_object(media.endpoints.s3_bucket, key)
    try:
        return response.read()
    finally:
        response.close()
        response.release_conn()


async def test_stream_upload_resumes_after_a_dropped_client(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, _ = await media.tenant()
    _, token = await media.invitation(tenant, [question("q1", 0)])
    source = clip_files["chrome.webm"].read_bytes()
    chunks = split(source, 24 * 1024)  # about one second of a browser recording each
    half = len(chunks) // 2

    async with media.client(token) as first_page:
        attempt = await open_attempt(first_page, "q1", "stream", content_type="video/webm")
        attempt_id = attempt["attempt_id"]
        await put_pieces(first_page, attempt_id, chunks[:half])
    # The page reloads: a new client finds the open attempt and what is stored.
    async with media.client(token) as reloaded:
        mine = (await reloaded.get("/v1/candidate/attempts", params={"question_id": "q1"})).json()
        [open_one] = [a for a in mine["attempts"] if a["status"] == "open"]
        assert open_one["attempt_id"] == attempt_id
        stored = (await reloaded.get(f"/v1/candidate/attempts/{attempt_id}/parts")).json()
        assert stored["next_seq"] == half
        assert stored["stored_bytes"] == sum(len(c) for c in chunks[:half])
        await put_pieces(reloaded, attempt_id, chunks[half:], first=stored["next_seq"])
        done = await complete(reloaded, attempt_id, len(chunks))
        assert done.status_code == 200, done.text
        again = await complete(reloaded, attempt_id, len(chunks))  # a retried request
    result = done.json()
    assert result["status"] == "uploaded", result
    assert again.json()["status"] == "uploaded"
    assert (result["container"], result["video_codec"], result["audio_codec"]) == (
        "webm",
        "vp8",
        "opus",
    )
    assert result["selected"] is True
    assert 3.5 < result["duration_seconds"] < 4.5
    assert stored_object(media, source_key(tenant, attempt_id)) == source
    chunk_prefix = f"tenants/{tenant}/attempts/{attempt_id}/chunks/"
    left = media.s3.list_objects(media.endpoints.s3_bucket, prefix=chunk_prefix, recursive=True)
    assert list(left) == []
    [uploaded] = await media.outbox_events(media.ingest, "recording.uploaded", attempt_id)
    assert uploaded["object_key"] == source_key(tenant, attempt_id)
    assert uploaded["size_bytes"] == len(source)
    assert len(await media.outbox_events(media.ingest, "recording.started", attempt_id)) == 1
    assert len(await media.outbox_events(media.ingest, "recording.selected", attempt_id)) == 1


async def test_file_upload_in_multipart_parts_resumes(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, _ = await media.tenant()
    _, token = await media.invitation(tenant, [question("q1", 0)])
    source = clip_files["phone.mp4"].read_bytes()
    parts = split(source, 5 * MIB)
    assert len(parts) == 3
    async with media.client(token) as candidate:
        attempt = await open_attempt(
            candidate, "q1", "file", content_type="video/mp4", declared_bytes=len(source)
        )
        attempt_id = attempt["attempt_id"]
        await put_pieces(candidate, attempt_id, parts[:1])
    async with media.client(token) as reconnected:
        stored = (await reconnected.get(f"/v1/candidate/attempts/{attempt_id}/parts")).json()
        assert [p["seq"] for p in stored["parts"]] == [0]
        assert stored["next_seq"] == 1
        await put_pieces(reconnected, attempt_id, parts[1:], first=1)
        done = await complete(reconnected, attempt_id, len(parts))
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "uploaded"
    assert done.json()["container"] == "mp4"
    assert stored_object(media, source_key(tenant, attempt_id)) == source


async def test_stream_chunks_of_any_size_are_assembled_in_order(
    media: Media, clip_files: dict[str, Path]
) -> None:
    """A big chunk is copied server-side, small ones are joined into 5 MiB+ parts."""
    tenant, _ = await media.tenant()
    _, token = await media.invitation(tenant, [question("q1", 0)])
    source = clip_files["phone.mp4"].read_bytes()
    cut = [0, 6 * MIB, 6 * MIB + 1000, 6 * MIB + 90_000, 9 * MIB, len(source)]
    chunks = [source[a:b] for a, b in itertools.pairwise(cut)]
    async with media.client(token) as candidate:
        attempt = await open_attempt(candidate, "q1", "stream")
        await put_pieces(candidate, attempt["attempt_id"], chunks)
        done = await complete(candidate, attempt["attempt_id"], len(chunks))
    assert done.json()["status"] == "uploaded", done.text
    assert stored_object(media, source_key(tenant, attempt["attempt_id"])) == source


async def test_completing_with_missing_chunks_names_them(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, _ = await media.tenant()
    _, token = await media.invitation(tenant, [question("q1", 0)])
    chunks = split(clip_files["chrome.webm"].read_bytes(), 100 * 1024)
    async with media.client(token) as candidate:
        attempt = await open_attempt(candidate, "q1")
        await put_pieces(candidate, attempt["attempt_id"], chunks[:2])
        await put_pieces(candidate, attempt["attempt_id"], chunks[3:], first=3)
        response = await complete(candidate, attempt["attempt_id"], len(chunks))
        stored = (
            await candidate.get(f"/v1/candidate/attempts/{attempt['attempt_id']}/parts")
        ).json()
    assert response.status_code == 409
    assert response.json()["code"] == "parts_missing"
    assert response.json()["errors"] == [{"seq": 2}]
    assert stored["next_seq"] == 2


async def test_attempts_follow_the_invitation(media: Media, clip_files: dict[str, Path]) -> None:
    tenant, key = await media.tenant()
    questions = [
        question("practice", 0, practice=True),
        question("q1", 1, retakes=1),
        question("text", 2, kind="text"),
        question("q2", 3, retakes=0),
    ]
    invitation_id, token = await media.invitation(tenant, questions)
    clip = clip_files["small.webm"].read_bytes()
    async with media.client(token) as candidate:
        early = await candidate.post("/v1/candidate/attempts", json={"question_id": "q2"})
        assert early.json()["code"] == "question_out_of_order"
        text = await candidate.post("/v1/candidate/attempts", json={"question_id": "text"})
        assert text.status_code == 409 and text.json()["code"] == "question_not_video"
        unknown = await candidate.post("/v1/candidate/attempts", json={"question_id": "nope"})
        assert unknown.json()["code"] == "question_not_found"
        first = await open_attempt(candidate, "q1")
        busy = await candidate.post("/v1/candidate/attempts", json={"question_id": "q1"})
        assert (busy.status_code, busy.json()["code"]) == (409, "attempt_open")
        pieces = split(clip, 64 * 1024)
        await put_pieces(candidate, first["attempt_id"], pieces)
        assert (await complete(candidate, first["attempt_id"], len(pieces))).status_code == 200
        retake = await record(candidate, "q1", clip)
        assert retake["status"] == "uploaded" and retake["attempt_number"] == 2
        assert (await candidate.get(f"/v1/candidate/attempts/{first['attempt_id']}")).json()[
            "selected"
        ] is False
        spent = await candidate.post("/v1/candidate/attempts", json={"question_id": "q1"})
        assert spent.json()["code"] == "no_retakes_left"
        chosen = await candidate.post(f"/v1/candidate/attempts/{first['attempt_id']}/select")
        assert chosen.status_code == 200 and chosen.json()["selected"] is True
        await reveal(candidate, "text")  # the questions come in order, written ones too
        written = {"text": "An answer."}
        answered = await candidate.post("/v1/candidate/questions/text/answer", json=written)
        assert answered.status_code == 200, answered.text
        await record(candidate, "q2", clip)
        closed = await candidate.post(f"/v1/candidate/attempts/{retake['attempt_id']}/select")
        assert closed.json()["code"] == "question_closed"

    selected = await media.outbox_events(media.ingest, "recording.selected", first["attempt_id"])
    assert len(selected) == 2  # on upload, then chosen again after the retake
    async with media.client(key) as staff:
        listed = (await staff.get(f"/v1/invitations/{invitation_id}/attempts")).json()
    picked = {a["question_id"]: a["attempt_id"] for a in listed["attempts"] if a["selected"]}
    assert picked["q1"] == first["attempt_id"]

    # Another candidate and another tenant see nothing of it.
    _, other_token = await media.invitation(tenant, [question("q1", 0)])
    _, other_key = await media.tenant()
    async with media.client(other_token) as other, media.client(other_key) as stranger:
        theirs = await other.get(f"/v1/candidate/attempts/{first['attempt_id']}")
        foreign = await stranger.get(f"/v1/attempts/{first['attempt_id']}")
    assert (theirs.status_code, theirs.json()["code"]) == (404, "attempt_not_found")
    assert (foreign.status_code, foreign.json()["code"]) == (404, "attempt_not_found")


async def test_a_withdrawn_invitation_takes_no_new_attempt(media: Media) -> None:
    tenant, _ = await media.tenant()
    invitation_id, token = await media.invitation(tenant, [question("q1", 0)])
    event = InvitationWithdrawn(invitation_id=invitation_id, withdrawn_at=datetime.now(UTC))
    await media.publish(tenant, "invitation.withdrawn", event, invitation_id)

    async def refused() -> bool:
        async with media.client(token) as candidate:
            response = await candidate.post("/v1/candidate/attempts", json={"question_id": "q1"})
        return response.status_code in (409, 410)

    await eventually(refused, what="attempts refused after the withdrawal")
