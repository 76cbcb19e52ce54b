"""Media pipeline figures: transcode overhead, N queued answers against bare ffmpeg back to back (BENCH_MEDIA_N, default 6), upload throughput."""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
import secrets
import statistics
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from faststream.kafka import KafkaBroker
from minio import Minio

from contracts import Envelope
from contracts.events.base import Payload
from contracts.events.invitations import Accommodations, InvitationCreated, Question
from contracts.events.recordings import RecordingUploaded
from embedded import Endpoints
from services.chassis import identity as identity_header
from services.chassis.bus import make_broker
from services.chassis.identity import Identity
from services.chassis.process import run as run_tool
from services.chassis.telemetry import configure_tracing
from services.ingest import invitation_view
from services.ingest.app import create as create_ingest
from services.ingest.settings import IngestSettings
from services.ingest.validation import Limits, file_size, validate
from services.transcoding import ffmpeg
from services.transcoding.app import create as create_transcoding
from services.transcoding.settings import TranscodingSettings
from services.transcoding.transcode_jobs import Jobs
from tests.support import INTERNAL_SECRET, eventually, serving, settings_for, unique

CLIP_SECONDS = 60
MIB = 1024 * 1024


def make_clip(path: Path) -> None:
    """A 60 s 720p answer as Chrome records it (WebM VP8 + Opus)."""
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-nostdin",
            "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=30:duration={CLIP_SECONDS}",
            "-f", "lavfi", "-i", f"sine=frequency=440:duration={CLIP_SECONDS}",
            "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "1M",
            "-c:a", "libopus", "-shortest", str(path),
        ],
        check=True,
    )  # fmt: skip


async def publish(
    broker: KafkaBroker, tenant: str, event_type: str, payload: Payload, key: str
) -> None:
    envelope = Envelope(
        type=event_type, source="/bench", tenant=tenant, subject=key, schemaversion=1
    )
    topic = event_type.split(".")[0] + "s"
    await broker.publish(
        payload.model_dump_json().encode(), topic, key=key.encode(), headers=envelope.headers()
    )


def uploaded(tenant: str, key: str, size: int) -> RecordingUploaded:
    return RecordingUploaded(
        attempt_id=unique("att"),
        invitation_id=unique("inv"),
        question_id="q1",
        attempt_number=1,
        object_key=key,
        size_bytes=size,
        container="webm",
        video_codec="vp8",
        audio_codec="opus",
        width=1280,
        height=720,
        duration_seconds=CLIP_SECONDS,
        uploaded_at=datetime.now(UTC),
    )


async def run(endpoints: Endpoints) -> None:
    broker = make_broker(settings_for(endpoints, unique("bench-pub")), configure_tracing("bench"))
    await broker.start()
    s3 = Minio(
        endpoints.s3_endpoint, endpoints.s3_access_key, endpoints.s3_secret_key, secure=False
    )
    try:
        with tempfile.TemporaryDirectory() as scratch:
            clip = Path(scratch) / "answer.webm"
            make_clip(clip)
            await _validation(clip)
            await _transcoding(endpoints, broker, s3, clip, Path(scratch))
        await _uploads(endpoints, broker, s3)
    finally:
        await broker.stop()


async def _validation(clip: Path) -> None:
    """What the candidate waits for at completion: ingest's validation vs a full decode."""
    size = file_size(str(clip))
    limits = Limits(max_bytes=size + 1, max_seconds=CLIP_SECONDS + 3, timeout_seconds=300)
    started = time.perf_counter()
    info = await validate(str(clip), size, limits)
    checked = time.perf_counter() - started
    started = time.perf_counter()
    code, _, err = await run_tool(
        ["ffmpeg", "-v", "error", "-nostdin", "-i", str(clip), "-f", "null", "-"], 300
    )
    assert code == 0, err
    decoded = time.perf_counter() - started
    print(
        f"validation: a {CLIP_SECONDS} s 720p answer ({info.duration_seconds:.1f} s measured) in "
        f"{checked:.2f} s (probe, demux pass, 2 s sample decode) vs {decoded:.2f} s for a full "
        f"decode = ratio {checked / decoded:.3f}"
    )


async def _transcoding(
    endpoints: Endpoints, broker: KafkaBroker, s3: Minio, clip: Path, scratch: Path
) -> None:
    """N queued answers through the service against the same ffmpeg command run N times back
    to back by hand on a local copy (the goal: the service within 10 % of the bare runs)."""
    tenant = unique("bench")
    key = f"tenants/{tenant}/attempts/source-clip/source"
    data = await asyncio.to_thread(clip.read_bytes)
    s3.put_object(endpoints.s3_bucket, key, io.BytesIO(data), len(data))
    cores = os.cpu_count() or 1
    n = int(os.environ.get("BENCH_MEDIA_N", "6"))

    # Bare: the very command the service runs (its preset and threads), one after another.
    settings = settings_for(endpoints, unique("bench-transcoding"), TranscodingSettings)
    source = await ffmpeg.probe(str(clip))
    load_before = _load()
    started = time.perf_counter()
    runs = []
    for i in range(n):
        plan = ffmpeg.plan(
            str(clip),
            source,
            scratch / f"bare-{i}",
            hls_time=settings.hls_time,
            preset=settings.x264_preset,
            threads=settings.ffmpeg_threads,
        )
        one = time.perf_counter()
        await ffmpeg.run(plan.argv)
        runs.append(time.perf_counter() - one)
    bare_elapsed = time.perf_counter() - started
    bare = statistics.median(runs)

    # One service (a new consumer group reads the topic from its start, so a second one would
    # redo the first job): one job alone for the overhead, then N queued for the throughput.
    service = create_transcoding(settings)
    jobs: Jobs = service.app.state.jobs
    async with serving(service):
        event = uploaded(tenant, key, len(data))
        started = time.perf_counter()
        await publish(broker, tenant, "recording.uploaded", event, event.invitation_id)
        [job] = await _done(jobs, tenant, [event.attempt_id], timeout=600)
        wall = time.perf_counter() - started
        result = job["result"]
        print(
            f"transcode overhead: a {CLIP_SECONDS} s 720p answer: bare ffmpeg {bare:.2f} s "
            f"(median of {n}), service {result['transcode_seconds']:.2f} s from claim to result "
            f"(download, ffmpeg, uploads, lease) = ratio {result['transcode_seconds'] / bare:.3f}; "
            f"{wall:.2f} s from publishing recording.uploaded (ratio {wall / bare:.3f}); first "
            f"playable {result['first_playable_seconds']:.2f} s after the claim"
        )
        events = [uploaded(tenant, key, len(data)) for _ in range(n)]
        started = time.perf_counter()
        for event in events:
            await publish(broker, tenant, "recording.uploaded", event, event.invitation_id)
        await _done(jobs, tenant, [e.attempt_id for e in events], timeout=120 * n)
        elapsed = time.perf_counter() - started
    bare_rate, service_rate = n / bare_elapsed * 60, n / elapsed * 60
    print(
        f"throughput: N={n} {CLIP_SECONDS} s 720p answers on {cores} cores: bare ffmpeg back to "
        f"back {bare_elapsed:.1f} s = {bare_rate:.2f} answers/min "
        f"({n * CLIP_SECONDS / bare_elapsed:.2f}x realtime; load {load_before}); queued through "
        f"the service ({settings.worker_count} workers, preset {settings.x264_preset}, threads "
        f"{settings.ffmpeg_threads or 'auto'}) {elapsed:.1f} s = {service_rate:.2f} answers/min "
        f"({n * CLIP_SECONDS / elapsed:.2f}x realtime; load {_load()}) = ratio "
        f"{service_rate / bare_rate:.3f} (goal >= 0.9)"
    )


def _load() -> str:
    """The 1, 5 and 15 minute load averages (the machine may be shared)."""
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


async def _done(jobs: Jobs, tenant: str, attempt_ids: list[str], timeout: float) -> list[Any]:
    async def all_done() -> list[Any] | None:
        docs = await jobs.collection.find(
            {"tenant": tenant, "_id": {"$in": attempt_ids}, "status": {"$in": ["done", "failed"]}}
        ).to_list()
        return docs if len(docs) == len(attempt_ids) else None

    return await eventually(all_done, timeout=timeout, what="the transcodes")


async def _uploads(endpoints: Endpoints, broker: KafkaBroker, s3: Minio) -> None:
    """64 MiB as a file in 8 MiB presigned parts (4 at a time) through ingest's API, against one
    direct put_object of the same bytes; and a 60 s recording in 1 s chunks."""
    tenant = unique("bench")
    settings = settings_for(endpoints, unique("bench-ingest"), IngestSettings)
    service = create_ingest(settings)
    invitation_id = unique("inv")
    now = datetime.now(UTC)
    q = Question(
        question_id="q1", position=0, kind="video", prompt="?", think_seconds=0,
        answer_seconds=3600, retakes=50,
    )  # fmt: skip
    invitation = InvitationCreated(
        invitation_id=invitation_id, position_id="p", position_title="P", question_set_id="qs",
        question_set_version=1, candidate_name="C", candidate_email="c@example.com",
        questions=[q], accommodations=Accommodations(), deadline=now + timedelta(days=1),
        token_hash=hashlib.sha256(b"x").hexdigest(), token_expires_at=now + timedelta(days=1),
        created_at=now,
    )  # fmt: skip
    candidate = Identity(tenant, invitation_id, "candidate", scopes=("interview",))
    headers = {identity_header.HEADER: identity_header.encode(candidate, INTERNAL_SECRET)}
    data = secrets.token_bytes(64 * MIB)
    async with serving(service) as url, httpx.AsyncClient(base_url=url, timeout=120) as api:
        await publish(broker, tenant, "invitation.created", invitation, invitation_id)

        async def known() -> bool:
            # Listing one's attempts answers 200 before the invitation is known, so ask the
            # view the attempt checks (it is filled when ingest consumes invitation.created).
            return await invitation_view.find(service, tenant, invitation_id) is not None

        await eventually(known, what="the invitation at ingest")
        # Interviews are paced: an attempt opens only on a question the candidate went on to.
        revealed = await api.post("/candidate/questions/q1/reveal", headers=headers)
        assert revealed.status_code == 200, revealed.text
        direct_key = f"tenants/{tenant}/bench/direct"
        part = settings.part_bytes
        pieces = [data[i : i + part] for i in range(0, len(data), part)]
        directs, presigneds, totals = [], [], []
        for _ in range(3):  # alternated, medians reported: the machine is shared
            started = time.perf_counter()
            await asyncio.to_thread(
                s3.put_object, endpoints.s3_bucket, direct_key, io.BytesIO(data), len(data)
            )
            directs.append(time.perf_counter() - started)
            started = time.perf_counter()
            presigneds.append(await _presigned(api, headers, "file", pieces, parallel=4))
            totals.append(time.perf_counter() - started)
        direct, presigned, total = (statistics.median(x) for x in (directs, presigneds, totals))
        mb = len(data) / 1e6
        print(
            f"upload: {mb:.0f} MB direct put {mb / direct:.0f} MB/s; presigned multipart "
            f"({len(pieces)} parts of {part // MIB} MiB, 4 at a time, attempt and URLs from "
            f"ingest) {mb / presigned:.0f} MB/s = ratio {direct / presigned:.2f} (medians of 3); "
            f"with completion (S3 complete + ffprobe of the result) {mb / total:.0f} MB/s"
        )
        chunks = [data[i : i + 90_000] for i in range(0, 8 * MIB, 90_000)]
        started = time.perf_counter()
        streamed = await _presigned(api, headers, "stream", chunks, parallel=1)
        total = time.perf_counter() - started
        print(
            f"upload: a recording streamed as {len(chunks)} chunks of 90 kB (1 s each, one at a "
            f"time) {8 * MIB / 1e6 / streamed:.1f} MB/s = {len(chunks) / streamed:.0f} chunks/s "
            f"(browsers make 1/s); assembling them into one object at completion: "
            f"{total - streamed:.2f} s"
        )


async def _presigned(
    api: httpx.AsyncClient, headers: dict[str, str], mode: str, pieces: list[bytes], parallel: int
) -> float:
    """Seconds from opening the attempt to the last piece stored; then completes it."""
    started = time.perf_counter()
    opened = await api.post(
        "/candidate/attempts", json={"question_id": "q1", "mode": mode}, headers=headers
    )
    assert opened.status_code == 201, opened.text
    attempt_id = opened.json()["attempt_id"]
    urls: list[str] = []
    for first in range(0, len(pieces), 100):
        count = min(100, len(pieces) - first)
        got = await api.post(
            f"/candidate/attempts/{attempt_id}/upload-urls",
            json={"first": first, "count": count},
            headers=headers,
        )
        urls += [u["url"] for u in got.json()["urls"]]
    limit = asyncio.Semaphore(parallel)
    async with httpx.AsyncClient(timeout=120) as s3:

        async def put(url: str, piece: bytes) -> None:
            async with limit:
                response = await s3.put(url, content=piece)
                assert response.status_code == 200, response.text

        await asyncio.gather(*(put(u, p) for u, p in zip(urls, pieces, strict=True)))
    stored = time.perf_counter() - started
    done = await api.post(
        f"/candidate/attempts/{attempt_id}/complete", json={"parts": len(pieces)}, headers=headers
    )
    assert done.status_code == 200, done.text  # random bytes: rejected as unreadable, fine here
    return stored
