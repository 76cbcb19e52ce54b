"""Transcription figures on the real model: realtime factor for a 60 s answer (bare engine and the
service from event to stored transcript, and their ratio), word error rate, memory, and the
throughput of N queued answers alone and while a transcoding worker encodes beside it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import shutil
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np

from embedded import Endpoints
from services.chassis.bus import make_broker
from services.chassis.telemetry import configure_tracing
from services.transcoding import ffmpeg
from services.transcoding.settings import TranscodingSettings
from services.transcription.app import create
from services.transcription.engine import Engine
from services.transcription.settings import BUNDLED_MODEL_SHA256, TranscriptionSettings
from tests.bench.bench_media import make_clip
from tests.support import serving, settings_for, unique
from tests.transcription import speech
from tests.transcription.harness import Harness

# About 60 s of espeak-ng speech: an answer to "tell us about a project you led".
SENTENCES = (
    "Last spring I led a team of five engineers that moved our billing system to the cloud.",
    "We had run the old system on our own servers for nine years, and it was hard to change.",
    "First we wrote down every job the system did, and which customers depended on each one.",
    "Then we moved the reports, because they only read data and were the safest place to start.",
    "The invoices came next, and we ran the old and the new system side by side for a month.",
    "Every night a script compared their results and sent the differences to the whole team.",
    "We found three bugs in the new code and, to our surprise, two in the old one as well.",
    "The hardest part was the payment provider, whose test environment behaved differently.",
    "In the end we switched over on a Sunday morning, and nobody outside the team noticed.",
    "Our costs went down by a third, and a change that took two weeks now takes two days.",
    "What I learned is that a migration is mostly about people, and only partly about code.",
)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def run(endpoints: Endpoints) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        text = " ".join(SENTENCES)
        answer = speech.answer(Path(tmp), "answer", text=text)
        print(f"answer: {answer.duration:.1f} s of espeak-ng speech, WebM/Opus 32 kbit/s, HLS/AAC")
        before = _peak_mib()
        engine = Engine("", sha256=BUNDLED_MODEL_SHA256, cpu_threads=2)
        started = time.perf_counter()
        engine.load()
        print(f"model load (sha256 check included): {time.perf_counter() - started:.2f} s")
        loaded = _peak_mib()
        from services.transcription import audio

        samples = await audio.decode(answer.hls / "index.m3u8", Path(tmp) / "audio.f32")
        bare = []
        for beam in (5, 1):
            started = time.perf_counter()
            result = engine.transcribe(samples.astype(np.float32), "en", beam)
            seconds = time.perf_counter() - started
            hypothesis = " ".join(w.text for s in result.segments for w in s.words)
            wer = speech.word_error_rate(text, hypothesis)
            print(
                f"bare engine, beam {beam}: {seconds:.2f} s, realtime factor "
                f"{answer.duration / seconds:.1f}x, WER {wer:.1%}"
            )
            if beam == 5:
                bare.append(seconds)
        print(
            f"peak RSS: {before:.0f} MiB before the model, {loaded:.0f} MiB loaded, "
            f"{_peak_mib():.0f} MiB after transcribing"
        )

        settings = settings_for(
            endpoints, unique("transcription"), TranscriptionSettings, job_poll_seconds=0.05
        )
        service = create(settings)
        broker = make_broker(settings_for(endpoints, unique("publisher")), configure_tracing("b"))
        await broker.start()
        try:
            async with serving(service) as url:
                harness = Harness(url, service, broker)
                tenant = unique("t")
                invitation = await harness.invitation(tenant, unique("pos"))
                runs = []
                for _ in range(2):
                    started = time.perf_counter()
                    attempt = await harness.transcoded(tenant, invitation, answer)
                    transcript = await harness.transcript(tenant, attempt, timeout=300)
                    runs.append(time.perf_counter() - started)
                    assert transcript["status"] == "transcribed"
                alone = await _queued(harness, tenant, invitation, answer)
                with tempfile.TemporaryDirectory() as scratch:
                    async with _transcoding_load(Path(scratch)):
                        loaded_run = await _queued(harness, tenant, invitation, answer)
                await harness.http.aclose()
        finally:
            await broker.stop()
        best = min(runs)
        print(
            f"service, event to stored transcript (upload of the rendition included), beam 5: "
            f"{best:.2f} s, realtime factor {answer.duration / best:.1f}x; "
            f"service / bare engine = {best / bare[0]:.2f}"
        )
        n = QUEUED
        print(
            f"throughput, N={n} queued {answer.duration:.0f} s answers, one worker: alone "
            f"{alone:.1f} s = {n * 60 / alone:.2f} answers/min; while a transcoding worker encodes "
            f"720p answers back to back {loaded_run:.1f} s = {n * 60 / loaded_run:.2f} answers/min "
            f"(ratio {alone / loaded_run:.2f})"
        )


QUEUED = int(os.environ.get("BENCH_TRANSCRIPTION_N", "4"))


async def _queued(harness: Harness, tenant: str, invitation: str, answer: speech.Answer) -> float:
    """Seconds from QUEUED answers arriving at once to all their transcripts stored."""
    started = time.perf_counter()
    attempts = await asyncio.gather(
        *(harness.transcoded(tenant, invitation, answer) for _ in range(QUEUED))
    )
    done = await asyncio.gather(*(harness.transcript(tenant, a, timeout=900) for a in attempts))
    assert all(t["status"] == "transcribed" for t in done), done
    return time.perf_counter() - started


@contextlib.asynccontextmanager
async def _transcoding_load(scratch: Path) -> AsyncIterator[None]:
    """The transcoding service's own ffmpeg command on a 60 s 720p answer, run back to back (what
    one transcoding worker does under a backlog) for as long as the block runs."""
    clip = scratch / "answer.webm"
    await asyncio.to_thread(make_clip, clip)
    source = await ffmpeg.probe(str(clip))
    defaults = TranscodingSettings.model_fields
    stop = asyncio.Event()

    async def encode() -> None:
        i = 0
        while not stop.is_set():
            plan = ffmpeg.plan(
                str(clip),
                source,
                scratch / f"run-{i}",
                hls_time=defaults["hls_time"].default,
                preset=defaults["x264_preset"].default,
                threads=defaults["ffmpeg_threads"].default,
            )
            await ffmpeg.run(plan.argv)
            shutil.rmtree(scratch / f"run-{i}", ignore_errors=True)
            i += 1

    task = asyncio.create_task(encode())
    try:
        yield
    finally:
        stop.set()
        await task
